import { toCalendarDate } from '../core/calendarDate.js';
import { MetricInputError } from '../core/errors.js';
import type { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertArray, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import {
  PERIOD_COUNT_FIELDS,
  PERIOD_FX_FIELD,
  PERIOD_MONEY_FIELDS,
} from '../revenue/internal/periodMovementFields.js';
import type { PeriodMovements } from '../revenue/types.js';

/**
 * Combines MRR movement tables computed on disjoint sets of customers (shards) into the table of all of them:
 * every money and count field is the sum of the shards' fields, period by period. This is what lets any
 * map-reduce engine, or `worker_threads` on one machine, split the work: shard the subscription periods by
 * customer, compute each shard's table with `mrrMovements` (or `mrrMovementsSql`) and the same explicit `from`,
 * `to` and options, and merge.
 *
 * It is exact because every quantity of the table is a sum over customers: a customer's movement, its
 * "paid before" (new or reactivation) and whether it counts depend on its own rows only, so a customer wholly
 * inside one shard contributes the same there as in the whole.
 *
 * Formula: merged[p].field = Σ over shards s of parts[s][p].field, for each of the 14 money and count fields.
 * Units: as in `mrrMovements` (exact Decimals; counts). Source: our convention (docs/sql.md, "Mergeable results").
 * Edge cases: no parts gives `[]`, and an empty part (a shard without rows) is skipped; parts whose period lists
 * differ (another `from`, `to` or granularity) are a MetricInputError (`invalid_value`), since a shard's state
 * outside its own range is unknown; a negative or non-numeric field, a start or end that is not an ISO date, or a
 * hole in a list is an error naming `[part, row, field]`.
 * Sharding must be by customer: one customer split over two shards can be counted twice.
 *
 * @category SQL
 * @example
 * const options = { from: '2024-01-01', to: '2024-02-29' }
 * const left = mrrMovements([{ customerId: 'a', start: '2024-01-05', mrr: 100 }], options).periods
 * const right = mrrMovements([{ customerId: 'b', start: '2024-02-10', mrr: 50 }], options).periods
 * mergeMrrMovements([left, right]).map((row) => [row.start, row.endingMrr.toString(), row.endingCustomers])
 * //=> [['2024-01-01', '100', 1], ['2024-02-01', '150', 2]]
 */
export function mergeMrrMovements(parts: readonly (readonly PeriodMovements[])[]): PeriodMovements[] {
  assertArray(parts, ['parts']);
  let merged: { start: string; end: string; money: Decimal[]; fx: Decimal; counts: number[] }[] | undefined;
  // Array.from visits the holes of sparse arrays, which forEach and map would skip unchecked.
  Array.from(parts).forEach((part, partIndex) => {
    assertArray(part, ['parts', partIndex]);
    if (part.length === 0) return;
    if (merged !== undefined && merged.length !== part.length) {
      throw new MetricInputError({
        code: 'invalid_value',
        path: ['parts', partIndex],
        expected: `${merged.length} periods, like the earlier parts (compute every shard with the same from, to and granularity)`,
        received: `${part.length} periods`,
      });
    }
    const rows = Array.from(part, (row, rowIndex) => {
      assertObject(row, ['parts', partIndex, rowIndex]);
      const path = (field: string) => ['parts', partIndex, rowIndex, field];
      return {
        start: toCalendarDate(row.start, path('start')),
        end: toCalendarDate(row.end, path('end')),
        money: PERIOD_MONEY_FIELDS.map((field) => toDecimal(row[field], path(field), 'nonNegative')),
        fx: toDecimal(row[PERIOD_FX_FIELD], path(PERIOD_FX_FIELD)),
        counts: PERIOD_COUNT_FIELDS.map((field) => toCount(row[field], path(field))),
      };
    });
    if (merged === undefined) {
      merged = rows;
      return;
    }
    const total = merged;
    rows.forEach((row, rowIndex) => {
      const into = total[rowIndex]!;
      if (row.start !== into.start || row.end !== into.end) {
        throw new MetricInputError({
          code: 'invalid_value',
          path: ['parts', partIndex, rowIndex, 'start'],
          expected: `the period ${into.start} … ${into.end} of the earlier parts`,
          received: describeValue(`${row.start} … ${row.end}`),
        });
      }
      total[rowIndex] = {
        start: into.start,
        end: into.end,
        money: into.money.map((value, index) => value.plus(row.money[index]!)),
        fx: into.fx.plus(row.fx),
        counts: into.counts.map((value, index) => value + row.counts[index]!),
      };
    });
  });
  return (merged ?? []).map((row) => {
    const result: Record<string, unknown> = { start: row.start, end: row.end };
    PERIOD_MONEY_FIELDS.forEach((field, index) => {
      result[field] = row.money[index];
    });
    result[PERIOD_FX_FIELD] = row.fx;
    PERIOD_COUNT_FIELDS.forEach((field, index) => {
      result[field] = row.counts[index];
    });
    return result as unknown as PeriodMovements;
  });
}
