import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import type { Numeric } from '../../src/core/types.js';
import { grossRevenueChurnRate } from '../../src/revenue/grossRevenueChurnRate.js';
import { grossRevenueRetention } from '../../src/revenue/grossRevenueRetention.js';
import { errorOf } from '../support/errorOf.js';
import { amount, cents, form } from './rateArbitraries.js';

const row = fc
  .record({ kept: cents, churned: cents, contraction: cents, expansion: cents, as: form })
  .map(({ kept, churned, contraction, expansion, as }) => ({
    startingMrr: amount(kept + churned + contraction, as),
    churnedMrr: amount(churned, as),
    contractionMrr: amount(contraction, as),
    expansionMrr: amount(expansion, as),
  }));

describe('grossRevenueRetention: worked examples', () => {
  it('keeps starting MRR minus contraction and churn, ignoring expansion', () => {
    // (100 − 5 − 5) / 100 = 0.9
    expect(grossRevenueRetention({ startingMrr: 100, contractionMrr: 5, churnedMrr: 5 })?.toString()).toBe(
      '0.9',
    );
    // (1200 − 0 − 300) / 1200 = 0.75, a huge expansion does not count
    const withExpansion = { startingMrr: 1200, contractionMrr: 0, churnedMrr: 300, expansionMrr: 5000 };
    expect(grossRevenueRetention(withExpansion)?.toString()).toBe('0.75');
  });

  it('is null over zero starting MRR', () => {
    expect(grossRevenueRetention({ startingMrr: 0, contractionMrr: 0, churnedMrr: 0 })).toBeNull();
  });
});

describe('grossRevenueRetention: published references', () => {
  it('ChartMogul month (start 100, churn 10, contraction 10, expansion 10) → 80 %, derived', () => {
    // help.chartmogul.com "Chart: Net MRR Churn Rate" example month; GRR counts losses only (ChartMogul
    // "Gross MRR Retention"): (100 − 10 − 10) / 100 = 80 % = 1 − 20 % gross churn.
    expect(grossRevenueRetention({ startingMrr: 100, contractionMrr: 10, churnedMrr: 10 })?.toString()).toBe(
      '0.8',
    );
  });
});

describe('grossRevenueRetention: properties', () => {
  it('lies in [0, 1] for any snapshot row', () => {
    fc.assert(
      fc.property(row, (input) => {
        const grr = grossRevenueRetention(input);
        if (grr !== null) expect(grr.greaterThanOrEqualTo(0) && grr.lessThanOrEqualTo(1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('equals 1 − gross revenue churn', () => {
    fc.assert(
      fc.property(row, (input) => {
        const grr = grossRevenueRetention(input);
        const churn = grossRevenueChurnRate(input);
        if (churn === null) expect(grr).toBeNull();
        else expect(grr!.minus(new Decimal(1).minus(churn)).abs().lessThanOrEqualTo('1e-35')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is unchanged when every amount is multiplied by the same positive constant', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 100_000 }), (input, k) => {
        const scale = (value: Numeric) => new Decimal(value).times(k).dividedBy(4);
        const scaled = {
          startingMrr: scale(input.startingMrr),
          contractionMrr: scale(input.contractionMrr),
          churnedMrr: scale(input.churnedMrr),
        };
        expect(grossRevenueRetention(scaled)?.toString()).toBe(grossRevenueRetention(input)?.toString());
      }),
      { numRuns: 200 },
    );
  });
});

describe('grossRevenueRetention: bad input', () => {
  it('rejects losses above starting MRR and negative amounts, naming the field', () => {
    expect(
      errorOf(() => grossRevenueRetention({ startingMrr: 1, contractionMrr: 1, churnedMrr: '0.01' })),
    ).toMatchObject({ code: 'out_of_range', path: ['churnedMrr'] });
    expect(
      errorOf(() => grossRevenueRetention({ startingMrr: 1, contractionMrr: -1, churnedMrr: 0 })),
    ).toMatchObject({ code: 'negative_amount', path: ['contractionMrr'] });
    expect(
      errorOf(() => grossRevenueRetention({ startingMrr: '1,5', contractionMrr: 0, churnedMrr: 0 })),
    ).toMatchObject({
      code: 'invalid_number',
      path: ['startingMrr'],
    });
    expect(errorOf(() => grossRevenueRetention([] as never)).code).toBe('invalid_type');
  });
});

describe('grossRevenueRetention: types', () => {
  it('promises Decimal | null', () => {
    expectTypeOf(grossRevenueRetention).returns.toEqualTypeOf<Decimal | null>();
  });
});
