import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { grossRevenueChurnRate } from '../../src/revenue/grossRevenueChurnRate.js';
import { netRevenueChurnRate } from '../../src/revenue/netRevenueChurnRate.js';
import { errorOf } from '../support/errorOf.js';
import { amount, cents, form } from './rateArbitraries.js';

const row = fc
  .record({
    kept: cents,
    churned: cents,
    contraction: cents,
    expansion: cents,
    reactivation: cents,
    as: form,
  })
  .map(({ kept, churned, contraction, expansion, reactivation, as }) => ({
    cents: { starting: kept + churned + contraction, churned, contraction, expansion, reactivation },
    input: {
      startingMrr: amount(kept + churned + contraction, as),
      churnedMrr: amount(churned, as),
      contractionMrr: amount(contraction, as),
      expansionMrr: amount(expansion, as),
      reactivationMrr: amount(reactivation, as),
    },
  }));

describe('netRevenueChurnRate: worked examples', () => {
  it("offsets losses by expansion, and by reactivation only under 'include'", () => {
    const input = { startingMrr: 100, churnedMrr: 5, contractionMrr: 0, expansionMrr: 4, reactivationMrr: 3 };
    // (5 + 0 − 4) / 100 = 0.01
    expect(netRevenueChurnRate(input)?.toString()).toBe('0.01');
    // (5 + 0 − 4 − 3) / 100 = −0.02: negative churn
    expect(netRevenueChurnRate(input, { reactivation: 'include' })?.toString()).toBe('-0.02');
  });

  it('treats a missing reactivation amount as 0 and is null over zero starting MRR', () => {
    // (30 + 20 − 10) / 400 = 0.1
    expect(
      netRevenueChurnRate({
        startingMrr: 400,
        churnedMrr: 30,
        contractionMrr: 20,
        expansionMrr: 10,
      })?.toString(),
    ).toBe('0.1');
    expect(
      netRevenueChurnRate({
        startingMrr: 0,
        churnedMrr: 0,
        contractionMrr: 0,
        expansionMrr: 10,
        reactivationMrr: 5,
      }),
    ).toBeNull();
  });
});

describe('netRevenueChurnRate: published references', () => {
  it('ChartMogul standard formula: start 100, churn 10, contraction 10, expansion 10 → 10 %', () => {
    // help.chartmogul.com "Chart: Net MRR Churn Rate", Standard Formula (B2B): ((10 + 10) − (10 + 0)) ÷ 100 = 10 %.
    expect(
      netRevenueChurnRate({
        startingMrr: 100,
        churnedMrr: 10,
        contractionMrr: 10,
        expansionMrr: 10,
        reactivationMrr: 0,
      })?.toString(),
    ).toBe('0.1');
  });

  it('ChartMogul Shopify (B2C) daily term: 100 → 120 with 10 new → −10 %, the same as the standard formula for one day', () => {
    // help.chartmogul.com "Chart: Net MRR Churn Rate", Shopify Formula: 1 − ((120 − 10) ÷ 100) = −10 %.
    // The other 10 of growth came from existing customers, i.e. expansion: (0 + 0 − 10) / 100.
    expect(
      netRevenueChurnRate({
        startingMrr: 100,
        churnedMrr: 0,
        contractionMrr: 0,
        expansionMrr: 10,
      })?.toString(),
    ).toBe('-0.1');
  });
});

describe('netRevenueChurnRate: properties', () => {
  it('never exceeds gross revenue churn, so never exceeds 1', () => {
    fc.assert(
      fc.property(row, fc.constantFrom('exclude', 'include' as const), ({ input }, reactivation) => {
        const net = netRevenueChurnRate(input, { reactivation });
        const gross = grossRevenueChurnRate(input);
        if (net === null) expect(gross).toBeNull();
        else {
          expect(net.lessThanOrEqualTo(gross!)).toBe(true);
          expect(net.lessThanOrEqualTo(1)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("differs between the default 'exclude' and 'include' by exactly reactivation over starting MRR", () => {
    fc.assert(
      fc.property(row, ({ cents: c, input }) => {
        const include = netRevenueChurnRate(input, { reactivation: 'include' });
        const exclude = netRevenueChurnRate(input);
        if (c.starting === 0) return;
        const gap = exclude!.minus(include!).times(c.starting);
        expect(gap.minus(c.reactivation).abs().lessThan('1e-30')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is negative exactly when gains exceed losses, by whole-cent arithmetic (oracle)', () => {
    fc.assert(
      fc.property(row, ({ cents: c, input }) => {
        const rate = netRevenueChurnRate(input, { reactivation: 'include' });
        if (c.starting === 0) return;
        expect(rate!.isNegative() && !rate!.isZero()).toBe(
          c.expansion + c.reactivation > c.churned + c.contraction,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('is unchanged when every amount is multiplied by the same positive constant', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 100_000 }), ({ input }, k) => {
        const scaled = Object.fromEntries(
          Object.entries(input).map(([key, value]) => [key, new Decimal(value).times(k).dividedBy(5)]),
        ) as unknown as typeof input;
        expect(netRevenueChurnRate(scaled)?.toString()).toBe(netRevenueChurnRate(input)?.toString());
      }),
      { numRuns: 200 },
    );
  });
});

describe('netRevenueChurnRate: bad input', () => {
  it('rejects negative amounts, losses above starting MRR and unknown options', () => {
    const base = { startingMrr: 100, churnedMrr: 1, contractionMrr: 1, expansionMrr: 1 };
    expect(errorOf(() => netRevenueChurnRate({ ...base, reactivationMrr: -1 }))).toMatchObject({
      code: 'negative_amount',
      path: ['reactivationMrr'],
    });
    expect(errorOf(() => netRevenueChurnRate({ ...base, expansionMrr: '-3' }))).toMatchObject({
      code: 'negative_amount',
      path: ['expansionMrr'],
    });
    expect(errorOf(() => netRevenueChurnRate({ ...base, churnedMrr: 100 }))).toMatchObject({
      code: 'out_of_range',
      path: ['churnedMrr'],
    });
    expect(errorOf(() => netRevenueChurnRate(base, { reactivation: 'offset' as never }))).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'reactivation'],
    });
    expect(errorOf(() => netRevenueChurnRate(base, 'offset' as never))).toMatchObject({
      code: 'invalid_type',
      path: ['options'],
    });
  });
});

describe('netRevenueChurnRate: types', () => {
  it('promises Decimal | null', () => {
    expectTypeOf(netRevenueChurnRate).returns.toEqualTypeOf<Decimal | null>();
  });
});
