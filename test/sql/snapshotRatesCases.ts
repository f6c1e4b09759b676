import { expect } from 'vitest';
import { revenueRatesSql, type SqlDialect } from '../../src/sql/index.js';
import type { RunSql } from './engineEquality.js';

// Shared by the DuckDB and PostgreSQL suites: under 'snapshot' rates the base of every revenue rate is the
// starting MRR revalued at the period's rates, starting_mrr + fx_impact_mrr (constant currency).

const movement = (starting: number, fx: number, expansion: number, contraction: number, churned: number) =>
  `SELECT DATE '2024-02-01' AS period_start, DATE '2024-03-01' AS period_end, ${starting} AS starting_mrr,
    0 AS new_mrr, ${expansion} AS expansion_mrr, ${contraction} AS contraction_mrr, ${churned} AS churned_mrr,
    0 AS reactivation_mrr, ${fx} AS fx_impact_mrr, 1 AS starting_customers, 0 AS new_customers,
    ${churned > 0 ? 1 : 0} AS churned_customers`;

const RATES = [
  'gross_revenue_churn_rate',
  'net_revenue_churn_rate',
  'net_revenue_retention',
  'gross_revenue_retention',
];

export async function expectRevaluedBase(dialect: SqlDialect, run: RunSql): Promise<void> {
  const read = async (source: string) => {
    const [row] = await run(revenueRatesSql({ dialect, source: `(${source})`, rateScale: 4 }));
    return RATES.map((column) => String(row![column]));
  };
  // A customer whose rate rose churns: starting 110, fx +10, churned 120. Base 120: GRR = (120 − 120) / 120 = 0
  // (not (110 − 120) / 110 = −0.0909), gross and net churn 120 / 120 = 1, NRR 0.
  expect(await read(movement(110, 10, 0, 0, 120))).toEqual(['1.0000', '1.0000', '0.0000', '0.0000']);
  // Starting 100, rate fell: fx −20, base 80; expansion 8, contraction 4, churn 16. Gross churn 20 / 80 = 0.25,
  // net churn (20 − 8) / 80 = 0.15, NRR (80 + 8 − 4 − 16) / 80 = 0.85, GRR (80 − 4 − 16) / 80 = 0.75.
  expect(await read(movement(100, -20, 8, 4, 16))).toEqual(['0.2500', '0.1500', '0.8500', '0.7500']);
  // A movements table without an fx_impact_mrr column has base = starting MRR: NRR (100 + 8 − 4 − 16) / 100.
  const withoutFx = movement(100, -20, 8, 4, 16).replace(' -20 AS fx_impact_mrr,', '');
  expect(await read(withoutFx)).toEqual(['0.2000', '0.1200', '0.8800', '0.8000']);
}
