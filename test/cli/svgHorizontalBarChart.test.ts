import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HORIZONTAL_BAR_MAX_WIDTH, svgHorizontalBarChart } from '../../src/cli/svgHorizontalBarChart.js';

function widths(svg: string): number[] {
  return [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*data-value=/g)].map((match) => Number(match[1]));
}

describe('svgHorizontalBarChart', () => {
  it('draws bars proportional to the values (hand-computed)', () => {
    // Max 174 → 320 px; 135 / 174 × 320 = 248.2758… → 248.28; 109 / 174 × 320 = 200.4597… → 200.46.
    const svg = svgHorizontalBarChart({
      title: 'bands',
      bars: [
        { label: 'red', value: 135, text: '135', color: 'red' },
        { label: 'yellow', value: 109, text: '109', color: 'yellow' },
        { label: 'green', value: 174, text: '174', color: 'green' },
      ],
    });
    expect(widths(svg)).toEqual([248.28, 200.46, 320]);
    expect(svg).toContain('<title>yellow: 109</title>');
  });

  it('draws zero-width bars when every value is 0, and escapes labels', () => {
    const svg = svgHorizontalBarChart({
      title: '<t>',
      bars: [{ label: '<script>', value: 0, text: '0 & none', color: '"red"' }],
    });
    expect(widths(svg)).toEqual([0]);
    expect(svg).not.toMatch(/<(script|t)>/);
    expect(svg).toContain('0 &amp; none');
    expect(svg).toContain('fill="&quot;red&quot;"');
    expect(svgHorizontalBarChart({ title: 'none', bars: [] })).toContain('height="30"');
  });

  it('keeps every width within 0.005 px of value / max × the full width, for any counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 8 }), (values) => {
        const svg = svgHorizontalBarChart({
          title: 't',
          bars: values.map((value) => ({ label: 'b', value, text: String(value), color: '#000' })),
        });
        const max = Math.max(...values);
        widths(svg).forEach((width, index) => {
          const exact = max === 0 ? 0 : (values[index]! / max) * HORIZONTAL_BAR_MAX_WIDTH;
          expect(Math.abs(width - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
        });
      }),
      { numRuns: 60 },
    );
  });
});
