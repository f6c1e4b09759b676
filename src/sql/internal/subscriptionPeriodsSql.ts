import { MetricInputError } from '../../core/errors.js';
import { toCount } from '../../core/internal/numericInput.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { quoteIdentifier } from '../quoteIdentifier.js';
import type { MrrMovementsSqlColumns } from '../types.js';
import { copyOptions } from './copyOptions.js';

const BASE_KEYS = ['customerId', 'start', 'end', 'mrr'] as const;

/**
 * Every column a generated query may read: those of a subscription period, and the optional `currency` and
 * `segment` (read only by the queries that take them).
 *
 * @private
 */
export type SqlColumns = Required<MrrMovementsSqlColumns> & { readonly segment: string };

type OptionalColumn = 'currency' | 'segment';

const DEFAULT_COLUMNS: SqlColumns = {
  customerId: 'customer_id',
  start: 'start_date',
  end: 'end_date',
  mrr: 'mrr',
  currency: 'currency',
  segment: 'segment',
};

/**
 * The `columns` option of the generated queries with its defaults filled in, every name checked by
 * `quoteIdentifier` (a plain, undotted SQL name) and every key known: the four of a subscription period, plus
 * those of `optional` that the query reads.
 *
 * @private
 */
export function resolveColumns(input: unknown, optional: readonly OptionalColumn[] = []): SqlColumns {
  if (input === undefined) return DEFAULT_COLUMNS;
  const columns = copyOptions(input, ['options', 'columns']);
  const COLUMN_KEYS = [...BASE_KEYS, ...optional];
  for (const key of Object.keys(columns)) {
    if (!(COLUMN_KEYS as readonly string[]).includes(key)) {
      throw new MetricInputError({
        code: 'unknown_field',
        path: ['options', 'columns', key],
        expected: `one of ${COLUMN_KEYS.join(', ')}`,
        received: describeValue(key),
      });
    }
  }
  const resolved: Record<keyof SqlColumns, string> = { ...DEFAULT_COLUMNS };
  for (const key of COLUMN_KEYS) {
    const name = columns[key];
    if (name !== undefined) {
      quoteIdentifier(name, ['options', 'columns', key], false);
      resolved[key] = name as string;
    }
  }
  return resolved;
}

/**
 * The `mrrScale` option of the generated queries: the decimal places money is computed with, a whole number
 * 0 … 18 (so `DECIMAL(38, mrrScale)` keeps at least 20 integer digits); default 6.
 *
 * @private
 */
export function resolveMrrScale(mrrScale: unknown): number {
  const scale = toCount(mrrScale ?? 6, ['options', 'mrrScale']);
  if (scale > 18) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', 'mrrScale'],
      expected: 'a whole number from 0 to 18',
      received: String(scale),
    });
  }
  return scale;
}

/**
 * The first CTE of the generated queries, `subscription_periods`: the source's rows with the columns renamed to
 * `customer_id`, `start_date`, `end_date` (DATE) and `mrr` (`money`, an exact DECIMAL type), then the `extra`
 * select-list items (already quoted). `source` is the checked FROM item of `sqlSource` and `columns` the result
 * of {@link resolveColumns}.
 *
 * Without a `currency` item among `extra` (the query has no `currency` option) the CTE has a `row_currency`
 * column instead, for the check that the rows are in one currency (`mixed_currencies`): the source's `currency`
 * column in capitals when it has one, else NULL. The source is read inside a LATERAL subquery, where an
 * unqualified `currency` resolves to the source's column first and to the outer `no_currency` row only when the
 * source has none (the same rule in DuckDB and PostgreSQL, both of which flatten the one-row join; the alias
 * differs from `currency` because DuckDB would read a select-list alias of that name before the outer row).
 *
 * @private
 */
export function subscriptionPeriodsCte(
  source: string,
  columns: SqlColumns,
  money: string,
  extra: readonly string[] = [],
): string {
  const select = (
    indent: string,
    more: readonly string[],
  ) => `SELECT ${quoteIdentifier(columns.customerId, ['options', 'columns', 'customerId'], false)} AS customer_id,
${indent}  CAST(${quoteIdentifier(columns.start, ['options', 'columns', 'start'], false)} AS DATE) AS start_date,
${indent}  CAST(${quoteIdentifier(columns.end, ['options', 'columns', 'end'], false)} AS DATE) AS end_date,
${indent}  CAST(${quoteIdentifier(columns.mrr, ['options', 'columns', 'mrr'], false)} AS ${money}) AS mrr${more.map((line) => `,\n${indent}  ${line}`).join('')}
${indent}FROM ${source} AS source_rows`;
  if (extra.some((line) => line.endsWith(' AS currency'))) {
    return `subscription_periods AS (
  ${select('  ', extra)}
)`;
  }
  return `subscription_periods AS (
  SELECT source_periods.*
  FROM (SELECT CAST(NULL AS VARCHAR) AS currency) AS no_currency
  CROSS JOIN LATERAL (
    ${select('    ', [...extra, 'UPPER(TRIM(CAST(currency AS VARCHAR))) AS row_currency'])}
  ) AS source_periods
)`;
}
