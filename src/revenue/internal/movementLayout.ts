import { fromDayNumber, toDayNumber } from '../../core/calendarDate.js';
import {
  nextPeriodStart,
  type ResolvedPeriodOptions,
  startOfPeriod,
} from '../../core/internal/periodGrid.js';
import type { IsoDate } from '../../core/types.js';
import type { PeriodGrid } from './movementTable.js';
import { OPEN_END, type SubscriptionColumns } from './subscriptionColumns.js';

/**
 * The rows of one `mrrMovements` call laid out for a sweep: the period grid, customers in UTF-16 code-unit order
 * of their ids, each customer's rows (`rowOrder[rowOffsets[c]] … rowOrder[rowOffsets[c + 1] − 1]`) and each
 * row's first and last active snapshot (see `SweepInput`).
 *
 * @private
 */
export interface MovementLayout {
  readonly grid: PeriodGrid;
  readonly customerIds: string[];
  readonly rowOffsets: Int32Array;
  readonly rowOrder: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
}

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

  return { grid, customerIds, rowOffsets, rowOrder, first, last };
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
