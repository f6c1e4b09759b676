import { MetricInputError } from '../core/errors.js';
import type { Decimal } from '../core/internal/decimal.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { resolveDateRange, resolvePeriodOptions } from '../core/internal/periodGrid.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { assertWeeksInCalendar } from '../core/internal/weekCalendar.js';
import { assertOneCurrency } from './internal/assertOneCurrency.js';
import {
  columnarSubscriptionColumns,
  isSubscriptionPeriodColumns,
} from './internal/columnarSubscriptionColumns.js';
import { convertAtPeriodStart } from './internal/convertAtPeriodStart.js';
import { convertedSweep } from './internal/convertedSweep.js';
import { exchangeRates } from './internal/exchangeRates.js';
import { movementLayout } from './internal/movementLayout.js';
import { CHURN, CONTRACTION, EXPANSION, NEW, REACTIVATION } from './internal/movementSweep.js';
import { movementTable, withEndingValues } from './internal/movementTable.js';
import { decimalCache } from './internal/scaledAmounts.js';
import { type SegmentSweepResult, TRANSFER_IN, TRANSFER_OUT } from './internal/segmentSweep.js';
import { subscriptionColumns } from './internal/subscriptionColumns.js';
import { assertSweepWithin } from './internal/workLimits.js';
import type { SubscriptionPeriodInput } from './subscriptionPeriod.js';
import type { SegmentMrrMovements, SegmentMrrMovementsOptions, SegmentPeriodMovements } from './types.js';

/**
 * The MRR movements table of the whole business and of each segment (plan, product, region, channel …), so
 * that the segments add up to the total exactly, also when customers move between segments.
 *
 * A customer's MRR in a segment at a snapshot is the sum of its active periods of that segment. Its movement is
 * judged on its total, exactly as in `mrrMovements`, and booked in each segment where its MRR is (new,
 * reactivation) or was (churn). For a customer paying before and after, MRR arriving in a segment where it had
 * none is a transfer in, MRR leaving a segment entirely is a transfer out, and a change within a segment is
 * expansion or contraction there. With `paidToFree: 'contraction'` a customer is in a segment while it is a
 * customer and holds an active period of that segment, free or paid: moving to a free plan of another segment
 * is a transfer out of the old segment and a transfer in of 0 into the new one.
 *
 * Formula, per segment: endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr −
 * churnedMrr + fxImpactMrr + transferInMrr − transferOutMrr, and endingCustomers = startingCustomers +
 * newCustomers + reactivatedCustomers − churnedCustomers + transferredInCustomers − transferredOutCustomers.
 * Summed over segments, starting, ending, new, churned, reactivation and fx impact MRR equal the total's, and
 * expansion − contraction + transfers in − transfers out equals the total's expansion − contraction. Customer
 * counts add up when each customer is in one segment at a time (a customer in two at once counts in both).
 * Units: MRR in the input's (or the reporting) currency, exact Decimals; customers as counts.
 * Source: the segment reconciliation of docs/segments-and-currencies.md; options as `mrrMovements` (the
 * `currency` option included) without `detail`.
 * Input: subscription rows or the columnar form of `mrrMovements` (`SubscriptionPeriodColumns`, with a `segment`
 * column). Edge cases: a row without `segment` is `missing_field`; a customer who never changes segment shows no
 * transfers, and each segment's table is then `mrrMovements` of its rows alone; no rows and no `from`/`to` give
 * empty tables.
 *
 * @category Revenue
 * @example
 * const result = segmentMrrMovements([
 *   { customerId: 'a', start: '2024-01-01', end: '2024-02-01', mrr: 100, segment: 'Starter' },
 *   { customerId: 'a', start: '2024-02-01', mrr: 250, segment: 'Growth' },
 * ])
 * result.segments.map(({ segment, periods }) => [segment, periods[1].transferInMrr.toString(), periods[1].transferOutMrr.toString()])
 * //=> [['Growth', '250', '0'], ['Starter', '0', '100']]
 * result.total[1].expansionMrr.toString()
 * //=> '150'
 */
export function segmentMrrMovements(
  subscriptions: SubscriptionPeriodInput,
  options: SegmentMrrMovementsOptions = {},
): SegmentMrrMovements {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const resolved = resolvePeriodOptions(options);
  const paidToFree = oneOf(options.paidToFree ?? 'churn', ['churn', 'contraction'] as const, [
    'options',
    'paidToFree',
  ]);
  const { from, to } = resolveDateRange(options, resolved.timeZone);
  const rates =
    options.currency === undefined ? undefined : exchangeRates(options.currency, resolved.timeZone);
  const columns = isSubscriptionPeriodColumns(subscriptions)
    ? columnarSubscriptionColumns(subscriptions, resolved.timeZone)
    : subscriptionColumns(subscriptions, resolved.timeZone);
  assertWeeksInCalendar(columns.startDay, from, resolved, isSubscriptionPeriodColumns(subscriptions));
  for (let row = 0; row < columns.length; row += 1) {
    if (columns.segment[row]! < 0) {
      throw new MetricInputError({
        code: 'missing_field',
        path: isSubscriptionPeriodColumns(subscriptions)
          ? ['subscriptions', 'segment', row]
          : ['subscriptions', row, 'segment'],
        expected: 'a non-empty string naming the segment (plan, product, region …)',
        received: describeValue(undefined),
      });
    }
  }
  if (rates === undefined) assertOneCurrency(columns);
  const snapshotRates = rates?.rateDate === 'snapshot';
  // Under 'periodStart' each row is converted once, before the layout carries amounts into customer order.
  const converted =
    rates === undefined || snapshotRates ? columns : { ...columns, ...convertAtPeriodStart(columns, rates) };
  // No drill-down: customers may stay in input order.
  const layout = movementLayout(converted, from, to, resolved, 'input', true);
  if (layout === undefined) return { total: [], segments: [] };
  assertSweepWithin(
    layout.grid,
    layout.customerIds.length,
    columns.segments.length,
    snapshotRates,
    resolved.granularity,
  );
  const { sweep, scale } = convertedSweep(converted, layout, {
    rates: snapshotRates ? rates : undefined,
    freeStaysCustomer: paidToFree === 'contraction',
    segmentOf: columns.segment,
    segmentCount: columns.segments.length,
    recordMovements: false,
  });
  const decimal = decimalCache(scale);
  const { periods: total } = movementTable(
    sweep.total,
    layout.grid,
    layout.customerIds,
    decimal,
    'summary',
    sweep.totalFx,
  );
  const segments = columns.segments
    .map((segment, index) => ({ segment, periods: segmentTable(sweep, index, total, decimal) }))
    .sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0));
  return { total, segments };
}

// One segment's rows: the sweep's sums as Decimals, ending values chained from starting values, as in
// movementTable; the period dates are the total's.
function segmentTable(
  sweep: SegmentSweepResult,
  segment: number,
  total: readonly { readonly start: string; readonly end: string }[],
  decimal: (amount: bigint) => Decimal,
): SegmentPeriodMovements[] {
  const count = total.length;
  const periods: SegmentPeriodMovements[] = new Array(count);
  let startingMrr = decimal(sweep.segmentStartingMrr[segment]!);
  let startingCustomers = sweep.segmentStartingCustomers[segment]!;
  for (let period = 0; period < count; period += 1) {
    const slot = (type: number) => (segment * 7 + type - 1) * count + period;
    const sum = (type: number) => decimal(sweep.segmentSums[slot(type)]!);
    const customers = (type: number) => sweep.segmentCounts[slot(type)]!;
    const row = {
      start: total[period]!.start,
      end: total[period]!.end,
      startingMrr,
      newMrr: sum(NEW),
      expansionMrr: sum(EXPANSION),
      contractionMrr: sum(CONTRACTION),
      churnedMrr: sum(CHURN),
      reactivationMrr: sum(REACTIVATION),
      fxImpactMrr: decimal(sweep.segmentFx[segment * count + period]!),
      transferInMrr: sum(TRANSFER_IN),
      transferOutMrr: sum(TRANSFER_OUT),
      startingCustomers,
      newCustomers: customers(NEW),
      expandedCustomers: customers(EXPANSION),
      contractedCustomers: customers(CONTRACTION),
      churnedCustomers: customers(CHURN),
      reactivatedCustomers: customers(REACTIVATION),
      transferredInCustomers: customers(TRANSFER_IN),
      transferredOutCustomers: customers(TRANSFER_OUT),
    };
    const closed = withEndingValues(row);
    periods[period] = closed;
    startingMrr = closed.endingMrr;
    startingCustomers = closed.endingCustomers;
  }
  return periods;
}

const OPTION_KEYS: ReadonlySet<string> = new Set([
  'granularity',
  'weekStartsOn',
  'timeZone',
  'from',
  'to',
  'paidToFree',
  'currency',
]);
