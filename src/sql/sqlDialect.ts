/**
 * The SQL engines the generated queries are written for: DuckDB, and PostgreSQL (which also covers
 * PostgreSQL-compatible warehouses that implement window functions, `make_date` and `generate_series`).
 *
 * @category SQL
 */
export type SqlDialect = 'duckdb' | 'postgres';

/**
 * Every {@link SqlDialect}.
 *
 * @category SQL
 */
export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres'];

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
