import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { customerChurnRate } from '../../src/revenue/customerChurnRate.js';
import { customerChurnRateFromDays } from '../../src/revenue/customerChurnRateFromDays.js';
import { errorOf } from '../support/errorOf.js';

/** A customer's active stretch inside a period of `days` days: active on days [from, to), churned if to < days. */
interface Stretch {
  readonly from: number;
  readonly to: number;
}

const period = fc.integer({ min: 1, max: 31 }).chain((days) =>
  fc.record({
    days: fc.constant(days),
    stretches: fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: days }), fc.integer({ min: 0, max: days }))
        .map(([a, b]): Stretch => ({ from: Math.min(a, b), to: Math.max(a, b) })),
      { maxLength: 40 },
    ),
  }),
);

/** Slow oracle: walks the period day by day and counts who is active on each day. */
function customerDaysByDay(stretches: readonly Stretch[], days: number): number {
  let total = 0;
  for (let day = 0; day < days; day += 1) {
    for (const stretch of stretches) if (stretch.from <= day && day < stretch.to) total += 1;
  }
  return total;
}

describe('customerChurnRateFromDays: worked examples', () => {
  it('scales churns per customer-day to the period', () => {
    // 60 customers all month: 60 × 30 = 1800 customer-days; 3 / 1800 × 30 = 0.05
    expect(
      customerChurnRateFromDays({ churnedCustomers: 3, customerDays: 1800, daysInPeriod: 30 })?.toString(),
    ).toBe('0.05');
  });

  it('weighs a customer who joined mid-period by the days it was there', () => {
    // 10 customers all of a 30-day month (300) + 10 who joined on day 21 (10 × 10 = 100) = 400 days;
    // 2 churned: 2 / 400 × 30 = 0.15
    expect(
      customerChurnRateFromDays({ churnedCustomers: 2, customerDays: 400, daysInPeriod: 30 })?.toString(),
    ).toBe('0.15');
  });

  it('is null without any customer-days and 0 without churn', () => {
    expect(customerChurnRateFromDays({ churnedCustomers: 0, customerDays: 0, daysInPeriod: 30 })).toBeNull();
    expect(
      customerChurnRateFromDays({ churnedCustomers: 0, customerDays: 10, daysInPeriod: 7 })?.toString(),
    ).toBe('0');
  });
});

describe('customerChurnRateFromDays: published references', () => {
  it('"Introduction – Analysing Customer Churn" (March 2019): two customers over 7 days, one churns at the end → 0.538…', () => {
    // n_churned = 1, n_active_days = 7 + 6, period_length = 7: 1 / 13 × 7 = 0.5384615…
    // (blog post quoted in the Nemotron-CC-Math web corpus; its formula is Shopify's customer-days churn rate)
    const rate = customerChurnRateFromDays({ churnedCustomers: 1, customerDays: 13, daysInPeriod: 7 })!;
    expect(rate.toFixed(7)).toBe('0.5384615');
    // the same post: churning at the very start of the period gives 1 / 7 × 7 = 1
    expect(
      customerChurnRateFromDays({ churnedCustomers: 1, customerDays: 7, daysInPeriod: 7 })?.toString(),
    ).toBe('1');
  });
});

describe('customerChurnRateFromDays: properties', () => {
  it('equals the start-of-period churn rate when nobody joins and churners leave at the end of the period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 60 }),
        fc.nat(),
        (days, start, seed) => {
          const churned = seed % (start + 1);
          // everyone, churners included, is active on every day of the period
          const stretches: Stretch[] = Array.from({ length: start }, () => ({ from: 0, to: days }));
          const customerDays = customerDaysByDay(stretches, days);
          const fromDays = customerChurnRateFromDays({
            churnedCustomers: churned,
            customerDays,
            daysInPeriod: days,
          })!;
          const fromStart = customerChurnRate({ startingCustomers: start, churnedCustomers: churned })!;
          expect(fromDays.minus(fromStart).abs().lessThanOrEqualTo('1e-38')).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is at least the start-of-period rate when nobody joins (churners are exposed for fewer days)', () => {
    fc.assert(
      fc.property(period, ({ days, stretches }) => {
        const existing = stretches.map((s) => ({ from: 0, to: s.to }));
        const churned = existing.filter((s) => s.to < days).length;
        const customerDays = customerDaysByDay(existing, days);
        const fromDays = customerChurnRateFromDays({
          churnedCustomers: churned,
          customerDays,
          daysInPeriod: days,
        });
        const fromStart = customerChurnRate({
          startingCustomers: existing.length,
          churnedCustomers: churned,
        });
        if (fromDays !== null && fromStart !== null) {
          expect(fromDays.greaterThanOrEqualTo(fromStart.minus('1e-38'))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with the day-by-day oracle on any customers, including ones who join and leave within the period', () => {
    fc.assert(
      fc.property(period, ({ days, stretches }) => {
        const churned = stretches.filter((s) => s.to < days).length;
        const customerDays = stretches.reduce((sum, s) => sum + (s.to - s.from), 0);
        const rate = customerChurnRateFromDays({
          churnedCustomers: churned,
          customerDays,
          daysInPeriod: days,
        });
        const oracleDays = customerDaysByDay(stretches, days);
        if (oracleDays === 0) expect(rate).toBeNull();
        else
          expect(
            rate!
              .times(oracleDays)
              .minus(churned * days)
              .abs()
              .lessThan('1e-30'),
          ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('never rises with more exposure, and doubles when expressed per a period twice as long', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 366 }),
        (churned, customerDays, extra, days) => {
          const base = customerChurnRateFromDays({
            churnedCustomers: churned,
            customerDays,
            daysInPeriod: days,
          })!;
          const more = customerChurnRateFromDays({
            churnedCustomers: churned,
            customerDays: customerDays + extra,
            daysInPeriod: days,
          })!;
          const longer = customerChurnRateFromDays({
            churnedCustomers: churned,
            customerDays,
            daysInPeriod: 2 * days,
          })!;
          expect(more.lessThanOrEqualTo(base)).toBe(true);
          expect(longer.minus(base.times(2)).abs().lessThanOrEqualTo(base.times('1e-38'))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('customerChurnRateFromDays: bad input', () => {
  it('names the field and the problem', () => {
    const base = { churnedCustomers: 1, customerDays: 10, daysInPeriod: 30 };
    expect(errorOf(() => customerChurnRateFromDays({ ...base, churnedCustomers: 1.5 }))).toMatchObject({
      code: 'not_integer',
      path: ['churnedCustomers'],
    });
    expect(errorOf(() => customerChurnRateFromDays({ ...base, customerDays: -1 }))).toMatchObject({
      code: 'negative_amount',
      path: ['customerDays'],
    });
    expect(errorOf(() => customerChurnRateFromDays({ ...base, daysInPeriod: 0 }))).toMatchObject({
      code: 'not_positive',
      path: ['daysInPeriod'],
    });
    expect(
      errorOf(() => customerChurnRateFromDays({ ...base, daysInPeriod: new Decimal(Number.NaN) })),
    ).toMatchObject({
      code: 'not_finite',
      path: ['daysInPeriod'],
    });
    expect(errorOf(() => customerChurnRateFromDays(undefined as never)).code).toBe('invalid_type');
  });
});

describe('customerChurnRateFromDays: types', () => {
  it('promises Decimal | null', () => {
    expectTypeOf(customerChurnRateFromDays).returns.toEqualTypeOf<Decimal | null>();
  });
});
