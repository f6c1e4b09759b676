import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';

// `report --engine duckdb` with segments and currencies: the same report as `--engine memory` on the same file
// and flags (the JSON's `input` notes and the engine's note line describe the engine, so they are left out).

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const directory = mkdtempSync(join(tmpdir(), 'customer-health-duckdb-cli-'));
function file(name: string, contents: string): string {
  const path = join(directory, name);
  writeFileSync(path, contents);
  return path;
}

/** Runs the report with both engines (the same file and flags) and returns both JSON reports without `input`. */
async function bothEngines(
  path: string,
  ...flags: string[]
): Promise<{ memory: Record<string, unknown>; duckdb: Record<string, unknown> }> {
  const memory = await run('report', path, '--json', '--engine', 'memory', ...flags);
  const duckdb = await run('report', path, '--json', '--engine', 'duckdb', ...flags);
  expect([memory.code, memory.stderr]).toEqual([0, '']);
  expect([duckdb.code, duckdb.stderr]).toEqual([0, '']);
  const { input: _memoryInput, ...memoryReport } = JSON.parse(memory.stdout);
  const { input: duckdbInput, ...duckdbReport } = JSON.parse(duckdb.stdout);
  expect(duckdbInput).toMatchObject({ engine: 'duckdb' });
  return { memory: memoryReport, duckdb: duckdbReport };
}

/** The text report of both engines, the DuckDB engine's own note line left out. */
async function bothTexts(path: string, ...flags: string[]): Promise<[string, string]> {
  const memory = await run('report', path, '--engine', 'memory', ...flags);
  const duckdb = await run('report', path, '--engine', 'duckdb', ...flags);
  expect([memory.code, duckdb.code]).toEqual([0, 0]);
  const engineNote = /^engine: DuckDB, MRR computed exactly at \d+ decimal places \(--mrr-scale \d+\)\n/m;
  expect(duckdb.stdout).toMatch(engineNote);
  return [memory.stdout, duckdb.stdout.replace(engineNote, '')];
}

// The worked example of the segments-and-currencies tests of runCli: berlin pays 100 EUR on Growth from
// January 15, then 150 EUR on Enterprise from March 10; acme pays 50 USD on Starter.
const BERLIN =
  'customer_id,start_date,end_date,mrr,currency,plan\nberlin,2024-01-15,2024-03-10,100,eur,Growth\nberlin,2024-03-10,,150,EUR,Enterprise\nacme,2024-01-01,,50,USD,Starter\n';
const BERLIN_RATES = 'currency,date,rate\nEUR,2024-01-01,1.10\nEUR,2024-02-01,1.20\nEUR,2024-03-01,1.00\n';

describe('report --engine duckdb: segments', () => {
  it('splits the movements by --segment-column as the memory engine does, transfers included', async () => {
    // a: Starter 100 from January, moves to Growth at 120 on March 1. b: Growth 50 from January 10, gone
    // March 20. March in Growth: b churned 50, a transferred in 120 -> ending 120; Starter: a transferred out 100.
    const path = file(
      'plans.csv',
      'customer_id,start_date,end_date,mrr,plan\na,2024-01-01,2024-03-01,100,Starter\na,2024-03-01,,120,Growth\nb,2024-01-10,2024-03-20,50,Growth\n',
    );
    const { memory, duckdb } = await bothEngines(path, '--segment-column', 'plan', '--to', '2024-03-31');
    expect(duckdb).toEqual(memory);
    const segments = duckdb.segments as { segment: string; periods: Record<string, string>[] }[];
    const march = Object.fromEntries(segments.map((one) => [one.segment, one.periods[2]!]));
    expect([
      march.Growth!.churnedMrr,
      march.Growth!.transferInMrr,
      march.Growth!.endingMrr,
      march.Starter!.transferOutMrr,
      march.Starter!.endingMrr,
    ]).toEqual(['50', '120', '120', '100', '0']);
    const [memoryText, duckdbText] = await bothTexts(path, '--segment-column', 'plan', '--to', '2024-03-31');
    expect(duckdbText).toBe(memoryText);
    expect(duckdbText).toContain('Segment Growth:');
  });

  it('refuses a blank segment and a segment column the file lacks, as the memory engine does', async () => {
    const path = file(
      'blank-plan.csv',
      'customer_id,start_date,end_date,mrr,plan\na,2024-01-01,,1,Starter\nb,2024-01-01,,1, \n',
    );
    for (const engine of ['memory', 'duckdb']) {
      const blank = await run('report', path, '--engine', engine, '--segment-column', 'plan');
      expect([blank.code, blank.stdout], engine).toEqual([1, '']);
      const absent = await run('report', path, '--engine', engine, '--segment-column', 'region');
      expect([absent.code, absent.stdout], engine).toEqual([1, '']);
      expect(absent.stderr).toContain('the header has no region column, the segment column named');
    }
    const blank = await run('report', path, '--engine', 'duckdb', '--segment-column', 'plan');
    expect(blank.stderr).toContain(
      '1 row(s) have no plan (the segment column named; every row needs one), e.g. customer b',
    );
  });
});

describe('report --engine duckdb: currencies', () => {
  it("converts a currency column at each row's start (periodStart), the memory engine's report", async () => {
    const path = file('berlin.csv', BERLIN);
    const rates = file('berlin-rates.csv', BERLIN_RATES);
    const flags = ['--to', '2024-03-31', '--currency', 'usd', '--rates', rates];
    const { memory, duckdb } = await bothEngines(path, ...flags);
    expect(duckdb).toEqual(memory);
    // Jan: 50 + 100 x 1.10 = 160. Feb: unchanged (periodStart). Mar: 50 + 150 x 1.00 = 200.
    const periods = duckdb.periods as Record<string, string>[];
    expect(periods.map((row) => row.endingMrr)).toEqual(['160', '160', '200']);
    expect(duckdb.currency).toEqual({ reporting: 'USD', rateDate: 'periodStart' });
    const [memoryText, duckdbText] = await bothTexts(path, ...flags);
    expect(duckdbText).toBe(memoryText);
  });

  it("revalues positions at each period's last day (snapshot), fx column included", async () => {
    const path = file('berlin-snapshot.csv', BERLIN);
    const rates = file('berlin-snapshot-rates.csv', BERLIN_RATES);
    const flags = ['--to', '2024-03-31', '--currency', 'USD', '--rates', rates, '--rate-date', 'snapshot'];
    const { memory, duckdb } = await bothEngines(path, ...flags);
    expect(duckdb).toEqual(memory);
    // berlin's 100 EUR: 110 on January 31, 120 on February 29 (fx +10); in March 150 EUR at 1.00 against 100 EUR
    // valued at 1.20 the month before (fx -20).
    const periods = duckdb.periods as Record<string, string>[];
    expect(periods.map((row) => row.fxImpactMrr)).toEqual(['0', '10', '-20']);
  });

  it('splits converted movements by segment under both rate dates', async () => {
    const path = file('berlin-plans.csv', BERLIN);
    const rates = file('berlin-plans-rates.csv', BERLIN_RATES);
    for (const rateDate of ['periodStart', 'snapshot']) {
      const flags = ['--to', '2024-03-31', '--currency', 'USD', '--rates', rates, '--rate-date', rateDate];
      const { memory, duckdb } = await bothEngines(path, ...flags, '--segment-column', 'plan');
      expect(duckdb, rateDate).toEqual(memory);
      expect((duckdb.segments as unknown[]).length).toBe(3);
    }
  });

  it('gives the memory engine report on the sample data: three plans, EUR and USD, both rate dates', async () => {
    const sample = 'examples/data/sample-subscriptions.csv';
    const rates = 'examples/data/exchange-rates.csv';
    for (const rateDate of ['periodStart', 'snapshot']) {
      const flags = [
        '--segment-column',
        'plan',
        '--currency',
        'USD',
        '--rates',
        rates,
        '--rate-date',
        rateDate,
      ];
      const { memory, duckdb } = await bothEngines(sample, ...flags);
      expect(duckdb, rateDate).toEqual(memory);
      expect((duckdb.cohorts as { cohorts: unknown[] }).cohorts.length).toBe(12);
      expect((duckdb.summary as Record<string, unknown>).trailingNetRevenueRetention).not.toBeNull();
    }
    const quarterly = [
      '--granularity',
      'quarter',
      '--from',
      '2024-03-15',
      '--currency',
      'USD',
      '--rates',
      rates,
    ];
    const { memory, duckdb } = await bothEngines(sample, ...quarterly, '--rate-date', 'snapshot');
    expect(duckdb).toEqual(memory);
  }, 30_000);

  it('reads the currency and segment columns of a Parquet file', async () => {
    const csv = file('berlin-source.csv', BERLIN);
    const parquet = join(directory, 'berlin.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT customer_id, start_date, end_date, CAST(mrr AS DECIMAL(18, 2)) AS mrr, currency, plan FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const rates = file('parquet-rates.csv', BERLIN_RATES);
    const flags = [
      '--json',
      '--to',
      '2024-03-31',
      '--currency',
      'USD',
      '--rates',
      rates,
      '--segment-column',
      'plan',
    ];
    const memory = JSON.parse((await run('report', csv, ...flags)).stdout);
    const duckdb = JSON.parse((await run('report', parquet, ...flags)).stdout);
    expect(duckdb.input.engine).toBe('duckdb');
    expect({ ...duckdb, input: null }).toEqual({ ...memory, input: null });
  });

  it('reads a file in one currency without --currency, as the memory engine does', async () => {
    const path = file(
      'euros.csv',
      'customer_id,start_date,end_date,mrr,currency_code\na,2024-01-01,,10,EUR\nb,2024-02-01,,5,eur\n',
    );
    const { memory, duckdb } = await bothEngines(path);
    expect(duckdb).toEqual(memory);
    expect((duckdb.summary as Record<string, unknown>).mrr).toBe('15');
  });

  it('never adds amounts of different currencies: without --currency, mixed currencies fail in both engines', async () => {
    const sample = await run('report', 'examples/data/sample-subscriptions.csv', '--engine', 'duckdb');
    expect(sample).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'customer-health: examples/data/sample-subscriptions.csv: rows are in EUR, USD (column currency) and no --currency says how to convert them (mixed_currencies): pass --currency CODE --rates FILE to convert them into one currency\n',
    });
    // A blank currency is the unnamed reporting currency: one more, as in the memory engine.
    const path = file(
      'half-named.csv',
      'customer_id,start_date,end_date,mrr,currency\na,2024-01-01,,10,USD\nb,2024-01-01,,5,\n',
    );
    for (const engine of ['memory', 'duckdb']) {
      const result = await run('report', path, '--engine', engine);
      expect([result.code, result.stdout], engine).toEqual([1, '']);
    }
    expect((await run('report', path, '--engine', 'duckdb')).stderr).toContain(
      'rows are in no currency, USD',
    );
  });

  it('refuses a currency cell that is not a code, as the memory engine does', async () => {
    const path = file('euro.csv', 'customer_id,start_date,end_date,mrr,currency\na,2024-01-01,,10,EURO\n');
    for (const engine of ['memory', 'duckdb']) {
      const result = await run('report', path, '--engine', engine);
      expect([result.code, result.stdout], engine).toEqual([1, '']);
    }
    expect((await run('report', path, '--engine', 'duckdb')).stderr).toContain(
      'not an ISO 4217 currency code (three letters, e.g. USD), e.g. customer a with EURO',
    );
  });

  it('refuses a conversion DECIMAL(38, mrrScale) would round, and is exact with the scale it names', async () => {
    // 10.25 EUR x 1.23457 has 2 + 5 = 7 decimal places: 12.6543425, more than --mrr-scale 6 holds.
    const path = file(
      'fine.csv',
      'customer_id,start_date,end_date,mrr,currency\na,2024-01-01,,10.25,EUR\nb,2024-01-01,,1,USD\n',
    );
    const rates = file('fine-rates.csv', 'currency,date,rate\nEUR,2024-01-01,1.23457\n');
    const flags = ['--currency', 'USD', '--rates', rates];
    const refused = await run('report', path, '--engine', 'duckdb', ...flags);
    expect([refused.code, refused.stdout]).toEqual([1, '']);
    expect(refused.stderr).toContain(
      'converted MRR needs up to 7 decimal places (MRR in another currency with 2, rates such as EUR 1.23457 on 2024-01-01 with 5), more than --mrr-scale 6 holds: run again with --mrr-scale 7; nothing was rounded',
    );
    const memory = JSON.parse((await run('report', path, '--json', ...flags)).stdout);
    const duckdb = JSON.parse(
      (await run('report', path, '--json', '--engine', 'duckdb', '--mrr-scale', '7', ...flags)).stdout,
    );
    expect(duckdb.summary).toEqual(memory.summary);
    expect(duckdb.summary.mrr).toBe('13.6543425');
  });

  it('refuses a rate DECIMAL(38, 12) would round, and products beyond 18 places', async () => {
    const path = file(
      'finer.csv',
      'customer_id,start_date,end_date,mrr,currency\na,2024-01-01,,10.1234567,EUR\n',
    );
    const long = file('long-rates.csv', 'currency,date,rate\nEUR,2024-01-01,1.0000000000001\n');
    const twelve = file('twelve-rates.csv', 'currency,date,rate\nEUR,2024-01-01,1.000000000001\n');
    const rounded = await run(
      'report',
      path,
      '--engine',
      'duckdb',
      '--mrr-scale',
      '18',
      '--currency',
      'USD',
      '--rates',
      long,
    );
    expect([rounded.code, rounded.stdout]).toEqual([1, '']);
    expect(rounded.stderr).toContain(
      'the rate EUR 1.0000000000001 on 2024-01-01 has 13 decimal places; --engine duckdb reads rates as DECIMAL(38, 12)',
    );
    // 7 places of MRR + 12 of the rate = 19 > 18, the largest scale.
    const beyond = await run(
      'report',
      path,
      '--engine',
      'duckdb',
      '--mrr-scale',
      '18',
      '--currency',
      'USD',
      '--rates',
      twelve,
    );
    expect([beyond.code, beyond.stdout]).toEqual([1, '']);
    expect(beyond.stderr).toContain('needs up to 19 decimal places');
    expect(beyond.stderr).toContain('more than 18 places, beyond --engine duckdb (use --engine memory)');
  });

  it('reports a rate missing on a row start as missing, in both engines', async () => {
    const path = file('early.csv', 'customer_id,start_date,end_date,mrr,currency\na,2023-12-01,,10,EUR\n');
    const rates = file('late-rates.csv', 'currency,date,rate\nEUR,2024-01-01,1.1\n');
    for (const engine of ['memory', 'duckdb']) {
      const result = await run('report', path, '--engine', engine, '--currency', 'USD', '--rates', rates);
      expect([result.code, result.stdout], engine).toEqual([1, '']);
      expect(result.stderr, engine).toMatch(/no EUR (→ USD )?rate (is )?in effect on 2023-12-01/);
    }
  });
});

describe('report --engine duckdb: a file without an end column', () => {
  it('reads every row as still active, as the memory engine does', async () => {
    // a pays 100 from January 10, then 40 more from February 5; b pays 70 from March 1. No row ever ends.
    const path = file(
      'no-end.csv',
      'customer_id,start_date,mrr\na,2024-01-10,100\na,2024-02-05,40\nb,2024-03-01,70\n',
    );
    const { memory, duckdb } = await bothEngines(path, '--to', '2024-03-31');
    expect(duckdb).toEqual(memory);
    const periods = duckdb.periods as Record<string, string>[];
    expect(periods.map((row) => [row.newMrr, row.expansionMrr, row.endingMrr])).toEqual([
      ['100', '0', '100'],
      ['0', '40', '140'],
      ['70', '0', '210'],
    ]);
  });
});
