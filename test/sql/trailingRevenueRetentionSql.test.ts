import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Decimal } from '../../src/core/internal/decimal.js';
import { addCalendarMonths, MetricInputError } from '../../src/index.js';
import {
  type TrailingRevenueRetentionSqlOptions,
  trailingRevenueRetentionFromSqlRow,
  trailingRevenueRetentionSql,
} from '../../src/sql/index.js';
import { asOfDay, trailingMonths } from './trailingRetentionEquality.js';

function errorOf(action: () => unknown): MetricInputError {
  try {
    action();
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

const BASE = { dialect: 'duckdb', source: 'subscriptions', asOf: '2024-06-30' } as const;
// A value that would end the identifier, string literal or statement it is spliced into.
const INJECTION = `x"; DROP TABLE subscriptions; --`;
const DATE_INJECTION = "2024-06-30'; DROP TABLE subscriptions; --";

// The row an engine returns for the example of trailingNetRevenueRetention's doc comment: on 2023-06-30 a pays 100
// and b pays 100 (c starts only in December, so it is not in the cohort); on 2024-06-30 a pays 150 and b nothing.
const ROW = {
  start_day: '2023-06-30',
  as_of: '2024-06-30',
  starting_mrr: '200.000000',
  ending_mrr_net: '150.000000',
  ending_mrr_gross: '100.000000',
  starting_customers: 2n,
  retained_customers: '1',
  net_revenue_retention: '0.750000000000',
  gross_revenue_retention: '0.500000000000',
};

describe('trailingRevenueRetentionSql: worked examples', () => {
  it('splices the start day computed in TypeScript, month end clamped, and asOf as DATE literals', () => {
    // 2024-03-31 minus 1 month is 2024-02-29 (leap year, clamped); minus 12 months is 2023-03-31.
    const one = trailingRevenueRetentionSql({ ...BASE, asOf: '2024-03-31', months: 1 });
    expect(one).toContain("DATE '2024-02-29' AS start_day");
    expect(one).toContain("DATE '2024-03-31' AS as_of");
    const year = trailingRevenueRetentionSql({ ...BASE, asOf: new Date('2024-03-31T00:00:00Z') });
    expect(() => trailingRevenueRetentionSql({ ...BASE, asOf: new Date('2024-03-31T23:30:00Z') })).toThrow(
      expect.objectContaining({ code: 'ambiguous_date', path: ['options', 'asOf'] }),
    );
    expect(year).toContain("DATE '2023-03-31' AS start_day");
    // 12 293 months = 1024 years and 5 months: 2024-06-30 goes back to 1000-01-30, the library's first year.
    const oldest = trailingRevenueRetentionSql({ ...BASE, months: 12_293 });
    expect(oldest).toContain("DATE '1000-01-30' AS start_day");
  });

  it('reads renamed columns of a quoted table or subquery, with the money and rate scales asked for', () => {
    const sql = trailingRevenueRetentionSql({
      dialect: 'postgres',
      source: 'analytics.subscriptions',
      columns: { customerId: 'account', start: 'valid_from', end: 'valid_to', mrr: 'amount' },
      asOf: '2024-06-30',
      mrrScale: 2,
      rateScale: 4,
    });
    expect(sql).toContain('FROM "analytics"."subscriptions" AS source_rows');
    expect(sql).toContain('"account" AS customer_id');
    expect(sql).toContain('CAST("amount" AS DECIMAL(38, 2)) AS mrr');
    expect(sql).toContain('DECIMAL(38, 4)');
    expect(sql).toContain('div(');
    const subquery = trailingRevenueRetentionSql({ ...BASE, source: "(SELECT * FROM s WHERE plan <> 'x')" });
    expect(subquery).toContain("FROM (SELECT * FROM s WHERE plan <> 'x') AS source_rows");
    expect(subquery).toContain('HUGEINT');
  });

  it('maps the row of the documented example to net 0.75 and gross 0.5', () => {
    // net = 150 / 200 = 0.75; gross = (min(150, 100) + min(0, 100)) / 200 = 100 / 200 = 0.5.
    const { net, gross } = trailingRevenueRetentionFromSqlRow(ROW);
    expect([net.value?.toString(), gross.value?.toString()]).toEqual(['0.75', '0.5']);
    expect([net.start, net.asOf, net.startingMrr.toString(), net.endingMrr.toString()]).toEqual([
      '2023-06-30',
      '2024-06-30',
      '200',
      '150',
    ]);
    expect([gross.endingMrr.toString(), gross.startingCustomers, gross.retainedCustomers]).toEqual([
      '100',
      2,
      1,
    ]);
  });

  it('gives null values for a row with no starting MRR', () => {
    const empty = { ...ROW, starting_mrr: '0', ending_mrr_net: 0, ending_mrr_gross: '0.000000' };
    const { net, gross } = trailingRevenueRetentionFromSqlRow({
      ...empty,
      starting_customers: 0,
      retained_customers: 0,
    });
    expect([net.value, gross.value, net.startingCustomers]).toEqual([null, null, 0]);
  });

  it('keeps every digit of a ratio that does not terminate', () => {
    // 100 / 300 = 0.333…, to the library's 40 significant digits, not the 12 places of the SQL rate column.
    const { net } = trailingRevenueRetentionFromSqlRow({
      ...ROW,
      starting_mrr: '300',
      ending_mrr_net: '100',
    });
    expect(net.value?.toString()).toBe(`0.${'3'.repeat(40)}`);
  });
});

describe('trailingRevenueRetentionSql: properties', () => {
  it('is one statement with no semicolon, with the start day of addCalendarMonths, for any asOf and months', () => {
    fc.assert(
      fc.property(
        asOfDay,
        trailingMonths,
        fc.constantFrom('duckdb' as const, 'postgres' as const),
        (asOf, months, dialect) => {
          const options = months === undefined ? { asOf } : { asOf, months };
          const sql = trailingRevenueRetentionSql({ dialect, source: 'subscriptions', ...options });
          expect(sql.startsWith('WITH ')).toBe(true);
          expect(sql).not.toContain(';');
          expect(sql).toContain(`DATE '${addCalendarMonths(asOf, -(months ?? 12))}' AS start_day`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses every table or column name that is not a plain SQL name', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((name) => !/^[\p{L}_][\p{L}\p{N}_$]*$/u.test(name)),
        (name) => {
          const column = errorOf(() => trailingRevenueRetentionSql({ ...BASE, columns: { mrr: name } }));
          expect(column.code).toMatch(/invalid_value|invalid_type/);
          if (!name.includes('.') && !name.trimStart().startsWith('(')) {
            expect(errorOf(() => trailingRevenueRetentionSql({ ...BASE, source: name })).code).toBe(
              'invalid_value',
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('trailingRevenueRetentionSql: bad input', () => {
  it.each([
    [{ ...BASE, dialect: INJECTION }, 'invalid_option', ['options', 'dialect']],
    [{ ...BASE, source: INJECTION }, 'invalid_value', ['options', 'source']],
    [
      { ...BASE, source: `(SELECT 1) AS x; DROP TABLE subscriptions; --` },
      'invalid_value',
      ['options', 'source'],
    ],
    [{ ...BASE, source: `(SELECT 1 /* x */)` }, 'invalid_value', ['options', 'source']],
    [{ ...BASE, columns: { customerId: INJECTION } }, 'invalid_value', ['options', 'columns', 'customerId']],
    [{ ...BASE, columns: { start: INJECTION } }, 'invalid_value', ['options', 'columns', 'start']],
    [{ ...BASE, columns: { end: INJECTION } }, 'invalid_value', ['options', 'columns', 'end']],
    [{ ...BASE, columns: { mrr: INJECTION } }, 'invalid_value', ['options', 'columns', 'mrr']],
    [{ ...BASE, columns: { amount: 'mrr' } }, 'unknown_field', ['options', 'columns', 'amount']],
    [{ ...BASE, asOf: DATE_INJECTION }, 'invalid_date', ['options', 'asOf']],
    [{ ...BASE, asOf: undefined }, 'missing_field', ['options', 'asOf']],
    [{ ...BASE, months: '12; DROP TABLE subscriptions' }, 'invalid_type', ['options', 'months']],
    [{ ...BASE, months: '12' }, 'invalid_type', ['options', 'months']],
    [{ ...BASE, months: 1.5 }, 'not_integer', ['options', 'months']],
    [{ ...BASE, months: 0 }, 'not_positive', ['options', 'months']],
    [{ ...BASE, months: 1.5 }, 'not_integer', ['options', 'months']],
    [{ ...BASE, months: 12_294 }, 'out_of_range', ['options', 'months']],
    [{ ...BASE, months: Number.MAX_SAFE_INTEGER }, 'out_of_range', ['options', 'months']],
    [{ ...BASE, mrrScale: '6) AS x --' }, 'invalid_number', ['options', 'mrrScale']],
    [{ ...BASE, mrrScale: 19 }, 'out_of_range', ['options', 'mrrScale']],
    [{ ...BASE, rateScale: '12) AS x --' }, 'invalid_number', ['options', 'rateScale']],
    [{ ...BASE, rateScale: 19 }, 'out_of_range', ['options', 'rateScale']],
    [{ ...BASE, timeZone: 'UTC' }, 'unknown_field', ['options', 'timeZone']],
  ])('%j gives %s at %j', (options, code, path) => {
    const error = errorOf(() => trailingRevenueRetentionSql(options as TrailingRevenueRetentionSqlOptions));
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });

  it('rejects options that are not an object', () => {
    expect(errorOf(() => trailingRevenueRetentionSql(null as never)).code).toBe('invalid_type');
  });

  it.each([
    { row: { ...ROW, start_day: new Date('2023-06-30') }, code: 'invalid_type', path: ['start_day'] },
    { row: { ...ROW, as_of: '2024-02-30' }, code: 'invalid_date', path: ['as_of'] },
    { row: { ...ROW, starting_mrr: 'abc' }, code: 'invalid_number', path: ['starting_mrr'] },
    { row: { ...ROW, ending_mrr_net: '-1' }, code: 'negative_amount', path: ['ending_mrr_net'] },
    { row: { ...ROW, ending_mrr_gross: null }, code: 'invalid_type', path: ['ending_mrr_gross'] },
    { row: { ...ROW, starting_customers: '1.5' }, code: 'not_integer', path: ['starting_customers'] },
    { row: { ...ROW, retained_customers: -1n }, code: 'negative_amount', path: ['retained_customers'] },
  ])('trailingRevenueRetentionFromSqlRow gives $code at $path', ({ row, code, path }) => {
    const error = errorOf(() => trailingRevenueRetentionFromSqlRow(row));
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });

  it('rejects a row that is not an object', () => {
    expect(errorOf(() => trailingRevenueRetentionFromSqlRow(undefined as never)).path).toEqual(['row']);
  });
});

describe('trailingRevenueRetentionSql: types', () => {
  it('promises Decimal | null values', () => {
    expectTypeOf(trailingRevenueRetentionSql).returns.toEqualTypeOf<string>();
    expectTypeOf(trailingRevenueRetentionFromSqlRow).returns.toHaveProperty('net');
    expectTypeOf(trailingRevenueRetentionFromSqlRow(ROW).gross.value).toEqualTypeOf<Decimal | null>();
  });
});
