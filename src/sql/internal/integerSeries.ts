import type { SqlDialect } from '../sqlDialect.js';

/**
 * Integer division of two integer expressions whose quotient is exact or non-negative. DuckDB's `/` returns a
 * DOUBLE and `//` is integer division; PostgreSQL's `/` on integers is integer division.
 *
 * @private
 */
export function integerDivide(dialect: SqlDialect, numerator: string, denominator: string): string {
  return dialect === 'duckdb' ? `(${numerator}) // ${denominator}` : `(${numerator}) / ${denominator}`;
}

/**
 * A set-returning expression for the integers `low … high` in a select list: PostgreSQL expands
 * `generate_series` there, DuckDB returns a list that `UNNEST` expands. NULL bounds give no rows in both.
 *
 * @private
 */
export function integerSeries(dialect: SqlDialect, low: string, high: string): string {
  return dialect === 'duckdb'
    ? `UNNEST(generate_series(${low}, ${high}))`
    : `generate_series(${low}, ${high})`;
}
