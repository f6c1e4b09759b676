import { fromDayNumber } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import type { Granularity } from '../../core/types.js';

/**
 * The work a call may take on, checked up front from the input's dates and sizes so that an input too large to
 * compute is refused at once instead of exhausting the heap after minutes (a row `1000-01-01 … 9998-12-31` at
 * granularity `'day'` spans 3.3 million periods). Each limit is far beyond any report a person reads
 * (docs/revenue-movements.md, "Limits"):
 *
 * - MAX_REPORTED_PERIODS: periods of one movements table (273 years of days, 8,333 years of months);
 * - MAX_SEGMENT_ROWS: segments × periods of `segmentMrrMovements`;
 * - MAX_COHORT_CELLS: cells of a cohort matrix, n (n + 1) / 2 for n periods (999 periods);
 * - MAX_CUSTOMER_SNAPSHOTS: customers × periods of the per-customer MRR that cohorts, timelines and trailing
 *   retention keep, and of the revaluation sweep under `rateDate: 'snapshot'` (150,000 customers × 133 periods).
 *
 * @private
 */
export const MAX_REPORTED_PERIODS = 100_000;
const MAX_SEGMENT_ROWS = 1_000_000;
/** @private */
export const MAX_COHORT_CELLS = 500_000;
/** @private */
export const MAX_CUSTOMER_SNAPSHOTS = 20_000_000;

/**
 * How many periods of `granularity` run from the one holding day `first` through the one holding day `last`
 * (0 when `last` is before `first`'s period), by arithmetic alone: nothing is allocated.
 *
 * @private
 */
export function periodCount(
  first: number,
  last: number,
  granularity: Granularity,
  weekStartsOn: number,
): number {
  if (last < first) return 0;
  switch (granularity) {
    case 'day':
      return last - first + 1;
    case 'week': {
      // 1970-01-01 (day 0) was a Thursday (weekday 4).
      const weekStart = (day: number) => day - ((((((day + 4) % 7) + 7) % 7) - weekStartsOn + 7) % 7);
      return (weekStart(last) - weekStart(first)) / 7 + 1;
    }
    default: {
      const monthIndex = (day: number) => {
        const iso = fromDayNumber(day);
        return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
      };
      const months = granularity === 'month' ? 1 : granularity === 'quarter' ? 3 : 12;
      return Math.floor(monthIndex(last) / months) - Math.floor(monthIndex(first) / months) + 1;
    }
  }
}

/**
 * Throws `out_of_range` at `['options', 'granularity']` when `amount` (of `what`, e.g. "periods") exceeds
 * `limit`, with a message saying what to change. `first` and `last` are the days the work spans.
 *
 * @private
 */
export function assertWorkWithin(
  amount: number,
  limit: number,
  what: string,
  span: { readonly first: number; readonly last: number; readonly granularity: Granularity },
  remedy = 'a coarser granularity, a later `from` or an earlier `to`',
): void {
  if (amount <= limit) return;
  const range = `${fromDayNumber(span.first)} to ${fromDayNumber(span.last)}`;
  throw new MetricInputError({
    code: 'out_of_range',
    path: ['options', 'granularity'],
    expected: `at most ${grouped(limit)} ${what}`,
    received: `${grouped(amount)} ${what} (granularity '${span.granularity}', ${range})`,
    message: `${range} at granularity '${span.granularity}' is ${grouped(amount)} ${what}, more than the ${grouped(limit)} one call computes: use ${remedy}`,
  });
}

// Digits grouped by thousands with commas, the same in every locale.
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The limits of a sweep over a laid-out grid (`boundaries` and `startSnapshot` of the layout's grid): its
 * segments × reported periods under {@link MAX_SEGMENT_ROWS}, and, when exchange rates revalue every customer
 * at every snapshot (`rateDate: 'snapshot'`), its customers × periods under {@link MAX_CUSTOMER_SNAPSHOTS}.
 *
 * @private
 */
export function assertSweepWithin(
  grid: { readonly boundaries: ArrayLike<number>; readonly startSnapshot: number },
  customers: number,
  segments: number,
  revalues: boolean,
  granularity: Granularity,
): void {
  const snapshots = grid.boundaries.length;
  const periods = snapshots - 1 - grid.startSnapshot;
  if (periods <= 0) return;
  const span = {
    first: grid.boundaries[grid.startSnapshot]!,
    last: grid.boundaries[snapshots - 1]! - 1,
    granularity,
  };
  assertWorkWithin(segments * periods, MAX_SEGMENT_ROWS, 'segment rows (segments × periods)', span);
  if (revalues) {
    assertWorkWithin(
      customers * (snapshots - 1),
      MAX_CUSTOMER_SNAPSHOTS,
      "customer revaluations (customers × periods, rateDate 'snapshot')",
      { ...span, first: grid.boundaries[0]! },
      "a coarser granularity, an earlier `to`, or rateDate 'periodStart'",
    );
  }
}
