import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Decimal } from '../../src/core/internal/decimal.js';
import { MetricInputError } from '../../src/index.js';
import {
  type CohortRetentionSqlOptions,
  cohortRetentionFromSqlRows,
  cohortRetentionSql,
} from '../../src/sql/index.js';
import { cohortOptions, cohortPeriods, plainCohorts } from './cohortRetentionEquality.js';

function errorOf(action: () => unknown): MetricInputError {
  try {
    action();
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

const BASE = { dialect: 'duckdb', source: 'subscriptions' } as const;
// A value that would end the identifier, string literal or statement it is spliced into.
const INJECTION = `x"; DROP TABLE subscriptions; --`;
const DATE_INJECTION = "2024-06-30'; DROP TABLE subscriptions; --";

// The rows an engine returns for the example of cohortRetention's doc comment, basis 'revenue': January 31,
// a 100 + b 50 = 150 over 2 customers; February 29, a 100 + b 100 = 200; March 31, b 100 (a ended March 15).
const ROWS = [
  ['2024-01-01', '2024-01-01', 0n, 2n, '150.000000', 2n, '150.000000'],
  ['2024-01-01', '2024-02-01', 1n, 2n, '150.000000', 2n, '200.000000'],
  ['2024-01-01', '2024-03-01', 2n, 2n, '150.000000', 1n, '100.000000'],
  ['2024-02-01', '2024-02-01', 0n, 0n, '0.000000', 0n, '0.000000'],
  ['2024-02-01', '2024-03-01', 1n, 0n, '0.000000', 0n, '0.000000'],
  ['2024-03-01', '2024-03-01', 0n, 0n, '0.000000', 0n, '0.000000'],
].map(([cohort_start, period_start, age, cohort_size, starting_mrr, customers, mrr]) => ({
  cohort_start,
  period_start,
  age,
  cohort_size,
  starting_mrr,
  customers,
  mrr,
}));

describe('cohortRetentionSql: worked examples', () => {
  it('splices from and to as DATE literals and reads renamed columns of a quoted table', () => {
    const sql = cohortRetentionSql({
      dialect: 'postgres',
      source: 'analytics.subscriptions',
      columns: { customerId: 'account', start: 'valid_from', end: 'valid_to', mrr: 'amount' },
      from: new Date('2024-01-31T00:00:00Z'),
      to: '2024-06-30',
      basis: 'revenue',
      mrrScale: 2,
      rateScale: 4,
    });
    expect(sql).toContain("DATE '2024-01-31'");
    expect(sql).toContain("DATE '2024-06-30'");
    expect(sql).toContain('FROM "analytics"."subscriptions" AS source_rows');
    expect(sql).toContain('"account" AS customer_id');
    expect(sql).toContain('CAST("amount" AS DECIMAL(38, 2)) AS mrr');
    expect(sql).toContain('div(CAST(mrr AS NUMERIC) * 10000, CAST(starting_mrr AS NUMERIC))');
    const customers = cohortRetentionSql({ ...BASE, source: "(SELECT * FROM s WHERE plan <> 'x')" });
    expect(customers).toContain("FROM (SELECT * FROM s WHERE plan <> 'x') AS source_rows");
    expect(customers).toContain('CAST((customers) * 1 AS HUGEINT)');
  });

  it('maps the rows of the documented example to retention 1, 4/3, 2/3 and empty cohorts', () => {
    const result = cohortRetentionFromSqlRows(ROWS, { basis: 'revenue' });
    expect(plainCohorts(result)).toEqual([
      'revenue',
      'month',
      [
        '2024-01-01',
        2,
        '150',
        [
          [0, '2024-01-01', 2, '150', '1'],
          [1, '2024-02-01', 2, '200', '1.333333333333333333333333333333333333333'],
          [2, '2024-03-01', 1, '100', '0.6666666666666666666666666666666666666667'],
        ],
      ],
      [
        '2024-02-01',
        0,
        '0',
        [
          [0, '2024-02-01', 0, '0', null],
          [1, '2024-03-01', 0, '0', null],
        ],
      ],
      ['2024-03-01', 0, '0', [[0, '2024-03-01', 0, '0', null]]],
    ]);
    // Basis 'customers' (the default): 2 / 2, 2 / 2, 1 / 2.
    const customers = cohortRetentionFromSqlRows(ROWS);
    expect(customers.cohorts[0]!.cells.map((cell) => cell.retention?.toString())).toEqual(['1', '1', '0.5']);
    expect(cohortRetentionFromSqlRows([], { granularity: 'week' })).toEqual({
      basis: 'customers',
      granularity: 'week',
      cohorts: [],
    });
    expectTypeOf(customers.cohorts[0]!.cells[0]!.retention).toEqualTypeOf<Decimal | null>();
  });
});

describe('cohortRetentionSql: properties', () => {
  it('is one statement with no semicolon, for any options and dialect', () => {
    fc.assert(
      fc.property(
        cohortPeriods.chain(cohortOptions),
        fc.constantFrom('duckdb' as const, 'postgres' as const),
        (options, dialect) => {
          const sql = cohortRetentionSql({ dialect, source: 'subscriptions', ...options });
          expect(sql.startsWith('WITH subscription_periods AS')).toBe(true);
          expect(sql).not.toContain(';');
          if (options.from !== undefined) expect(sql).toContain(`DATE '${options.from}'`);
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
          const column = errorOf(() => cohortRetentionSql({ ...BASE, columns: { customerId: name } }));
          expect(column.code).toMatch(/invalid_value|invalid_type/);
          if (!name.includes('.') && !name.trimStart().startsWith('(')) {
            expect(errorOf(() => cohortRetentionSql({ ...BASE, source: name })).code).toBe('invalid_value');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('cohortRetentionSql: bad input', () => {
  it.each([
    [{ ...BASE, dialect: INJECTION }, 'invalid_option', ['options', 'dialect']],
    [{ ...BASE, source: INJECTION }, 'invalid_value', ['options', 'source']],
    [
      { ...BASE, source: `(SELECT 1) AS x; DROP TABLE subscriptions; --` },
      'invalid_value',
      ['options', 'source'],
    ],
    [{ ...BASE, columns: { start: INJECTION } }, 'invalid_value', ['options', 'columns', 'start']],
    [{ ...BASE, columns: { amount: 'mrr' } }, 'unknown_field', ['options', 'columns', 'amount']],
    [{ ...BASE, from: DATE_INJECTION }, 'invalid_date', ['options', 'from']],
    [{ ...BASE, to: '2024-02-30' }, 'invalid_date', ['options', 'to']],
    [{ ...BASE, from: '2024-02-01', to: '2024-01-31' }, 'end_before_start', ['options', 'to']],
    [{ ...BASE, granularity: 'fortnight' }, 'invalid_option', ['options', 'granularity']],
    [{ ...BASE, weekStartsOn: 7 }, 'invalid_option', ['options', 'weekStartsOn']],
    [{ ...BASE, basis: 'logos' }, 'invalid_option', ['options', 'basis']],
    [{ ...BASE, mrrScale: 19 }, 'out_of_range', ['options', 'mrrScale']],
    [{ ...BASE, rateScale: '12) AS x --' }, 'invalid_number', ['options', 'rateScale']],
    [{ ...BASE, rateScale: 19 }, 'out_of_range', ['options', 'rateScale']],
    [{ ...BASE, timeZone: 'UTC' }, 'unknown_field', ['options', 'timeZone']],
  ])('%j gives %s at %j', (options, code, path) => {
    const error = errorOf(() => cohortRetentionSql(options as CohortRetentionSqlOptions));
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });

  it('refuses a Date that is not midnight UTC, as mrrMovementsSql does (no timeZone option to read it in)', () => {
    const error = errorOf(() => cohortRetentionSql({ ...BASE, from: new Date('2024-01-01T15:00:00Z') }));
    expect(error.code).toBe('ambiguous_date');
    expect(error.path).toEqual(['options', 'from']);
    expect(cohortRetentionSql({ ...BASE, from: new Date('2024-01-01T00:00:00Z') })).toContain(
      "DATE '2024-01-01'",
    );
  });

  it('rejects options that are not an object', () => {
    expect(errorOf(() => cohortRetentionSql(null as never)).code).toBe('invalid_type');
  });

  it.each([
    {
      rows: [{ ...ROWS[0], cohort_start: new Date('2024-01-01') }],
      code: 'invalid_type',
      path: ['rows', 0, 'cohort_start'],
    },
    {
      rows: [{ ...ROWS[0], period_start: '2024-02-30' }],
      code: 'invalid_date',
      path: ['rows', 0, 'period_start'],
    },
    { rows: [{ ...ROWS[0], mrr: '-1' }], code: 'negative_amount', path: ['rows', 0, 'mrr'] },
    {
      rows: [{ ...ROWS[0], starting_mrr: 'abc' }],
      code: 'invalid_number',
      path: ['rows', 0, 'starting_mrr'],
    },
    { rows: [{ ...ROWS[0], customers: '1.5' }], code: 'not_integer', path: ['rows', 0, 'customers'] },
    { rows: [ROWS[0], ROWS[2]], code: 'invalid_value', path: ['rows', 1, 'age'] },
    { rows: [ROWS[1]], code: 'invalid_value', path: ['rows', 0, 'age'] },
    { rows: [null], code: 'invalid_type', path: ['rows', 0] },
  ])('cohortRetentionFromSqlRows gives $code at $path', ({ rows, code, path }) => {
    const error = errorOf(() => cohortRetentionFromSqlRows(rows as never));
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });

  it('rejects rows that are not an array and unknown options', () => {
    expect(errorOf(() => cohortRetentionFromSqlRows(undefined as never)).path).toEqual(['rows']);
    expect(errorOf(() => cohortRetentionFromSqlRows([], { timeZone: 'UTC' } as never)).path).toEqual([
      'options',
      'timeZone',
    ]);
  });
});
