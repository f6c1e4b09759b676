import { fromDayNumber, toDayNumber } from '../core/calendarDate.js';
import { assertKnownKeys, assertObject, oneOf } from '../core/internal/options.js';
import {
  nextPeriodStart,
  type ResolvedPeriodOptions,
  resolveDateRange,
  resolvePeriodOptions,
  startOfPeriod,
} from '../core/internal/periodGrid.js';
import type { DateLike } from '../core/types.js';
import {
  BIGINT_OPS,
  movementSweep,
  NUMBER_OPS,
  type SweepInput,
  type SweepResult,
} from './internal/movementSweep.js';
import { movementTable, type PeriodGrid } from './internal/movementTable.js';
import { decimalCache, scaledAmounts } from './internal/scaledAmounts.js';
import { OPEN_END, subscriptionColumns } from './internal/subscriptionColumns.js';
import type { SubscriptionPeriod } from './subscriptionPeriod.js';

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
 * Formula: endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr − contractionMrr − churnedMrr,
 * endingCustomers = startingCustomers + newCustomers + reactivatedCustomers − churnedCustomers, and each row's
 * starting values are the previous row's ending values.
 * Units: MRR in the input's currency (exact Decimals); customers as counts.
 * Source: the end-of-period snapshot movements of the dbt MRR playbook and ChartMogul's movement types; options
 * `granularity` (default `'month'`), `weekStartsOn` (default 1), `timeZone` (no default: see {@link DateLike}), `from`/`to`,
 * `paidToFree` (default `'churn'`), `detail` (default `'full'`) are explained in docs/revenue-movements.md.
 * Edge cases: no periods and no `from`/`to` give an empty table; open-ended periods stay active through `to`;
 * invalid rows, unknown options and `from` after `to` are a MetricInputError.
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
 */
export function mrrMovements(
  subscriptions: readonly SubscriptionPeriod[],
  options?: MrrMovementsOptions & { readonly detail?: 'full' },
): MrrMovements;
export function mrrMovements(
  subscriptions: readonly SubscriptionPeriod[],
  options: MrrMovementsOptions & { readonly detail: 'summary' },
): MrrMovementsSummary;
export function mrrMovements(
  subscriptions: readonly SubscriptionPeriod[],
  options?: MrrMovementsOptions,
): MrrMovements | MrrMovementsSummary;
export function mrrMovements(
  subscriptions: readonly SubscriptionPeriod[],
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
  const columns = subscriptionColumns(subscriptions, resolved.timeZone);
  const { startDay, endDay } = columns;
  const rowCount = columns.length;
  if (rowCount === 0 && from === undefined && to === undefined) {
    return detail === 'full' ? { periods: [], customers: [] } : { periods: [] };
  }

  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < rowCount; row += 1) {
    if (startDay[row]! < firstDay) firstDay = startDay[row]!;
    const latest = endDay[row] === OPEN_END ? startDay[row]! : endDay[row]!;
    if (latest > lastDay) lastDay = latest;
  }
  const toDay =
    to !== undefined ? toDayNumber(to) : Math.max(lastDay, from === undefined ? lastDay : toDayNumber(from));
  const fromDay = from !== undefined ? toDayNumber(from) : Math.min(firstDay, toDay);
  // The grid starts at the earliest data even when `from` is later, so "paid before" (new vs reactivation) and
  // the paidToFree state are judged on the same snapshots whatever range is reported.
  const grid = periodGrid(Math.min(fromDay, firstDay), fromDay, toDay, resolved);
  const snapshotCount = grid.boundaries.length;

  const { customerIds, rank } = rankCustomers(columns.customerIds);
  const customer = columns.customer;
  const rowOffsets = new Int32Array(customerIds.length + 1);
  const first = new Int32Array(rowCount);
  const last = new Int32Array(rowCount);
  const snapshotOf = snapshotLookup(grid.boundaries, rowCount);
  for (let row = 0; row < rowCount; row += 1) {
    rowOffsets[(rank === undefined ? customer[row]! : rank[customer[row]!]!) + 1]! += 1;
    first[row] = snapshotOf(startDay[row]!);
    last[row] = endDay[row] === OPEN_END ? snapshotCount - 1 : snapshotOf(endDay[row]!) - 1;
  }
  for (let position = 0; position < customerIds.length; position += 1) {
    rowOffsets[position + 1]! += rowOffsets[position]!;
  }
  const fill = rowOffsets.slice(0, customerIds.length);
  const rowOrder = new Int32Array(rowCount);
  for (let row = 0; row < rowCount; row += 1) {
    const position = rank === undefined ? customer[row]! : rank[customer[row]!]!;
    rowOrder[fill[position]!] = row;
    fill[position]! += 1;
  }

  const scaled = scaledAmounts(columns.amounts, columns.amount);
  const base = {
    customerCount: customerIds.length,
    rowOffsets,
    rowOrder,
    first,
    last,
    amountOf: columns.amount,
    snapshotCount,
    startSnapshot: grid.startSnapshot,
    freeStaysCustomer: paidToFree === 'contraction',
  };
  const sweep: SweepResult<number | bigint> =
    scaled.kind === 'number'
      ? movementSweep<number>({ ...base, amounts: scaled.amounts } satisfies SweepInput<number>, NUMBER_OPS)
      : movementSweep<bigint>({ ...base, amounts: scaled.amounts }, BIGINT_OPS);
  return movementTable(sweep, grid, customerIds, decimalCache(scaled.scale), detail);
}

// Customers in UTF-16 code-unit order (the drill-down order). Exports are often sorted by customer already, and
// then the ids keep their positions (rank undefined) without a sort.
function rankCustomers(ids: string[]): { customerIds: string[]; rank: Int32Array | undefined } {
  let sorted = true;
  for (let position = 1; sorted && position < ids.length; position += 1)
    sorted = ids[position - 1]! < ids[position]!;
  if (sorted) return { customerIds: ids, rank: undefined };
  const order = Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1));
  const rank = new Int32Array(ids.length);
  const customerIds: string[] = new Array(ids.length);
  for (let position = 0; position < order.length; position += 1) {
    rank[order[position]!] = position;
    customerIds[position] = ids[order[position]!]!;
  }
  return { customerIds, rank };
}

function periodGrid(
  gridDay: number,
  fromDay: number,
  toDay: number,
  options: ResolvedPeriodOptions,
): PeriodGrid {
  const starts: number[] = [];
  const rangeStart = toDayNumber(startOfPeriod(fromDayNumber(fromDay), options));
  let start = startOfPeriod(fromDayNumber(gridDay), options);
  let day = toDayNumber(start);
  starts.push(day);
  // Days and weeks have a fixed length, so long daily grids skip the calendar arithmetic.
  const step = options.granularity === 'day' ? 1 : options.granularity === 'week' ? 7 : 0;
  while (day <= toDay) {
    if (step > 0) day += step;
    else {
      start = nextPeriodStart(start, options.granularity);
      day = toDayNumber(start);
    }
    starts.push(day);
  }
  return { boundaries: Float64Array.from(starts), startSnapshot: starts.indexOf(rangeStart) };
}

// `snapshotOf(day)` is the index of the first boundary greater than `day` (boundaries.length when none is). A
// table over the grid's days answers in one read; a grid far longer than the data (decades of days for a few
// rows) uses binary search instead.
function snapshotLookup(boundaries: Float64Array, rowCount: number): (day: number) => number {
  const origin = boundaries[0]!;
  const span = boundaries[boundaries.length - 1]! - origin;
  if (span > 4 * rowCount + 4096) return (day) => upperBound(boundaries, day);
  const table = new Int32Array(span);
  let snapshot = 1;
  for (let offset = 0; offset < span; offset += 1) {
    if (origin + offset >= boundaries[snapshot]!) snapshot += 1;
    table[offset] = snapshot;
  }
  return (day) => (day - origin < span ? table[day - origin]! : boundaries.length);
}

function upperBound(boundaries: Float64Array, day: number): number {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (boundaries[middle]! <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

const OPTION_KEYS: ReadonlySet<string> = new Set([
  'granularity',
  'weekStartsOn',
  'timeZone',
  'from',
  'to',
  'paidToFree',
  'detail',
]);
