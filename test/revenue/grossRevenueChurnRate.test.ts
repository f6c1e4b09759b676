import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { grossRevenueChurnRate } from '../../src/revenue/grossRevenueChurnRate.js';
import { errorOf } from '../support/errorOf.js';
import { amount, cents, form } from './rateArbitraries.js';

// Starting MRR split into what was kept, churned and contracted, as snapshot movements always are.
const row = fc
  .record({ kept: cents, churned: cents, contraction: cents, as: form })
  .map(({ kept, churned, contraction, as }) => ({
    cents: { starting: kept + churned + contraction, churned, contraction },
    input: {
      startingMrr: amount(kept + churned + contraction, as),
      churnedMrr: amount(churned, as),
      contractionMrr: amount(contraction, as),
    },
  }));

describe('grossRevenueChurnRate: worked examples', () => {
  it('divides churned plus contraction MRR by starting MRR', () => {
    // (30 + 12.5) / 850 = 42.5 / 850 = 0.05
    expect(
      grossRevenueChurnRate({ startingMrr: 850, churnedMrr: 30, contractionMrr: '12.50' })?.toString(),
    ).toBe('0.05');
  });

  it('is 0 without losses, 1 when everything is lost, and null over zero starting MRR', () => {
    expect(grossRevenueChurnRate({ startingMrr: 10, churnedMrr: 0, contractionMrr: 0 })?.toString()).toBe(
      '0',
    );
    expect(grossRevenueChurnRate({ startingMrr: 10, churnedMrr: 7, contractionMrr: 3 })?.toString()).toBe(
      '1',
    );
    expect(grossRevenueChurnRate({ startingMrr: 0, churnedMrr: 0, contractionMrr: 0 })).toBeNull();
  });

  it('ignores expansion and every other field of a period row', () => {
    const periodRow = {
      startingMrr: new Decimal(400),
      newMrr: new Decimal(999),
      expansionMrr: new Decimal(50),
      contractionMrr: new Decimal(4),
      churnedMrr: new Decimal(16),
      reactivationMrr: new Decimal(7),
      endingMrr: new Decimal(1436),
      startingCustomers: 8,
    };
    // (16 + 4) / 400 = 0.05
    expect(grossRevenueChurnRate(periodRow)?.toString()).toBe('0.05');
  });
});

describe('grossRevenueChurnRate: published references', () => {
  it('ChartMogul: start 100, churn 10, contraction 10 (expansion 10) → 20 %', () => {
    // help.chartmogul.com "Chart: Net MRR Churn Rate" example month; gross counts only the losses:
    // (10 + 10) / 100 = 20 %.
    expect(grossRevenueChurnRate({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10 })?.toString()).toBe(
      '0.2',
    );
  });
});

describe('grossRevenueChurnRate: properties', () => {
  it('lies in [0, 1] for any snapshot row', () => {
    fc.assert(
      fc.property(row, ({ input }) => {
        const rate = grossRevenueChurnRate(input);
        if (rate !== null) expect(rate.greaterThanOrEqualTo(0) && rate.lessThanOrEqualTo(1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with whole-cent arithmetic (oracle) and is null exactly when nothing was there at the start', () => {
    fc.assert(
      fc.property(row, ({ cents: c, input }) => {
        const rate = grossRevenueChurnRate(input);
        if (c.starting === 0) expect(rate).toBeNull();
        else
          expect(
            rate!
              .times(c.starting)
              .minus(c.churned + c.contraction)
              .abs()
              .lessThan('1e-30'),
          ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is unchanged when every amount is multiplied by the same positive constant', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 10_000 }), ({ input }, k) => {
        const scaled = {
          startingMrr: new Decimal(input.startingMrr).times(k).dividedBy(8),
          churnedMrr: new Decimal(input.churnedMrr).times(k).dividedBy(8),
          contractionMrr: new Decimal(input.contractionMrr).times(k).dividedBy(8),
        };
        expect(grossRevenueChurnRate(scaled)?.toString()).toBe(grossRevenueChurnRate(input)?.toString());
      }),
      { numRuns: 200 },
    );
  });
});

describe('grossRevenueChurnRate: bad input', () => {
  it('rejects losses above starting MRR', () => {
    const error = errorOf(() =>
      grossRevenueChurnRate({ startingMrr: 100, churnedMrr: 80, contractionMrr: 30 }),
    );
    expect(error).toMatchObject({ code: 'out_of_range', path: ['churnedMrr'], received: '110' });
    expect(error.message).toBe('churnedMrr + contractionMrr (110) must not exceed startingMrr (100)');
    expect(
      errorOf(() => grossRevenueChurnRate({ startingMrr: 0, churnedMrr: 1, contractionMrr: 0 })).code,
    ).toBe('out_of_range');
  });

  it('rejects negative, non-finite and non-numeric amounts, naming the field', () => {
    expect(
      errorOf(() => grossRevenueChurnRate({ startingMrr: -1, churnedMrr: 0, contractionMrr: 0 })),
    ).toMatchObject({ code: 'negative_amount', path: ['startingMrr'] });
    expect(
      errorOf(() => grossRevenueChurnRate({ startingMrr: 1, churnedMrr: -0.01, contractionMrr: 0 })),
    ).toMatchObject({ code: 'negative_amount', path: ['churnedMrr'] });
    expect(
      errorOf(() => grossRevenueChurnRate({ startingMrr: 1, churnedMrr: 0, contractionMrr: Infinity })),
    ).toMatchObject({ code: 'not_finite', path: ['contractionMrr'] });
    expect(errorOf(() => grossRevenueChurnRate({ startingMrr: 1, churnedMrr: 0 } as never))).toMatchObject({
      code: 'invalid_type',
      path: ['contractionMrr'],
    });
    expect(errorOf(() => grossRevenueChurnRate('100' as never)).code).toBe('invalid_type');
  });
});

describe('grossRevenueChurnRate: types', () => {
  it('promises Decimal | null', () => {
    expectTypeOf(grossRevenueChurnRate).returns.toEqualTypeOf<Decimal | null>();
  });
});
