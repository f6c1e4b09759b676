import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Granularity,
  MetricInputError,
  mrrMovements,
  type PaidToFree,
  type SubscriptionPeriod,
  type SubscriptionPeriodColumns,
  segmentMrrMovements,
  toDayNumber,
} from '../../src/index.js';
import { columnarSubscriptionColumns } from '../../src/revenue/internal/columnarSubscriptionColumns.js';
import {
  type SubscriptionColumns,
  subscriptionColumns,
} from '../../src/revenue/internal/subscriptionColumns.js';
import { subscriptionPeriods } from '../arbitraries.js';
import { plainTable } from './plainMovements.js';

type DateForm = 'strings' | 'dayNumbers';
type MrrForm = 'asGiven' | 'float64' | 'minorInt32' | 'minorFloat64' | 'minorBigInt';
type IdForm = 'strings' | 'integers';

interface Forms {
  readonly dates: DateForm;
  readonly mrr: MrrForm;
  readonly ids: IdForm;
}

const forms: fc.Arbitrary<Forms> = fc.record({
  dates: fc.constantFrom<DateForm>('strings', 'dayNumbers'),
  mrr: fc.constantFrom<MrrForm>('asGiven', 'float64', 'minorInt32', 'minorFloat64', 'minorBigInt'),
  ids: fc.constantFrom<IdForm>('strings', 'integers'),
});

// The arbitraries' ids are `c<n>` and `c<n>-s<m>`; as integers they become n and 10n + m, and the rows compared
// with them carry the same integers as strings (an integer id reads as its decimal string).
const integerId = (id: string) => {
  const [customer, subscription] = id.slice(1).split('-s');
  return subscription === undefined ? Number(customer) : 10 * Number(customer) + Number(subscription);
};

function withIntegerIds(rows: readonly SubscriptionPeriod[]): SubscriptionPeriod[] {
  return rows.map((row) => ({
    ...row,
    customerId: String(integerId(row.customerId)),
    ...(row.subscriptionId === undefined ? {} : { subscriptionId: String(integerId(row.subscriptionId)) }),
  }));
}

function toColumns(rows: readonly SubscriptionPeriod[], form: Forms): SubscriptionPeriodColumns {
  const day = (date: unknown) => toDayNumber(date as string);
  const cents = rows.map((row) => Math.round(Number(row.mrr) * 100));
  return {
    customerId:
      form.ids === 'strings'
        ? rows.map((row) => row.customerId)
        : Int32Array.from(rows, (row) => integerId(row.customerId)),
    subscriptionId:
      form.ids === 'strings'
        ? rows.map((row) => row.subscriptionId)
        : Float64Array.from(rows, (row) => integerId(row.subscriptionId!)),
    start:
      form.dates === 'strings'
        ? rows.map((row) => row.start)
        : Int32Array.from(rows, (row) => day(row.start)),
    end:
      form.dates === 'strings'
        ? rows.map((row) => row.end)
        : Float64Array.from(rows, (row) => (row.end == null ? Number.NaN : day(row.end))),
    mrr:
      form.mrr === 'asGiven'
        ? rows.map((row) => row.mrr)
        : form.mrr === 'float64'
          ? Float64Array.from(rows, (row) => Number(row.mrr))
          : form.mrr === 'minorInt32'
            ? { minorUnits: Int32Array.from(cents), scale: 2 }
            : form.mrr === 'minorFloat64'
              ? { minorUnits: Float64Array.from(cents, (value) => value * 10), scale: 3 }
              : { minorUnits: BigInt64Array.from(cents, BigInt), scale: 2 },
  };
}

// Every row's values, resolved, so two column sets compare regardless of how distinct values are stored.
function resolved(columns: SubscriptionColumns) {
  return Array.from({ length: columns.length }, (_, row) => [
    columns.customerIds[columns.customer[row]!],
    columns.startDay[row],
    columns.endDay[row],
    columns.amounts[columns.amount[row]!]!.toString(),
    columns.currency[row] === -1 ? undefined : columns.currencies[columns.currency[row]!],
    columns.segment[row] === -1 ? undefined : columns.segments[columns.segment[row]!],
  ]);
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

// ['subscriptions', 12, 'mrr'] (rows) is ['subscriptions', 'mrr', 12] (columns).
const transposed = (path: readonly (string | number)[]) =>
  path.length >= 3 ? [path[0], path[2], path[1], ...path.slice(3)] : path;

describe('mrrMovements: columnar input, worked examples', () => {
  it('reads day numbers, minor units and integer ids as the equivalent rows', () => {
    // 2024-01-10 is day 19732, 2024-03-01 is day 19783; 1999 cents at scale 2 is 19.99.
    const columns = mrrMovements({
      customerId: Int32Array.of(7),
      start: Int32Array.of(19_732),
      end: Float64Array.of(19_783),
      mrr: { minorUnits: Int32Array.of(1999), scale: 2 },
    });
    const rows = mrrMovements([{ customerId: '7', start: '2024-01-10', end: '2024-03-01', mrr: '19.99' }]);
    expect(plainTable(columns)).toEqual(plainTable(rows));
    expect(columns.periods[0]!.newMrr.toString()).toBe('19.99');
    expect(columns.customers[0]!.customerId).toBe('7');
  });

  it('treats NaN, null and undefined ends as still active, and a missing end column as all active', () => {
    const open = mrrMovements(
      { customerId: ['a', 'b', 'c'], start: ['2024-01-01', '2024-01-01', '2024-01-01'], mrr: [1, 2, 3] },
      { to: '2024-03-31' },
    );
    const each = mrrMovements(
      {
        customerId: ['a', 'b', 'c'],
        start: Int32Array.of(19_723, 19_723, 19_723),
        end: [Number.NaN, null, undefined],
        mrr: [1, 2, 3],
      },
      { to: '2024-03-31' },
    );
    expect(plainTable(each)).toEqual(plainTable(open));
    expect(open.periods.at(-1)!.endingMrr.toString()).toBe('6');
  });

  it('takes currency and segment columns like the row fields', () => {
    const columns = columnarSubscriptionColumns({
      customerId: ['a', 'b'],
      start: ['2024-01-01', '2024-02-01'],
      mrr: ['10', '20'],
      currency: ['EUR', undefined],
      segment: [undefined, 'smb'],
    });
    expect(resolved(columns)).toEqual(
      resolved(
        subscriptionColumns([
          { customerId: 'a', start: '2024-01-01', mrr: '10', currency: 'EUR' },
          { customerId: 'b', start: '2024-02-01', mrr: '20', segment: 'smb' },
        ]),
      ),
    );
  });
});

describe('mrrMovements: columnar input, validation', () => {
  const valid = { customerId: ['a', 'b'], start: ['2024-01-01', '2024-02-01'], mrr: [1, 2] };

  it('names the column, then the row', () => {
    expect(errorOf(() => mrrMovements({ ...valid, mrr: [1, -2] }))).toMatchObject({
      code: 'negative_amount',
      path: ['subscriptions', 'mrr', 1],
    });
    expect(
      errorOf(() => mrrMovements({ ...valid, mrr: { minorUnits: Float64Array.of(100, 2.5), scale: 2 } })),
    ).toMatchObject({ code: 'not_integer', path: ['subscriptions', 'mrr', 1] });
    expect(errorOf(() => mrrMovements({ ...valid, start: Int32Array.of(0, 3_000_000) }))).toMatchObject({
      code: 'invalid_date',
      path: ['subscriptions', 'start', 1],
    });
    const overlap = errorOf(() =>
      mrrMovements({ ...valid, subscriptionId: ['s', 's'], end: ['2024-03-01', undefined] }),
    );
    expect(overlap).toMatchObject({ code: 'overlapping_periods', path: ['subscriptions', 'start', 1] });
    expect(overlap.message).toBe(
      'subscriptions row 1 overlaps subscriptions row 0: both are subscription "s" over the same dates',
    );
  });

  it('reports the first bad row first, whatever column is bad, and every later bad row', () => {
    const error = errorOf(() =>
      mrrMovements({ customerId: ['a', 'b', ''], start: ['2024-01-01', 'x', '2024-01-01'], mrr: [-1, 1, 1] }),
    );
    expect(error).toMatchObject({ code: 'negative_amount', path: ['subscriptions', 'mrr', 0] });
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['negative_amount', ['subscriptions', 'mrr', 0]],
      ['invalid_date', ['subscriptions', 'start', 1]],
      ['invalid_type', ['subscriptions', 'customerId', 2]],
    ]);
  });

  it('rejects columns of different lengths, missing columns, unknown keys and bad scales', () => {
    expect(errorOf(() => mrrMovements({ ...valid, mrr: [1] }))).toMatchObject({
      code: 'length_mismatch',
      path: ['subscriptions', 'mrr'],
    });
    expect(errorOf(() => mrrMovements({ customerId: ['a'], start: ['2024-01-01'] } as never))).toMatchObject({
      code: 'missing_field',
      path: ['subscriptions', 'mrr'],
    });
    expect(errorOf(() => mrrMovements({ ...valid, starts: [] } as never))).toMatchObject({
      code: 'unknown_field',
      path: ['subscriptions', 'starts'],
    });
    expect(errorOf(() => mrrMovements({ ...valid, customerId: 'ab' } as never))).toMatchObject({
      code: 'invalid_type',
      path: ['subscriptions', 'customerId'],
    });
    expect(
      errorOf(() => mrrMovements({ ...valid, mrr: { minorUnits: Int32Array.of(1, 2), scale: 1.5 } })),
    ).toMatchObject({ code: 'invalid_value', path: ['subscriptions', 'mrr', 'scale'] });
  });
});

describe('mrrMovements: columnar input, properties', () => {
  const granularity = fc.constantFrom<Granularity>('day', 'week', 'month', 'quarter');
  const paidToFree = fc.constantFrom<PaidToFree>('churn', 'contraction');

  it('gives the same result as the equivalent rows, for any subscriptions in any column form', () => {
    fc.assert(
      fc.property(
        subscriptionPeriods(),
        forms,
        granularity,
        paidToFree,
        (periods, form, granularity, mode) => {
          const rows = form.ids === 'integers' ? withIntegerIds(periods) : periods;
          const options = { granularity, paidToFree: mode };
          expect(plainTable(mrrMovements(toColumns(periods, form), options))).toEqual(
            plainTable(mrrMovements(rows, options)),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('segmentMrrMovements gives the same tables for columns as for the equivalent rows, currencies included', () => {
    const segmentsArb = fc.array(fc.constantFrom('Starter', 'Growth'), { minLength: 200, maxLength: 200 });
    const currencies = fc.array(fc.constantFrom(undefined, 'EUR'), { minLength: 200, maxLength: 200 });
    const rates = [
      { currency: 'EUR', date: '2022-01-01', rate: '1.1' },
      { currency: 'EUR', date: '2024-01-01', rate: '1.25' },
    ];
    fc.assert(
      fc.property(
        subscriptionPeriods(),
        forms,
        segmentsArb,
        currencies,
        fc.constantFrom('periodStart', 'snapshot'),
        paidToFree,
        (periods, form, segments, codes, rateDate, mode) => {
          const rows = (form.ids === 'integers' ? withIntegerIds(periods) : periods).map((row, index) => ({
            ...row,
            segment: segments[index]!,
            ...(codes[index] === undefined ? {} : { currency: codes[index] }),
          }));
          const columns = {
            ...toColumns(periods, form),
            segment: periods.map((_, index) => segments[index]!),
            currency: periods.map((_, index) => codes[index]),
          };
          const options = {
            paidToFree: mode,
            currency: { reporting: 'USD', rates, rateDate: rateDate as 'periodStart' | 'snapshot' },
          };
          expect(JSON.stringify(segmentMrrMovements(columns, options))).toBe(
            JSON.stringify(segmentMrrMovements(rows, options)),
          );
        },
      ),
      { numRuns: 40 },
    );
    expect(() =>
      segmentMrrMovements({ customerId: ['a'], start: ['2024-01-01'], end: [null], mrr: [5] }),
    ).toThrow(expect.objectContaining({ code: 'missing_field', path: ['subscriptions', 'segment', 0] }));
  });

  it('builds the same columns as the row validator, currencies and segments included', () => {
    const labels = fc.array(fc.constantFrom(undefined, 'EUR', 'USD'), { maxLength: 200 });
    fc.assert(
      fc.property(subscriptionPeriods(), forms, labels, labels, (periods, form, currencies, segments) => {
        const rows = (form.ids === 'integers' ? withIntegerIds(periods) : periods).map((row, index) => ({
          ...row,
          ...(currencies[index] === undefined ? {} : { currency: currencies[index] }),
          ...(segments[index] === undefined ? {} : { segment: segments[index] }),
        }));
        const columns = {
          ...toColumns(periods, form),
          currency: periods.map((_, index) => currencies[index]),
          segment: periods.map((_, index) => segments[index]),
        };
        expect(resolved(columnarSubscriptionColumns(columns))).toEqual(resolved(subscriptionColumns(rows)));
      }),
      { numRuns: 60 },
    );
  });

  it('rejects a bad value with the code the rows get, at the transposed path, for any bad row', () => {
    const bad = fc.constantFrom(
      ['customerId', ''],
      ['customerId', 5],
      ['subscriptionId', 7],
      ['start', '2024-02-30'],
      ['start', null],
      ['end', '1999-01-01'],
      ['mrr', -1],
      ['mrr', 'abc'],
      ['mrr', Number.NaN],
      ['currency', 'eur'],
      ['segment', ''],
    );
    fc.assert(
      fc.property(
        subscriptionPeriods().filter((periods) => periods.length > 0),
        fc.array(fc.tuple(fc.nat(), bad), { minLength: 1, maxLength: 3 }),
        (periods, changes) => {
          const rows: Record<string, unknown>[] = periods.map((row) => ({ ...row }));
          for (const [pick, [field, value]] of changes) rows[pick % rows.length]![field as string] = value;
          const columns = Object.fromEntries(
            ['customerId', 'subscriptionId', 'start', 'end', 'mrr', 'currency', 'segment'].map((field) => [
              field,
              rows.map((row) => row[field]),
            ]),
          );
          const fromRows = errorOf(() => mrrMovements(rows as never));
          const fromColumns = errorOf(() => mrrMovements(columns as never));
          expect(fromColumns.code).toBe(fromRows.code);
          expect(fromColumns.path).toEqual(transposed(fromRows.path));
          expect(fromColumns.issues.map((issue) => [issue.code, issue.path])).toEqual(
            fromRows.issues.map((issue) => [issue.code, transposed(issue.path)]),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
