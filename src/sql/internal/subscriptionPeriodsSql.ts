import { MetricInputError } from '../../core/errors.js';
import { toCount } from '../../core/internal/numericInput.js';
import { assertObject } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { quoteIdentifier } from '../quoteIdentifier.js';
import type { MrrMovementsSqlColumns } from '../types.js';

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
export function resolveColumns(columns: unknown, optional: readonly OptionalColumn[] = []): SqlColumns {
  if (columns === undefined) return DEFAULT_COLUMNS;
  assertObject(columns, ['options', 'columns']);
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
 * @private
 */
export function subscriptionPeriodsCte(
  source: string,
  columns: SqlColumns,
  money: string,
  extra: readonly string[] = [],
): string {
  return `subscription_periods AS (
  SELECT ${quoteIdentifier(columns.customerId, ['options', 'columns', 'customerId'], false)} AS customer_id,
    CAST(${quoteIdentifier(columns.start, ['options', 'columns', 'start'], false)} AS DATE) AS start_date,
    CAST(${quoteIdentifier(columns.end, ['options', 'columns', 'end'], false)} AS DATE) AS end_date,
    CAST(${quoteIdentifier(columns.mrr, ['options', 'columns', 'mrr'], false)} AS ${money}) AS mrr${extra.map((line) => `,\n    ${line}`).join('')}
  FROM ${source} AS source_rows
)`;
}
