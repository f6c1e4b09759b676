import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/core/calendarDate.js';
import { Decimal } from '../../src/core/internal/decimal.js';
import { normalizeSubscriptionPeriods } from '../../src/revenue/internal/normalizeSubscriptionPeriods.js';
import type { SubscriptionPeriod } from '../../src/revenue/subscriptionPeriod.js';
import { trailingGrossRevenueRetention } from '../../src/revenue/trailingGrossRevenueRetention.js';
import { trailingNetRevenueRetention } from '../../src/revenue/trailingNetRevenueRetention.js';
import type { TrailingRevenueRetention } from '../../src/revenue/types.js';
import { subscriptionPeriods } from '../arbitraries.js';
import { errorOf } from '../support/errorOf.js';

// asOf 2024-06-30, 12 months: the cohort is whoever paid on 2023-06-30.
//   a  100 → 150   expands (same subscription, new price from February)
//   b  200 → 120   contracts
//   c  100 →   0   churns in September
//   g   80 →  80   churns in October and is back in June
//   d  new in July 2023: not in the cohort
//   e  free on 2023-06-30, paid later: not in the cohort
//   f  its period ends on 2023-06-30 (end exclusive), so it was not paying that day: not in the cohort
const EXAMPLE: SubscriptionPeriod[] = [
  { customerId: 'a', subscriptionId: 'a', start: '2023-01-01', end: '2024-02-01', mrr: 100 },
  { customerId: 'a', subscriptionId: 'a', start: '2024-02-01', mrr: 150 },
  { customerId: 'b', subscriptionId: 'b', start: '2023-03-01', end: '2024-01-01', mrr: 200 },
  { customerId: 'b', subscriptionId: 'b', start: '2024-01-01', mrr: 120 },
  { customerId: 'c', start: '2023-01-01', end: '2023-09-01', mrr: 100 },
  { customerId: 'g', subscriptionId: 'g1', start: '2023-01-01', end: '2023-10-01', mrr: 80 },
  { customerId: 'g', subscriptionId: 'g2', start: '2024-06-01', mrr: 80 },
  { customerId: 'd', start: '2023-07-01', mrr: 500 },
  { customerId: 'e', subscriptionId: 'e', start: '2023-01-01', end: '2023-08-01', mrr: 0 },
  { customerId: 'e', subscriptionId: 'e', start: '2023-08-01', mrr: 70 },
  { customerId: 'f', start: '2023-01-01', end: '2023-06-30', mrr: 50 },
];

function plain(result: TrailingRevenueRetention) {
  return JSON.parse(JSON.stringify(result));
}

describe('trailingNetRevenueRetention: worked examples', () => {
  it('follows the customers paying 12 months ago, new ones excluded', () => {
    // starting = 100 + 200 + 100 + 80 = 480; ending = 150 + 120 + 0 + 80 = 350; 350 / 480 = 0.72916…
    expect(plain(trailingNetRevenueRetention(EXAMPLE, { asOf: '2024-06-30' }))).toEqual({
      value: '0.7291666666666666666666666666666666666667',
      start: '2023-06-30',
      asOf: '2024-06-30',
      startingMrr: '480',
      endingMrr: '350',
      startingCustomers: 4,
      retainedCustomers: 3,
    });
  });

  it('exceeds 1 when the cohort expands more than it loses', () => {
    // One month back (2024-05-30) a 150, b 120, d 500 and e 70 pay: 840. On 2024-06-30 they pay the same 840;
    // g came back on 2024-06-01, after the start day, so its 80 is not counted: 840 / 840 = 1.
    const oneMonth = trailingNetRevenueRetention(EXAMPLE, { asOf: '2024-06-30', months: 1 });
    expect(oneMonth.value!.toString()).toBe('1');
    expect(oneMonth.startingCustomers).toBe(4);
    // 100 → 130: 130 / 100 = 1.3.
    const growing = [
      { customerId: 'x', subscriptionId: 'x', start: '2023-01-01', end: '2023-12-01', mrr: 100 },
      { customerId: 'x', subscriptionId: 'x', start: '2023-12-01', mrr: 130 },
    ];
    expect(trailingNetRevenueRetention(growing, { asOf: '2024-01-01' }).value!.toString()).toBe('1.3');
    expect(trailingGrossRevenueRetention(growing, { asOf: '2024-01-01' }).value!.toString()).toBe('1');
  });

  it('steps back whole calendar months, clamped to the month end, in UTC', () => {
    const startOf = (asOf: string, months: number) => trailingNetRevenueRetention([], { asOf, months }).start;
    expect(startOf('2024-03-31', 1)).toBe('2024-02-29');
    expect(startOf('2024-02-29', 12)).toBe('2023-02-28');
    expect(startOf('2025-02-28', 12)).toBe('2024-02-28');
    expect(startOf('2024-05-31', 3)).toBe('2024-02-29');
    expect(startOf('2024-01-15', 25)).toBe('2021-12-15');
  });

  it('gives null when nobody was paying on the start day', () => {
    const result = trailingNetRevenueRetention(EXAMPLE, { asOf: '2022-06-30' });
    expect(result.value).toBeNull();
    expect(result.startingMrr.toString()).toBe('0');
    expect(trailingGrossRevenueRetention([], { asOf: '2024-01-01' }).value).toBeNull();
  });

  it('reads Date inputs in the time zone option', () => {
    // 2024-06-30T15:00Z is already July 1 in Tokyo: one year back is 2023-07-01, when d also paid.
    const tokyo = trailingNetRevenueRetention(EXAMPLE, {
      asOf: new Date('2024-06-30T15:00:00Z'),
      timeZone: 'Asia/Tokyo',
    });
    expect(tokyo.start).toBe('2023-07-01');
    expect(tokyo.startingCustomers).toBe(5);
  });

  it('promises Decimal | null', () => {
    expectTypeOf(trailingNetRevenueRetention).returns.toHaveProperty('value').toEqualTypeOf<Decimal | null>();
    expectTypeOf(trailingGrossRevenueRetention)
      .returns.toHaveProperty('value')
      .toEqualTypeOf<Decimal | null>();
  });
});

describe('trailing revenue retention: bad input', () => {
  it('names the option or row that is wrong', () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [null, 'invalid_type', ['options']],
      [{}, 'missing_field', ['options', 'asOf']],
      [{ asOf: '2024-13-01' }, 'invalid_date', ['options', 'asOf']],
      [{ asOf: '2024-01-01', months: 0 }, 'not_positive', ['options', 'months']],
      [{ asOf: '2024-01-01', months: -3 }, 'not_positive', ['options', 'months']],
      [{ asOf: '2024-01-01', months: 1.5 }, 'not_integer', ['options', 'months']],
      [{ asOf: '2024-01-01', months: Number.NaN }, 'not_integer', ['options', 'months']],
      [{ asOf: '2024-01-01', months: '12' }, 'invalid_type', ['options', 'months']],
      [
        { asOf: new Date('2024-01-01'), timeZone: 'Nowhere/Else' },
        'invalid_time_zone',
        ['options', 'timeZone'],
      ],
    ];
    for (const fn of [trailingNetRevenueRetention, trailingGrossRevenueRetention]) {
      for (const [options, code, path] of cases) {
        expect(errorOf(() => fn(EXAMPLE, options as never))).toMatchObject({ code, path });
      }
      expect(
        errorOf(() => fn([{ customerId: 'a', start: '2024-01-01', mrr: 'lots' }], { asOf: '2024-01-01' })),
      ).toMatchObject({ code: 'invalid_number', path: ['subscriptions', 0, 'mrr'] });
    }
  });
});

// ---- properties ----

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Month arithmetic written out, independent of date-fns: same day number in the earlier month, clamped.
function minusMonths(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 1 && leap ? 29 : DAYS_IN_MONTH[month]!;
  const day = Math.min(Number(iso.slice(8, 10)), length);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// The slow oracle: a plain lookup of each customer's active rows on the two days, Decimal sums.
function oracle(periods: SubscriptionPeriod[], asOf: string, months: number) {
  const rows = normalizeSubscriptionPeriods(periods);
  const start = minusMonths(asOf, months);
  const mrrOn = (customerId: string, iso: string) => {
    const day = toDayNumber(iso);
    let sum = new Decimal(0);
    for (const row of rows) {
      if (row.customerId === customerId && row.startDay <= day && (row.endDay === null || day < row.endDay)) {
        sum = sum.plus(row.mrr);
      }
    }
    return sum;
  };
  let starting = new Decimal(0);
  let ending = new Decimal(0);
  let customers = 0;
  for (const customerId of new Set(rows.map((row) => row.customerId))) {
    const then = mrrOn(customerId, start);
    if (then.isZero()) continue;
    customers += 1;
    starting = starting.plus(then);
    ending = ending.plus(mrrOn(customerId, asOf));
  }
  return {
    start,
    startingMrr: starting.toString(),
    endingMrr: ending.toString(),
    customers,
    value: starting.isZero() ? null : ending.dividedBy(starting).toString(),
  };
}

const asOfDay = fc
  .integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2026-03-31') })
  .map(fromDayNumber);
const months = fc.integer({ min: 1, max: 30 });

describe('trailing revenue retention: properties', () => {
  it('agrees with a slow day-lookup oracle, for any subscriptions, asOf and months', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), asOfDay, months, (periods, asOf, m) => {
        const result = trailingNetRevenueRetention(periods, { asOf, months: m });
        expect({
          start: result.start,
          startingMrr: result.startingMrr.toString(),
          endingMrr: result.endingMrr.toString(),
          customers: result.startingCustomers,
          value: result.value === null ? null : result.value.toString(),
        }).toEqual(oracle(periods, asOf, m));
      }),
      { numRuns: 150 },
    );
  });

  it('steps back like calendar arithmetic for any day and number of months', () => {
    const anyDay = fc
      .integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2060-12-31') })
      .map(fromDayNumber);
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 600 }), (asOf, m) => {
        expect(trailingNetRevenueRetention([], { asOf, months: m }).start).toBe(minusMonths(asOf, m));
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the input rows', () => {
    const shuffled = subscriptionPeriods().chain((periods) =>
      fc.tuple(
        fc.constant(periods),
        fc.shuffledSubarray(periods, { minLength: periods.length, maxLength: periods.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, asOfDay, ([periods, reordered], asOf) => {
        expect(plain(trailingNetRevenueRetention(reordered, { asOf }))).toEqual(
          plain(trailingNetRevenueRetention(periods, { asOf })),
        );
        expect(plain(trailingGrossRevenueRetention(reordered, { asOf }))).toEqual(
          plain(trailingGrossRevenueRetention(periods, { asOf })),
        );
      }),
      { numRuns: 60 },
    );
  });
});
