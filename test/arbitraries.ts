import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../src/core/calendarDate.js';
import type { SubscriptionPeriod } from '../src/revenue/subscriptionPeriod.js';

// Realistic subscription data for properties: several subscriptions per customer, mid-period starts, gaps,
// free (zero-MRR) periods, customers who leave and come back, open-ended periods, and amounts in cents
// given as numbers or strings.

const DAY_2023_01_01 = toDayNumber('2023-01-01');

/** An MRR amount: whole cents, sometimes zero (free plan), as a number or a string. */
export const mrrAmount: fc.Arbitrary<number | string> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: 1, max: 500_000 })
      .chain((cents) => fc.constantFrom<number | string>(cents / 100, (cents / 100).toFixed(2))),
  },
);

interface Segment {
  readonly gap: number;
  readonly length: number;
  readonly mrr: number | string;
}

const segment: fc.Arbitrary<Segment> = fc.record({
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 })),
  length: fc.integer({ min: 1, max: 200 }),
  mrr: mrrAmount,
});

/** One subscription: consecutive or gapped segments; the last one may stay open. */
function subscription(customerId: string, subscriptionId: string, offsetDays: number) {
  return fc
    .record({ segments: fc.array(segment, { minLength: 1, maxLength: 4 }), openEnded: fc.boolean() })
    .map(({ segments, openEnded }) => {
      const rows: SubscriptionPeriod[] = [];
      let day = DAY_2023_01_01 + offsetDays;
      segments.forEach((part, position) => {
        day += part.gap;
        const start = day;
        day += part.length;
        const isLast = position === segments.length - 1;
        rows.push({
          customerId,
          subscriptionId,
          start: fromDayNumber(start),
          end: isLast && openEnded ? null : fromDayNumber(day),
          mrr: part.mrr,
        });
      });
      return rows;
    });
}

/** Subscription periods of up to `maxCustomers` customers with 1–3 subscriptions each, over about two years. */
export function subscriptionPeriods(maxCustomers = 12): fc.Arbitrary<SubscriptionPeriod[]> {
  return fc
    .array(
      fc.record({
        subscriptions: fc.integer({ min: 1, max: 3 }),
        offsets: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 3, maxLength: 3 }),
      }),
      { minLength: 0, maxLength: maxCustomers },
    )
    .chain((customers) =>
      fc.tuple(
        ...customers.flatMap((customer, customerIndex) =>
          Array.from({ length: customer.subscriptions }, (_, subscriptionIndex) =>
            subscription(
              `c${customerIndex}`,
              `c${customerIndex}-s${subscriptionIndex}`,
              customer.offsets[subscriptionIndex] ?? 0,
            ),
          ),
        ),
      ),
    )
    .map((groups) => groups.flat());
}
