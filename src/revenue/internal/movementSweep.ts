/**
 * Integer arithmetic the sweep runs on: `number` while every sum stays a safe integer, `bigint` otherwise.
 *
 * @private
 */
export interface AmountOps<T extends number | bigint> {
  readonly zero: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  /** A zero-filled buffer of `length` amounts: a Float64Array for numbers (no boxing, no GC scanning). */
  allocate(length: number): AmountBuffer<T>;
}

/**
 * A fixed-length buffer of amounts.
 *
 * @private
 */
export interface AmountBuffer<T extends number | bigint> {
  [index: number]: T;
  readonly length: number;
}

/** @private */
export const NUMBER_OPS: AmountOps<number> = {
  zero: 0,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  allocate: (length) => new Float64Array(length),
};

/** @private */
export const BIGINT_OPS: AmountOps<bigint> = {
  zero: 0n,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  allocate: (length) => new Array<bigint>(length).fill(0n),
};

/** Movement type codes; 0 means no movement. @private */
export const NEW = 1;
/** @private */
export const EXPANSION = 2;
/** @private */
export const CONTRACTION = 3;
/** @private */
export const CHURN = 4;
/** @private */
export const REACTIVATION = 5;

/**
 * What the sweep needs: rows grouped by customer and reduced to snapshot indexes.
 *
 * Snapshot `s` (0 … snapshotCount − 1) is the last day of grid period `s − 1`; snapshot 0 is the day before the
 * grid, when nothing is active yet. A row is active from snapshot `first[row]` through `last[row]` inclusive.
 *
 * @private
 */
export interface SweepInput<T extends number | bigint> {
  readonly customerCount: number;
  /** Rows are in customer order: customer `c` holds rows `rowOffsets[c]` … `rowOffsets[c + 1] − 1`. */
  readonly rowOffsets: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Each distinct MRR amount in integer minor units. */
  readonly amounts: ArrayLike<T>;
  /** Each row's index into `amounts`. */
  readonly amountOf: Int32Array;
  readonly snapshotCount: number;
  /** The snapshot whose state is the first reported period's start; movements at later snapshots are reported. */
  readonly startSnapshot: number;
  /** `true` for paidToFree `'contraction'`: a customer holding only free periods stays a customer. */
  readonly freeStaysCustomer: boolean;
  /** `false` when only the period sums are wanted: the movement list is then not kept (no buffers at all). */
  readonly recordMovements: boolean;
}

/**
 * Per reported period sums (index 0 = first reported period) and the movement list, columnar.
 *
 * @private
 */
export interface SweepResult<T extends number | bigint> {
  startingMrr: T;
  startingCustomers: number;
  /** Indexed by `(type - 1) * periods + period`, type 1 … 5. */
  readonly sums: T[];
  readonly counts: Int32Array;
  /** Movements recorded; the buffers below hold them at indexes 0 … movementCount − 1 (and spare room after). */
  movementCount: number;
  movementCustomer: Int32Array;
  movementSnapshot: Int32Array;
  movementType: Uint8Array;
  movementPrevious: AmountBuffer<T>;
  movementCurrent: AmountBuffer<T>;
}

/**
 * Walks each customer's MRR from snapshot to snapshot, visiting only the snapshots where one of its rows starts
 * or stops counting, and classifies every change as exactly one movement.
 *
 * @private
 */
export function movementSweep<T extends number | bigint>(
  input: SweepInput<T>,
  ops: AmountOps<T>,
): SweepResult<T> {
  const { rowOffsets, first, last, amounts, amountOf } = input;
  const { snapshotCount, startSnapshot, freeStaysCustomer } = input;
  const periods = snapshotCount - 1 - startSnapshot;
  // Typically fewer movements than rows; the buffers double when needed. Capacity 0 keeps no list.
  const capacity = input.recordMovements ? Math.max(64, first.length >>> 1) : 0;
  const result: SweepResult<T> = {
    startingMrr: ops.zero,
    startingCustomers: 0,
    sums: new Array<T>(5 * periods).fill(ops.zero),
    counts: new Int32Array(5 * periods),
    movementCount: 0,
    movementCustomer: new Int32Array(capacity),
    movementSnapshot: new Int32Array(capacity),
    movementType: new Uint8Array(capacity),
    movementPrevious: ops.allocate(capacity),
    movementCurrent: ops.allocate(capacity),
  };
  let eventSnapshot = new Int32Array(64);
  let eventRow = new Int32Array(64);
  let eventSign = new Int8Array(64);
  for (let customer = 0; customer < input.customerCount; customer += 1) {
    let events = 0;
    const rowEnd = rowOffsets[customer + 1]!;
    if (eventSnapshot.length < 2 * (rowEnd - rowOffsets[customer]!)) {
      const size = 2 * (rowEnd - rowOffsets[customer]!);
      eventSnapshot = new Int32Array(size);
      eventRow = new Int32Array(size);
      eventSign = new Int8Array(size);
    }
    for (let row = rowOffsets[customer]!; row < rowEnd; row += 1) {
      const from = first[row]!;
      const through = last[row]!;
      if (from > through) continue;
      eventSnapshot[events] = from;
      eventRow[events] = row;
      eventSign[events] = 1;
      events += 1;
      if (through + 1 < snapshotCount) {
        eventSnapshot[events] = through + 1;
        eventRow[events] = row;
        eventSign[events] = -1;
        events += 1;
      }
    }
    sortEvents(eventSnapshot, eventRow, eventSign, events);

    let mrr = ops.zero;
    let active = 0;
    let counted = false;
    let everPaid = false;
    let startRecorded = false;
    let index = 0;
    while (index < events) {
      const snapshot = eventSnapshot[index]!;
      if (!startRecorded && snapshot > startSnapshot) {
        startRecorded = true;
        if (counted) {
          result.startingCustomers += 1;
          result.startingMrr = ops.add(result.startingMrr, mrr);
        }
      }
      const previous = mrr;
      while (index < events && eventSnapshot[index] === snapshot) {
        const row = eventRow[index]!;
        if (eventSign[index] === 1) {
          mrr = ops.add(mrr, amounts[amountOf[row]!]!);
          active += 1;
        } else {
          mrr = ops.sub(mrr, amounts[amountOf[row]!]!);
          active -= 1;
        }
        index += 1;
      }
      // The rule of movementType, inlined: this loop runs once per customer event on millions of rows.
      let type = 0;
      if (freeStaysCustomer) {
        if (!counted) {
          if (mrr > 0) type = everPaid ? REACTIVATION : NEW;
        } else if (active === 0) type = CHURN;
        else if (mrr > previous) type = EXPANSION;
        else if (mrr < previous) type = CONTRACTION;
      } else if (previous > 0) {
        if (!(mrr > 0)) type = CHURN;
        else if (mrr > previous) type = EXPANSION;
        else if (mrr < previous) type = CONTRACTION;
      } else if (mrr > 0) type = everPaid ? REACTIVATION : NEW;
      if (type !== 0) {
        counted = type !== CHURN;
        if (snapshot > startSnapshot)
          record(result, ops, periods, customer, snapshot, startSnapshot, type, previous, mrr);
      }
      if (mrr > 0) everPaid = true;
    }
    if (!startRecorded && counted) {
      result.startingCustomers += 1;
      result.startingMrr = ops.add(result.startingMrr, mrr);
    }
  }
  return result;
}

/**
 * The one movement a customer's change from `previous` to `current` MRR is (0: none), given whether it counted
 * as a customer before, whether it ever paid, and how many of its periods are active now (see `mrrMovements`
 * for the two paidToFree conventions).
 *
 * @private
 */
export function movementType<T extends number | bigint>(
  freeStaysCustomer: boolean,
  counted: boolean,
  everPaid: boolean,
  active: number,
  previous: T,
  current: T,
): number {
  if (freeStaysCustomer) {
    if (!counted) return current > 0 ? (everPaid ? REACTIVATION : NEW) : 0;
    if (active === 0) return CHURN;
  } else if (!(previous > 0)) return current > 0 ? (everPaid ? REACTIVATION : NEW) : 0;
  else if (!(current > 0)) return CHURN;
  return current > previous ? EXPANSION : current < previous ? CONTRACTION : 0;
}

/**
 * Adds one customer's movement of `type` at `snapshot` to the period sums and the movement list.
 *
 * @private
 */
export function record<T extends number | bigint>(
  result: SweepResult<T>,
  ops: AmountOps<T>,
  periods: number,
  customer: number,
  snapshot: number,
  startSnapshot: number,
  type: number,
  previous: T,
  current: T,
): void {
  const slot = (type - 1) * periods + (snapshot - 1 - startSnapshot);
  const amount = current > previous ? ops.sub(current, previous) : ops.sub(previous, current);
  result.sums[slot] = ops.add(result.sums[slot]!, amount);
  result.counts[slot]! += 1;
  // A sweep for the period table alone allocated no list (on 1M rows the list's buffers were ~40 MB, enough to
  // set off a full garbage collection of the caller's heap).
  if (result.movementType.length === 0) return;
  const index = result.movementCount;
  if (index === result.movementType.length) grow(result, ops);
  result.movementCustomer[index] = customer;
  result.movementSnapshot[index] = snapshot;
  result.movementType[index] = type;
  result.movementPrevious[index] = previous;
  result.movementCurrent[index] = current;
  result.movementCount = index + 1;
}

function grow<T extends number | bigint>(result: SweepResult<T>, ops: AmountOps<T>): void {
  const length = 2 * result.movementType.length;
  const previous = ops.allocate(length);
  const current = ops.allocate(length);
  for (let index = 0; index < result.movementCount; index += 1) {
    previous[index] = result.movementPrevious[index]!;
    current[index] = result.movementCurrent[index]!;
  }
  result.movementPrevious = previous;
  result.movementCurrent = current;
  const customer = new Int32Array(length);
  customer.set(result.movementCustomer);
  result.movementCustomer = customer;
  const snapshot = new Int32Array(length);
  snapshot.set(result.movementSnapshot);
  result.movementSnapshot = snapshot;
  const type = new Uint8Array(length);
  type.set(result.movementType);
  result.movementType = type;
}

// Events of one customer are few, so insertion sort wins; a customer with hundreds of rows falls back to a
// comparison sort on an index permutation.
function sortEvents(snapshots: Int32Array, rows: Int32Array, signs: Int8Array, count: number): void {
  if (count <= 48) {
    for (let i = 1; i < count; i += 1) {
      const snapshot = snapshots[i]!;
      const row = rows[i]!;
      const sign = signs[i]!;
      let j = i - 1;
      while (j >= 0 && snapshots[j]! > snapshot) {
        snapshots[j + 1] = snapshots[j]!;
        rows[j + 1] = rows[j]!;
        signs[j + 1] = signs[j]!;
        j -= 1;
      }
      snapshots[j + 1] = snapshot;
      rows[j + 1] = row;
      signs[j + 1] = sign;
    }
    return;
  }
  // A heap sort in place: a sorted copy allocated ~10 MB per 1M rows (customers with more than 24 periods are
  // common), enough to bring the caller's heap a full garbage collection. The order of events on one snapshot
  // does not matter (they are summed together), so the sort need not be stable.
  for (let root = (count >> 1) - 1; root >= 0; root -= 1) siftDown(snapshots, rows, signs, root, count);
  for (let end = count - 1; end > 0; end -= 1) {
    swapEvents(snapshots, rows, signs, 0, end);
    siftDown(snapshots, rows, signs, 0, end);
  }
}

function siftDown(
  snapshots: Int32Array,
  rows: Int32Array,
  signs: Int8Array,
  root: number,
  count: number,
): void {
  for (let parent = root; ; ) {
    let largest = parent;
    const left = 2 * parent + 1;
    if (left < count && snapshots[left]! > snapshots[largest]!) largest = left;
    if (left + 1 < count && snapshots[left + 1]! > snapshots[largest]!) largest = left + 1;
    if (largest === parent) return;
    swapEvents(snapshots, rows, signs, parent, largest);
    parent = largest;
  }
}

function swapEvents(snapshots: Int32Array, rows: Int32Array, signs: Int8Array, a: number, b: number): void {
  const snapshot = snapshots[a]!;
  snapshots[a] = snapshots[b]!;
  snapshots[b] = snapshot;
  const row = rows[a]!;
  rows[a] = rows[b]!;
  rows[b] = row;
  const sign = signs[a]!;
  signs[a] = signs[b]!;
  signs[b] = sign;
}
