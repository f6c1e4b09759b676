import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, discountedLifetimeValue, lifetimeValue } from '../../src/index.js';
import { expectInputError } from './helpers.js';

// An independent oracle: the explicit sum of discounted expected margins over a finite horizon.
function finiteSum(m: number, r: number, d: number, timing: 'start' | 'end', horizon: number): number {
  let total = 0;
  for (let t = timing === 'start' ? 0 : 1; t <= horizon; t += 1) total += (m * r ** t) / (1 + d) ** t;
  return total;
}

const percent = fc.integer({ min: 0, max: 99 }).map((p) => p / 100);
// The churn rate of a retention given in whole percent, exact (1 − 0.07 in doubles is not 0.93).
const churnOf = (retention: number) => (100 - Math.round(retention * 100)) / 100;
const rate = fc.integer({ min: 1, max: 30 }).map((p) => p / 100);

describe('discountedLifetimeValue', () => {
  it('uses the closed forms for payment at the start and at the end of a period', () => {
    // start: 100 × 1.1 / (1.1 − 0.8) = 110 / 0.3 = 366.66…; end: 100 × 0.8 / 0.3 = 266.66…
    expect(discountedLifetimeValue({ arpa: 100, churnRate: 0.2, discountRate: 0.1 })?.toFixed(6)).toBe(
      '366.666667',
    );
    expect(
      discountedLifetimeValue({
        arpa: 100,
        churnRate: 0.2,
        discountRate: 0.1,
        timing: 'end',
      })?.toFixed(6),
    ).toBe('266.666667');
    // 'start' is 'end' plus the margin collected today: 366.66… − 266.66… = 100
    const start = discountedLifetimeValue({ arpa: 100, churnRate: 0.2, discountRate: 0.1 })!;
    const end = discountedLifetimeValue({
      arpa: 100,
      churnRate: 0.2,
      discountRate: 0.1,
      timing: 'end',
    })!;
    expect(start.minus(end).toString()).toBe('100');
  });

  it('earns arpa × grossMargin per period, as lifetimeValue does', () => {
    // m = 200 × 0.5 = 100: the same 366.66… as above
    expect(
      discountedLifetimeValue({ arpa: 200, grossMargin: 0.5, churnRate: 0.2, discountRate: 0.1 })?.toFixed(6),
    ).toBe('366.666667');
    // undiscounted it is lifetimeValue exactly: 200 × 0.5 / 0.05 = 2000
    expect(
      discountedLifetimeValue({ arpa: 200, grossMargin: 0.5, churnRate: 0.05, discountRate: 0 })!.equals(
        lifetimeValue({ arpa: 200, grossMargin: 0.5, churnRate: 0.05 })!,
      ),
    ).toBe(true);
  });

  it('equals the simple LTV without discounting (timing start)', () => {
    // 100 / (1 − 0.95) = 2000, ChartMogul's example
    expect(discountedLifetimeValue({ arpa: 100, churnRate: 0.05, discountRate: 0 })?.toString()).toBe('2000');
  });

  it('is null for a customer who never leaves, undiscounted', () => {
    expect(discountedLifetimeValue({ arpa: 100, churnRate: 0, discountRate: 0 })).toBeNull();
    expectTypeOf(discountedLifetimeValue).returns.toEqualTypeOf<Decimal | null>();
  });

  it('agrees with an explicit finite sum to a long horizon, for both timings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        percent,
        rate,
        fc.constantFrom('start', 'end'),
        (m, r, d, timing) => {
          const closed = discountedLifetimeValue({
            arpa: m,
            churnRate: churnOf(r),
            discountRate: d,
            timing,
          })!;
          // r / (1 + d) <= 0.99 / 1.01, so 3000 periods leave a tail below 1e-20 of the total
          const sum = finiteSum(m, r, d, timing, 3000);
          expect(Math.abs(closed.toNumber() - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, sum));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is below the undiscounted LTV when d > 0 and r > 0, and falls with d and rises with r', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), percent, percent, rate, rate, (m, r1, r2, d1, d2) => {
        const [rLow, rHigh] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const [dLow, dHigh] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const value = (r: number, d: number) =>
          discountedLifetimeValue({ arpa: m, churnRate: churnOf(r), discountRate: d })!;
        const undiscounted = lifetimeValue({ arpa: m, churnRate: churnOf(rLow) })!;
        // with r = 0 only today's undiscounted payment remains, so the two are equal
        if (rLow > 0) expect(value(rLow, dLow).lessThan(undiscounted)).toBe(true);
        else expect(value(rLow, dLow).equals(undiscounted)).toBe(true);
        expect(value(rLow, dHigh).lessThanOrEqualTo(value(rLow, dLow))).toBe(true);
        expect(value(rHigh, dLow).greaterThanOrEqualTo(value(rLow, dLow))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects bad input with a code and path', () => {
    const base = { arpa: 100, churnRate: 0.2, discountRate: 0.1 };
    expectInputError(() => discountedLifetimeValue({ ...base, churnRate: 1.1 }), 'out_of_range', [
      'churnRate',
    ]);
    expectInputError(() => discountedLifetimeValue({ ...base, discountRate: -0.1 }), 'negative_amount', [
      'discountRate',
    ]);
    expectInputError(() => discountedLifetimeValue({ ...base, arpa: -1 }), 'negative_amount', ['arpa']);
    expectInputError(() => discountedLifetimeValue({ ...base, grossMargin: 1.5 }), 'out_of_range', [
      'grossMargin',
    ]);
    expectInputError(
      () => discountedLifetimeValue({ ...base, timing: 'middle' as never }),
      'invalid_option',
      ['timing'],
    );
  });
});
