import type { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertArray, assertObject } from '../core/internal/options.js';
import { toDecimal } from '../core/numeric.js';
import type { PeriodMovements } from '../revenue/types.js';
import { sqlIsoDate, sqlPlainNumber } from './internal/sqlRowValues.js';

/**
 * One result row of {@link mrrMovementsSql} as a database client returns it: dates as `'YYYY-MM-DD'` strings,
 * money as decimal strings (or numbers), counts as numbers, bigints or strings.
 *
 * @category SQL
 */
export type MrrMovementsSqlRow = Readonly<Record<string, unknown>>;

const MONEY = [
  ['starting_mrr', 'startingMrr'],
  ['new_mrr', 'newMrr'],
  ['expansion_mrr', 'expansionMrr'],
  ['contraction_mrr', 'contractionMrr'],
  ['churned_mrr', 'churnedMrr'],
  ['reactivation_mrr', 'reactivationMrr'],
  ['ending_mrr', 'endingMrr'],
] as const;

const COUNTS = [
  ['starting_customers', 'startingCustomers'],
  ['new_customers', 'newCustomers'],
  ['expanded_customers', 'expandedCustomers'],
  ['contracted_customers', 'contractedCustomers'],
  ['churned_customers', 'churnedCustomers'],
  ['reactivated_customers', 'reactivatedCustomers'],
  ['ending_customers', 'endingCustomers'],
] as const;

/**
 * Turns the rows of {@link mrrMovementsSql} (snake_case columns, as DuckDB or `pg` return them) into the
 * `PeriodMovements` rows of `mrrMovements`: exact Decimals for money, numbers for counts, ISO dates.
 *
 * Formula: a column-by-column conversion; `expansion_mrr` becomes `expansionMrr`, and so on; `fx_impact_mrr`
 * (which `mrrMovementsSql` always writes, 0 without currencies) becomes `fxImpactMrr`.
 * Units: as in `mrrMovements`. Source: the column list of docs/sql.md.
 * Edge cases: money read as a decimal string stays exact (a JavaScript number is taken at its shortest decimal
 * value, so read DECIMAL columns as strings); a missing column, `fx_impact_mrr` included, is a MetricInputError; a date that is not a string (`pg` returns DATE as a local-time
 * `Date` unless told otherwise) is `invalid_type`, and a string that is not a real `'YYYY-MM-DD'` is `invalid_date`; a negative or fractional count is a
 * MetricInputError naming `[row, column]`.
 *
 * @category SQL
 * @example
 * const rows = periodMovementsFromSqlRows([{ period_start: '2024-01-01', period_end: '2024-02-01', starting_mrr: '0.00', new_mrr: '300.00', expansion_mrr: '0', contraction_mrr: '0', churned_mrr: '0', reactivation_mrr: '0', fx_impact_mrr: '0', ending_mrr: '300.00', starting_customers: 0n, new_customers: 2n, expanded_customers: 0n, contracted_customers: 0n, churned_customers: 0n, reactivated_customers: 0n, ending_customers: 2n }])
 * rows.map((row) => [row.start, row.newMrr.toString(), row.endingCustomers])
 * //=> [['2024-01-01', '300', 2]]
 */
export function periodMovementsFromSqlRows(rows: readonly MrrMovementsSqlRow[]): PeriodMovements[] {
  assertArray(rows, ['rows']);
  return rows.map((row, index) => {
    assertObject(row, ['rows', index]);
    const money = {} as Record<(typeof MONEY)[number][1], Decimal>;
    for (const [column, field] of MONEY)
      money[field] = toDecimal(sqlPlainNumber(row[column]), ['rows', index, column]);
    const counts = {} as Record<(typeof COUNTS)[number][1], number>;
    for (const [column, field] of COUNTS)
      counts[field] = toCount(sqlPlainNumber(row[column]), ['rows', index, column]);
    const fxImpactMrr = toDecimal(sqlPlainNumber(row.fx_impact_mrr), ['rows', index, 'fx_impact_mrr']);
    return {
      start: sqlIsoDate(row.period_start, ['rows', index, 'period_start']),
      end: sqlIsoDate(row.period_end, ['rows', index, 'period_end']),
      ...money,
      fxImpactMrr,
      ...counts,
    };
  });
}
