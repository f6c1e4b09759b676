import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { Decimal } from '../../src/core/internal/decimal.js';
import { isNegativeChurn } from '../../src/revenue/isNegativeChurn.js';
import { netRevenueRetention } from '../../src/revenue/netRevenueRetention.js';
import { cents } from './rateArbitraries.js';

const row = fc
  .record({ kept: cents, churned: cents, contraction: cents, expansion: cents, reactivation: cents })
  .map((c) => ({
    cents: c,
    input: {
      startingMrr: new Decimal(c.kept + c.churned + c.contraction).dividedBy(100),
      churnedMrr: (c.churned / 100).toFixed(2),
      contractionMrr: c.contraction / 100,
      expansionMrr: new Decimal(c.expansion).dividedBy(100),
      reactivationMrr: (c.reactivation / 100).toFixed(2),
    },
  }));

describe('isNegativeChurn: worked examples', () => {
  it('is true when expansion exceeds churn plus contraction', () => {
    // 45 > 20 + 10
    expect(isNegativeChurn({ startingMrr: 1000, churnedMrr: 20, contractionMrr: 10, expansionMrr: 45 })).toBe(
      true,
    );
    // 25 > 30 is false under the default 'exclude'; 25 + 10 > 30 counts under 'include'
    const input = {
      startingMrr: 1000,
      churnedMrr: 20,
      contractionMrr: 10,
      expansionMrr: 25,
      reactivationMrr: 10,
    };
    expect(isNegativeChurn(input)).toBe(false);
    expect(isNegativeChurn(input, { reactivation: 'include' })).toBe(true);
  });

  it('is false when gains exactly balance losses, and null without starting MRR', () => {
    expect(isNegativeChurn({ startingMrr: 100, churnedMrr: 5, contractionMrr: 5, expansionMrr: 10 })).toBe(
      false,
    );
    expect(
      isNegativeChurn({ startingMrr: 0, churnedMrr: 0, contractionMrr: 0, expansionMrr: 10 }),
    ).toBeNull();
  });
});

describe('isNegativeChurn: published references', () => {
  it('ChartMogul month (net MRR churn 10 %) is not negative churn; its Shopify day (−10 %) is', () => {
    // help.chartmogul.com "Chart: Net MRR Churn Rate": ((10 + 10) − (10 + 0)) ÷ 100 = 10 %, and 1 − (110 ÷ 100) = −10 %.
    expect(isNegativeChurn({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10 })).toBe(
      false,
    );
    expect(isNegativeChurn({ startingMrr: 100, churnedMrr: 0, contractionMrr: 0, expansionMrr: 10 })).toBe(
      true,
    );
  });
});

describe('isNegativeChurn: properties', () => {
  it('agrees with comparing gains and losses in whole cents (oracle), under both options', () => {
    fc.assert(
      fc.property(row, ({ cents: c, input }) => {
        const starting = c.kept + c.churned + c.contraction;
        const include = isNegativeChurn(input, { reactivation: 'include' });
        const exclude = isNegativeChurn(input);
        if (starting === 0) {
          expect(include).toBeNull();
          expect(exclude).toBeNull();
        } else {
          expect(include).toBe(c.expansion + c.reactivation > c.churned + c.contraction);
          expect(exclude).toBe(c.expansion > c.churned + c.contraction);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is the same as net revenue retention above 1, both under their defaults', () => {
    fc.assert(
      fc.property(row, ({ input }) => {
        const nrr = netRevenueRetention(input);
        expect(isNegativeChurn(input)).toBe(nrr === null ? null : nrr.greaterThan(1));
      }),
      { numRuns: 200 },
    );
  });
});

describe('isNegativeChurn: bad input', () => {
  it('reports the errors of netRevenueChurnRate', () => {
    expect(() =>
      isNegativeChurn({ startingMrr: 1, churnedMrr: 2, contractionMrr: 0, expansionMrr: 0 }),
    ).toThrow(MetricInputError);
    expect(() =>
      isNegativeChurn({ startingMrr: 1, churnedMrr: 0, contractionMrr: 0, expansionMrr: -1 }),
    ).toThrow(/expansionMrr/);
  });
});

describe('isNegativeChurn: types', () => {
  it('promises boolean | null', () => {
    expectTypeOf(isNegativeChurn).returns.toEqualTypeOf<boolean | null>();
  });
});
