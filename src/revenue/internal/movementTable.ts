import { fromDayNumber } from '../../core/calendarDate.js';
import { type Decimal, exactSum } from '../../core/internal/decimal.js';
import type {
  CustomerMovement,
  MovementType,
  MrrMovements,
  MrrMovementsDetail,
  MrrMovementsSummary,
  PeriodMovements,
  SegmentPeriodMovements,
} from '../types.js';
import { CHURN, CONTRACTION, EXPANSION, NEW, REACTIVATION, type SweepResult } from './movementSweep.js';

/**
 * The period grid of one `mrrMovements` call.
 *
 * @private
 */
export interface PeriodGrid {
  /** Day numbers of the period starts of the grid, plus the end of the last period. */
  readonly boundaries: Float64Array;
  /** Index of the first reported period's start in `boundaries`. */
  readonly startSnapshot: number;
}

const TYPES: readonly MovementType[] = ['new', 'expansion', 'contraction', 'churn', 'reactivation'];

/**
 * Turns the sweep's integer sums into the public table: exact Decimals, ending values chained from starting
 * values plus movements (and the signed `fxImpact` per period, when currencies are revalued), and (with `detail: 'full'`) the drill-down list; `'summary'` leaves `customers` out.
 *
 * @private
 */
export function movementTable(
  sweep: SweepResult<number | bigint>,
  grid: PeriodGrid,
  customerIds: readonly string[],
  decimal: (amount: number | bigint) => Decimal,
  detail: MrrMovementsDetail,
  fxImpact: readonly bigint[] | undefined = undefined,
): MrrMovements | MrrMovementsSummary {
  const { boundaries, startSnapshot } = grid;
  const count = boundaries.length - 1 - startSnapshot;
  const periods: PeriodMovements[] = new Array(count);
  let startingMrr = decimal(sweep.startingMrr);
  let startingCustomers = sweep.startingCustomers;
  const zero = decimal(0);
  for (let period = 0; period < count; period += 1) {
    const sum = (type: number) => decimal(sweep.sums[(type - 1) * count + period]!);
    const customers = (type: number) => sweep.counts[(type - 1) * count + period]!;
    const row = {
      start: fromDayNumber(boundaries[startSnapshot + period]!),
      end: fromDayNumber(boundaries[startSnapshot + period + 1]!),
      startingMrr,
      newMrr: sum(NEW),
      expansionMrr: sum(EXPANSION),
      contractionMrr: sum(CONTRACTION),
      churnedMrr: sum(CHURN),
      reactivationMrr: sum(REACTIVATION),
      fxImpactMrr: fxImpact === undefined ? zero : decimal(fxImpact[period]!),
      startingCustomers,
      newCustomers: customers(NEW),
      expandedCustomers: customers(EXPANSION),
      contractedCustomers: customers(CONTRACTION),
      churnedCustomers: customers(CHURN),
      reactivatedCustomers: customers(REACTIVATION),
    };
    const closed = withEndingValues(row);
    periods[period] = closed;
    startingMrr = closed.endingMrr;
    startingCustomers = closed.endingCustomers;
  }
  if (detail === 'summary') return { periods };
  return { periods, customers: customerMovements(sweep, periods, customerIds, decimal, startSnapshot) };
}

/**
 * A period row with its ending values: endingMrr = startingMrr + newMrr + expansionMrr + reactivationMrr −
 * contractionMrr − churnedMrr + fxImpactMrr (+ transferInMrr − transferOutMrr for a segment's row), and the
 * same for customers. The one place the table identity is written.
 *
 * @private
 */
export function withEndingValues<Row extends OpenPeriod>(
  row: Row,
): Row & { readonly endingMrr: Decimal; readonly endingCustomers: number } {
  const added = [row.startingMrr, row.newMrr, row.expansionMrr, row.reactivationMrr, row.fxImpactMrr];
  const subtracted = [row.contractionMrr, row.churnedMrr];
  let endingCustomers =
    row.startingCustomers + row.newCustomers + row.reactivatedCustomers - row.churnedCustomers;
  if (row.transferInMrr !== undefined && row.transferOutMrr !== undefined) {
    added.push(row.transferInMrr);
    subtracted.push(row.transferOutMrr);
    endingCustomers += (row.transferredInCustomers ?? 0) - (row.transferredOutCustomers ?? 0);
  }
  // Exact: a 40-digit plus would round a sum of amounts with many decimals (normalizeToMrr's 166.66…67).
  const endingMrr = exactSum(added, subtracted);
  return { ...row, endingMrr, endingCustomers };
}

/**
 * A period row before its ending values; the transfer fields only in a segment's row.
 *
 * @private
 */
export type OpenPeriod = Omit<PeriodMovements, 'endingMrr' | 'endingCustomers'> &
  Partial<
    Pick<
      SegmentPeriodMovements,
      'transferInMrr' | 'transferOutMrr' | 'transferredInCustomers' | 'transferredOutCustomers'
    >
  >;

// The sweep emits movements customer by customer; a counting sort by period gives period-then-customer order
// without comparing strings again.
function customerMovements(
  sweep: SweepResult<number | bigint>,
  periods: readonly PeriodMovements[],
  customerIds: readonly string[],
  decimal: (amount: number | bigint) => Decimal,
  startSnapshot: number,
): CustomerMovement[] {
  const total = sweep.movementCount;
  const offsets = new Int32Array(periods.length + 1);
  for (let index = 0; index < total; index += 1) {
    offsets[sweep.movementSnapshot[index]! - startSnapshot]! += 1;
  }
  for (let period = 0; period < periods.length; period += 1) offsets[period + 1]! += offsets[period]!;
  const movements: CustomerMovement[] = new Array(total);
  const zero = decimal(0);
  for (let index = 0; index < total; index += 1) {
    const period = sweep.movementSnapshot[index]! - 1 - startSnapshot;
    const previous = sweep.movementPrevious[index]!;
    const current = sweep.movementCurrent[index]!;
    // New, reactivation and churn movements start or end at 0, which needs no cache lookup.
    movements[offsets[period]!] = {
      customerId: customerIds[sweep.movementCustomer[index]!]!,
      periodStart: periods[period]!.start,
      type: TYPES[sweep.movementType[index]! - 1]!,
      previousMrr: previous > 0 ? decimal(previous) : zero,
      currentMrr: current > 0 ? decimal(current) : zero,
      amount: decimal(current > previous ? minus(current, previous) : minus(previous, current)),
    };
    offsets[period]! += 1;
  }
  return movements;
}

function minus(a: number | bigint, b: number | bigint): number | bigint {
  return typeof a === 'number' ? a - (b as number) : a - (b as bigint);
}
