import { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { toDecimal } from '../core/numeric.js';
import type { Numeric } from '../core/types.js';
import { toPeriod, toSbgParams } from './internal/sbgInternals.js';
import type { ShiftedBetaGeometricParams } from './shiftedBetaGeometric.js';

/**
 * Options of {@link projectRetention}.
 *
 * @category Unit economics
 */
export interface ProjectRetentionOptions {
  /** How many periods after acquisition to project, a whole number >= 0. */
  readonly periodCount: number;
  /** Cohort size at t = 0, a whole number >= 0. */
  readonly startingCustomers: Numeric;
  /** Revenue one customer brings per period, >= 0; when given, each row carries `revenue`. */
  readonly revenuePerCustomer?: Numeric;
}

/**
 * One row of {@link projectRetention}: the cohort at time t (after t renewals).
 *
 * @category Unit economics
 */
export interface RetentionProjectionRow {
  /** t = 0, 1, …, periodCount. */
  readonly period: number;
  /** S(t): the share of the cohort still a customer (a double). */
  readonly survival: number;
  /** startingCustomers × S(t): expected customers alive at t (a double, not rounded). */
  readonly expectedCustomers: number;
  /** startingCustomers × P(T = t): expected customers lost at the end of period t; 0 at t = 0. */
  readonly expectedLost: number;
  /** r_t = S(t) / S(t − 1), the retention rate of period t; null at t = 0. */
  readonly retentionRate: number | null;
  /** expectedCustomers × revenuePerCustomer: the revenue of the period that starts at t (only with a price). */
  readonly revenue?: Decimal;
}

/**
 * Projects a cohort forward with a (fitted) shifted-beta-geometric model: expected survivors, losses, retention
 * rate and, with a price, revenue for every period.
 *
 * Formula: expectedCustomers_t = N × S(t), expectedLost_t = N × (S(t − 1) − S(t)), retentionRate_t =
 * (β + t − 1) / (α + β + t − 1), revenue_t = N × S(t) × revenuePerCustomer (N = startingCustomers).
 * Units: customers (doubles, expectations are not rounded), a probability, and currency per period (Decimal,
 * from the double expectation).
 * Source: Fader and Hardie (2007), the projections of their Figures 3–5 (docs/unit-economics.md).
 * Edge cases: periodCount 0 gives the single t = 0 row; a periodCount or startingCustomers that is not a whole number
 * >= 0, a negative price, or α, β not > 0 is a MetricInputError.
 *
 * @category Unit economics
 * @example
 * projectRetention({ alpha: 1, beta: 1 }, { periodCount: 2, startingCustomers: 1200, revenuePerCustomer: 10 })
 *   .map((row) => [row.expectedCustomers, row.revenue.toString()])
 * //=> [[1200, '12000'], [600, '6000'], [400, '4000']]
 */
export function projectRetention(
  params: ShiftedBetaGeometricParams,
  options: ProjectRetentionOptions,
): RetentionProjectionRow[] {
  const { alpha, beta } = toSbgParams(params);
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const periodCount = toPeriod(options.periodCount, 0, ['options', 'periodCount']);
  const customers = toCount(options.startingCustomers, ['options', 'startingCustomers']);
  const price =
    options.revenuePerCustomer === undefined
      ? undefined
      : toDecimal(options.revenuePerCustomer, ['options', 'revenuePerCustomer'], 'nonNegative');
  const rows: RetentionProjectionRow[] = [];
  let survival = 1;
  for (let t = 0; t <= periodCount; t += 1) {
    const retentionRate = t === 0 ? null : (beta + t - 1) / (alpha + beta + t - 1);
    const previous = survival;
    if (retentionRate !== null) survival *= retentionRate;
    const expectedCustomers = customers * survival;
    const row = {
      period: t,
      survival,
      expectedCustomers,
      expectedLost: customers * (previous - survival),
      retentionRate,
    };
    rows.push(price === undefined ? row : { ...row, revenue: new Decimal(expectedCustomers).times(price) });
  }
  return rows;
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['periodCount', 'startingCustomers', 'revenuePerCustomer']);
