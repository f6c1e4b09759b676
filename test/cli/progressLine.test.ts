import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progressLine.js';

describe('progressLine', () => {
  it('redraws in place only when the whole percent changes, and erases the line when done', () => {
    let written = '';
    const line = progressLine((text) => (written += text));
    line.done();
    expect(written).toBe('');
    for (const percentage of [0.2, 0.7, 12.5, 12.9, 100, 140]) line.update(percentage);
    expect(written).toBe('\rDuckDB: 0 %\rDuckDB: 12 %\rDuckDB: 100 %');
    // A new step redraws at 0 %, padded over the longer text before it.
    line.update(0, 'movements');
    line.update(3, 'x');
    expect(written.endsWith('\rDuckDB movements: 0 %\rDuckDB x: 3 %        ')).toBe(true);
    line.done();
    line.done();
    expect(written.endsWith('\r\u001b[2K')).toBe(true);
    expect(written.split('\u001b[2K')).toHaveLength(2);
  });

  it('never shows a number outside 0..100 and never writes a line break, for any progress', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 1000, noNaN: true })), (values) => {
        let written = '';
        const line = progressLine((text) => (written += text));
        for (const value of values) line.update(value, value > 500 ? 'b' : undefined);
        line.done();
        expect(written).not.toContain('\n');
        for (const match of written.matchAll(/DuckDB[^:]*: (\d+) %/g)) {
          expect(Number(match[1])).toBeGreaterThanOrEqual(0);
          expect(Number(match[1])).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
