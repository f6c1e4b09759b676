import {
  BIGINT_OPS,
  CHURN,
  CONTRACTION,
  EXPANSION,
  movementType,
  NEW,
  REACTIVATION,
  record,
  type SweepResult,
} from './movementSweep.js';

/** Segment movement codes after the five customer movements. @private */
export const TRANSFER_IN = 6;
/** @private */
export const TRANSFER_OUT = 7;

/**
 * What the segment sweep needs: the layout of `SweepInput`, each row's segment and currency slot, and each
 * currency slot's rate at every snapshot.
 *
 * @private
 */
export interface SegmentSweepInput {
  readonly customerCount: number;
  /** Rows are in customer order: customer `c` holds rows `rowOffsets[c]` … `rowOffsets[c + 1] − 1`. */
  readonly rowOffsets: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly snapshotCount: number;
  readonly startSnapshot: number;
  readonly freeStaysCustomer: boolean;
  /** Distinct native amounts in minor units (`mrr × 10^amountScale`). */
  readonly amounts: readonly bigint[];
  readonly amountOf: Int32Array;
  readonly segmentCount: number;
  /** Each row's segment 0 … segmentCount − 1. */
  readonly segmentOf: Int32Array;
  /** Each row's currency slot, an index into `rates`. */
  readonly currencyOf: Int32Array;
  /**
   * `rates[slot][s]`: the slot's rate on snapshot `s`'s day in units of 10^−rateScale, 0n where none is in
   * effect; read only for `s >= startSnapshot`. A slot with the same rate at every snapshot never revalues.
   */
  readonly rates: readonly (readonly bigint[])[];
  /** Whether to keep the list of customer movements (the drill-down of `mrrMovements`). */
  readonly recordMovements: boolean;
  /** Throws the error for `row`, whose currency slot has no rate on snapshot `snapshot`. */
  missingRate(row: number, snapshot: number): never;
}

/**
 * The sweep's sums, in minor units of 10^−(amountScale + rateScale): the whole business (`total`, with the
 * revaluation per period in `totalFx`) and each segment (`segmentSums` indexed by
 * `(segment * 7 + type − 1) * periods + period`, types 1 … 7 with the transfers; `segmentFx` by
 * `segment * periods + period`).
 *
 * @private
 */
export interface SegmentSweepResult {
  readonly total: SweepResult<bigint>;
  readonly totalFx: bigint[];
  readonly segmentStartingMrr: bigint[];
  readonly segmentStartingCustomers: Int32Array;
  readonly segmentSums: bigint[];
  readonly segmentCounts: Int32Array;
  readonly segmentFx: bigint[];
}

/**
 * Walks each customer's MRR from snapshot to snapshot like `movementSweep`, keeping its native MRR per segment
 * and currency. At each snapshot the previous position is revalued at the new rates (the difference is the fx
 * impact), the customer's movement is judged on its total from the revalued previous MRR to the current MRR,
 * and booked in the segments where its MRR is (new, reactivation) or was (churn); a continuing customer's
 * change is expansion or contraction within a segment, or a transfer in or out of it. A customer holding a
 * currency whose rate changes is visited at every snapshot while it holds a period, others only where a period
 * starts or stops counting.
 *
 * @private
 */
export function segmentSweep(input: SegmentSweepInput): SegmentSweepResult {
  const { rowOffsets, first, last, amounts, amountOf, segmentOf, currencyOf, rates } = input;
  const { snapshotCount, startSnapshot, freeStaysCustomer, segmentCount } = input;
  const periods = snapshotCount - 1 - startSnapshot;
  // Without the drill-down, `record` writes each movement into slot 0 and the count is reset after it.
  const capacity = input.recordMovements ? Math.max(64, first.length >>> 1) : 0;
  const total: SweepResult<bigint> = {
    startingMrr: 0n,
    startingCustomers: 0,
    sums: new Array<bigint>(5 * periods).fill(0n),
    counts: new Int32Array(5 * periods),
    movementCount: 0,
    movementCustomer: new Int32Array(capacity),
    movementSnapshot: new Int32Array(capacity),
    movementType: new Uint8Array(capacity),
    movementPrevious: BIGINT_OPS.allocate(capacity),
    movementCurrent: BIGINT_OPS.allocate(capacity),
  };
  const result: SegmentSweepResult = {
    total,
    totalFx: new Array<bigint>(periods).fill(0n),
    segmentStartingMrr: new Array<bigint>(segmentCount).fill(0n),
    segmentStartingCustomers: new Int32Array(segmentCount),
    segmentSums: new Array<bigint>(segmentCount * 7 * periods).fill(0n),
    segmentCounts: new Int32Array(segmentCount * 7 * periods),
    segmentFx: new Array<bigint>(segmentCount * periods).fill(0n),
  };
  const varies = rates.map((slotRates) => {
    for (let s = startSnapshot + 1; s < snapshotCount; s += 1)
      if (slotRates[s] !== slotRates[startSnapshot]) return true;
    return false;
  });
  const work = workspace(64);

  for (let customer = 0; customer < input.customerCount; customer += 1) {
    const rowStart = rowOffsets[customer]!;
    const rowEnd = rowOffsets[customer + 1]!;
    if (work.eventSnapshot.length < 2 * (rowEnd - rowStart))
      Object.assign(work, workspace(2 * (rowEnd - rowStart)));
    // The customer's slots (one per segment and currency it uses) and its segments, found by linear search:
    // a customer has few.
    let slots = 0;
    let segments = 0;
    let events = 0;
    let revalues = false;
    for (let row = rowStart; row < rowEnd; row += 1) {
      if (first[row]! > last[row]!) continue;
      let slot = 0;
      while (
        slot < slots &&
        (work.slotSegment[slot] !== segmentOf[row] || work.slotCurrency[slot] !== currencyOf[row])
      )
        slot += 1;
      if (slot === slots) {
        slots += 1;
        work.slotSegment[slot] = segmentOf[row]!;
        work.slotCurrency[slot] = currencyOf[row]!;
        work.slotRow[slot] = row;
        work.native[slot] = 0n;
        work.active[slot] = 0;
        let local = 0;
        while (local < segments && work.segments[local] !== segmentOf[row]) local += 1;
        if (local === segments) {
          work.segments[local] = segmentOf[row]!;
          segments += 1;
        }
        work.slotLocal[slot] = local;
        if (varies[currencyOf[row]!]) revalues = true;
      }
      addEvent(work, events, first[row]!, slot, amounts[amountOf[row]!]!, 1);
      events += 1;
      if (last[row]! + 1 < snapshotCount) {
        addEvent(work, events, last[row]! + 1, slot, -amounts[amountOf[row]!]!, -1);
        events += 1;
      }
    }
    sortEvents(work, events);
    work.slots = slots;
    work.segmentCount = segments;

    let activeTotal = 0;
    let counted = false;
    let everPaid = false;
    let startRecorded = false;
    let visited = -1;
    let index = 0;
    for (;;) {
      let snapshot = index < events ? work.eventSnapshot[index]! : snapshotCount;
      const nextRevaluation = Math.max(visited + 1, startSnapshot + 1);
      if (revalues && activeTotal > 0 && nextRevaluation < snapshot) snapshot = nextRevaluation;
      if (snapshot >= snapshotCount) break;
      for (let slot = 0; slot < slots; slot += 1) {
        work.previousNative[slot] = work.native[slot]!;
        work.previousActive[slot] = work.active[slot]!;
      }
      if (!startRecorded && snapshot > startSnapshot) {
        startRecorded = true;
        if (counted) recordStart(result, work, input, work.previousNative, work.previousActive);
      }
      while (index < events && work.eventSnapshot[index] === snapshot) {
        const slot = work.eventSlot[index]!;
        const amount = work.eventAmount[index]!;
        work.native[slot] = work.native[slot]! + amount;
        const sign = work.eventSign[index]!;
        work.active[slot]! += sign;
        activeTotal += sign;
        index += 1;
      }
      visited = snapshot;
      const reported = snapshot > startSnapshot;
      value(work, input, work.previousNative, work.previousActive, reported ? snapshot - 1 : -1, work.before);
      value(work, input, work.previousNative, work.previousActive, reported ? snapshot : -1, work.revalued);
      value(work, input, work.native, work.active, reported ? snapshot : -1, work.now);
      work.activeBefore.fill(0, 0, segments);
      work.activeNow.fill(0, 0, segments);
      for (let slot = 0; slot < slots; slot += 1) {
        work.activeBefore[work.slotLocal[slot]!]! += work.previousActive[slot]!;
        work.activeNow[work.slotLocal[slot]!]! += work.active[slot]!;
      }
      const previousTotal = sum(work.revalued, segments);
      const currentTotal = sum(work.now, segments);
      const type: number = movementType(
        freeStaysCustomer,
        counted,
        everPaid,
        activeTotal,
        previousTotal,
        currentTotal,
      );
      const countedBefore = counted;
      if (type !== 0) counted = type !== CHURN;
      if (currentTotal > 0n) everPaid = true;
      if (!reported) continue;
      const period = snapshot - 1 - startSnapshot;
      if (countedBefore) result.totalFx[period]! += previousTotal - sum(work.before, segments);
      if (type !== 0) {
        record(
          total,
          BIGINT_OPS,
          periods,
          customer,
          snapshot,
          startSnapshot,
          type,
          previousTotal,
          currentTotal,
        );
      }
      for (let local = 0; local < segments; local += 1) {
        const wasPresent =
          countedBefore && (freeStaysCustomer ? work.activeBefore[local]! > 0 : work.revalued[local]! > 0n);
        const isPresent = counted && (freeStaysCustomer ? work.activeNow[local]! > 0 : work.now[local]! > 0n);
        if (!wasPresent && !isPresent) continue;
        const segment = work.segments[local]!;
        if (wasPresent) {
          result.segmentFx[segment * periods + period]! += work.revalued[local]! - work.before[local]!;
        }
        let code = 0;
        let amount = 0n;
        if (type === NEW || type === REACTIVATION) {
          if (isPresent) {
            code = type;
            amount = work.now[local]!;
          }
        } else if (type === CHURN) {
          if (wasPresent) {
            code = CHURN;
            amount = work.revalued[local]!;
          }
        } else if (wasPresent && isPresent) {
          amount = work.now[local]! - work.revalued[local]!;
          code = amount > 0n ? EXPANSION : amount < 0n ? CONTRACTION : 0;
          if (amount < 0n) amount = -amount;
        } else if (isPresent) {
          code = TRANSFER_IN;
          amount = work.now[local]!;
        } else {
          code = TRANSFER_OUT;
          amount = work.revalued[local]!;
        }
        if (code === 0) continue;
        const slot = (segment * 7 + code - 1) * periods + period;
        result.segmentSums[slot]! += amount;
        result.segmentCounts[slot]! += 1;
      }
    }
    if (!startRecorded && counted) recordStart(result, work, input, work.native, work.active);
  }
  return result;
}

/** Buffers reused from customer to customer, sized for `events` events (and as many slots). */
interface Workspace {
  eventSnapshot: Int32Array;
  eventSlot: Int32Array;
  eventSign: Int8Array;
  eventAmount: bigint[];
  slots: number;
  slotSegment: Int32Array;
  slotCurrency: Int32Array;
  slotRow: Int32Array;
  /** Each slot's index into `segments`. */
  slotLocal: Int32Array;
  native: bigint[];
  previousNative: bigint[];
  active: Int32Array;
  previousActive: Int32Array;
  /** The customer's segments; per segment: MRR before at the previous and at the new rates, MRR now. */
  segmentCount: number;
  segments: Int32Array;
  before: bigint[];
  revalued: bigint[];
  now: bigint[];
  activeBefore: Int32Array;
  activeNow: Int32Array;
}

function workspace(events: number): Workspace {
  return {
    eventSnapshot: new Int32Array(events),
    eventSlot: new Int32Array(events),
    eventSign: new Int8Array(events),
    eventAmount: new Array<bigint>(events).fill(0n),
    slots: 0,
    slotSegment: new Int32Array(events),
    slotCurrency: new Int32Array(events),
    slotRow: new Int32Array(events),
    slotLocal: new Int32Array(events),
    native: new Array<bigint>(events).fill(0n),
    previousNative: new Array<bigint>(events).fill(0n),
    active: new Int32Array(events),
    previousActive: new Int32Array(events),
    segmentCount: 0,
    segments: new Int32Array(events),
    before: new Array<bigint>(events).fill(0n),
    revalued: new Array<bigint>(events).fill(0n),
    now: new Array<bigint>(events).fill(0n),
    activeBefore: new Int32Array(events),
    activeNow: new Int32Array(events),
  };
}

// `amount` is signed (negative when the row stops counting); `sign` says which, also for a free row's 0.
function addEvent(
  work: Workspace,
  index: number,
  snapshot: number,
  slot: number,
  amount: bigint,
  sign: 1 | -1,
): void {
  work.eventSnapshot[index] = snapshot;
  work.eventSlot[index] = slot;
  work.eventSign[index] = sign;
  work.eventAmount[index] = amount;
}

// Stable insertion sort by snapshot: a customer has few events.
function sortEvents(work: Workspace, count: number): void {
  const { eventSnapshot, eventSlot, eventSign, eventAmount } = work;
  for (let i = 1; i < count; i += 1) {
    const snapshot = eventSnapshot[i]!;
    const slot = eventSlot[i]!;
    const sign = eventSign[i]!;
    const amount = eventAmount[i]!;
    let j = i - 1;
    while (j >= 0 && eventSnapshot[j]! > snapshot) {
      eventSnapshot[j + 1] = eventSnapshot[j]!;
      eventSlot[j + 1] = eventSlot[j]!;
      eventSign[j + 1] = eventSign[j]!;
      eventAmount[j + 1] = eventAmount[j]!;
      j -= 1;
    }
    eventSnapshot[j + 1] = snapshot;
    eventSlot[j + 1] = slot;
    eventSign[j + 1] = sign;
    eventAmount[j + 1] = amount;
  }
}

// Values the customer's position per segment at `snapshot`'s rates into `into`; before the reported range only
// whether MRR is positive matters (rates are positive), so native amounts stand in (snapshot −1).
function value(
  work: Workspace,
  input: SegmentSweepInput,
  state: readonly bigint[],
  counts: Int32Array,
  snapshot: number,
  into: bigint[],
): void {
  into.fill(0n, 0, work.segmentCount);
  for (let slot = 0; slot < work.slots; slot += 1) {
    if (counts[slot] === 0) continue;
    let rate = 1n;
    if (snapshot >= input.startSnapshot) {
      rate = input.rates[work.slotCurrency[slot]!]![snapshot]!;
      if (rate === 0n) input.missingRate(work.slotRow[slot]!, snapshot);
    }
    into[work.slotLocal[slot]!] =
      into[work.slotLocal[slot]!]! + (rate === 1n ? state[slot]! : state[slot]! * rate);
  }
}

// Adds a counted customer's position at the first reported period's start to the starting sums.
function recordStart(
  result: SegmentSweepResult,
  work: Workspace,
  input: SegmentSweepInput,
  state: readonly bigint[],
  counts: Int32Array,
): void {
  value(work, input, state, counts, input.startSnapshot, work.now);
  work.activeNow.fill(0, 0, work.segmentCount);
  for (let slot = 0; slot < work.slots; slot += 1) work.activeNow[work.slotLocal[slot]!]! += counts[slot]!;
  result.total.startingCustomers += 1;
  result.total.startingMrr += sum(work.now, work.segmentCount);
  for (let local = 0; local < work.segmentCount; local += 1) {
    if (!(input.freeStaysCustomer ? work.activeNow[local]! > 0 : work.now[local]! > 0n)) continue;
    result.segmentStartingCustomers[work.segments[local]!]! += 1;
    result.segmentStartingMrr[work.segments[local]!]! += work.now[local]!;
  }
}

function sum(values: readonly bigint[], count: number): bigint {
  let total = 0n;
  for (let index = 0; index < count; index += 1) total += values[index]!;
  return total;
}
