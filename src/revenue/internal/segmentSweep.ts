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
  readonly rowOffsets: Int32Array;
  readonly rowOrder: Int32Array;
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
  const { rowOffsets, rowOrder, first, last, amounts, amountOf, segmentOf, currencyOf, rates } = input;
  const { snapshotCount, startSnapshot, freeStaysCustomer, segmentCount } = input;
  const periods = snapshotCount - 1 - startSnapshot;
  // Without the drill-down, `record` writes each movement into slot 0 and the count is reset after it.
  const capacity = input.recordMovements ? Math.max(64, rowOrder.length >>> 1) : 1;
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

  for (let customer = 0; customer < input.customerCount; customer += 1) {
    const rowStart = rowOffsets[customer]!;
    const rowEnd = rowOffsets[customer + 1]!;
    // The customer's slots (one per segment and currency it uses) and its segments, found by linear search:
    // a customer has few.
    const slotSegment: number[] = [];
    const slotCurrency: number[] = [];
    const slotRow: number[] = [];
    const segments: number[] = [];
    const events: { snapshot: number; slot: number; amount: bigint; sign: number }[] = [];
    let revalues = false;
    for (let position = rowStart; position < rowEnd; position += 1) {
      const row = rowOrder[position]!;
      if (first[row]! > last[row]!) continue;
      let slot = 0;
      while (
        slot < slotSegment.length &&
        (slotSegment[slot] !== segmentOf[row] || slotCurrency[slot] !== currencyOf[row])
      )
        slot += 1;
      if (slot === slotSegment.length) {
        slotSegment.push(segmentOf[row]!);
        slotCurrency.push(currencyOf[row]!);
        slotRow.push(row);
        if (!segments.includes(segmentOf[row]!)) segments.push(segmentOf[row]!);
        if (varies[currencyOf[row]!]) revalues = true;
      }
      const amount = amounts[amountOf[row]!]!;
      events.push({ snapshot: first[row]!, slot, amount, sign: 1 });
      if (last[row]! + 1 < snapshotCount) events.push({ snapshot: last[row]! + 1, slot, amount, sign: -1 });
    }
    events.sort((a, b) => a.snapshot - b.snapshot);
    const slots = slotSegment.length;
    const native = new Array<bigint>(slots).fill(0n);
    const active = new Int32Array(slots);
    const previousNative = new Array<bigint>(slots).fill(0n);
    const previousActive = new Int32Array(slots);
    // Per segment of this customer (index into `segments`): MRR before at the previous and at the new rates,
    // MRR now, and periods active before and now.
    const before = new Array<bigint>(segments.length);
    const revalued = new Array<bigint>(segments.length);
    const now = new Array<bigint>(segments.length);
    const activeBefore = new Int32Array(segments.length);
    const activeNow = new Int32Array(segments.length);
    const segmentIndex = slotSegment.map((segment) => segments.indexOf(segment));

    const rateOf = (slot: number, snapshot: number): bigint => {
      const rate = rates[slotCurrency[slot]!]![snapshot]!;
      return rate === 0n ? input.missingRate(slotRow[slot]!, snapshot) : rate;
    };
    // Values this customer's position per segment at `snapshot`'s rates; before the reported range only
    // whether MRR is positive matters (rates are positive), so native amounts stand in.
    const value = (state: readonly bigint[], counts: Int32Array, snapshot: number, into: bigint[]) => {
      into.fill(0n);
      for (let slot = 0; slot < slots; slot += 1) {
        if (counts[slot] === 0) continue;
        const rate = snapshot < startSnapshot ? 1n : rateOf(slot, snapshot);
        into[segmentIndex[slot]!]! += state[slot]! * rate;
      }
    };
    let activeTotal = 0;
    let counted = false;
    let everPaid = false;
    let startRecorded = false;
    let visited = -1;
    let index = 0;
    for (;;) {
      let snapshot = index < events.length ? events[index]!.snapshot : snapshotCount;
      const nextRevaluation = Math.max(visited + 1, startSnapshot + 1);
      if (revalues && activeTotal > 0 && nextRevaluation < snapshot) snapshot = nextRevaluation;
      if (snapshot >= snapshotCount) break;
      for (let slot = 0; slot < slots; slot += 1) {
        previousNative[slot] = native[slot]!;
        previousActive[slot] = active[slot]!;
      }
      if (!startRecorded && snapshot > startSnapshot) {
        startRecorded = true;
        recordStart(result, segments, previousNative, previousActive, counted, startSnapshot);
      }
      while (index < events.length && events[index]!.snapshot === snapshot) {
        const event = events[index]!;
        native[event.slot] = native[event.slot]! + (event.sign === 1 ? event.amount : -event.amount);
        active[event.slot]! += event.sign;
        activeTotal += event.sign;
        index += 1;
      }
      visited = snapshot;
      const reported = snapshot > startSnapshot;
      value(previousNative, previousActive, reported ? snapshot - 1 : -1, before);
      value(previousNative, previousActive, reported ? snapshot : -1, revalued);
      value(native, active, reported ? snapshot : -1, now);
      activeBefore.fill(0);
      activeNow.fill(0);
      for (let slot = 0; slot < slots; slot += 1) {
        activeBefore[segmentIndex[slot]!]! += previousActive[slot]!;
        activeNow[segmentIndex[slot]!]! += active[slot]!;
      }
      const previousTotal = sum(revalued);
      const currentTotal = sum(now);
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
      if (countedBefore) result.totalFx[period]! += previousTotal - sum(before);
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
        if (!input.recordMovements) total.movementCount = 0;
      }
      for (let local = 0; local < segments.length; local += 1) {
        const wasPresent =
          countedBefore && (freeStaysCustomer ? activeBefore[local]! > 0 : revalued[local]! > 0n);
        const isPresent = counted && (freeStaysCustomer ? activeNow[local]! > 0 : now[local]! > 0n);
        const segment = segments[local]!;
        if (wasPresent) {
          result.segmentFx[segment * periods + period]! += revalued[local]! - before[local]!;
        }
        const book = (code: number, amount: bigint) => {
          const slot = (segment * 7 + code - 1) * periods + period;
          result.segmentSums[slot]! += amount;
          result.segmentCounts[slot]! += 1;
        };
        if (type === NEW || type === REACTIVATION) {
          if (isPresent) book(type, now[local]!);
        } else if (type === CHURN) {
          if (wasPresent) book(CHURN, revalued[local]!);
        } else if (wasPresent && isPresent) {
          const change = now[local]! - revalued[local]!;
          if (change > 0n) book(EXPANSION, change);
          else if (change < 0n) book(CONTRACTION, -change);
        } else if (isPresent) book(TRANSFER_IN, now[local]!);
        else if (wasPresent) book(TRANSFER_OUT, revalued[local]!);
      }
    }
    if (!startRecorded) recordStart(result, segments, native, active, counted, startSnapshot);

    function recordStart(
      into: SegmentSweepResult,
      customerSegments: readonly number[],
      state: readonly bigint[],
      counts: Int32Array,
      isCounted: boolean,
      snapshot: number,
    ): void {
      if (!isCounted) return;
      value(state, counts, snapshot, now);
      activeNow.fill(0);
      for (let slot = 0; slot < slots; slot += 1) activeNow[segmentIndex[slot]!]! += counts[slot]!;
      into.total.startingCustomers += 1;
      into.total.startingMrr += sum(now);
      for (let local = 0; local < customerSegments.length; local += 1) {
        if (!(freeStaysCustomer ? activeNow[local]! > 0 : now[local]! > 0n)) continue;
        into.segmentStartingCustomers[customerSegments[local]!]! += 1;
        into.segmentStartingMrr[customerSegments[local]!]! += now[local]!;
      }
    }
  }
  return result;
}

function sum(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
