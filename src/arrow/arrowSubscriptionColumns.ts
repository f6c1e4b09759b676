import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { rejectInput } from '../core/internal/rejectInput.js';
import type { InputPath } from '../core/types.js';
import type { SubscriptionPeriodColumns } from '../revenue/subscriptionPeriod.js';
import { arrowAmounts, arrowDays, arrowIds, arrowStrings } from './internal/readArrowColumn.js';
import type { ArrowColumnNames, ArrowTable, ArrowVector } from './types.js';

/**
 * The subscription periods of an Apache Arrow table (from DuckDB, Polars, pandas/pyarrow, a Parquet or IPC file)
 * in the columnar form `mrrMovements` takes ({@link SubscriptionPeriodColumns}), copying each column once into
 * a typed array where it can (no object per row). Columns, by default `customer_id`, `subscription_id`,
 * `start_date`, `end_date`, `mrr`, `currency`, `segment` (rename with `columns`):
 *
 * - ids: UTF8 / LARGE_UTF8 / dictionary-encoded strings, or integers (an integer id is its decimal string);
 * - dates: DATE32 (days) or DATE64 (milliseconds, whole days only), or `'YYYY-MM-DD'` strings; a null `end_date`
 *   is still active;
 * - `mrr`: DECIMAL (exact: integer minor units with the column's scale), integers, floats or decimal strings.
 *
 * Units: as the table holds them; nothing is rounded. Source: the Arrow columnar format (arrow.apache.org).
 * Edge cases: an optional column missing from the table is absent; a missing required column (`customer_id`,
 * `start_date`, `mrr`), an unsupported column type or a value that is not a table is a MetricInputError. The
 * values themselves are validated by `mrrMovements`, as any columns are (a null id, start or MRR is rejected
 * at its row).
 *
 * @category Arrow
 * @example
 * const table = tableFromArrays({ customer_id: ['a', 'b'], start_date: ['2024-01-10', '2024-02-01'], mrr: Float64Array.of(100, 20.5) })
 * const { customerId, start, mrr } = arrowSubscriptionColumns(table)
 * customerId
 * //=> ['a', 'b']
 * mrr
 * //=> Float64Array.of(100, 20.5)
 */
export function arrowSubscriptionColumns(
  table: ArrowTable,
  columns: ArrowColumnNames = {},
): SubscriptionPeriodColumns {
  const root: InputPath = ['table'];
  if (
    typeof table !== 'object' ||
    table === null ||
    typeof (table as { getChild?: unknown }).getChild !== 'function' ||
    !Number.isSafeInteger(table.numRows)
  ) {
    return rejectInput('invalid_type', root, 'an Apache Arrow Table', table);
  }
  assertObject(columns, ['columns']);
  assertKnownKeys(columns, FIELDS, ['columns']);
  const child = (field: keyof ArrowColumnNames, required: boolean): ArrowVector | undefined => {
    const name = columns[field] ?? DEFAULT_NAMES[field];
    if (typeof name !== 'string')
      return rejectInput('invalid_type', ['columns', field], 'a column name', name);
    const vector: unknown = table.getChild(name);
    if (vector === null || vector === undefined) {
      return required
        ? rejectInput('missing_field', [...root, name], `a column "${name}"`, vector)
        : undefined;
    }
    if (!isVector(vector, table.numRows)) {
      return rejectInput(
        'invalid_type',
        [...root, name],
        `an Arrow column of ${table.numRows} values`,
        vector,
      );
    }
    return vector;
  };
  const path = (field: keyof ArrowColumnNames): InputPath => [
    ...root,
    String(columns[field] ?? DEFAULT_NAMES[field]),
  ];
  const customerId = child('customerId', true)!;
  const subscriptionId = child('subscriptionId', false);
  const start = child('start', true)!;
  const end = child('end', false);
  const mrr = child('mrr', true)!;
  const currency = child('currency', false);
  const segment = child('segment', false);
  const labels = (vector: ArrowVector, field: keyof ArrowColumnNames) =>
    arrowStrings(vector, path(field)).map((value) => value ?? undefined);
  return {
    customerId: arrowIds(customerId, path('customerId')) as SubscriptionPeriodColumns['customerId'],
    ...(subscriptionId === undefined
      ? {}
      : {
          subscriptionId: arrowIds(
            subscriptionId,
            path('subscriptionId'),
          ) as SubscriptionPeriodColumns['customerId'],
        }),
    start: arrowDays(start, path('start')) as SubscriptionPeriodColumns['start'],
    ...(end === undefined ? {} : { end: arrowDays(end, path('end')) }),
    mrr: arrowAmounts(mrr, path('mrr')) as SubscriptionPeriodColumns['mrr'],
    ...(currency === undefined ? {} : { currency: labels(currency, 'currency') }),
    ...(segment === undefined ? {} : { segment: labels(segment, 'segment') }),
  };
}

const DEFAULT_NAMES: Required<ArrowColumnNames> = {
  customerId: 'customer_id',
  subscriptionId: 'subscription_id',
  start: 'start_date',
  end: 'end_date',
  mrr: 'mrr',
  currency: 'currency',
  segment: 'segment',
};

const FIELDS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_NAMES));

function isVector(value: unknown, rows: number): value is ArrowVector {
  if (typeof value !== 'object' || value === null) return false;
  const { length, type, data } = value as Partial<ArrowVector>;
  return (
    length === rows &&
    typeof type === 'object' &&
    type !== null &&
    typeof type.typeId === 'number' &&
    Array.isArray(data) &&
    data.every(
      (chunk: unknown) =>
        typeof chunk === 'object' &&
        chunk !== null &&
        Number.isSafeInteger((chunk as { length?: unknown }).length) &&
        typeof (chunk as { type?: { typeId?: unknown } }).type?.typeId === 'number',
    ) &&
    data.reduce((sum, chunk) => sum + chunk.length, 0) === rows
  );
}
