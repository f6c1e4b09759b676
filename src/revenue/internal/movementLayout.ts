import { fromDayNumber, toDayNumber } from '../../core/calendarDate.js';
import {
  periodBoundaries,
  type ResolvedPeriodOptions,
  startOfPeriod,
} from '../../core/internal/periodGrid.js';
import type { IsoDate } from '../../core/types.js';
import type { PeriodGrid } from './movementTable.js';
import { OPEN_END, type SubscriptionColumns } from './subscriptionColumns.js';
import { assertWorkWithin, MAX_REPORTED_PERIODS, periodCount } from './workLimits.js';

/**
 * The rows of one `mrrMovements` call laid out for a sweep (see `SweepInput`): the period grid, the customers,
 * and the rows in customer order: customer `c` holds rows `rowOffsets[c]` … `rowOffsets[c + 1] − 1`, row `r`
 * active from snapshot `first[r]` through `last[r]` with MRR `amounts[amountOf[r]]`. When the input lists each
 * customer's rows together in customer order (a sorted export), `r` is the input row and `amountOf` the
 * validated column itself. Otherwise the rows are copied once into customer order (`r` is a position, and
 * `inputRow` maps it back when asked for), so the sweep reads front to back instead of jumping between rows
 * scattered through shuffled input.
 *
 * @private
 */
export interface MovementLayout {
  readonly grid: PeriodGrid;
  readonly customerIds: string[];
  readonly rowOffsets: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Each row's index into the distinct amounts (`SubscriptionColumns.amounts`). */
  readonly amountOf: Int32Array;
  /**
   * The input row of each row, when the rows were copied into customer order and `keepInputRow` asked for it
   * (the segment sweep reads the input's segment and currency columns); undefined when `r` is the input row.
   */
  readonly inputRow: Int32Array | undefined;
}

/**
 * How customers are ordered: `'id'` in UTF-16 code-unit order of their ids (the drill-down order), `'input'` in
 * order of first appearance (enough for the period table, whose sums do not depend on the order, and it saves
 * sorting the ids).
 *
 * @private
 */
export type CustomerOrder = 'id' | 'input';

/**
 * Lays out validated rows over the grid from `from` to `to` (defaults: the data's first and last days); `undefined`
 * when there are no rows and no range, which is an empty table.
 *
 * @private
 */
export function movementLayout(
  columns: SubscriptionColumns,
  from: IsoDate | undefined,
  to: IsoDate | undefined,
  resolved: ResolvedPeriodOptions,
  customerOrder: CustomerOrder = 'id',
  keepInputRow = false,
): MovementLayout | undefined {
  const { startDay, endDay } = columns;
  const rowCount = columns.length;
  if (rowCount === 0 && from === undefined && to === undefined) return undefined;

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
  // Refused before the grid is built: a row 1000-01-01 … 9998-12-31 at 'day' is 3.3 million periods.
  const span = { first: fromDay, last: toDay, granularity: resolved.granularity };
  assertWorkWithin(
    periodCount(fromDay, toDay, resolved.granularity, resolved.weekStartsOn),
    MAX_REPORTED_PERIODS,
    'periods',
    span,
  );
  // The grid starts at the earliest data even when `from` is later, so "paid before" (new vs reactivation) and
  // the paidToFree state are judged on the same snapshots whatever range is reported.
  const grid = periodGrid(Math.min(fromDay, firstDay), fromDay, toDay, resolved);
  const snapshotCount = grid.boundaries.length;

  const { customerIds, rank } =
    customerOrder === 'id'
      ? rankCustomers(columns.customerIds)
      : { customerIds: columns.customerIds, rank: undefined };
  const customerOf = rank === undefined ? columns.customer : remap(columns.customer, rank);
  const rowOffsets = new Int32Array(customerIds.length + 1);
  let grouped = true;
  for (let row = 0; row < rowCount; row += 1) {
    rowOffsets[customerOf[row]! + 1]! += 1;
    if (row > 0 && customerOf[row]! < customerOf[row - 1]!) grouped = false;
  }
  for (let position = 0; position < customerIds.length; position += 1) {
    rowOffsets[position + 1]! += rowOffsets[position]!;
  }
  const first = new Int32Array(rowCount);
  const last = new Int32Array(rowCount);
  const snapshotOf = snapshotLookup(grid.boundaries, rowCount);
  const amount = columns.amount;
  if (grouped) {
    for (let row = 0; row < rowCount; row += 1) {
      first[row] = snapshotOf(startDay[row]!);
      last[row] = endDay[row] === OPEN_END ? snapshotCount - 1 : snapshotOf(endDay[row]!) - 1;
    }
    return { grid, customerIds, rowOffsets, first, last, amountOf: amount, inputRow: undefined };
  }
  // One pass in input order that scatters each row's values to its position: writes to scattered addresses do
  // not stall the loop the way reads from them would.
  const amountOf = new Int32Array(rowCount);
  const inputRow = keepInputRow ? new Int32Array(rowCount) : undefined;
  const fill = rowOffsets.slice(0, customerIds.length);
  for (let row = 0; row < rowCount; row += 1) {
    const position = fill[customerOf[row]!]!;
    fill[customerOf[row]!] = position + 1;
    first[position] = snapshotOf(startDay[row]!);
    last[position] = endDay[row] === OPEN_END ? snapshotCount - 1 : snapshotOf(endDay[row]!) - 1;
    amountOf[position] = amount[row]!;
    if (inputRow !== undefined) inputRow[position] = row;
  }
  return { grid, customerIds, rowOffsets, first, last, amountOf, inputRow };
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

function remap(customer: Int32Array, rank: Int32Array): Int32Array {
  const ranked = new Int32Array(customer.length);
  for (let row = 0; row < customer.length; row += 1) ranked[row] = rank[customer[row]!]!;
  return ranked;
}

function periodGrid(
  gridDay: number,
  fromDay: number,
  toDay: number,
  options: ResolvedPeriodOptions,
): PeriodGrid {
  const starts = periodBoundaries(gridDay, toDay, options);
  const rangeStart = toDayNumber(startOfPeriod(fromDayNumber(fromDay), options));
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
