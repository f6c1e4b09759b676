import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { duckDbMovements } from '../../src/cli/duckDbMovements.js';
import { readInputFile } from '../../src/cli/readInputFile.js';
import { runCli } from '../../src/cli/runCli.js';
import { MetricInputError } from '../../src/core/errors.js';

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
    // The same message as the memory engine's, naming the row and column.
    const blank = await run('report', path, '--engine', 'duckdb', '--segment-column', 'plan');
    expect(blank.stderr).toBe(
      (await run('report', path, '--engine', 'memory', '--segment-column', 'plan')).stderr,
    );
    expect(blank.stderr).toContain('row 3, column plan');
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
    // The same message as the memory engine's, naming the row and column.
    const duckdb = (await run('report', path, '--engine', 'duckdb')).stderr;
    expect(duckdb).toBe((await run('report', path, '--engine', 'memory')).stderr);
    expect(duckdb).toContain('row 2, column currency');
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

// Issue #25: the DuckDB engine reported rows the memory engine refuses (negative or blank MRR, a blank start, a
// blank customer counted as a customer, an end before the start, overlapping periods of one subscription, dates
// like 2024-2-5). Each file of this corpus runs through both engines: the same exit code, the same stderr (the
// same rows refused with the same messages), and for a good file the same report.
const HEADER = 'customer_id,subscription_id,start_date,end_date,mrr\n';
const CORPUS: Record<string, string> = {
  'negative MRR': `${HEADER}a,s1,2024-01-01,,-5\nb,s2,2024-01-01,,10\n`,
  'blank MRR': `${HEADER}a,s1,2024-01-01,,\nb,s2,2024-01-01,,10\n`,
  'MRR that is not a number': `${HEADER}a,s1,2024-01-01,,ten\nb,s2,2024-01-01,,0x1f\n`,
  'blank start': `${HEADER}a,s1,,,10\n`,
  'blank customer ids': `${HEADER},s1,2024-01-01,,10\n  ,s2,2024-01-01,,10\nc,s3,2024-01-01,,10\n`,
  'an end before the start': `${HEADER}a,s1,2024-02-01,2024-01-01,10\nb,s2,2024-03-01,2024-02-01,10\n`,
  'overlapping periods of one subscription': `${HEADER}a,s1,2024-01-01,2024-03-01,10\na,s1,2024-02-01,,20\n`,
  'a date 2024-2-5': `${HEADER}a,s1,2024-2-5,,10\n`,
  'a date 2024/02/05': `${HEADER}a,s1,2024/02/05,,10\n`,
  'February 30': `${HEADER}a,s1,2024-02-30,,10\n`,
  'a bad end date': `${HEADER}a,s1,2024-02-01,2024-13-01,10\n`,
  'a date with a time of day and a bad time': `${HEADER}a,s1,2024-02-05T25:00:00,,10\n`,
  'bad rows after blank and empty lines': `${HEADER}a,s1,2024-01-01,,10\n\n,,,,\nb,s2,2024-13-01,,10\nc,s3,2024-01-01,,-1\n`,
  'too many cells': `${HEADER}a,s1,2024-01-01,,10,extra\n`,
  'more bad rows than are listed':
    HEADER + Array.from({ length: 120 }, (_, i) => `c${i},s${i},2024-01-01,,-${i + 1}`).join('\n'),
  'a tab-separated file':
    'customer_id\tstart_date\tend_date\tmrr\na\t2024-01-01\t\t10.5\nb\t2024-01-01\t\t-1\n',
  "a semicolon file with Stripe's header names and a decimal comma":
    'Customer ID;Start (UTC);Ended At (UTC);mrr\na;2024-01-01;;10,5\n',
  'a misspelt column': 'customer_id,start_date,ned_date,mrr\na,2024-01-01,,1\n',
  'a quoted line break before a bad row': `${HEADER}"a\nb",s1,2024-01-01,,1\nc,s2,2024-01-01,,-1\n`,
  // A file with no header row: the memory reader's one error, not DuckDB's missing columns.
  'an empty file': '',
  'only blank lines': '\n\r\n  \n',
  // Good files: the same report from both engines.
  'a good tab-separated file':
    'customer_id\tstart_date\tend_date\tmrr\na\t2024-01-01\t\t10.5\nb\t2024-01-01\t\t1\n',
  "a good semicolon file with Stripe's header names":
    'Customer ID;Start (UTC);Ended At (UTC);mrr\na;2024-01-01;;10.5\nb;2024-01-01;2024-02-01;1\n',
  // DuckDB's parallel scanner refused quoted line breaks with null_padding; the memory reader reads them.
  'a quoted line break (LF)': `${HEADER}a,s1,2024-01-01,,100\n"b\nx",s2,2024-01-01,,5\n`,
  'a quoted line break (CRLF)': `${HEADER.replace('\n', '\r\n')}a,s1,2024-01-01,,100\r\n"b\r\nx",s2,2024-01-01,,5\r\n`,
  'an end on the start day': `${HEADER}a,s1,2024-02-01,2024-02-01,10\nb,s2,2024-01-01,,5\n`,
  'zero-length periods inside a period of their subscription': `${HEADER}a,s1,2024-01-01,2024-03-01,10\na,s1,2024-02-01,2024-02-01,20\na,s1,2024-01-01,2024-01-01,5\n`,
  'periods of one subscription that touch': `${HEADER}a,s1,2024-01-01,2024-02-01,10\na,s1,2024-02-01,,20\n`,
  'overlapping periods without a subscription id':
    'customer_id,start_date,end_date,mrr\na,2024-01-01,2024-03-01,10\na,2024-02-01,,20\n',
  'date-times with and without an offset': `${HEADER}a,s1,2024-01-31T23:30:00-05:00,,10\nb,s2,2024-02-05 10:00:00,2024-03-01T00:00:00Z,7\n`,
  'zero written -0 and padded cells': `${HEADER}a,s1,2024-01-01,,-0\n b , s2 , 2024-01-01 ,, 1.50 \nc,s3,2024-01-01,,+2.\n`,
  // Exponent notation, read by both engines as toDecimal reads it (DuckDB refused it as "not a plain decimal").
  'MRR in exponent notation': `${HEADER}a,s1,2024-01-01,,1e-6\nb,s2,2024-01-01,,2.5E3\nc,s3,2024-01-01,,1e2\nd,s4,2024-01-01,,-0e0\ne,s5,2024-01-01,,+.5e+1\nf,s6,2024-02-01,,12345678E-4\ng,s7,2024-02-01,,0.000000000000000000000000000000000000000000000000000000000000000000000000001e75\nh,s8,2024-02-01,,0e999999999999999999999999999999999999999\ni,s9,2024-02-01,,9.99999999999999999999e19\nj,s10,2024-02-01,,1E-0006\n`,
  // Beyond toDecimal's limits (below 10^21, at most 60 decimal places), written either way.
  'MRR of 10^21 and more': `${HEADER}a,s1,2024-01-01,,1e21\nb,s2,2024-01-01,,1000000000000000000000\nc,s3,2024-01-01,,0.1e22\nd,s4,2024-01-01,,1e999999999999999999999999\ne,s5,2024-01-01,,10\n`,
  'MRR with more than 60 decimal places': `${HEADER}a,s1,2024-01-01,,1e-61\nb,s2,2024-01-01,,0.${'0'.repeat(60)}1\nc,s3,2024-01-01,,100e-63\nd,s4,2024-01-01,,1e-999999999999999999999999\ne,s5,2024-01-01,,10\n`,
  'negative MRR in exponent notation': `${HEADER}a,s1,2024-01-01,,-1e2\nb,s2,2024-01-01,,-0.5E-1\nc,s3,2024-01-01,,1e2.5\nd,s4,2024-01-01,,e5\ne,s5,2024-01-01,,10\n`,
};

describe('report --engine duckdb: refuses exactly the rows the memory engine refuses, with its messages', () => {
  it.each(Object.entries(CORPUS))('%s', async (name, contents) => {
    const path = file(`corpus-${name.replaceAll(/[^a-z0-9]+/gi, '-')}.csv`, contents);
    const memory = await run('report', path, '--engine', 'memory', '--json');
    const duckdb = await run('report', path, '--engine', 'duckdb', '--json');
    expect(duckdb.stderr).toBe(memory.stderr);
    expect(duckdb.code).toBe(memory.code);
    if (memory.code === 0) {
      const { input: _memoryInput, ...memoryReport } = JSON.parse(memory.stdout);
      const { input: _duckdbInput, ...duckdbReport } = JSON.parse(duckdb.stdout);
      expect(duckdbReport).toEqual(memoryReport);
    } else {
      expect([memory.stdout, duckdb.stdout]).toEqual(['', '']);
      expect(duckdb.stderr).toMatch(/^customer-health: /);
    }
  });

  it('refuses MRR in exponent notation that needs more places than --mrr-scale, as it does a plain one', async () => {
    const path = file('exponent-places.csv', `${HEADER}a,s1,2024-01-01,,1e-7\nb,s2,2024-01-01,,2.5E3\n`);
    const result = await run('report', path, '--engine', 'duckdb');
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toBe(
      `customer-health: ${path}: 1 row(s) hold MRR that --engine duckdb would round at --mrr-scale 6 (DECIMAL(38, 6)), e.g. customer a with mrr 1e-7, which needs 7 decimal places: run again with --mrr-scale 7; nothing was rounded\n`,
    );
    const memory = await run('report', path, '--json', '--engine', 'memory');
    const duckdb = await run('report', path, '--json', '--engine', 'duckdb', '--mrr-scale', '7');
    expect([memory.code, memory.stderr, duckdb.code, duckdb.stderr]).toEqual([0, '', 0, '']);
    const { input: _memoryInput, ...memoryReport } = JSON.parse(memory.stdout);
    const { input: _duckdbInput, ...duckdbReport } = JSON.parse(duckdb.stdout);
    expect(duckdbReport).toEqual(memoryReport);
    expect(duckdbReport.periods[0].endingMrr).toBe('2500.0000001');
  });

  it('counts no blank customer as a customer and no negative MRR: the file is refused, not reported', async () => {
    const path = file('blank-customer.csv', `${HEADER} ,s1,2024-01-01,,10\nb,s2,2024-01-01,,-10\n`);
    const result = await run('report', path, '--engine', 'duckdb');
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr.trim().split('\n')).toEqual([
      `customer-health: ${path}, row 2, column customer_id must be a non-empty text, received ""`,
      `customer-health: ${path}, row 3, column mrr must be a number >= 0, received "-10"`,
    ]);
  });
});

describe('report --engine duckdb: bad rows of a file the memory engine does not read', () => {
  const options = { granularity: 'month', mrrScale: 6, cohortPeriods: 12 } as const;
  const messages = (error: unknown) => (error as MetricInputError).issues.map((issue) => issue.message);

  it("names the rows DuckDB found with the reader's own messages (a CSV past exactMessagesUpTo)", async () => {
    const path = file(
      'large-bad.csv',
      `${HEADER}a,s1,2024-01-01,,-5\n,s2,2024-01-01,,10\nc,s3,2024-2-5,,10\nd,s4,2024-01-01,,10,extra\ne,s5,2024-01-01,,7\n`,
    );
    const memory = (() => {
      try {
        readInputFile(path);
      } catch (error) {
        return error;
      }
    })();
    const duckdb = await duckDbMovements(path, { ...options, exactMessagesUpTo: 0 }).catch((error) => error);
    expect(duckdb).toBeInstanceOf(MetricInputError);
    expect(messages(duckdb).slice(0, 3)).toEqual(messages(memory).slice(0, 3));
    expect(messages(duckdb)).toEqual([
      'row 2, column mrr must be a number >= 0, received "-5"',
      'row 3, column customer_id must be a non-empty text, received ""',
      expect.stringMatching(
        /^row 4, column start_date must be a calendar date 'YYYY-MM-DD'.*received "2024-2-5"$/,
      ),
      "row 5 has more cells than the header's 5",
    ]);
  });

  it('counts ends before starts and overlaps it cannot name by row', async () => {
    const path = file(
      'large-overlap.csv',
      `${HEADER}a,s1,2024-02-01,2024-01-01,10\nb,s2,2024-01-01,2024-03-01,10\nb,s2,2024-02-01,,20\n`,
    );
    const error = await duckDbMovements(path, { ...options, exactMessagesUpTo: 0 }).catch((caught) => caught);
    expect((error as Error).message).toBe(
      `${path}: 1 row(s) end before they start (end_before_start), 1 row(s) overlap an earlier period of the same subscription (overlapping_periods); the in-memory engine refuses them too`,
    );
  });

  it("refuses a bad row of a Parquet file with the reader's message, naming its row", async () => {
    const csv = file('bad-source.csv', `${HEADER}a,s1,2024-01-01,,10\nb,s2,2024-01-01,,-5\n`);
    const parquet = join(directory, 'bad.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const result = await run('report', parquet);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toBe(
      `customer-health: ${parquet}, row 2, column mrr must be a number >= 0, received "-5"\n`,
    );
  });
});
