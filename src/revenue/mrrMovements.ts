import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import { resolveDateRange, resolvePeriodOptions } from '../core/internal/periodGrid.js';
import { assertWeeksInCalendar } from '../core/internal/weekCalendar.js';
import type { DateLike } from '../core/types.js';
import { assertOneCurrency } from './internal/assertOneCurrency.js';
import {
  columnarSubscriptionColumns,
  isSubscriptionPeriodColumns,
} from './internal/columnarSubscriptionColumns.js';
import { convertAtPeriodStart } from './internal/convertAtPeriodStart.js';
import { convertedSweep } from './internal/convertedSweep.js';
import { exchangeRates } from './internal/exchangeRates.js';
import { movementLayout } from './internal/movementLayout.js';
import {
  BIGINT_OPS,
  movementSweep,
  NUMBER_OPS,
  type SweepInput,
  type SweepResult,
} from './internal/movementSweep.js';
import { movementTable } from './internal/movementTable.js';
import { decimalCache, scaledAmounts } from './internal/scaledAmounts.js';
import { subscriptionColumns } from './internal/subscriptionColumns.js';
import { assertSweepWithin } from './internal/workLimits.js';
import type { SubscriptionPeriodInput } from './subscriptionPeriod.js';

import type { MrrMovements, MrrMovementsOptions, MrrMovementsSummary } from './types.js';
/**
 * The MRR movements table: for each period, starting MRR, new, expansion, contraction, churned and reactivated
 * MRR, ending MRR, and the same for customer counts, plus each customer's movement for drill-down. With
 * `detail: 'summary'` the result is the same period table alone ({@link MrrMovementsSummary}: no `customers`
 * key), and the drill-down objects (about 680k for 1M rows) are never built; `detail` defaults to `'full'`.
 *
 * A customer's MRR in a period is the sum of its active subscription periods' MRR on the period's LAST day
 * (`start` inclusive, `end` exclusive). Its change from the previous period's snapshot is exactly one movement:
 * new (MRR > 0 at a snapshot for the first time), reactivation (> 0 again after > 0 at an earlier snapshot,
 * also before `from`), expansion, contraction or churn (> 0 to 0). A customer counts when its MRR is > 0; with
 * `paidToFree: 'contraction'` a customer counts from its first paying snapshot until the first snapshot at which
 * it holds no active period at all, so dropping to a free plan is contraction (rising again is expansion) and
 * churn is leaving altogether (a churn of amount 0 when it left from a free plan).
 *
 * Currencies: rows may carry an ISO 4217 `currency`. Without the `currency` option they must all be in one
 * (`mixed_currencies` otherwise) and the result is in it. With `currency: { reporting, rates, rateDate }`,
 * `rateDate: 'periodStart'` (the default, ChartMogul's rule) converts each row once at the rate in effect on its
 * `start`, so rates never move MRR; `'snapshot'` (Chargebee RevenueStory's rule) values each customer at every
 * snapshot at that day's rates, first revalues its previous MRR at the new rates (the difference is
 * `fxImpactMrr`, never a movement) and then judges and measures the movement from the revalued MRR. A row in
 * another currency with no rate in effect on a day it is needed is `missing_exchange_rate`.
 *
 * Formula: endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr − churnedMrr +
 * fxImpactMrr (zero without currencies or under `'periodStart'`), endingCustomers = startingCustomers + newCustomers + reactivatedCustomers − churnedCustomers, and each row's
 * starting values are the previous row's ending values.
 * Units: MRR in the input's (or the reporting) currency, exact Decimals (converted amounts are exact products,
 * nothing rounded); customers as counts.
 * Source: the end-of-period snapshot movements of the dbt MRR playbook and ChartMogul's movement types; options
 * `granularity` (default `'month'`), `weekStartsOn` (default 1), `timeZone` (no default: see {@link DateLike}), `from`/`to`,
 * `paidToFree` (default `'churn'`), `detail` (default `'full'`) are explained in docs/revenue-movements.md, and
 * `currency` in docs/segments-and-currencies.md.
 * Edge cases: no periods and no `from`/`to` give an empty table; open-ended periods stay active through `to`;
 * invalid rows (a key misspelling a missing optional field, `ned` for `end`, included: `unknown_field`), unknown
 * options and `from` after `to` are a MetricInputError, and so is a table of more than 100,000 periods
 * (`out_of_range` at `['options', 'granularity']`, refused before any work: docs/revenue-movements.md, "Limits").
 *
 * @category Revenue
 * @example
 * const table = mrrMovements([
 *   { customerId: 'a', start: '2024-01-10', end: '2024-03-01', mrr: 100 },
 *   { customerId: 'a', start: '2024-02-01', end: '2024-03-01', mrr: 20 },
 * ])
 * table.periods.map((row) => [row.start, row.newMrr.toString(), row.expansionMrr.toString(), row.churnedMrr.toString()])
 * //=> [['2024-01-01', '100', '0', '0'], ['2024-02-01', '0', '20', '0'], ['2024-03-01', '0', '0', '120']]
 * table.customers.map((move) => move.type)
 * //=> ['new', 'expansion', 'churn']
 * Object.keys(mrrMovements([{ customerId: 'a', start: '2024-01-10', mrr: 100 }], { detail: 'summary' }))
 * //=> ['periods']
 * const rates = [{ currency: 'EUR', date: '2024-01-01', rate: '1.1' }, { currency: 'EUR', date: '2024-02-01', rate: '1.2' }]
 * mrrMovements([{ customerId: 'b', start: '2024-01-10', mrr: 100, currency: 'EUR' }], { currency: { reporting: 'USD', rates, rateDate: 'snapshot' }, to: '2024-02-01' })
 *   .periods.map((row) => [row.newMrr.toString(), row.fxImpactMrr.toString(), row.endingMrr.toString()])
 * //=> [['110', '0', '110'], ['0', '10', '120']]
 */
export function mrrMovements(
  subscriptions: SubscriptionPeriodInput,
  options?: MrrMovementsOptions & { readonly detail?: 'full' },
): MrrMovements;
export function mrrMovements(
  subscriptions: SubscriptionPeriodInput,
  options: MrrMovementsOptions & { readonly detail: 'summary' },
): MrrMovementsSummary;
export function mrrMovements(
  subscriptions: SubscriptionPeriodInput,
  options?: MrrMovementsOptions,
): MrrMovements | MrrMovementsSummary;
export function mrrMovements(
  subscriptions: SubscriptionPeriodInput,
  options: MrrMovementsOptions = {},
): MrrMovements | MrrMovementsSummary {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const resolved = resolvePeriodOptions(options);
  const paidToFree = oneOf(options.paidToFree ?? 'churn', ['churn', 'contraction'] as const, [
    'options',
    'paidToFree',
  ]);
  const detail = oneOf(options.detail ?? 'full', ['full', 'summary'] as const, ['options', 'detail']);
  const { from, to } = resolveDateRange(options, resolved.timeZone);
  const rates =
    options.currency === undefined ? undefined : exchangeRates(options.currency, resolved.timeZone);
  const validated = isSubscriptionPeriodColumns(subscriptions)
    ? columnarSubscriptionColumns(subscriptions, resolved.timeZone)
    : subscriptionColumns(subscriptions, resolved.timeZone);
  assertWeeksInCalendar(validated.startDay, from, resolved, isSubscriptionPeriodColumns(subscriptions));
  if (rates === undefined) assertOneCurrency(validated);
  const snapshotRates = rates?.rateDate === 'snapshot';
  // Under 'periodStart' each row is converted once, before the layout carries amounts into customer order.
  const columns =
    rates === undefined || snapshotRates
      ? validated
      : { ...validated, ...convertAtPeriodStart(validated, rates) };
  const layout = movementLayout(
    columns,
    from,
    to,
    resolved,
    detail === 'full' ? 'id' : 'input',
    snapshotRates,
  );
  if (layout === undefined) return detail === 'full' ? { periods: [], customers: [] } : { periods: [] };
  const { grid, customerIds } = layout;
  const freeStaysCustomer = paidToFree === 'contraction';
  if (rates !== undefined && snapshotRates) {
    assertSweepWithin(grid, customerIds.length, 1, true, resolved.granularity);
    // Revaluing at every snapshot needs each customer's MRR per currency: the general sweep, one segment.
    const { sweep, scale } = convertedSweep(columns, layout, {
      rates,
      freeStaysCustomer,
      segmentOf: undefined,
      segmentCount: 1,
      recordMovements: detail === 'full',
    });
    return movementTable(sweep.total, grid, customerIds, decimalCache(scale), detail, sweep.totalFx);
  }
  const scaled = scaledAmounts(columns.amounts, columns.amount);
  const base = {
    customerCount: customerIds.length,
    rowOffsets: layout.rowOffsets,
    first: layout.first,
    last: layout.last,
    amountOf: layout.amountOf,
    snapshotCount: grid.boundaries.length,
    startSnapshot: grid.startSnapshot,
    freeStaysCustomer,
    recordMovements: detail === 'full',
  };
  const sweep: SweepResult<number | bigint> =
    scaled.kind === 'number'
      ? movementSweep<number>({ ...base, amounts: scaled.amounts } satisfies SweepInput<number>, NUMBER_OPS)
      : movementSweep<bigint>({ ...base, amounts: scaled.amounts }, BIGINT_OPS);
  return movementTable(sweep, grid, customerIds, decimalCache(scaled.scale), detail);
}

const OPTION_KEYS: ReadonlySet<string> = new Set([
  'granularity',
  'weekStartsOn',
  'timeZone',
  'from',
  'to',
  'paidToFree',
  'detail',
  'currency',
]);
