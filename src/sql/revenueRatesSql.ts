import { MetricInputError } from '../core/errors.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, oneOf } from '../core/internal/options.js';
import type { CustomerChurnDenominator } from '../revenue/customerChurnRate.js';
import type { ReactivationTreatment } from '../revenue/types.js';
import { copySqlOptions } from './internal/copyOptions.js';
import { exactRatio } from './internal/exactRatio.js';
import { sqlSource } from './internal/sqlSource.js';
import { SQL_DIALECTS, type SqlDialect } from './sqlDialect.js';

/**
 * Options of {@link revenueRatesSql}: the movements table to read, and the conventions of the TypeScript rate
 * functions with the same defaults.
 *
 * @category SQL
 */
export interface RevenueRatesSqlOptions {
  /** The engine the SQL is written for. */
  readonly dialect: SqlDialect;
  /**
   * A table name or one parenthesised subquery with the columns of `mrrMovementsSql`, typically
   * `` `(${mrrMovementsSql({ … })})` ``.
   */
  readonly source: string;
  /** `customerChurnRate`'s denominator; default `'start'`. */
  readonly customerChurnDenominator?: CustomerChurnDenominator;
  /**
   * The `reactivation` option of `netRevenueRetention` and `netRevenueChurnRate`, for both columns (so
   * net_revenue_retention = 1 − net_revenue_churn_rate on every row); default `'exclude'`.
   */
  readonly reactivation?: ReactivationTreatment;
  /** Decimal places of the money columns read (cast to `DECIMAL(38, mrrScale)`), 0 … 18; default `6`. */
  readonly mrrScale?: number;
  /** Decimal places of every rate, truncated toward zero, 0 … 18; default `12`. */
  readonly rateScale?: number;
}

const OPTION_KEYS = new Set([
  'dialect',
  'source',
  'customerChurnDenominator',
  'reactivation',
  'mrrScale',
  'rateScale',
]);

/**
 * One SQL `SELECT` that computes, for every row of a movements table (the output of `mrrMovementsSql`), the
 * rates of the TypeScript functions `customerChurnRate`, `grossRevenueChurnRate`, `netRevenueChurnRate`,
 * `netRevenueRetention`, `grossRevenueRetention` and `quickRatio`, as columns `customer_churn_rate`,
 * `gross_revenue_churn_rate`, `net_revenue_churn_rate`, `net_revenue_retention`, `gross_revenue_retention`,
 * `quick_ratio`, after `period_start` and `period_end`, ordered by `period_start`.
 *
 * Each rate is an exact integer division of the scaled numerator by the denominator, so it equals the
 * TypeScript value truncated toward zero to `rateScale` places; no floating point is involved.
 *
 * Formula: base = starting MRR + fx impact (the starting MRR revalued at the period's rates: constant currency;
 * fx impact is 0 under `'periodStart'` rates and in one currency, and a source without an `fx_impact_mrr` column
 * reads 0); customer churn = churned / starting customers (`'startPlusNew'`: / (starting + new)); gross revenue
 * churn = (churned + contraction) / base; net revenue churn = (churned + contraction − expansion − reactivation) /
 * base (without reactivation under `'exclude'`); NRR = (base + expansion − contraction − churned) / base
 * (+ reactivation under `'include'`); GRR = (base − contraction − churned) / base; quick ratio = (new + expansion
 * + reactivation) / (contraction + churned).
 * Units: `DECIMAL(38, rateScale)` ratios (0.05 = 5 %). Source: the rate functions' own docs
 * (docs/revenue-rates.md), same conventions and defaults.
 * Edge cases: a zero denominator gives NULL, exactly where the TypeScript function returns null; names and a
 * subquery source are checked as by `mrrMovementsSql` (`invalid_value`), unknown options are `unknown_field`.
 *
 * @category SQL
 * @example
 * const movements = mrrMovementsSql({ dialect: 'postgres', source: 'subscriptions' })
 * const sql = revenueRatesSql({ dialect: 'postgres', source: `(${movements})` })
 * sql.includes('AS net_revenue_retention')
 * //=> true
 */
export function revenueRatesSql(input: RevenueRatesSqlOptions): string {
  const options = copySqlOptions(input);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const dialect = oneOf(options.dialect, SQL_DIALECTS, ['options', 'dialect']);
  const source = sqlSource(options.source, ['options', 'source']);
  const denominator = oneOf(options.customerChurnDenominator ?? 'start', ['start', 'startPlusNew'] as const, [
    'options',
    'customerChurnDenominator',
  ]);
  const reactivation = oneOf(options.reactivation ?? 'exclude', ['exclude', 'include'] as const, [
    'options',
    'reactivation',
  ]);
  const mrrScale = scale(options.mrrScale, 6, 'mrrScale');
  const rateScale = scale(options.rateScale, 12, 'rateScale');
  const money = `DECIMAL(38, ${mrrScale})`;
  const ratio = (numerator: string, denominator: string, isMoney: boolean) =>
    exactRatio(dialect, numerator, denominator, isMoney ? mrrScale : 0, rateScale);
  const customers = denominator === 'start' ? 'starting_customers' : '(starting_customers + new_customers)';
  const churnGains = reactivation === 'include' ? ' - expansion_mrr - reactivation_mrr' : ' - expansion_mrr';
  const retained = reactivation === 'include' ? ' + reactivation_mrr' : '';
  const columns = [
    'starting_mrr',
    'new_mrr',
    'expansion_mrr',
    'contraction_mrr',
    'churned_mrr',
    'reactivation_mrr',
  ];
  // The base of every revenue rate is the starting MRR revalued at this period's rates (constant currency):
  // starting + fx impact, which is the starting MRR itself wherever fx_impact_mrr is 0 ('periodStart', one
  // currency). A source without an fx_impact_mrr column reads the 0 of no_fx: inside the LATERAL subquery an
  // unqualified name resolves to the source's column first and to the outer no_fx only when the source has none.
  return `WITH movements AS (
  SELECT period_start, period_end,
${columns.map((column) => `    CAST(${column} AS ${money}) AS ${column},`).join('\n')}
    CAST(starting_customers AS BIGINT) AS starting_customers,
    CAST(new_customers AS BIGINT) AS new_customers,
    CAST(churned_customers AS BIGINT) AS churned_customers
  FROM (SELECT CAST(0 AS ${money}) AS fx_impact_mrr) AS no_fx
  CROSS JOIN LATERAL (
    SELECT period_start, period_end,
${columns.map((column) => `      ${column === 'starting_mrr' ? `CAST(starting_mrr AS ${money}) + CAST(COALESCE(fx_impact_mrr, 0) AS ${money})` : column} AS ${column},`).join('\n')}
      starting_customers, new_customers, churned_customers
    FROM ${source} AS source_rows
  ) AS source_movements
)
SELECT period_start, period_end,
  ${ratio('churned_customers', customers, false)} AS customer_churn_rate,
  ${ratio('churned_mrr + contraction_mrr', 'starting_mrr', true)} AS gross_revenue_churn_rate,
  ${ratio(`churned_mrr + contraction_mrr${churnGains}`, 'starting_mrr', true)} AS net_revenue_churn_rate,
  ${ratio(`starting_mrr + expansion_mrr - contraction_mrr - churned_mrr${retained}`, 'starting_mrr', true)} AS net_revenue_retention,
  ${ratio('starting_mrr - contraction_mrr - churned_mrr', 'starting_mrr', true)} AS gross_revenue_retention,
  ${ratio('new_mrr + expansion_mrr + reactivation_mrr', 'contraction_mrr + churned_mrr', true)} AS quick_ratio
FROM movements
ORDER BY period_start`;
}

function scale(value: unknown, fallback: number, name: string): number {
  const result = toCount(value ?? fallback, ['options', name]);
  if (result > 18) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', name],
      expected: 'a whole number from 0 to 18',
      received: String(result),
    });
  }
  return result;
}
