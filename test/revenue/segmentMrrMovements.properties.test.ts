import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Granularity,
  mrrMovements,
  type PaidToFree,
  type PeriodMovements,
  type SegmentPeriodMovements,
  type SubscriptionPeriod,
  segmentMrrMovements,
  toDayNumber,
  toDecimal,
} from '../../src/index.js';
import {
  PERIOD_COUNT_FIELDS as COUNTS,
  PERIOD_FX_FIELD as FX,
  PERIOD_MONEY_FIELDS as MONEY,
} from '../../src/revenue/internal/periodMovementFields.js';
import { subscriptionPeriods } from '../arbitraries.js';

const SEGMENTS = ['Enterprise', 'Growth', 'Starter'] as const;
const granularity = fc.constantFrom<Granularity>('week', 'month', 'quarter');
const paidToFree = fc.constantFrom<PaidToFree>('churn', 'contraction');

/** The fields every PeriodMovements row has, as plain strings and numbers. */
function plain(row: PeriodMovements): (string | number)[] {
  return [
    row.start,
    row.end,
    ...MONEY.map((field) => row[field].toString()),
    row[FX].toString(),
    ...COUNTS.map((field) => row[field]),
  ];
}

function transfers(row: SegmentPeriodMovements): string[] {
  return [
    row.transferInMrr.toString(),
    row.transferOutMrr.toString(),
    String(row.transferredInCustomers),
    String(row.transferredOutCustomers),
  ];
}

/** Rows with a segment per row: customers may move between (and hold several) segments. */
const migrating = subscriptionPeriods(10).chain((rows) =>
  fc
    .array(fc.constantFrom(...SEGMENTS), { minLength: rows.length, maxLength: rows.length })
    .map((segments) => rows.map((row, index) => ({ ...row, segment: segments[index]! }))),
);

/** Rows with one segment per customer: nobody moves. */
const staying = subscriptionPeriods(10).chain((rows) =>
  fc
    .array(fc.constantFrom(...SEGMENTS), { minLength: 12, maxLength: 12 })
    .map((byCustomer) =>
      rows.map((row) => ({ ...row, segment: byCustomer[Number(row.customerId.slice(1)) % 12]! })),
    ),
);

/** One subscription per customer (its periods never overlap), a segment per period: one segment at a time. */
const oneAtATime = migrating.map((rows) => rows.filter((row) => row.subscriptionId?.endsWith('-s0')));

describe('segmentMrrMovements: properties', () => {
  it('with one segment, the segment is the total, the total is mrrMovements, and nothing transfers', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), granularity, paidToFree, (rows, granularity, paidToFree) => {
        const tagged = rows.map((row) => ({ ...row, segment: 'all' }));
        const result = segmentMrrMovements(tagged, { granularity, paidToFree });
        const total = mrrMovements(rows, { granularity, paidToFree }).periods;
        expect(result.total.map(plain)).toEqual(total.map(plain));
        expect(result.segments.map((entry) => entry.segment)).toEqual(rows.length === 0 ? [] : ['all']);
        if (rows.length === 0) return;
        const only = result.segments[0]!.periods;
        expect(only.map(plain)).toEqual(total.map(plain));
        for (const row of only) expect(transfers(row)).toEqual(['0', '0', '0', '0']);
      }),
      { numRuns: 40 },
    );
  });

  it('when no customer moves, each segment is mrrMovements of its own rows, with no transfers', () => {
    fc.assert(
      fc.property(staying, granularity, paidToFree, (rows, granularity, paidToFree) => {
        fc.pre(rows.length > 0);
        const result = segmentMrrMovements(rows, { granularity, paidToFree });
        const from = result.total[0]!.start;
        const to = result.total[result.total.length - 1]!.start;
        for (const { segment, periods } of result.segments) {
          const own = rows.filter((row) => row.segment === segment);
          const alone = mrrMovements(own, { granularity, paidToFree, from, to }).periods;
          expect(periods.map(plain)).toEqual(alone.map(plain));
          for (const row of periods) expect(transfers(row)).toEqual(['0', '0', '0', '0']);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('when customers migrate, the segments reconcile exactly with the total', () => {
    fc.assert(
      fc.property(migrating, granularity, paidToFree, (rows, granularity, paidToFree) => {
        const result = segmentMrrMovements(rows, { granularity, paidToFree });
        result.total.forEach((total, period) => {
          const rowsOf = result.segments.map((entry) => entry.periods[period]!);
          const money = (field: keyof SegmentPeriodMovements) =>
            rowsOf.reduce((sum, row) => sum.plus(row[field] as never), toDecimal(0)).toString();
          for (const field of [
            'startingMrr',
            'newMrr',
            'churnedMrr',
            'reactivationMrr',
            'endingMrr',
          ] as const)
            expect(money(field)).toBe(total[field].toString());
          expect(money('fxImpactMrr')).toBe('0');
          const net = rowsOf.reduce(
            (sum, row) =>
              sum
                .plus(row.expansionMrr)
                .minus(row.contractionMrr)
                .plus(row.transferInMrr)
                .minus(row.transferOutMrr),
            toDecimal(0),
          );
          expect(net.toString()).toBe(total.expansionMrr.minus(total.contractionMrr).toString());
          for (const row of rowsOf) {
            const ending = row.startingMrr
              .plus(row.newMrr)
              .plus(row.expansionMrr)
              .plus(row.reactivationMrr)
              .minus(row.contractionMrr)
              .minus(row.churnedMrr)
              .plus(row.fxImpactMrr)
              .plus(row.transferInMrr)
              .minus(row.transferOutMrr);
            expect(ending.toString()).toBe(row.endingMrr.toString());
            expect(
              row.startingCustomers +
                row.newCustomers +
                row.reactivatedCustomers -
                row.churnedCustomers +
                row.transferredInCustomers -
                row.transferredOutCustomers,
            ).toBe(row.endingCustomers);
            for (const field of MONEY) expect(row[field].isNegative()).toBe(false);
          }
        });
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('when each customer is in one segment at a time, customer counts add up too', () => {
    fc.assert(
      fc.property(oneAtATime, granularity, paidToFree, (rows, granularity, paidToFree) => {
        const result = segmentMrrMovements(rows, { granularity, paidToFree });
        result.total.forEach((total, period) => {
          const rowsOf = result.segments.map((entry) => entry.periods[period]!);
          const count = (field: (typeof COUNTS)[number]) => rowsOf.reduce((sum, row) => sum + row[field], 0);
          for (const field of [
            'startingCustomers',
            'newCustomers',
            'churnedCustomers',
            'reactivatedCustomers',
            'endingCustomers',
          ] as const)
            expect(count(field)).toBe(total[field]);
          const moved = rowsOf.reduce((sum, row) => sum + row.transferredInCustomers, 0);
          expect(moved).toBe(rowsOf.reduce((sum, row) => sum + row.transferredOutCustomers, 0));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        migrating.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        paidToFree,
        ([rows, shuffled], paidToFree) => {
          const a = segmentMrrMovements(rows, { paidToFree });
          const b = segmentMrrMovements(shuffled, { paidToFree });
          expect(b.total.map(plain)).toEqual(a.total.map(plain));
          expect(
            b.segments.map((s) => [s.segment, s.periods.map((row) => [...plain(row), ...transfers(row)])]),
          ).toEqual(
            a.segments.map((s) => [s.segment, s.periods.map((row) => [...plain(row), ...transfers(row)])]),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('agrees with a slow day-by-day oracle of the booking rules', () => {
    fc.assert(
      fc.property(migrating, paidToFree, (rows, paidToFree) => {
        const result = segmentMrrMovements(rows, { paidToFree });
        const expected = oracle(
          rows,
          paidToFree,
          result.total.map((row) => row.end),
        );
        for (const { segment, periods } of result.segments) {
          periods.forEach((row, period) => {
            const want = expected.get(`${segment} ${period}`) ?? emptyBooking();
            expect(
              [
                row.newMrr,
                row.expansionMrr,
                row.contractionMrr,
                row.churnedMrr,
                row.reactivationMrr,
                row.transferInMrr,
                row.transferOutMrr,
                row.endingMrr,
              ].map(String),
            ).toEqual(want.money.map(String));
            expect([
              row.newCustomers,
              row.expandedCustomers,
              row.contractedCustomers,
              row.churnedCustomers,
              row.reactivatedCustomers,
              row.transferredInCustomers,
              row.transferredOutCustomers,
              row.endingCustomers,
            ]).toEqual(want.counts);
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});

interface Booking {
  money: ReturnType<typeof toDecimal>[];
  counts: number[];
}

function emptyBooking(): Booking {
  return { money: Array.from({ length: 8 }, () => toDecimal(0)), counts: new Array(8).fill(0) };
}

// Independent of the engine's event sweep: for every snapshot day (the last day of every period from the first
// row's period), sum each customer's active rows per segment by scanning all rows, then apply the booking rules
// of the docs literally. `ends` are the reported periods' end dates; the snapshot of period p is ends[p] − 1.
function oracle(
  rows: readonly SubscriptionPeriod[],
  mode: PaidToFree,
  ends: readonly string[],
): Map<string, Booking> {
  const bookings = new Map<string, Booking>();
  const customers = [...new Set(rows.map((row) => row.customerId))];
  const days = ends.map((end) => toDayNumber(end) - 1);
  const activeOn = (row: SubscriptionPeriod, day: number) =>
    toDayNumber(row.start as string) <= day && (row.end == null || day < toDayNumber(row.end as string));
  for (const customer of customers) {
    const own = rows.filter((row) => row.customerId === customer);
    // Snapshots before the first reported one only decide "paid before" and "counted"; the first reported
    // period starts at the period of the earliest row, so one snapshot before it (nothing active) suffices.
    let counted = false;
    let everPaid = false;
    let previous = new Map<string, { mrr: ReturnType<typeof toDecimal>; active: number }>();
    days.forEach((day, period) => {
      const current = new Map<string, { mrr: ReturnType<typeof toDecimal>; active: number }>();
      for (const row of own) {
        if (!activeOn(row, day)) continue;
        const entry = current.get(row.segment!) ?? { mrr: toDecimal(0), active: 0 };
        current.set(row.segment!, { mrr: entry.mrr.plus(toDecimal(row.mrr)), active: entry.active + 1 });
      }
      const total = (state: typeof current) =>
        [...state.values()].reduce((sum, e) => sum.plus(e.mrr), toDecimal(0));
      const activeTotal = [...current.values()].reduce((sum, e) => sum + e.active, 0);
      const before = total(previous);
      const now = total(current);
      let type = '';
      if (mode === 'contraction') {
        if (!counted) type = now.gt(0) ? (everPaid ? 'reactivation' : 'new') : '';
        else if (activeTotal === 0) type = 'churn';
        else type = now.gt(before) ? 'expansion' : now.lt(before) ? 'contraction' : '';
      } else if (before.gt(0))
        type = now.gt(0) ? (now.gt(before) ? 'expansion' : now.lt(before) ? 'contraction' : '') : 'churn';
      else if (now.gt(0)) type = everPaid ? 'reactivation' : 'new';
      const countedBefore = counted;
      if (type !== '') counted = type !== 'churn';
      if (now.gt(0)) everPaid = true;
      const present = (state: typeof current, isCounted: boolean, segment: string) => {
        const entry = state.get(segment);
        if (!isCounted || entry === undefined) return false;
        return mode === 'contraction' ? entry.active > 0 : entry.mrr.gt(0);
      };
      for (const segment of SEGMENTS) {
        const was = present(previous, countedBefore, segment);
        const is = present(current, counted, segment);
        const then = previous.get(segment)?.mrr ?? toDecimal(0);
        const mrr = current.get(segment)?.mrr ?? toDecimal(0);
        const key = `${segment} ${period}`;
        const booking = bookings.get(key) ?? emptyBooking();
        const book = (slot: number, amount: ReturnType<typeof toDecimal>) => {
          booking.money[slot] = booking.money[slot]!.plus(amount);
          booking.counts[slot]! += 1;
        };
        if (type === 'new' && is) book(0, mrr);
        else if (type === 'reactivation' && is) book(4, mrr);
        else if (type === 'churn' && was) book(3, then);
        else if (type !== 'new' && type !== 'reactivation' && type !== 'churn') {
          if (was && is && mrr.gt(then)) book(1, mrr.minus(then));
          else if (was && is && mrr.lt(then)) book(2, then.minus(mrr));
          else if (is && !was) book(5, mrr);
          else if (was && !is) book(6, then);
        }
        if (is) {
          booking.money[7] = booking.money[7]!.plus(mrr);
          booking.counts[7]! += 1;
        }
        bookings.set(key, booking);
      }
      previous = current;
    });
  }
  return bookings;
}
