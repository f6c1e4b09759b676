import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { type CompoundMrrResult, compoundMrr } from '../../src/revenue/compoundMrr.js';
import { errorOf } from '../support/errorOf.js';

// Rates in basis points and MRR in cents, so the exact path is a ratio of big integers:
// mrr[n] = cents × (10000 + e − c − ch)^n / (100 × 10000^n).
const scenario = fc
  .record({
    cents: fc.integer({ min: 0, max: 100_000_000 }),
    expansionBp: fc.integer({ min: 0, max: 2_000 }),
    contractionBp: fc.integer({ min: 0, max: 2_000 }),
    churnBp: fc.integer({ min: 0, max: 3_000 }),
    periods: fc.integer({ min: 0, max: 60 }),
  })
  .map((s) => ({
    ...s,
    input: {
      startingMrr: (s.cents / 100).toFixed(2),
      expansionRate: s.expansionBp / 10_000,
      contractionRate: new Decimal(s.contractionBp).dividedBy(10_000),
      churnRate: String(s.churnBp / 10_000),
      periodCount: s.periods,
    },
  }));

function exactMrr(cents: number, factorBp: number, n: number): Decimal {
  const numerator = BigInt(cents) * BigInt(factorBp) ** BigInt(n);
  const denominator = 100n * 10_000n ** BigInt(n);
  return new Decimal(numerator.toString()).dividedBy(new Decimal(denominator.toString()));
}

describe('compoundMrr: worked examples', () => {
  it('compounds 2 % net monthly expansion to ×1.268… over a year', () => {
    // factor 1 + 0.03 − 0 − 0.01 = 1.02; 1.02^12 = 1.268241794562545318301696 (exact, 25 digits)
    const path = compoundMrr({
      startingMrr: 100,
      expansionRate: 0.03,
      contractionRate: 0,
      churnRate: 0.01,
      periodCount: 12,
    });
    expect(path.periodFactor.toString()).toBe('1.02');
    expect(path.growthFactor.toString()).toBe('1.268241794562545318301696');
    expect(path.mrr).toHaveLength(13);
    expect(path.mrr[0]!.toString()).toBe('100');
    expect(path.mrr[1]!.toString()).toBe('102');
    expect(path.mrr[2]!.toString()).toBe('104.04');
    expect(path.mrr[12]!.toString()).toBe('126.8241794562545318301696');
  });

  it('shows 1 % net monthly churn losing 11.4 % in a year', () => {
    // factor 1 + 0.01 − 0.005 − 0.015 = 0.99; 0.99^12 = 0.886384871716129280658801
    const path = compoundMrr({
      startingMrr: 1000,
      expansionRate: '0.01',
      contractionRate: '0.005',
      churnRate: '0.015',
      periodCount: 12,
    });
    expect(path.growthFactor.toString()).toBe('0.886384871716129280658801');
    expect(path.mrr[12]!.toString()).toBe('886.384871716129280658801');
  });

  it('returns only the start for zero periods, and zeros after a period that loses everything', () => {
    const none = compoundMrr({
      startingMrr: 5,
      expansionRate: 0.5,
      contractionRate: 0,
      churnRate: 0,
      periodCount: 0,
    });
    expect(none.mrr.map(String)).toEqual(['5']);
    expect(none.growthFactor.toString()).toBe('1');
    const wiped = compoundMrr({
      startingMrr: 5,
      expansionRate: 0,
      contractionRate: 0.4,
      churnRate: 0.6,
      periodCount: 2,
    });
    expect(wiped.mrr.map(String)).toEqual(['5', '0', '0']);
  });
});

describe('compoundMrr: properties', () => {
  it('ends at startingMrr × factor^periods, computed exactly with big integers (oracle)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const path = compoundMrr(s.input);
        const factorBp = 10_000 + s.expansionBp - s.contractionBp - s.churnBp;
        const expected = exactMrr(s.cents, factorBp, s.periods);
        const last = path.mrr[s.periods]!;
        expect(path.mrr).toHaveLength(s.periods + 1);
        expect(last.minus(expected).abs().lessThanOrEqualTo(expected.abs().times('1e-36'))).toBe(true);
        if (s.periods <= 5) expect(last.toString()).toBe(expected.toString());
      }),
      { numRuns: 150 },
    );
  });

  it('rises period after period exactly when the factor is above 1 (and starting MRR is positive)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { mrr, periodFactor }: CompoundMrrResult = compoundMrr(s.input);
        for (let i = 1; i < mrr.length; i += 1) {
          const step = mrr[i]!.comparedTo(mrr[i - 1]!);
          if (s.cents === 0 || periodFactor.equals(1)) expect(step).toBe(0);
          else if (periodFactor.greaterThan(1)) expect(step).toBe(1);
          else expect(step === -1 || mrr[i]!.isZero()).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('over n + m periods equals n periods then m more from where it ended', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 24 }), (s, more) => {
        const whole = compoundMrr({ ...s.input, periodCount: s.periods + more });
        const first = compoundMrr(s.input);
        const second = compoundMrr({ ...s.input, startingMrr: first.mrr[s.periods]!, periodCount: more });
        const a = whole.mrr[s.periods + more]!;
        const b = second.mrr[more]!;
        expect(a.minus(b).abs().lessThanOrEqualTo(a.abs().times('1e-36'))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('compoundMrr: bad input', () => {
  it('rejects a factor below zero, rates out of range and bad periods, naming the field', () => {
    const base = { startingMrr: 100, expansionRate: 0, contractionRate: 0, churnRate: 0, periodCount: 3 };
    expect(errorOf(() => compoundMrr({ ...base, contractionRate: 0.6, churnRate: 0.5 }))).toMatchObject({
      code: 'out_of_range',
      path: ['churnRate'],
    });
    expect(() =>
      compoundMrr({ ...base, expansionRate: 0.2, contractionRate: 0.6, churnRate: 0.5 }),
    ).not.toThrow();
    expect(errorOf(() => compoundMrr({ ...base, churnRate: 1.5 }))).toMatchObject({
      code: 'out_of_range',
      path: ['churnRate'],
    });
    expect(errorOf(() => compoundMrr({ ...base, contractionRate: -0.1 }))).toMatchObject({
      code: 'out_of_range',
      path: ['contractionRate'],
    });
    expect(errorOf(() => compoundMrr({ ...base, expansionRate: -0.1 }))).toMatchObject({
      code: 'negative_amount',
      path: ['expansionRate'],
    });
    expect(errorOf(() => compoundMrr({ ...base, startingMrr: -1 }))).toMatchObject({
      code: 'negative_amount',
      path: ['startingMrr'],
    });
    expect(errorOf(() => compoundMrr({ ...base, periodCount: 2.5 }))).toMatchObject({
      code: 'not_integer',
      path: ['periodCount'],
    });
    expect(errorOf(() => compoundMrr({ ...base, periodCount: -1 }))).toMatchObject({
      code: 'negative_amount',
      path: ['periodCount'],
    });
    expect(errorOf(() => compoundMrr(null as never)).code).toBe('invalid_type');
  });
});

describe('compoundMrr: types', () => {
  it('returns Decimal amounts and factors', () => {
    expectTypeOf(compoundMrr).returns.toEqualTypeOf<CompoundMrrResult>();
    expectTypeOf<CompoundMrrResult['mrr']>().toEqualTypeOf<readonly Decimal[]>();
    expectTypeOf<CompoundMrrResult['growthFactor']>().toEqualTypeOf<Decimal>();
  });
});
