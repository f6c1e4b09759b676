/**
 * The SQL engines the generated queries are written for: DuckDB, and PostgreSQL (which also covers
 * PostgreSQL-compatible warehouses that implement window functions, `make_date` and `generate_series`).
 *
 * @category SQL
 */
export type SqlDialect = 'duckdb' | 'postgres';

/**
 * Every {@link SqlDialect}; frozen, so changing it cannot change what is accepted.
 *
 * @category SQL
 * @example
 * SQL_DIALECTS.join(', ')
 * //=> 'duckdb, postgres'
 */
export const SQL_DIALECTS: readonly SqlDialect[] = /* @__PURE__ */ Object.freeze([
  'duckdb',
  'postgres',
] as const);
