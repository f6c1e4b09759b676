import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import type { CustomerChurnRateInput } from '../../src/revenue/customerChurnRate.js';
import type { GrossRevenueChurnRateInput } from '../../src/revenue/grossRevenueChurnRate.js';
import type { GrossRevenueRetentionInput } from '../../src/revenue/grossRevenueRetention.js';
import { grossRevenueRetention } from '../../src/revenue/grossRevenueRetention.js';
import type { NetRevenueChurnRateInput } from '../../src/revenue/netRevenueChurnRate.js';
import { netRevenueChurnRate } from '../../src/revenue/netRevenueChurnRate.js';
import { type NetRevenueRetentionInput, netRevenueRetention } from '../../src/revenue/netRevenueRetention.js';
import type { QuickRatioInput } from '../../src/revenue/quickRatio.js';
import type { PeriodMovements } from '../../src/revenue/types.js';
import { errorOf } from '../support/errorOf.js';
import { amount, cents, form } from './rateArbitraries.js';

// Each ratio is rounded to 40 significant digits, so two routes to the same value agree to ~1e-39 of its
// magnitude: an absolute 1e-35 fails for ratios above 1e4 (a tiny starting MRR and a large expansion).
function close(a: Decimal, b: Decimal): boolean {
  const scale = Decimal.max(1, a.abs(), b.abs());
  return a.minus(b).abs().lessThanOrEqualTo(scale.times('1e-35'));
}

interface RowCents {
  readonly kept: number;
  readonly churned: number;
  readonly contraction: number;
  readonly expansion: number;
  readonly reactivation: number;
  readonly newMrr: number;
}

const rowCents = fc.record({
  kept: cents,
  churned: cents,
  contraction: cents,
  expansion: cents,
  reactivation: cents,
  newMrr: cents,
});

function toRow(c: RowCents, as: string) {
  return {
    startingMrr: amount(c.kept + c.churned + c.contraction, as),
    newMrr: amount(c.newMrr, as),
    expansionMrr: amount(c.expansion, as),
    contractionMrr: amount(c.contraction, as),
    churnedMrr: amount(c.churned, as),
    reactivationMrr: amount(c.reactivation, as),
  };
}

const row = fc.tuple(rowCents, form).map(([c, as]) => ({ cents: c, input: toRow(c, as) }));

describe('netRevenueRetention: worked examples', () => {
  it('counts expansion and subtracts contraction and churn, ignoring new and reactivated MRR', () => {
    // (1000 + 80 − 20 − 10) / 1000 = 1050 / 1000 = 1.05
    const input = {
      startingMrr: 1000,
      newMrr: 500,
      expansionMrr: 80,
      contractionMrr: 20,
      churnedMrr: 10,
      reactivationMrr: 40,
    };
    expect(netRevenueRetention(input)?.toString()).toBe('1.05');
  });

  it("adds reactivation under 'include'", () => {
    // (200 + 30 + 6 − 10 − 10) / 200 = 216 / 200 = 1.08
    const input = {
      startingMrr: 200,
      expansionMrr: 30,
      contractionMrr: 10,
      churnedMrr: 10,
      reactivationMrr: 6,
    };
    expect(netRevenueRetention(input, { reactivation: 'include' })?.toString()).toBe('1.08');
    expect(netRevenueRetention(input)?.toString()).toBe('1.05');
    const { reactivationMrr: _, ...withoutReactivation } = input;
    expect(netRevenueRetention(withoutReactivation, { reactivation: 'include' })?.toString()).toBe('1.05');
  });

  it('is null over zero starting MRR and 0 when everything churned', () => {
    expect(
      netRevenueRetention({ startingMrr: 0, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0 }),
    ).toBeNull();
    expect(
      netRevenueRetention({
        startingMrr: 50,
        expansionMrr: 0,
        contractionMrr: 0,
        churnedMrr: 50,
      })?.toString(),
    ).toBe('0');
  });
});

describe('netRevenueRetention: published references', () => {
  it('ChartMogul month (start 100, churn 10, contraction 10, expansion 10) → 90 %, derived', () => {
    // help.chartmogul.com "Chart: Net MRR Churn Rate": net MRR churn 10 % for this month; NRR excludes
    // reactivation (help.chartmogul.com "Chart: Net MRR Retention"): (100 + 10 − 10 − 10) / 100 = 90 %.
    expect(
      netRevenueRetention({
        startingMrr: 100,
        expansionMrr: 10,
        contractionMrr: 10,
        churnedMrr: 10,
      })?.toString(),
    ).toBe('0.9');
  });

  it('Baremetrics form: 100 % − (churned − expansion) / starting gives the same number', () => {
    // changelog.baremetrics.com "New metric: Net Revenue Retention": NRR = 100 % − (Churned MRR − Expansion MRR)
    // ÷ Starting MRR. Reading its churned MRR as cancellations plus downgrades (our reading, 20 + 10 = 30):
    // 100 % − (30 − 45) / 600 = 102.5 %.
    expect(
      netRevenueRetention({
        startingMrr: 600,
        expansionMrr: 45,
        contractionMrr: 10,
        churnedMrr: 20,
      })?.toString(),
    ).toBe('1.025');
  });
});

describe('netRevenueRetention: properties', () => {
  it('minus gross revenue retention equals expansion over starting MRR', () => {
    fc.assert(
      fc.property(row, ({ input }) => {
        const nrr = netRevenueRetention(input);
        const grr = grossRevenueRetention(input);
        if (nrr === null || grr === null) {
          expect(nrr).toBeNull();
          expect(grr).toBeNull();
          return;
        }
        const expansionShare = new Decimal(input.expansionMrr).dividedBy(new Decimal(input.startingMrr));
        expect(close(nrr.minus(grr), expansionShare)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('equals 1 − net revenue churn when both use their defaults, and when both include reactivation', () => {
    fc.assert(
      fc.property(row, ({ input }) => {
        const nrr = netRevenueRetention(input);
        const churn = netRevenueChurnRate(input);
        if (nrr === null || churn === null) {
          expect(nrr).toBe(churn);
          return;
        }
        expect(close(nrr, new Decimal(1).minus(churn))).toBe(true);
        const withReactivation = netRevenueRetention(input, { reactivation: 'include' })!;
        const churnWithReactivation = netRevenueChurnRate(input, { reactivation: 'include' })!;
        expect(close(withReactivation, new Decimal(1).minus(churnWithReactivation))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is at least gross revenue retention and at least 0', () => {
    fc.assert(
      fc.property(row, ({ input }) => {
        const nrr = netRevenueRetention(input);
        const grr = grossRevenueRetention(input);
        if (nrr !== null) {
          expect(nrr.greaterThanOrEqualTo(grr!)).toBe(true);
          expect(nrr.greaterThanOrEqualTo(0)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never rises when more of the starting MRR churns', () => {
    fc.assert(
      fc.property(rowCents, fc.nat(), form, (c, seed, as) => {
        const moved = c.kept === 0 ? 0 : seed % (c.kept + 1);
        const before = netRevenueRetention(toRow(c, as));
        const after = netRevenueRetention(
          toRow({ ...c, kept: c.kept - moved, churned: c.churned + moved }, as),
        );
        if (before === null) expect(after).toBeNull();
        else expect(after!.lessThanOrEqualTo(before)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is unchanged when every amount is multiplied by the same positive constant', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 100_000 }), ({ input }, k) => {
        const scaled = Object.fromEntries(
          Object.entries(input).map(([key, value]) => [key, new Decimal(value).times(k).dividedBy(16)]),
        ) as unknown as typeof input;
        for (const reactivation of ['exclude', 'include'] as const) {
          expect(netRevenueRetention(scaled, { reactivation })?.toString()).toBe(
            netRevenueRetention(input, { reactivation })?.toString(),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with whole-cent arithmetic (oracle)', () => {
    fc.assert(
      fc.property(row, ({ cents: c, input }) => {
        const starting = c.kept + c.churned + c.contraction;
        const nrr = netRevenueRetention(input);
        if (starting === 0) expect(nrr).toBeNull();
        else
          expect(
            nrr!
              .times(starting)
              .minus(c.kept + c.expansion)
              .abs()
              .lessThan('1e-30'),
          ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('netRevenueRetention: bad input', () => {
  it('rejects losses above starting MRR, negative amounts and unknown options', () => {
    expect(
      errorOf(() =>
        netRevenueRetention({ startingMrr: 10, expansionMrr: 0, contractionMrr: 6, churnedMrr: 5 }),
      ),
    ).toMatchObject({ code: 'out_of_range', path: ['churnedMrr'] });
    expect(
      errorOf(() =>
        netRevenueRetention({ startingMrr: 10, expansionMrr: -1, contractionMrr: 0, churnedMrr: 0 }),
      ),
    ).toMatchObject({ code: 'negative_amount', path: ['expansionMrr'] });
    expect(
      errorOf(() =>
        netRevenueRetention(
          { startingMrr: 10, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0, reactivationMrr: -2 },
          { reactivation: 'include' },
        ),
      ),
    ).toMatchObject({ code: 'negative_amount', path: ['reactivationMrr'] });
    expect(
      errorOf(() =>
        netRevenueRetention(
          { startingMrr: 10, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0 },
          { reactivation: 'offset' as never },
        ),
      ),
    ).toMatchObject({ code: 'invalid_option', path: ['options', 'reactivation'] });
    expect(errorOf(() => netRevenueRetention(undefined as never)).code).toBe('invalid_type');
  });
});

describe('netRevenueRetention: types', () => {
  it('promises Decimal | null', () => {
    expectTypeOf(netRevenueRetention).returns.toEqualTypeOf<Decimal | null>();
  });

  it('takes a period row of mrrMovements, as every rate of one period does', () => {
    expectTypeOf<PeriodMovements>().toExtend<NetRevenueRetentionInput>();
    expectTypeOf<PeriodMovements>().toExtend<GrossRevenueRetentionInput>();
    expectTypeOf<PeriodMovements>().toExtend<GrossRevenueChurnRateInput>();
    expectTypeOf<PeriodMovements>().toExtend<NetRevenueChurnRateInput>();
    expectTypeOf<PeriodMovements>().toExtend<QuickRatioInput>();
    expectTypeOf<PeriodMovements>().toExtend<CustomerChurnRateInput>();
  });
});
