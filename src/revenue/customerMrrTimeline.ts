import { fromDayNumber, toDayNumber } from '../core/calendarDate.js';
import type { Decimal } from '../core/internal/decimal.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { resolveDateRange, resolvePeriodOptions } from '../core/internal/periodGrid.js';
import { assertWeekInCalendar } from '../core/internal/weekCalendar.js';
import { listPeriods } from '../core/periods.js';
import type { DateLike, IsoDate, Period, PeriodOptions } from '../core/types.js';
import { customerMrrSnapshots } from './internal/customerMrrSnapshots.js';
import { periodStartRates } from './internal/exchangeRates.js';
import { normalizeSubscriptionPeriods } from './internal/normalizeSubscriptionPeriods.js';
import { assertWorkWithin, MAX_REPORTED_PERIODS, periodCount } from './internal/workLimits.js';
import type { SubscriptionPeriod } from './subscriptionPeriod.js';
import type { CurrencyOptions } from './types.js';

/**
 * Options of {@link customerMrrTimeline}: the period options and range of {@link mrrMovements}.
 *
 * @category Revenue
 */
export interface CustomerMrrTimelineOptions extends PeriodOptions {
  /** A date in the first period; default: the first period holding a period start. */
  readonly from?: DateLike;
  /** A date in the last period; default: the period holding the latest start or end date. */
  readonly to?: DateLike;
  /**
   * Converts rows in several currencies into `reporting`, each row once at the rate in effect on its start
   * (`rateDate: 'periodStart'`, the only convention accepted here); default: none (one currency).
   */
  readonly currency?: CurrencyOptions;
}

/**
 * One customer's MRR at every snapshot of {@link CustomerMrrTimeline.periods}.
 *
 * @category Revenue
 */
export interface CustomerMrrSeries {
  readonly customerId: string;
  /** `mrr[i]` is the customer's MRR on the last day of `periods[i]` (0 when nothing is active). */
  readonly mrr: Decimal[];
}

/**
 * The result of {@link customerMrrTimeline}.
 *
 * @category Revenue
 */
export interface CustomerMrrTimeline {
  /** Every period of the range, empty ones included, in order. */
  readonly periods: Period[];
  /** One series per customer, in UTF-16 code-unit order of customerId (the order of mrrMovements' drill-down). */
  readonly customers: CustomerMrrSeries[];
}

const OPTION_KEYS: ReadonlySet<string> = new Set([
  'granularity',
  'weekStartsOn',
  'timeZone',
  'from',
  'to',
  'currency',
]);

/**
 * Each customer's MRR at every period's snapshot, not only where it changed: the grid behind a per-customer MRR
 * chart or a spreadsheet export (`customers` of {@link mrrMovements} lists movements only).
 *
 * Formula: mrr(customer, period) = Σ MRR of the customer's subscription periods active on the period's last day,
 * the same snapshot rule as mrrMovements, so Σ over customers of `mrr[i]` is `periods[i].endingMrr` there.
 * Units: currency per month, exact Decimals; multiply by 12 for ARR ({@link arrFromMrr}).
 * Edge cases: no rows and no range give no periods and no customers; a customer with no active period in a
 * period has 0 there; bad rows or options are a {@link MetricInputError} (all bad rows listed in `issues`); with
 * weekly periods, a start, `from` or `to` whose week starts before 1000-01-01 (the first supported day) is an
 * `out_of_range` one naming the first day accepted.
 *
 * @category Revenue
 * @example
 * const timeline = customerMrrTimeline([
 *   { customerId: 'acme', start: '2024-01-01', end: '2024-03-15', mrr: 100 },
 *   { customerId: 'acme', subscriptionId: 'seats', start: '2024-02-01', mrr: 20 },
 * ]);
 * timeline.periods.map((period) => period.start)
 * //=> ['2024-01-01', '2024-02-01', '2024-03-01']
 * timeline.customers[0].mrr.map(String)
 * //=> ['100', '120', '20']
 */
export function customerMrrTimeline(
  periods: readonly SubscriptionPeriod[],
  options: CustomerMrrTimelineOptions = {},
): CustomerMrrTimeline {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const resolved = resolvePeriodOptions(options);
  const { from, to } = resolveDateRange(options, resolved.timeZone);
  const rates = periodStartRates(options.currency, resolved.timeZone);
  const rows = normalizeSubscriptionPeriods(periods, resolved.timeZone, undefined, rates);
  // Weekly periods need the week of every day of the range to start within the calendar (from 1000-01-01 on).
  if (resolved.granularity === 'week') {
    if (from !== undefined) assertWeekInCalendar(toDayNumber(from), resolved, ['options', 'from'], from);
    if (to !== undefined) assertWeekInCalendar(toDayNumber(to), resolved, ['options', 'to'], to);
    for (const row of rows) {
      assertWeekInCalendar(
        row.startDay,
        resolved,
        ['subscriptions', row.index, 'start'],
        fromDayNumber(row.startDay),
      );
    }
  }
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    firstDay = Math.min(firstDay, row.startDay);
    lastDay = Math.max(lastDay, row.endDay ?? row.startDay);
  }
  const first: IsoDate | undefined = from ?? (rows.length > 0 ? fromDayNumber(firstDay) : to);
  const last: IsoDate | undefined = to ?? (rows.length > 0 ? fromDayNumber(lastDay) : from);
  if (first === undefined || last === undefined) return { periods: [], customers: [] };
  const firstOfRange = first < last ? first : last;
  assertWorkWithin(
    periodCount(toDayNumber(firstOfRange), toDayNumber(last), resolved.granularity, resolved.weekStartsOn),
    MAX_REPORTED_PERIODS,
    'periods',
    { first: toDayNumber(firstOfRange), last: toDayNumber(last), granularity: resolved.granularity },
  );
  const range = listPeriods(firstOfRange, last, {
    granularity: resolved.granularity,
    weekStartsOn: resolved.weekStartsOn,
  });
  const snapshots = customerMrrSnapshots(
    rows,
    range.map((period) => toDayNumber(period.end) - 1),
    resolved.granularity,
  );
  const customerIds = [...snapshots.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    periods: range,
    customers: customerIds.map((customerId) => ({ customerId, mrr: [...snapshots.get(customerId)!] })),
  };
}
