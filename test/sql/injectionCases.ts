import { expect } from 'vitest';
import { MetricInputError } from '../../src/index.js';
import {
  cohortRetentionSql,
  mrrMovementsSql,
  revenueRatesSql,
  type SqlDialect,
  segmentMrrMovementsSql,
  trailingRevenueRetentionSql,
} from '../../src/sql/index.js';
import type { RunSql } from './engineEquality.js';

// Shared by the DuckDB and PostgreSQL suites: each attack is a `source` (or `currency.rates`) that a scan knowing
// only '…' and "…" took for one parenthesised subquery, but that the engine reads as several statements, the
// second of which drops `victim`. Each starts a first statement that succeeds, drops the table, commits
// (PostgreSQL runs a multi-statement string in one transaction), and opens a last statement that swallows the
// rest of the generated text, which then fails only after the DROP has run.

/** Columns of a subscription period, so the first statement of the attack succeeds. */
const ROW = "SELECT 1 AS customer_id, DATE '2024-01-01' AS start_date, NULL AS end_date, 1 AS mrr";

export const ATTACKS: readonly [name: string, source: string][] = [
  [
    'a quote inside $$ … $$',
    `(${ROW}, $$'$$ AS note) AS source_rows) SELECT 1; DROP TABLE victim; COMMIT; WITH x AS (SELECT * FROM (SELECT $$'$$ AS y)`,
  ],
  [
    'a quote inside $tag$ … $tag$',
    `(${ROW}, $q$'$q$ AS note) AS source_rows) SELECT 1; DROP TABLE victim; COMMIT; WITH x AS (SELECT * FROM (SELECT $q$'$q$ AS y)`,
  ],
  [
    'a quote inside a block comment',
    `(${ROW}, $$ /* $$ AS note /* ' */) AS source_rows) SELECT 1; DROP TABLE victim; COMMIT; WITH x AS (SELECT * FROM (SELECT '*/' AS y)`,
  ],
  [
    'a line comment that hides the closing parenthesis',
    `(${ROW} -- ')\n) AS source_rows) SELECT 1; DROP TABLE victim; COMMIT; WITH x AS (SELECT * FROM (SELECT ' ' AS y)`,
  ],
  [
    'a nested block comment',
    `(${ROW} /* /* */ ) AS source_rows) SELECT 1; DROP TABLE victim; COMMIT; WITH x AS (SELECT * FROM (SELECT 1 AS y) /* */ )`,
  ],
  ['a top-level semicolon', `(${ROW}); DROP TABLE victim; COMMIT; SELECT * FROM (SELECT 1 AS y)`],
  [
    'a backslash that ends a plain string where standard_conforming_strings is off',
    `(${ROW}, 'a\\' AS note) AS source_rows) SELECT 1; DROP TABLE victim; COMMIT; WITH x AS (SELECT * FROM (SELECT '' AS y)`,
  ],
  [
    'an E string whose backslash-quote does not end it',
    `(${ROW}, E'\\' AS note) AS source_rows) SELECT 1; DROP TABLE victim; COMMIT; WITH x AS (SELECT * FROM (SELECT '' AS y)`,
  ],
  ['a positional parameter', `(${ROW} WHERE $1 = 1)`],
  ['an unclosed dollar quote', `(${ROW}, $$ AS note)`],
];

/** Every builder that takes a `source`, and the rates of the currency option, with the attack in `source`. */
export function buildersWith(dialect: SqlDialect, source: string): [name: string, build: () => string][] {
  return [
    ['mrrMovementsSql', () => mrrMovementsSql({ dialect, source })],
    ['segmentMrrMovementsSql', () => segmentMrrMovementsSql({ dialect, source })],
    ['cohortRetentionSql', () => cohortRetentionSql({ dialect, source })],
    [
      'trailingRevenueRetentionSql',
      () => trailingRevenueRetentionSql({ dialect, source, asOf: '2024-06-30' }),
    ],
    ['revenueRatesSql', () => revenueRatesSql({ dialect, source })],
    [
      'mrrMovementsSql currency.rates',
      () => mrrMovementsSql({ dialect, source: 'periods', currency: { reporting: 'USD', rates: source } }),
    ],
  ];
}

/**
 * The shape the builders generated around `source` before they tokenised it (the opening CTE of every twin, then
 * more CTEs and a SELECT), with the attack spliced in unchecked. Running it proves an attack real: it drops
 * `victim`.
 */
export function splicedAsBefore(source: string): string {
  return `WITH subscription_periods AS (
  SELECT "customer_id" AS customer_id, CAST("start_date" AS DATE) AS start_date,
    CAST("end_date" AS DATE) AS end_date, CAST("mrr" AS DECIMAL(38, 6)) AS mrr
  FROM ${source} AS source_rows
),
data_range AS (
  SELECT MIN(start_date) AS first_day FROM subscription_periods
)
SELECT * FROM data_range`;
}

/** (Re)creates `victim`. */
export async function createVictim(run: RunSql): Promise<void> {
  await run('DROP TABLE IF EXISTS victim');
  await run('CREATE TABLE victim (id INTEGER)');
  await run('INSERT INTO victim VALUES (1)');
}

/**
 * Builds the query with `build` and, if that does not throw, runs it; then checks that `victim` is still there
 * and that the builder threw a MetricInputError (`invalid_value`).
 */
export async function expectRefusedAndHarmless(run: RunSql, build: () => string): Promise<void> {
  await createVictim(run);
  let thrown: unknown;
  let sql: string | undefined;
  try {
    sql = build();
  } catch (error) {
    thrown = error;
  }
  if (sql !== undefined) await run(sql).catch(() => undefined);
  const rows = await run('SELECT COUNT(*) AS n FROM victim').catch(() => []);
  expect(rows.map((row) => String(row.n))).toEqual(['1']);
  expect(thrown).toBeInstanceOf(MetricInputError);
  expect((thrown as MetricInputError).code).toBe('invalid_value');
}

/**
 * Options whose getters answer a safe value to the first read and an attack to every later one: the builder must
 * read each option once, check it, and use what it checked.
 */
export function twoFacedOptions(dialect: SqlDialect): Record<string, unknown> {
  const reads = new Map<string, number>();
  const twoFaced = (key: string, safe: string, attack: string) => () => {
    const count = (reads.get(key) ?? 0) + 1;
    reads.set(key, count);
    return count === 1 ? safe : attack;
  };
  const drop = "USD' THEN 1 END; DROP TABLE victim; COMMIT; SELECT '";
  const currency = {};
  Object.defineProperty(currency, 'reporting', { enumerable: true, get: twoFaced('reporting', 'USD', drop) });
  Object.defineProperty(currency, 'rates', {
    enumerable: true,
    get: twoFaced('rates', 'rates', '(SELECT 1); DROP TABLE victim; COMMIT; SELECT (1)'),
  });
  const options = { dialect };
  Object.defineProperty(options, 'source', {
    enumerable: true,
    get: twoFaced('source', 'periods', '(SELECT 1); DROP TABLE victim; COMMIT; SELECT (1)'),
  });
  Object.defineProperty(options, 'currency', { enumerable: true, get: () => currency });
  return options;
}
