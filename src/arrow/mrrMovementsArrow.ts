import { mrrMovements } from '../revenue/mrrMovements.js';
import type { MrrMovements, MrrMovementsOptions, MrrMovementsSummary } from '../revenue/types.js';
import { arrowSubscriptionColumns } from './arrowSubscriptionColumns.js';
import type { ArrowColumnNames, ArrowTable } from './types.js';

/**
 * Options of {@link mrrMovementsArrow}: those of `mrrMovements`, plus the table's column names.
 *
 * @category Arrow
 */
export interface MrrMovementsArrowOptions extends MrrMovementsOptions {
  /** Which column holds which field (defaults: `customer_id`, `start_date`, `end_date`, `mrr` …). */
  readonly columns?: ArrowColumnNames;
}

/**
 * `mrrMovements` of the subscription periods in an Apache Arrow table: {@link arrowSubscriptionColumns}, then
 * `mrrMovements` on the columns, with the same options, results and validation (error paths name the field and
 * the row: `['subscriptions', 'mrr', 12]`).
 *
 * Formula, units and edge cases: those of `mrrMovements` (docs/revenue-movements.md); the columns and types
 * read are listed at {@link arrowSubscriptionColumns}. `columns` is not passed on to `mrrMovements`.
 *
 * @category Arrow
 * @example
 * const table = tableFromArrays({ customer_id: ['a', 'a'], start_date: ['2024-01-10', '2024-02-01'], end_date: ['2024-03-01', '2024-03-01'], mrr: Float64Array.of(100, 20) })
 * mrrMovementsArrow(table).periods.map((row) => [row.start, row.newMrr.toString(), row.expansionMrr.toString(), row.churnedMrr.toString()])
 * //=> [['2024-01-01', '100', '0', '0'], ['2024-02-01', '0', '20', '0'], ['2024-03-01', '0', '0', '120']]
 */
export function mrrMovementsArrow(
  table: ArrowTable,
  options?: MrrMovementsArrowOptions & { readonly detail?: 'full' },
): MrrMovements;
export function mrrMovementsArrow(
  table: ArrowTable,
  options: MrrMovementsArrowOptions & { readonly detail: 'summary' },
): MrrMovementsSummary;
export function mrrMovementsArrow(
  table: ArrowTable,
  options?: MrrMovementsArrowOptions,
): MrrMovements | MrrMovementsSummary;
export function mrrMovementsArrow(
  table: ArrowTable,
  options: MrrMovementsArrowOptions = {},
): MrrMovements | MrrMovementsSummary {
  const { columns, ...rest } =
    typeof options === 'object' && options !== null ? options : ({ columns: undefined } as never);
  const subscriptions = arrowSubscriptionColumns(table, columns);
  return mrrMovements(
    subscriptions,
    typeof options === 'object' && options !== null ? rest : (options as never),
  );
}
