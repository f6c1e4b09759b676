import type { SqlDialect } from '../sqlDialect.js';

/**
 * SQL for numerator / denominator truncated toward zero to `rateScale` places, by integer division, and NULL
 * over a zero denominator. DuckDB divides DECIMALs in DOUBLE, so both sides become HUGEINT minor units (of
 * `moneyScale` places) first; PostgreSQL's div() is exact on NUMERIC. The rate and cohort twins share it so both
 * truncate the same way as their TypeScript equality tests expect.
 *
 * @private
 */
export function exactRatio(
  dialect: SqlDialect,
  numerator: string,
  denominator: string,
  moneyScale: number,
  rateScale: number,
): string {
  const unit = `1${'0'.repeat(rateScale)}`;
  const step = rateScale === 0 ? '1' : `0.${'0'.repeat(rateScale - 1)}1`;
  const minor = `1${'0'.repeat(moneyScale)}`;
  const quotient =
    dialect === 'duckdb'
      ? `CAST((CAST((${numerator}) * ${minor} AS HUGEINT) * ${unit}) // CAST((${denominator}) * ${minor} AS HUGEINT) AS DECIMAL(38, 0))`
      : `div(CAST(${numerator} AS NUMERIC) * ${unit}, CAST(${denominator} AS NUMERIC))`;
  return `CASE WHEN (${denominator}) = 0 THEN NULL ELSE CAST(${quotient} * CAST('${step}' AS DECIMAL(38, ${rateScale})) AS DECIMAL(38, ${rateScale})) END`;
}
