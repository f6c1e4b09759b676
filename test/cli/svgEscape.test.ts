import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { svgEscape } from '../../src/cli/svgEscape.js';

describe('svgEscape', () => {
  it('turns markup characters into entities', () => {
    expect(svgEscape(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
    expect(svgEscape('')).toBe('');
    expect(svgEscape('cus_0001 · 63437.99 %')).toBe('cus_0001 · 63437.99 %');
  });

  it('leaves no markup character and decodes back to the input, for any string', () => {
    const decode = (text: string) =>
      text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const escaped = svgEscape(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(decode(escaped)).toBe(text);
      }),
      { numRuns: 100 },
    );
    // Took 4–6 s on the shared 2-core CI machine under load, past vitest's 5 s default.
  }, 30_000);
});
