import { assertKnownKeys, oneOf } from '../../core/internal/options.js';
import { GRANULARITIES } from '../../core/types.js';
import { SQL_DIALECTS, type SqlDialect } from '../sqlDialect.js';
import type { MrrMovementsSqlOptions } from '../types.js';
import { copySqlOptions } from './copyOptions.js';
import { resolveSqlCurrency, type SqlCurrency } from './currencySql.js';
import { type PeriodIndexSql, periodIndexSql } from './periodIndexSql.js';
import { reportRangeSql } from './reportRangeSql.js';
import { sqlSource } from './sqlSource.js';
import { resolveColumns, resolveMrrScale, type SqlColumns } from './subscriptionPeriodsSql.js';

/** The options of `mrrMovementsSql` and `segmentMrrMovementsSql`, checked, with their defaults. @private */
export interface MovementsSqlOptions {
  readonly dialect: SqlDialect;
  /** The checked FROM item. */
  readonly source: string;
  readonly currency: SqlCurrency | undefined;
  readonly columns: SqlColumns;
  readonly paidToFree: 'churn' | 'contraction';
  readonly mrrScale: number;
  /** `DECIMAL(38, mrrScale)`. */
  readonly money: string;
  readonly period: PeriodIndexSql;
  readonly fromDay: string;
  readonly toDay: string;
}

const OPTION_KEYS = new Set([
  'dialect',
  'source',
  'columns',
  'granularity',
  'weekStartsOn',
  'from',
  'to',
  'paidToFree',
  'mrrScale',
  'currency',
]);

/**
 * Checks the options the two movements queries share (unknown keys are `unknown_field`); `segment` asks for the
 * segment column too, which `segmentMrrMovementsSql` needs.
 *
 * @private
 */
export function resolveMovementsSqlOptions(
  input: Omit<MrrMovementsSqlOptions, 'columns'> & { readonly columns?: unknown },
  segment: boolean,
): MovementsSqlOptions {
  const options = copySqlOptions(input);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const dialect = oneOf(options.dialect, SQL_DIALECTS, ['options', 'dialect']);
  const source = sqlSource(options.source, ['options', 'source']);
  const currency = resolveSqlCurrency(options.currency);
  const columns = resolveColumns(options.columns, [
    ...(currency === undefined ? [] : (['currency'] as const)),
    ...(segment ? (['segment'] as const) : []),
  ]);
  const granularity = oneOf(options.granularity ?? 'month', GRANULARITIES, ['options', 'granularity']);
  const weekStartsOn = oneOf(options.weekStartsOn ?? 1, [0, 1, 2, 3, 4, 5, 6] as const, [
    'options',
    'weekStartsOn',
  ]);
  const paidToFree = oneOf(options.paidToFree ?? 'churn', ['churn', 'contraction'] as const, [
    'options',
    'paidToFree',
  ]);
  const mrrScale = resolveMrrScale(options.mrrScale);
  const { fromDay, toDay } = reportRangeSql(options);
  return {
    dialect,
    source,
    currency,
    columns,
    paidToFree,
    mrrScale,
    money: `DECIMAL(38, ${mrrScale})`,
    period: periodIndexSql(dialect, granularity, weekStartsOn),
    fromDay,
    toDay,
  };
}
