import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/index.js';
import { type MrrMovementsSqlOptions, mrrMovementsSql } from '../../src/sql/index.js';
import { movementOptions } from './engineEquality.js';

function errorOf(options: unknown): MetricInputError {
  try {
    mrrMovementsSql(options as MrrMovementsSqlOptions);
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

const BASE = { dialect: 'duckdb', source: 'subscriptions' } as const;
const FX = { reporting: 'USD', rates: 'fx_rates' } as const;
// A value that would end the identifier, string literal or statement it is spliced into.
const INJECTION = `x"; DROP TABLE subscriptions; --`;

describe('mrrMovementsSql: worked examples', () => {
  it('reads the default columns of a quoted, schema-qualified table', () => {
    const sql = mrrMovementsSql({ dialect: 'postgres', source: 'analytics.subscriptions' });
    expect(sql).toContain('FROM "analytics"."subscriptions" AS source_rows');
    for (const column of ['"customer_id"', '"start_date"', '"end_date"', '"mrr"'])
      expect(sql).toContain(column);
    expect(sql).toContain('CAST("mrr" AS DECIMAL(38, 6))');
  });

  it('reads renamed columns, a subquery source, and splices from/to only as DATE literals', () => {
    const sql = mrrMovementsSql({
      ...BASE,
      source: "(SELECT * FROM read_parquet('p.parquet') WHERE plan <> 'internal')",
      columns: { customerId: 'account', start: 'valid_from', end: 'valid_to', mrr: 'amount' },
      from: new Date('2024-01-15T00:00:00Z'),
      to: '2024-06-30',
      mrrScale: 2,
    });
    expect(sql).toContain(
      "FROM (SELECT * FROM read_parquet('p.parquet') WHERE plan <> 'internal') AS source_rows",
    );
    expect(sql).toContain('"account" AS customer_id');
    expect(sql).toContain('CAST("amount" AS DECIMAL(38, 2))');
    expect(sql).toContain("DATE '2024-01-15'");
    expect(sql).toContain("DATE '2024-06-30'");
    // mrrMovementsSql has no timeZone option, so a Date must be midnight UTC.
    expect(() => mrrMovementsSql({ ...BASE, from: new Date('2024-01-15T23:00:00Z') })).toThrow(
      expect.objectContaining({ code: 'ambiguous_date', path: ['options', 'from'] }),
    );
  });

  it('writes integer division and the period series in each dialect', () => {
    const duck = mrrMovementsSql({ ...BASE, granularity: 'quarter' });
    const postgres = mrrMovementsSql({ ...BASE, dialect: 'postgres', granularity: 'quarter' });
    expect(duck).toContain('UNNEST(generate_series(grid_first, range_last))');
    expect(duck).toContain('// 3');
    expect(postgres).toContain('generate_series(grid_first, range_last) AS period_index');
    expect(postgres).not.toContain('//');
  });
});

describe('mrrMovementsSql: currencies', () => {
  it('always writes fx_impact_mrr, 0 without currencies or under periodStart', () => {
    for (const options of [
      BASE,
      { ...BASE, currency: FX },
      { ...BASE, currency: { ...FX, rateDate: 'periodStart' as const } },
    ]) {
      expect(mrrMovementsSql(options)).toContain('CAST(0 AS DECIMAL(38, 6)) AS fx_impact_mrr');
    }
    expect(mrrMovementsSql({ ...BASE, currency: { ...FX, rateDate: 'snapshot' } })).toContain(
      'CAST(period_values.fx_impact_mrr AS DECIMAL(38, 6)) AS fx_impact_mrr',
    );
  });

  it('reads the currency and rate columns quoted, the reporting code as a literal, per dialect', () => {
    const options = {
      ...BASE,
      columns: { currency: 'billing_currency' },
      currency: {
        ...FX,
        rates: '(SELECT * FROM rates WHERE source = 1)',
        rateColumns: { date: 'valid_from' },
      },
    };
    const duck = mrrMovementsSql(options);
    // Codes compare case-insensitively: read trimmed, in capitals.
    expect(duck).toContain(`COALESCE(UPPER(TRIM(CAST("billing_currency" AS VARCHAR))), 'USD') AS currency`);
    expect(duck).toContain('FROM (SELECT * FROM rates WHERE source = 1) AS rate_rows');
    expect(duck).toContain('CAST("valid_from" AS DATE) AS rate_date');
    expect(duck).toContain('ASOF LEFT JOIN exchange_rates');
    expect(duck).toContain("error('missing_exchange_rate: no '");
    const postgres = mrrMovementsSql({ ...options, dialect: 'postgres' });
    expect(postgres).not.toContain('ASOF');
    expect(postgres).not.toContain('error(');
    expect(postgres).toContain("CAST('missing_exchange_rate: no '");
    // Without the option the source's currency column (when it has one; NULL from no_currency otherwise) is read
    // only to refuse rows in several currencies, as mrrMovements does.
    const plain = mrrMovementsSql(BASE);
    expect(plain).toContain('FROM (SELECT CAST(NULL AS VARCHAR) AS currency) AS no_currency');
    expect(plain).toContain("error('mixed_currencies: rows are in '");
    expect(plain).not.toContain('exchange_rates');
  });
});

describe('mrrMovementsSql: properties', () => {
  it('is one statement with no semicolon for any valid options', () => {
    fc.assert(
      fc.property(
        movementOptions,
        fc.constantFrom('duckdb' as const, 'postgres' as const),
        (options, dialect) => {
          const sql = mrrMovementsSql({
            dialect,
            source: 'subscriptions',
            ...options,
          } as MrrMovementsSqlOptions);
          expect(sql.startsWith('WITH ')).toBe(true);
          expect(sql).not.toContain(';');
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
          expect(errorOf({ ...BASE, columns: { start: name } }).code).toMatch(/invalid_value|invalid_type/);
          if (!name.includes('.') && !name.trimStart().startsWith('(')) {
            expect(errorOf({ ...BASE, source: name }).code).toBe('invalid_value');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('mrrMovementsSql: a subquery source', () => {
  it.each([
    `(SELECT E'\\'' AS quote)`,
    `(SELECT $$;) --$$ AS text)`,
    `(SELECT $tag$ $$ ' ) $tag$ AS text)`,
    `(SELECT "a;b"")" FROM t)`,
    `(SELECT 'it''s' AS text, U&"d" FROM t WHERE x$1 = 1.5e3)`,
  ])('accepts %s, whose quotes hide every ; ) and comment marker', (source) => {
    expect(mrrMovementsSql({ ...BASE, source })).toContain(`FROM ${source} AS source_rows`);
  });
});

describe('mrrMovementsSql: bad input', () => {
  it.each([
    [{ ...BASE, dialect: INJECTION }, 'invalid_option', ['options', 'dialect']],
    [{ ...BASE, source: INJECTION }, 'invalid_value', ['options', 'source']],
    [{ ...BASE, source: 'a.b.c.d' }, 'invalid_value', ['options', 'source']],
    [
      { ...BASE, source: `(SELECT 1) AS x; DROP TABLE subscriptions; --` },
      'invalid_value',
      ['options', 'source'],
    ],
    [{ ...BASE, source: `(SELECT 1) UNION (SELECT 2)` }, 'invalid_value', ['options', 'source']],
    [{ ...BASE, source: `(SELECT 1 /* x */)` }, 'invalid_value', ['options', 'source']],
    // An E string's backslash escapes the quote, so this one never closes.
    [{ ...BASE, source: `(SELECT E'\\')` }, 'invalid_value', ['options', 'source']],
    [
      { ...BASE, source: `(SELECT $$;$$ AS x); DROP TABLE t; (SELECT 1)` },
      'invalid_value',
      ['options', 'source'],
    ],
    [{ ...BASE, source: `(SELECT $a$ ) $b$ AS x)` }, 'invalid_value', ['options', 'source']],
    [{ ...BASE, source: `(SELECT 1 -- )\n)` }, 'invalid_value', ['options', 'source']],
    [{ ...BASE, source: `(SELECT 'unclosed)` }, 'invalid_value', ['options', 'source']],
    [{ ...BASE, source: `((SELECT 1)` }, 'invalid_value', ['options', 'source']],
    [{ ...BASE, source: 42 }, 'invalid_type', ['options', 'source']],
    [{ ...BASE, columns: { customerId: INJECTION } }, 'invalid_value', ['options', 'columns', 'customerId']],
    [{ ...BASE, columns: { start: INJECTION } }, 'invalid_value', ['options', 'columns', 'start']],
    [{ ...BASE, columns: { end: INJECTION } }, 'invalid_value', ['options', 'columns', 'end']],
    [{ ...BASE, columns: { mrr: INJECTION } }, 'invalid_value', ['options', 'columns', 'mrr']],
    [{ ...BASE, columns: { mrr: 'schema.mrr' } }, 'invalid_value', ['options', 'columns', 'mrr']],
    [{ ...BASE, columns: { amount: 'mrr' } }, 'unknown_field', ['options', 'columns', 'amount']],
    [{ ...BASE, columns: 'mrr' }, 'invalid_type', ['options', 'columns']],
    [{ ...BASE, granularity: INJECTION }, 'invalid_option', ['options', 'granularity']],
    [{ ...BASE, paidToFree: INJECTION }, 'invalid_option', ['options', 'paidToFree']],
    [{ ...BASE, weekStartsOn: '1; DROP TABLE x' }, 'invalid_option', ['options', 'weekStartsOn']],
    [{ ...BASE, from: "2024-01-01'; DROP TABLE subscriptions; --" }, 'invalid_date', ['options', 'from']],
    [{ ...BASE, to: "2024-01-01' OR 1=1 --" }, 'invalid_date', ['options', 'to']],
    [{ ...BASE, from: '2024-03-01', to: '2024-02-01' }, 'end_before_start', ['options', 'to']],
    [{ ...BASE, mrrScale: '2; DROP TABLE x' }, 'invalid_number', ['options', 'mrrScale']],
    [{ ...BASE, mrrScale: 19 }, 'out_of_range', ['options', 'mrrScale']],
    [{ ...BASE, mrrScale: 1.5 }, 'not_integer', ['options', 'mrrScale']],
    [{ ...BASE, timeZone: 'UTC' }, 'unknown_field', ['options', 'timeZone']],
    [{ ...BASE, columns: { currency: 'ccy' } }, 'unknown_field', ['options', 'columns', 'currency']],
    [{ ...BASE, currency: 'USD' }, 'invalid_type', ['options', 'currency']],
    [{ ...BASE, currency: { ...FX, reportng: 'USD' } }, 'unknown_field', ['options', 'currency', 'reportng']],
    [
      { ...BASE, currency: { ...FX, reporting: 'usd' } },
      'invalid_value',
      ['options', 'currency', 'reporting'],
    ],
    [
      { ...BASE, currency: { ...FX, reporting: "US'" } },
      'invalid_value',
      ['options', 'currency', 'reporting'],
    ],
    [{ ...BASE, currency: { ...FX, rates: INJECTION } }, 'invalid_value', ['options', 'currency', 'rates']],
    [{ ...BASE, currency: { reporting: 'USD' } }, 'invalid_type', ['options', 'currency', 'rates']],
    [
      { ...BASE, currency: { ...FX, rateDate: 'end' } },
      'invalid_option',
      ['options', 'currency', 'rateDate'],
    ],
    [
      { ...BASE, currency: { ...FX, rateColumns: { day: 'd' } } },
      'unknown_field',
      ['options', 'currency', 'rateColumns', 'day'],
    ],
    [
      { ...BASE, currency: { ...FX, rateColumns: { rate: INJECTION } } },
      'invalid_value',
      ['options', 'currency', 'rateColumns', 'rate'],
    ],
    [
      { ...BASE, currency: FX, columns: { currency: INJECTION } },
      'invalid_value',
      ['options', 'columns', 'currency'],
    ],
  ])('%j gives %s at %j', (options, code, path) => {
    const error = errorOf(options);
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });

  it('rejects options that are not an object', () => {
    expect(errorOf(null).code).toBe('invalid_type');
  });
});
