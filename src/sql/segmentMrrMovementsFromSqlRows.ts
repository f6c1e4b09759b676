import { toCount } from '../core/internal/numericInput.js';
import { assertArray, assertObject } from '../core/internal/options.js';
import { rejectInput } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { SegmentMrrMovements, SegmentPeriodMovements } from '../revenue/types.js';
import { sqlPlainNumber } from './internal/sqlRowValues.js';
import { type MrrMovementsSqlRow, periodMovementsFromSqlRows } from './periodMovementsFromSqlRows.js';

/**
 * Turns the rows of {@link segmentMrrMovementsSql} into the `SegmentMrrMovements` of `segmentMrrMovements`:
 * the rows whose `segment` is NULL are the `total`, the others each segment's table with its transfers, segments
 * in UTF-16 code-unit order of their names (as the TypeScript engine orders them, whatever the database's
 * collation), each table in the order of the rows.
 *
 * Formula: a column-by-column conversion, as `periodMovementsFromSqlRows`, plus `transfer_in_mrr` →
 * `transferInMrr`, `transfer_out_mrr`, `transferred_in_customers`, `transferred_out_customers`.
 * Units: as `segmentMrrMovements`. Source: the column list of docs/sql.md.
 * Edge cases: a `segment` that is neither NULL nor a string is `invalid_type` at `['rows', i, 'segment']`; any
 * other bad column is reported as by `periodMovementsFromSqlRows`; no rows give empty tables.
 *
 * @category SQL
 * @example
 * const row = { period_start: '2024-01-01', period_end: '2024-02-01', starting_mrr: '0', new_mrr: '100', expansion_mrr: '0', contraction_mrr: '0', churned_mrr: '0', reactivation_mrr: '0', fx_impact_mrr: '0', transfer_in_mrr: '0', transfer_out_mrr: '0', ending_mrr: '100', starting_customers: 0, new_customers: 1, expanded_customers: 0, contracted_customers: 0, churned_customers: 0, reactivated_customers: 0, transferred_in_customers: 0, transferred_out_customers: 0, ending_customers: 1 }
 * const result = segmentMrrMovementsFromSqlRows([{ ...row, segment: null }, { ...row, segment: 'Starter' }])
 * result.total.length
 * //=> 1
 * result.segments.map((entry) => [entry.segment, entry.periods[0].newMrr.toString()])
 * //=> [['Starter', '100']]
 */
export function segmentMrrMovementsFromSqlRows(rows: readonly MrrMovementsSqlRow[]): SegmentMrrMovements {
  assertArray(rows, ['rows']);
  const converted = periodMovementsFromSqlRows(rows);
  const total = [];
  const bySegment = new Map<string, SegmentPeriodMovements[]>();
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    assertObject(row, ['rows', index]);
    const segment = row.segment;
    if (segment === null || segment === undefined) {
      total.push(converted[index]!);
      continue;
    }
    if (typeof segment !== 'string')
      rejectInput('invalid_type', ['rows', index, 'segment'], 'a string or NULL', segment);
    const money = (column: string) => toDecimal(sqlPlainNumber(row[column]), ['rows', index, column]);
    const count = (column: string) => toCount(sqlPlainNumber(row[column]), ['rows', index, column]);
    const periods = bySegment.get(segment) ?? [];
    periods.push({
      ...converted[index]!,
      transferInMrr: money('transfer_in_mrr'),
      transferOutMrr: money('transfer_out_mrr'),
      transferredInCustomers: count('transferred_in_customers'),
      transferredOutCustomers: count('transferred_out_customers'),
    });
    bySegment.set(segment, periods);
  }
  const segments = [...bySegment]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([segment, periods]) => ({ segment, periods }));
  return { total, segments };
}
