import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { svgHeatColor } from '../../src/cli/svgHeatColor.js';
import { Decimal } from '../../src/core/internal/decimal.js';

function channels(color: string): number[] {
  return [1, 3, 5].map((start) => Number.parseInt(color.slice(start, start + 2), 16));
}

describe('svgHeatColor', () => {
  it('runs from near-white at 0 to dark blue at 1 (hand-computed midpoint)', () => {
    expect(svgHeatColor(new Decimal(0))).toBe('#f0f6fc');
    expect(svgHeatColor(new Decimal(1))).toBe('#08306b');
    // 0.5: (240 + 8) / 2 = 124 = 0x7c, (246 + 48) / 2 = 147 = 0x93, (252 + 107) / 2 = 179.5 → half-even 180 = 0xb4.
    expect(svgHeatColor(new Decimal('0.5'))).toBe('#7c93b4');
  });

  it('clamps ratios outside [0, 1] and greys out a missing value', () => {
    expect(svgHeatColor(new Decimal('1.4'))).toBe('#08306b');
    expect(svgHeatColor(new Decimal(-1))).toBe('#f0f6fc');
    expect(svgHeatColor(null)).toBe('#e5e7eb');
  });

  it('never gets lighter as the ratio grows, in any channel, for any two ratios', () => {
    const ratio = fc.integer({ min: -200, max: 1200 }).map((value) => new Decimal(value).dividedBy(1000));
    fc.assert(
      fc.property(ratio, ratio, (a, b) => {
        const [low, high] = a.lessThanOrEqualTo(b) ? [a, b] : [b, a];
        const lighter = channels(svgHeatColor(low));
        const darker = channels(svgHeatColor(high));
        for (const [channel, value] of darker.entries()) {
          expect(value).toBeLessThanOrEqual(lighter[channel]!);
        }
      }),
      { numRuns: 200 },
    );
  });
});
