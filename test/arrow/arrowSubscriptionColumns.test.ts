import {
  DateDay,
  DateMillisecond,
  Decimal,
  Dictionary,
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
  Table,
  tableFromArrays,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrowSubscriptionColumns, mrrMovementsArrow } from '../../src/arrow/index.js';
import { MetricInputError, mrrMovements, type SubscriptionPeriod, toDayNumber } from '../../src/index.js';
import { subscriptionPeriods } from '../arbitraries.js';
import { plainTable } from '../revenue/plainMovements.js';

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

// A DECIMAL(18, scale) column of 128-bit values, built from integer minor units (two's complement words).
function decimalVector(units: readonly bigint[], scale: number) {
  const words = new Uint32Array(4 * units.length);
  units.forEach((unit, index) => {
    let value = BigInt.asUintN(128, unit);
    for (let word = 0; word < 4; word += 1) {
      words[4 * index + word] = Number(value & 0xffff_ffffn);
      value >>= 32n;
    }
  });
  return makeVector(makeData({ type: new Decimal(scale, 18, 128), length: units.length, data: words }));
}

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

describe('customer-health/arrow: worked examples', () => {
  it('reads DATE32, DATE64 with nulls, DECIMAL, int64 ids and dictionary strings', () => {
    const table = new Table({
      customer_id: vectorFromArray([7n, 7n, 8n], new Int64()),
      subscription_id: vectorFromArray(['s1', 's2', 's3'], new Dictionary(new Utf8(), new Int32())),
      start_date: vectorFromArray(['2024-01-10', '2024-02-01', '2024-01-20'].map(utcDate), new DateDay()),
      end_date: vectorFromArray([utcDate('2024-03-01'), null, utcDate('2024-02-15')], new DateMillisecond()),
      // 19.99, 5.00, 0.01 at scale 2.
      mrr: decimalVector([1999n, 500n, 1n], 2),
    });
    const columns = arrowSubscriptionColumns(table);
    expect(columns.customerId).toEqual(BigInt64Array.of(7n, 7n, 8n));
    expect(columns.subscriptionId).toEqual(['s1', 's2', 's3']);
    expect(columns.start).toEqual(Int32Array.of(19_732, 19_754, 19_742));
    expect(Array.from(columns.end as Float64Array)).toEqual([19_783, Number.NaN, 19_768]);
    expect(columns.mrr).toEqual({ minorUnits: BigInt64Array.of(1999n, 500n, 1n), scale: 2 });
    const rows: SubscriptionPeriod[] = [
      { customerId: '7', subscriptionId: 's1', start: '2024-01-10', end: '2024-03-01', mrr: '19.99' },
      { customerId: '7', subscriptionId: 's2', start: '2024-02-01', end: null, mrr: '5' },
      { customerId: '8', subscriptionId: 's3', start: '2024-01-20', end: '2024-02-15', mrr: '0.01' },
    ];
    expect(plainTable(mrrMovementsArrow(table))).toEqual(plainTable(mrrMovements(rows)));
  });

  it('reads tables of several record batches and renamed columns', () => {
    const part = (ids: string[], days: number[], mrr: number[]) =>
      tableFromArrays({ id: ids, from: Int32Array.from(days), amount: Float64Array.from(mrr) });
    const table = part(['a', 'b'], [19_732, 19_740], [10, 20]).concat(part(['a'], [19_800], [5]));
    expect(table.batches.length).toBe(2);
    const options = { columns: { customerId: 'id', start: 'from', mrr: 'amount' }, to: '2024-06-30' };
    const rows: SubscriptionPeriod[] = [
      { customerId: 'a', start: '2024-01-10', mrr: 10 },
      { customerId: 'b', start: '2024-01-18', mrr: 20 },
      { customerId: 'a', start: '2024-03-18', mrr: 5 },
    ];
    expect(plainTable(mrrMovementsArrow(table, options))).toEqual(
      plainTable(mrrMovements(rows, { to: '2024-06-30' })),
    );
  });

  it('rejects what is not a table, missing columns, and nulls where a value is required', () => {
    expect(errorOf(() => arrowSubscriptionColumns({} as never))).toMatchObject({
      code: 'invalid_type',
      path: ['table'],
    });
    const noMrr = tableFromArrays({ customer_id: ['a'], start_date: ['2024-01-01'] });
    expect(errorOf(() => arrowSubscriptionColumns(noMrr))).toMatchObject({
      code: 'missing_field',
      path: ['table', 'mrr'],
    });
    const nullMrr = new Table({
      customer_id: vectorFromArray(['a', 'b']),
      start_date: vectorFromArray(['2024-01-01', '2024-01-01']),
      mrr: vectorFromArray([1.5, null], new Float64()),
    });
    expect(errorOf(() => mrrMovementsArrow(nullMrr))).toMatchObject({
      code: 'invalid_type',
      path: ['subscriptions', 'mrr', 1],
    });
    const negative = new Table({
      customer_id: vectorFromArray(['a']),
      start_date: vectorFromArray([utcDate('2024-01-01')], new DateDay()),
      mrr: decimalVector([-5n], 2),
    });
    expect(errorOf(() => mrrMovementsArrow(negative))).toMatchObject({
      code: 'negative_amount',
      path: ['subscriptions', 'mrr', 0],
    });
  });
});

describe('customer-health/arrow: properties', () => {
  it('gives the result of the equivalent rows, for any subscriptions as DATE32/DECIMAL or string columns', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), fc.boolean(), fc.nat({ max: 3 }), (periods, typed, sliceAt) => {
        const cents = periods.map((row) => BigInt(Math.round(Number(row.mrr) * 100)));
        const full = new Table({
          customer_id: vectorFromArray(
            periods.map((row) => row.customerId),
            new Utf8(),
          ),
          subscription_id: vectorFromArray(
            periods.map((row) => row.subscriptionId!),
            new Utf8(),
          ),
          start_date: typed
            ? vectorFromArray(
                periods.map((row) => utcDate(row.start as string)),
                new DateDay(),
              )
            : vectorFromArray(
                periods.map((row) => row.start as string),
                new Utf8(),
              ),
          end_date: typed
            ? vectorFromArray(
                periods.map((row) => (row.end == null ? null : utcDate(row.end as string))),
                new DateDay(),
              )
            : vectorFromArray(
                periods.map((row) => (row.end as string | null) ?? null),
                new Utf8(),
              ),
          mrr: typed ? decimalVector(cents, 2) : vectorFromArray(periods.map((row) => String(row.mrr))),
        });
        // A slice starts its validity bitmap mid-byte: the rows after `sliceAt`.
        const start = Math.min(sliceAt, periods.length);
        const table = full.slice(start);
        const rows = periods.slice(start);
        expect(plainTable(mrrMovementsArrow(table, { granularity: 'week' }))).toEqual(
          plainTable(mrrMovements(rows, { granularity: 'week' })),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('reads DATE32 as the day numbers of the dates', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -354_285, max: 2_932_531 }), { maxLength: 50 }), (days) => {
        const isoDates = days.map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
        const table = new Table({
          customer_id: vectorFromArray(days.map(() => 'a')),
          start_date: vectorFromArray(isoDates.map(utcDate), new DateDay()),
          mrr: vectorFromArray(
            days.map(() => 1),
            new Float64(),
          ),
        });
        expect(Array.from(arrowSubscriptionColumns(table).start as Int32Array)).toEqual(
          isoDates.map((iso) => toDayNumber(iso)),
        );
      }),
      { numRuns: 30 },
    );
  });
});
