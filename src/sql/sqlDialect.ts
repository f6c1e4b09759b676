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
