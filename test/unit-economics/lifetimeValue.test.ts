import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, lifetimeValue } from '../../src/index.js';
import { expectInputError } from './helpers.js';

const percent = fc.integer({ min: 1, max: 100 }).map((p) => p / 100);

describe('lifetimeValue', () => {
  it('is ARPA × margin / churn', () => {
    // 200 × 0.75 / 0.03 = 150 / 0.03 = 5000
    expect(lifetimeValue({ arpa: 200, churnRate: 0.03, grossMargin: 0.75 })?.toString()).toBe('5000');
    // 50 / 0.2 = 250
    expect(lifetimeValue({ arpa: '50', churnRate: '0.2' })?.toString()).toBe('250');
  });

  it("reproduces ChartMogul's example: ARPA 100, churn 5 % gives 2000", () => {
    // ChartMogul Help Center, "Chart: Customer Lifetime Value (LTV)": LTV = ARPA / customer churn rate, with a
    // six-month trailing average of churn (the six months before the reported one); ARPA $100, 5 % → $2,000.
    expect(lifetimeValue({ arpa: 100, churnRate: 0.05 })?.toString()).toBe('2000');
    // The same 5 % as the average of six earlier months: (4 + 6 + 5 + 3 + 7 + 5) / 6 = 5 %.
    const sixMonths = [0.04, 0.06, 0.05, 0.03, 0.07, 0.05];
    expect(lifetimeValue({ arpa: 100, churnRate: sixMonths }, { trailingPeriods: 6 })?.toString()).toBe(
      '2000',
    );
  });

  it('averages only the trailing window of a churn series', () => {
    // last two of [0.5, 0.04, 0.06]: (0.04 + 0.06) / 2 = 0.05 → 100 / 0.05 = 2000; whole series: 0.2 → 500
    expect(
      lifetimeValue({ arpa: 100, churnRate: [0.5, 0.04, 0.06] }, { trailingPeriods: 2 })?.toString(),
    ).toBe('2000');
    expect(lifetimeValue({ arpa: 100, churnRate: [0.5, 0.04, 0.06] })?.toString()).toBe('500');
  });

  it('caps the lifetime, and a cap makes zero churn finite', () => {
    // 1 / 0.01 = 100 months, capped at 36: 100 × 36 = 3600; churn 0 with cap 60: 100 × 60 = 6000
    expect(lifetimeValue({ arpa: 100, churnRate: 0.01 }, { maxLifetimeMonths: 36 })?.toString()).toBe('3600');
    expect(lifetimeValue({ arpa: 100, churnRate: 0 }, { maxLifetimeMonths: 60 })?.toString()).toBe('6000');
    // a cap above 1 / churn changes nothing: 100 / 0.05 = 2000
    expect(lifetimeValue({ arpa: 100, churnRate: 0.05 }, { maxLifetimeMonths: 60 })?.toString()).toBe('2000');
  });

  it('is null at zero churn without a cap', () => {
    expect(lifetimeValue({ arpa: 100, churnRate: 0 })).toBeNull();
    expect(lifetimeValue({ arpa: 100, churnRate: [0, 0] })).toBeNull();
    expectTypeOf(lifetimeValue).returns.toEqualTypeOf<Decimal | null>();
  });

  it('decreases as churn rises and increases with margin, for any inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        percent,
        percent,
        percent,
        percent,
        (arpa, c1, c2, m1, m2) => {
          const [lowChurn, highChurn] = c1 <= c2 ? [c1, c2] : [c2, c1];
          const [lowMargin, highMargin] = m1 <= m2 ? [m1, m2] : [m2, m1];
          const atLowChurn = lifetimeValue({ arpa, churnRate: lowChurn, grossMargin: lowMargin })!;
          const atHighChurn = lifetimeValue({ arpa, churnRate: highChurn, grossMargin: lowMargin })!;
          const atHighMargin = lifetimeValue({ arpa, churnRate: lowChurn, grossMargin: highMargin })!;
          expect(atHighChurn.lessThanOrEqualTo(atLowChurn)).toBe(true);
          expect(atHighMargin.greaterThanOrEqualTo(atLowChurn)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with a cap equals ARPA × margin × min(1 / churn, cap), checked by an independent month-by-month sum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 60 }), (arpa, cap) => {
        // churn 1/k for whole k makes the expected lifetime exactly k months
        const k = (arpa % 40) + 1;
        let oracle = 0;
        for (let month = 0; month < Math.min(k, cap); month += 1) oracle += arpa;
        const ltv = lifetimeValue({ arpa, churnRate: 1 / k }, { maxLifetimeMonths: cap })!;
        expect(Math.abs(ltv.toNumber() - oracle)).toBeLessThan(1e-6);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects bad input with a code and path', () => {
    expectInputError(() => lifetimeValue({ arpa: 100, churnRate: 1.2 }), 'out_of_range', ['churnRate']);
    expectInputError(() => lifetimeValue({ arpa: 100, churnRate: 0.1, grossMargin: -0.1 }), 'out_of_range', [
      'grossMargin',
    ]);
    expectInputError(() => lifetimeValue({ arpa: -100, churnRate: 0.1 }), 'negative_amount', ['arpa']);
    expectInputError(() => lifetimeValue({ arpa: 100, churnRate: [0.1, 2] }), 'out_of_range', [
      'churnRate',
      1,
    ]);
    expectInputError(() => lifetimeValue({ arpa: 100, churnRate: [] }), 'empty_input', ['churnRate']);
    expectInputError(
      () => lifetimeValue({ arpa: 100, churnRate: [0.1] }, { trailingPeriods: 2 }),
      'out_of_range',
      ['options', 'trailingPeriods'],
    );
    expectInputError(
      () => lifetimeValue({ arpa: 100, churnRate: [0.1] }, { trailingPeriods: 0.5 }),
      'out_of_range',
      ['options', 'trailingPeriods'],
    );
    expectInputError(
      () => lifetimeValue({ arpa: 100, churnRate: 0.1 }, { trailingPeriods: 1 }),
      'invalid_option',
      ['options', 'trailingPeriods'],
    );
    expectInputError(
      () => lifetimeValue({ arpa: 100, churnRate: 0.1 }, { maxLifetimeMonths: 0 }),
      'not_positive',
      ['options', 'maxLifetimeMonths'],
    );
    expectInputError(() => lifetimeValue({ arpa: 100, churnRate: 0.1 }, null as never), 'invalid_type', [
      'options',
    ]);
  });
});
