import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { cacPaybackMonths, type Decimal } from '../../src/index.js';
import { expectInputError } from './helpers.js';

describe('cacPaybackMonths', () => {
  it('divides CAC by the monthly gross profit', () => {
    // 600 / (100 × 0.8) = 7.5; without a margin 600 / 100 = 6
    expect(cacPaybackMonths({ cac: 600, arpa: 100, grossMargin: 0.8 })?.toString()).toBe('7.5');
    expect(cacPaybackMonths({ cac: 600, arpa: 100 })?.toString()).toBe('6');
  });

  it("reproduces Bessemer's example: 770k / (100k × 0.70) = 11 months", () => {
    // Bessemer Venture Partners, "Bessemer Cloud Computing Law #6: Build the Revenue Engine" (D. Cowan, 2012):
    // $100k of new CMRR at 70 % gross margin against $770k of S&M gives a CAC payback of 11 months.
    expect(cacPaybackMonths({ cac: 770000, arpa: 100000, grossMargin: 0.7 })?.toString()).toBe('11');
  });

  it('is null when the customer brings no gross profit', () => {
    expect(cacPaybackMonths({ cac: 100, arpa: 0 })).toBeNull();
    expect(cacPaybackMonths({ cac: 100, arpa: 50, grossMargin: 0 })).toBeNull();
    expectTypeOf(cacPaybackMonths).returns.toEqualTypeOf<Decimal | null>();
  });

  it('payback × MRR × margin = CAC, for any inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        (cacCents, mrrCents, marginPercent) => {
          const cac = cacCents / 100;
          const mrr = mrrCents / 100;
          const margin = marginPercent / 100;
          const payback = cacPaybackMonths({ cac, arpa: mrr, grossMargin: margin })!;
          expect(payback.times(mrr).times(margin).minus(cac).abs().lessThan('1e-25')).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rejects negative amounts and margins outside [0, 1]', () => {
    expectInputError(() => cacPaybackMonths({ cac: -1, arpa: 1 }), 'negative_amount', ['cac']);
    expectInputError(() => cacPaybackMonths({ cac: 1, arpa: -1 }), 'negative_amount', ['arpa']);
    expectInputError(() => cacPaybackMonths({ cac: 1, arpa: 1, grossMargin: 1.2 }), 'out_of_range', [
      'grossMargin',
    ]);
  });
});
