import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { mrrMovements, trailingGrossRevenueRetention, trailingNetRevenueRetention } from '../../src/index.js';
import { buildReport } from '../../src/io/buildReport.js';

async function run(...argv: string[]) {
  return runWith({}, ...argv);
}

async function runWith(io: { stderrIsTTY?: boolean }, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...io,
  });
  return { code, stdout, stderr };
}

const directory = mkdtempSync(join(tmpdir(), 'customer-health-cli-'));
function file(name: string, contents: string): string {
  const path = join(directory, name);
  writeFileSync(path, contents);
  return path;
}

describe('customer-health report', () => {
  it('runs on the built-in sample data and prints every section', async () => {
    const { code, stdout, stderr } = await run('report');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const label of [
      'MRR',
      'ARPA',
      'LTV',
      'Trailing 12-month NRR',
      'CAC payback',
      'NPS, last 12 months',
      'Time to value',
    ]) {
      expect(stdout).toContain(label);
    }
    expect(stdout).toContain('as of 2026-10-31');
  });

  it('reports a small CSV with hand-computed numbers', async () => {
    // a pays 100 from January; b pays 50 in January and February only; a adds 30 in March.
    // Jan: new 150 (2 customers). Feb: nothing changes. Mar: b churned 50, a expanded 30 → 130.
    const path = file(
      'small.csv',
      'customer_id,subscription_id,start_date,end_date,mrr\na,a1,2024-01-01,,100\nb,b1,2024-01-05,2024-03-01,50\na,a2,2024-03-10,,30\n',
    );
    const { code, stdout } = await run('report', path, '--json', '--to', '2024-03-31');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(
      report.periods.map((row: { start: string; endingMrr: string }) => [row.start, row.endingMrr]),
    ).toEqual([
      ['2024-01-01', '150'],
      ['2024-02-01', '150'],
      ['2024-03-01', '130'],
    ]);
    expect(report.periods[2]).toMatchObject({ churnedMrr: '50', expansionMrr: '30', churnedCustomers: 1 });
    // Customer churn in March: 1 of 2 starting customers = 50 %.
    expect(report.periods[2].customerChurnRate).toBe('0.5');
    expect(report.summary.mrr).toBe('130');
  });

  it('reads the dbt MRR playbook column names', async () => {
    const path = file(
      'dbt.csv',
      'subscription_id,customer_id,start_date,end_date,monthly_amount\n1,1,2018-11-01,2019-02-01,50\n',
    );
    const { code, stdout } = await run('report', path, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).periods.at(-1)).toMatchObject({
      start: '2019-02-01',
      churnedMrr: '50',
      endingMrr: '0',
    });
  });

  it('names the file, row and column of a bad value, exits 1 and prints no report', async () => {
    const path = file(
      'bad.csv',
      'customer_id,start_date,end_date,mrr\na,2024-01-01,,100\nb,2024-01-05,,-5\n',
    );
    const { code, stdout, stderr } = await run('report', path);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('bad.csv, row 3, column mrr');
    expect(stderr).toContain('received "-5"');
  });

  it('lists every bad row of a file at once, one line each', async () => {
    const path = file(
      'many.csv',
      'customer_id,start_date,end_date,mrr\na,2024-01-01,,-1\nb,2024-01-05,,10\nc,2024-02-30,,10\n,2024-01-01,,5\n',
    );
    const { code, stderr } = await run('report', path);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('many.csv, row 2, column mrr');
    expect(lines[1]).toContain('many.csv, row 4, column start_date');
    expect(lines[2]).toContain('many.csv, row 5, column customer_id');
  });

  it('explains a missing column, an unreadable file, bad JSON and bad usage', async () => {
    expect((await run('report', file('cols.csv', 'who,when\na,2024-01-01\n'))).stderr).toMatch(
      /no customerId \/ customer_id \/ customer \/ Customer ID column/,
    );
    expect((await run('report', join(directory, 'missing.csv'))).stderr).toMatch(/cannot read/);
    expect((await run('report', file('bad.json', '{'))).stderr).toMatch(/not valid JSON/);
    expect((await run('report', file('shape.json', '{"rows": []}'))).stderr).toMatch(/"subscriptions"/);
    expect((await run('report', '--granularity', 'fortnight')).code).toBe(2);
    expect((await run('report', '--recent', '0')).code).toBe(2);
    expect((await run('report', '--bogus')).code).toBe(2);
    expect((await run('summarise')).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect(await run('--help')).toMatchObject({ code: 0 });
  });

  it('accepts JSON in the sample data shape and names the JSON path of a bad row', async () => {
    const good = file(
      'good.json',
      JSON.stringify({ subscriptions: [{ customerId: 'a', start: '2024-01-01', mrr: 10 }] }),
    );
    expect((await run('report', good, '--granularity', 'quarter')).code).toBe(0);
    const bad = file('bad-rows.json', JSON.stringify([{ customerId: 'a', start: '2024-02-30', mrr: 10 }]));
    expect((await run('report', bad)).stderr).toContain('subscriptions[0].start');
  });

  it('writes a self-contained HTML report with --html, byte-identical on every run, and still prints the text', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'customer-health-html-')), 'report.html');
    const first = await run('report', '--html', target, '--recent', '6');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('Trailing 12-month NRR');
    const html = readFileSync(target, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // Movements, movements by plan (the sample's segments), cohorts, health.
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).toContain('data: the built-in sample data');
    expect((await run('report', '--html', target, '--recent', '6')).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(html);
    expect(readdirSync(join(target, '..'))).toEqual(['report.html']);
    // --json and --html together: JSON on stdout, with the cohort matrix.
    const both = await run('report', '--json', '--html', target, '--recent', '3');
    expect(JSON.parse(both.stdout).cohorts.cohorts).toHaveLength(3);
  });

  it('writes no HTML file and no temporary file when the input is bad', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'customer-health-html-'));
    const bad = join(folder, 'bad.csv');
    writeFileSync(bad, 'customer_id,start_date,end_date,mrr\na,2024-01-01,,-5\n');
    const result = await run('report', bad, '--html', join(folder, 'report.html'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('bad.csv, row 2, column mrr');
    expect(readdirSync(folder)).toEqual(['bad.csv']);
  });

  it('reports an unwritable --html target with exit 1 and leaves nothing behind', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'customer-health-html-'));
    const missing = join(folder, 'no-such-folder', 'report.html');
    const result = await run('report', '--html', missing);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/cannot write .*report\.html/);
    // A directory in the way: the temporary file is written beside it, the rename fails, the temporary is removed.
    const taken = join(folder, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'inside.txt'), '');
    expect((await run('report', '--html', taken)).stderr).toMatch(/cannot write .*taken/);
    expect(readdirSync(folder)).toEqual(['taken']);
    expect((await run('report', '--html=')).code).toBe(2);
  });

  it('adds the cohort matrix and the lowest health scores (ties by customer id) to --json', async () => {
    const worst = { loginsPerWeek: 0, seatUtilization: 0, lastNps: 0, openTickets: 5, mrrGrowth: -0.5 };
    const path = file(
      'health.json',
      JSON.stringify({
        subscriptions: [
          { customerId: 'a', start: '2024-01-01', mrr: 10 },
          { customerId: 'b', start: '2024-02-01', mrr: 10 },
        ],
        healthMeasures: [
          { customerId: 'b', ...worst },
          { customerId: 'a', ...worst, loginsPerWeek: 10 },
          { customerId: 'c', ...worst },
          { customerId: 'b', ...worst },
        ],
      }),
    );
    const report = JSON.parse(
      (await run('report', path, '--json', '--to', '2024-03-31', '--recent', '2')).stdout,
    );
    // a scores 50 × 1/2 (logins full, seats 0) = 25 of the adoption group's 50 points; b, c and b score 0.
    expect(report.health.lowestScores).toEqual([
      { customerId: 'b', score: 0, band: 'red' },
      { customerId: 'b', score: 0, band: 'red' },
      { customerId: 'c', score: 0, band: 'red' },
      { customerId: 'a', score: 25, band: 'red' },
    ]);
    // --recent 2: the February and March cohorts; b joined in February and is still paying in March.
    expect(
      report.cohorts.cohorts.map(
        (row: { cohortStart: string; size: number; cells: { retention: string | null }[] }) => [
          row.cohortStart,
          row.size,
          row.cells.map((cell) => cell.retention),
        ],
      ),
    ).toEqual([
      ['2024-02-01', 1, ['1', '1']],
      ['2024-03-01', 0, [null]],
    ]);
  });
});

describe('customer-health report: files as spreadsheets write them, and the as-of day', () => {
  it('reads a JSON file with a byte order mark', async () => {
    const path = file(
      'bom.json',
      `\uFEFF${JSON.stringify([{ customerId: 'a', start: '2024-01-01', mrr: 10 }])}`,
    );
    const result = await run('report', path, '--json');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).summary.mrr).toBe('10');
  });

  it('skips CSV rows of only commas, says how many in text and JSON, and keeps spreadsheet row numbers', async () => {
    const text =
      'customer_id,start_date,end_date,mrr\r\na,2024-01-01,,100\r\n,,,\r\n , , , \r\nb,2024-01-05,,50\r\n,,,\r\n';
    const path = file('excel.csv', `\uFEFF${text}`);
    const json = await run('report', path, '--json');
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout);
    expect(report.summary.mrr).toBe('150');
    expect(report.input).toMatchObject({ engine: 'memory', blankRowsSkipped: 3 });
    expect((await run('report', path)).stdout).toContain('3 blank rows skipped (only commas or spaces)');
    // b is on spreadsheet row 5 (the blank rows 3 and 4 count), as the error says.
    const bad = await run('report', file('excel-bad.csv', text.replace(',50', ',-50')));
    expect(bad.stderr).toContain('excel-bad.csv, row 5, column mrr must be a number >= 0, received "-50"');
  });

  it('reads a billing export with amount and interval columns through normalizeToMrr', async () => {
    const path = file(
      'billing.csv',
      'customer_id,start_date,end_date,amount,interval\na,2024-01-01,,1200,year\nb,2024-01-01,,30,month\n',
    );
    const result = await run('report', path, '--json');
    expect(result.stderr).toBe('');
    // 1200 a year is 100 a month; with b's 30: MRR 130.
    expect(JSON.parse(result.stdout).summary.mrr).toBe('130');
    expect((await run('report', path)).stdout).toContain('MRR from amount and interval');
  });

  it('measures every granularity of the sample data on 2026-10-31 and marks a cut-short period partial', async () => {
    for (const granularity of ['day', 'week', 'month', 'quarter', 'year']) {
      const report = JSON.parse((await run('report', '--json', '--granularity', granularity)).stdout);
      expect(report.asOf).toBe('2026-10-31');
      expect(report.summary.lifetimeValue.slice(0, 7)).toBe('3920.24');
      expect(report.periods.at(-1).partial).toBe(
        granularity === 'week' || granularity === 'quarter' || granularity === 'year',
      );
    }
    const text = (await run('report', '--granularity', 'quarter')).stdout;
    expect(text).toContain('as of 2026-10-31');
    expect(text).toContain('2026-10-01 (partial)');
    expect(text).toContain('the last quarter is measured from 2026-10-01 to 2026-10-31');
    const target = join(mkdtempSync(join(tmpdir(), 'customer-health-html-')), 'report.html');
    await run('report', '--granularity', 'quarter', '--html', target);
    expect(readFileSync(target, 'utf8')).toContain('2026-10-01 (partial)');
  });

  it('takes --as-of (or --to) as the day to measure on, and refuses two different days', async () => {
    const path = file(
      'as-of.csv',
      'customer_id,start_date,end_date,mrr\na,2024-01-01,,100\nb,2024-01-10,2024-01-20,50\nc,2024-01-25,,10\n',
    );
    const report = JSON.parse((await run('report', path, '--json', '--as-of', '2024-01-15')).stdout);
    expect([report.asOf, report.summary.mrr, report.periods.at(-1).partial]).toEqual([
      '2024-01-15',
      '150',
      true,
    ]);
    expect(JSON.parse((await run('report', path, '--json', '--to', '2024-01-15')).stdout).asOf).toBe(
      '2024-01-15',
    );
    expect((await run('report', path, '--as-of', '2024-01-15', '--to', '2024-01-16')).code).toBe(2);
  });
});

describe('customer-health report --engine duckdb', () => {
  const csv =
    'customer_id,subscription_id,start_date,end_date,mrr\na,a1,2024-01-01,,100\nb,b1,2024-01-05,2024-03-01,50\na,a2,2024-03-10,,30\n';

  it('computes the same movements and cohort matrix as the in-memory engine', async () => {
    const path = file('engine.csv', csv);
    const memory = JSON.parse((await run('report', path, '--json', '--to', '2024-03-31')).stdout);
    const duck = await run('report', path, '--json', '--to', '2024-03-31', '--engine', 'duckdb');
    expect(duck.stderr).toBe('');
    const report = JSON.parse(duck.stdout);
    expect(report.periods).toEqual(memory.periods);
    expect(report.summary.mrr).toBe('130');
    // Nobody paid on 2023-03-31, twelve months before asOf: no trailing retention in either engine.
    expect(report.summary.trailingNetRevenueRetention).toBeNull();
    expect(memory.summary.trailingNetRevenueRetention).toBeNull();
    // The cohort matrix comes from cohortRetentionDuckDb over the same rows: cell for cell the in-memory one.
    expect(report.cohorts.cohorts.length).toBeGreaterThan(0);
    expect(report.cohorts).toEqual(memory.cohorts);
  });

  it('computes trailing 12-month NRR and GRR in DuckDB, equal to the in-memory report', async () => {
    // The example of trailingNetRevenueRetention: asOf 2024-06-30 (last day of the last period); on 2023-06-30
    // a and b pay 100 each; on 2024-06-30 a pays 150 and b nothing (c is new since). NRR = 150 / 200 = 0.75,
    // GRR = (min(150, 100) + 0) / 200 = 0.5.
    const path = file(
      'engine-trailing.csv',
      'customer_id,start_date,end_date,mrr\na,2023-01-01,2024-02-01,100\na,2024-02-01,,150\nb,2023-01-01,2023-09-01,100\nc,2023-12-01,,500\n',
    );
    const memory = JSON.parse((await run('report', path, '--json', '--to', '2024-06-30')).stdout);
    const duck = await run('report', path, '--json', '--to', '2024-06-30', '--engine', 'duckdb');
    expect(duck.stderr).toBe('');
    const report = JSON.parse(duck.stdout);
    expect(report.asOf).toBe('2024-06-30');
    expect([
      report.summary.trailingNetRevenueRetention,
      report.summary.trailingGrossRevenueRetention,
    ]).toEqual(['0.75', '0.5']);
    expect(report.summary).toEqual(memory.summary);
    expect(report.cohorts).toEqual(memory.cohorts);
    const text = await run('report', path, '--to', '2024-06-30', '--engine', 'duckdb');
    expect(text.stdout).toMatch(/Trailing 12-month NRR\s+75/);
  });

  it('refuses a file without rows (an empty report would read as a business at 0)', async () => {
    const path = file('engine-empty.csv', 'customer_id,start_date,end_date,mrr\n');
    const duck = await run('report', path, '--json', '--engine', 'duckdb');
    expect(duck.code).toBe(1);
    expect(duck.stdout).toBe('');
    expect(duck.stderr).toBe(`customer-health: ${path} has no subscription rows\n`);
  });

  it('picks DuckDB by itself for a Parquet file', async () => {
    const path = file('engine-source.csv', csv);
    const parquet = join(directory, 'engine.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT * FROM read_csv('${path}')) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const memory = JSON.parse((await run('report', path, '--json', '--to', '2024-03-31')).stdout);
    const report = JSON.parse((await run('report', parquet, '--json', '--to', '2024-03-31')).stdout);
    expect(report.periods).toEqual(memory.periods);
    expect(report.summary).toEqual(memory.summary);
  });

  it('reads the dbt playbook header names and rejects what it cannot read', async () => {
    const dbt = file(
      'engine-dbt.csv',
      'subscription_id,customer_id,start_date,end_date,monthly_amount\n1,1,2018-11-01,2019-02-01,50\n',
    );
    const report = JSON.parse((await run('report', dbt, '--json', '--engine', 'duckdb')).stdout);
    expect(report.periods.at(-1)).toMatchObject({ start: '2019-02-01', churnedMrr: '50' });
    expect(
      (
        await run(
          'report',
          file('no-start.csv', 'customer_id,end_date,mrr\na,2024-01-01,1\n'),
          '--engine',
          'duckdb',
        )
      ).stderr,
    ).toMatch(/no start \/ start_date \/ startDate \/ started_at \/ Start \(UTC\) column/);
    expect((await run('report', '--engine', 'duckdb')).code).toBe(2);
    expect((await run('report', file('x.json', '[]'), '--engine', 'duckdb')).code).toBe(2);
    expect((await run('report', '--engine', 'spark')).code).toBe(2);
    expect((await run('report', join(directory, 'absent.csv'), '--engine', 'duckdb')).stderr).toMatch(
      /cannot read/,
    );
  });
});

describe('customer-health report --engine duckdb: exact or refused, blank rows, progress', () => {
  it('refuses MRR with more decimal places than --mrr-scale, and is exact with a larger scale', async () => {
    const path = file(
      'tiny.csv',
      'customer_id,start_date,end_date,mrr\na,2024-01-01,,0.0000001\nb,2024-01-01,,5\n',
    );
    const refused = await run('report', path, '--engine', 'duckdb', '--to', '2024-01-31');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('1 row(s) hold MRR that --engine duckdb would round at --mrr-scale 6');
    expect(refused.stderr).toContain(
      'customer a with mrr 0.0000001, which needs 7 decimal places: run again with --mrr-scale 7',
    );
    const exact = await run(
      'report',
      path,
      '--engine',
      'duckdb',
      '--to',
      '2024-01-31',
      '--json',
      '--mrr-scale',
      '7',
    );
    expect(exact.stderr).toBe('');
    const report = JSON.parse(exact.stdout);
    const memory = JSON.parse((await run('report', path, '--to', '2024-01-31', '--json')).stdout);
    expect(report.periods).toEqual(memory.periods);
    expect([report.summary.mrr, report.summary.customers]).toEqual(['5.0000001', 2]);
    expect(report.input).toMatchObject({ engine: 'duckdb', mrrScale: 7 });
    const text = await run('report', path, '--engine', 'duckdb', '--to', '2024-01-31', '--mrr-scale', '7');
    expect(text.stdout).toContain('engine: DuckDB, MRR computed exactly at 7 decimal places (--mrr-scale 7)');
    // Exponent notation is read exactly (as the memory engine reads it): 1e-7 needs 7 places, as 0.0000001 does.
    const exponent = await run(
      'report',
      file('exp.csv', 'customer_id,start_date,end_date,mrr\na,2024-01-01,,1e-7\n'),
      '--engine',
      'duckdb',
    );
    expect(exponent.stderr).toContain('customer a with mrr 1e-7, which needs 7 decimal places');
    expect((await run('report', path, '--mrr-scale', '19', '--engine', 'duckdb')).code).toBe(2);
    // The as-of day is validated before it reaches SQL.
    const injected = await run('report', path, '--engine', 'duckdb', '--as-of', "2024-01-31' OR 1=1 --");
    expect(injected.code).toBe(2);
    // The message names the flag typed, not the option of the library.
    expect(injected.stderr).toContain('--as-of must be');
    expect((await run('report', path, '--mrr-scale', '7')).code).toBe(2);
  });

  it('skips rows of only commas as the in-memory engine does, and agrees with it at every granularity', async () => {
    const path = file(
      'engine-blank.csv',
      'customer_id,start_date,end_date,mrr\na,2024-01-01,,100\n,,,\n , , , \nb,2024-01-05,2024-05-03,50\nc,2024-02-10,,30\n',
    );
    for (const granularity of ['week', 'month', 'quarter']) {
      const memory = JSON.parse((await run('report', path, '--json', '--granularity', granularity)).stdout);
      const duck = JSON.parse(
        (await run('report', path, '--json', '--granularity', granularity, '--engine', 'duckdb')).stdout,
      );
      expect(duck.asOf).toBe('2024-05-03');
      expect(duck.periods).toEqual(memory.periods);
      expect(duck.summary).toEqual(memory.summary);
      expect(duck.input.blankRowsSkipped).toBe(2);
    }
  });

  it('writes nothing to stderr when it is not a terminal, or with --json; a TTY sees only the progress line', async () => {
    const path = file(
      'engine-quiet.csv',
      'customer_id,subscription_id,start_date,end_date,mrr\na,a1,2024-01-01,,100\nb,b1,2024-01-05,2024-03-01,50\n',
    );
    for (const io of [{}, { stderrIsTTY: false }, { stderrIsTTY: true }]) {
      const json = await runWith(io, 'report', path, '--json', '--engine', 'duckdb');
      expect(json).toMatchObject({ code: 0, stderr: '' });
    }
    const piped = await runWith({ stderrIsTTY: false }, 'report', path, '--engine', 'duckdb');
    expect(piped).toMatchObject({ code: 0, stderr: '' });
    const terminal = await runWith({ stderrIsTTY: true }, 'report', path, '--engine', 'duckdb');
    expect(terminal.code).toBe(0);
    // A fast query may finish before the first poll; whatever was drawn is progress, erased at the end.
    expect(terminal.stderr.replace(/\rDuckDB [a-zA-Z ]+: \d+ % */g, '').replaceAll('\r\u001b[2K', '')).toBe(
      '',
    );
  });
});

describe('buildReport from movements computed elsewhere', () => {
  const subscriptions = [
    { customerId: 'a', start: '2023-01-01', end: '2024-02-01', mrr: 100 },
    { customerId: 'a', start: '2024-02-01', mrr: 150 },
    { customerId: 'b', start: '2023-01-01', end: '2023-09-01', mrr: 100 },
  ];
  const movements = mrrMovements(subscriptions, { to: '2024-06-30' }).periods;

  it('uses trailing NRR/GRR measured on its own asOf, and no others', () => {
    // On 2024-06-30 against 2023-06-30: NRR = 150 / 200 = 0.75, GRR = 100 / 200 = 0.5.
    const on = (asOf: string) => ({
      net: trailingNetRevenueRetention(subscriptions, { asOf }),
      gross: trailingGrossRevenueRetention(subscriptions, { asOf }),
    });
    const right = buildReport({ movements, trailingRevenueRetention: on('2024-06-30') }).summary;
    expect([String(right.trailingNetRevenueRetention), String(right.trailingGrossRevenueRetention)]).toEqual([
      '0.75',
      '0.5',
    ]);
    const wrong = buildReport({ movements, trailingRevenueRetention: on('2024-05-31') }).summary;
    expect([wrong.trailingNetRevenueRetention, wrong.trailingGrossRevenueRetention]).toEqual([null, null]);
    expect(buildReport({ movements }).summary.trailingNetRevenueRetention).toBeNull();
  });
});

describe('customer-health report: segments and currencies flags', () => {
  const rows =
    'customer_id,start_date,end_date,mrr,currency,plan\na,2024-01-01,,100,USD,Starter\nb,2024-01-01,,90,EUR,Growth\n';

  it('refuses bad or incomplete flags with exit 2 and a message saying what to pass', async () => {
    const path = file('flags.csv', rows);
    const rates = file('flags-rates.csv', 'currency,date,rate\nEUR,2024-01-01,1.1\n');
    const cases: [string[], string][] = [
      [['--currency', 'US'], '--currency must be an ISO 4217 code of three letters (e.g. USD), received US'],
      [['--currency', 'USD'], '--currency needs --rates FILE'],
      [['--rates', rates], '--rates needs --currency'],
      [
        ['--currency', 'USD', '--rates', rates, '--rate-date', 'daily'],
        '--rate-date must be periodStart or snapshot, received daily',
      ],
      [['--rate-date', 'snapshot'], '--rate-date applies with --currency and --rates only'],
      [['--segment-column', ' '], '--segment-column needs a column name'],
      [['--segments', 'plan'], "Unknown option '--segments'"],
    ];
    for (const [flags, message] of cases) {
      const result = await run('report', path, ...flags);
      expect([result.code, result.stdout], flags.join(' ')).toEqual([2, '']);
      expect(result.stderr, flags.join(' ')).toContain(message);
    }
    for (const flags of [
      ['--segment-column', 'plan'],
      ['--currency', 'USD', '--rates', rates],
    ]) {
      const result = await run('report', ...flags);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('the built-in sample data comes with its plans as segments');
    }
  });

  it('names the rates file, row and column of every bad rate, and an unreadable rates file', async () => {
    const path = file('rated.csv', rows);
    const rates = file('bad-rates.csv', 'currency,date,rate\nEUR,2024-01-01,0\nEURO,2024-02-01,1\n');
    const result = await run('report', path, '--currency', 'USD', '--rates', rates);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `customer-health: ${rates}, row 2, column rate must be a number > 0, received "0"`,
      `customer-health: ${rates}, row 3, column currency must be an ISO 4217 currency code (three letters, e.g. USD), received "EURO"`,
    ]);
    const missing = await run('report', path, '--currency', 'USD', '--rates', join(directory, 'none.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^customer-health: cannot read .*none\.csv/);
  });

  it('names the row and column of a blank segment and of a segment column the file lacks', async () => {
    const path = file(
      'segments.csv',
      'customer_id,start_date,mrr,plan\na,2024-01-01,1,Starter\nb,2024-01-01,1,\n',
    );
    const blank = await run('report', path, '--segment-column', 'plan');
    expect([blank.code, blank.stderr]).toEqual([
      1,
      `customer-health: ${path}, row 3, column plan must be a non-empty text, received ""\n`,
    ]);
    const absent = await run('report', path, '--segment-column', 'region');
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('the header has no region column, the segment column named');
  });
});

describe('customer-health report: segments and currencies end to end', () => {
  it('reports the sample data per plan and in USD by default, and under --rate-date snapshot with an fx column', async () => {
    const { code, stdout, stderr } = await run('report');
    expect([code, stderr]).toEqual([0, '']);
    for (const text of [
      "money in USD: other currencies converted at the rate in effect on each row's start (periodStart",
      'Segment Enterprise: movements and transfers between segments',
      'Segment Growth:',
      'Segment Starter:',
      'transfer in',
      'MRR (USD)',
      'MRR in Growth',
    ]) {
      expect(stdout).toContain(text);
    }
    const snapshot = await run('report', '--rate-date', 'snapshot', '--json');
    const report = JSON.parse(snapshot.stdout);
    expect(report.currency).toEqual({ reporting: 'USD', rateDate: 'snapshot' });
    expect(report.segments.map((segment: { segment: string }) => segment.segment)).toEqual([
      'Enterprise',
      'Growth',
      'Starter',
    ]);
    expect(report.periods.some((row: { fxImpactMrr: string }) => row.fxImpactMrr !== '0')).toBe(true);
    const text = (await run('report', '--rate-date', 'snapshot')).stdout;
    expect(text).toMatch(/churned\s+fx\s+end MRR/);
  });

  it('reads a currency column, a rates file and a segment column: the worked example in USD', async () => {
    const path = file(
      'berlin.csv',
      'customer_id,start_date,end_date,mrr,currency,plan\nberlin,2024-01-15,2024-03-10,100,eur,Growth\nberlin,2024-03-10,,150,EUR,Enterprise\nacme,2024-01-01,,50,USD,Starter\n',
    );
    const rates = file(
      'berlin-rates.csv',
      'currency,date,rate\nEUR,2024-01-01,1.10\nEUR,2024-02-01,1.20\nEUR,2024-03-01,1.00\n',
    );
    const args = ['report', path, '--json', '--to', '2024-03-31', '--currency', 'usd', '--rates', rates];
    const periodStart = JSON.parse((await run(...args, '--segment-column', 'plan')).stdout);
    // Jan: 50 + 100 × 1.10 = 160. Mar: berlin moves Growth (110) → Enterprise (150 × 1.00): transfers, +40 total.
    expect(periodStart.periods.map((row: { endingMrr: string }) => row.endingMrr)).toEqual([
      '160',
      '160',
      '200',
    ]);
    expect(periodStart.periods[2].expansionMrr).toBe('40');
    const march = Object.fromEntries(
      periodStart.segments.map((s: { segment: string; periods: Record<string, string>[] }) => [
        s.segment,
        s.periods[2],
      ]),
    );
    expect([march.Growth.transferOutMrr, march.Enterprise.transferInMrr, march.Starter.endingMrr]).toEqual([
      '110',
      '150',
      '50',
    ]);
    expect(periodStart.input).toMatchObject({ rates, segmentColumn: 'plan' });
    const snapshot = JSON.parse((await run(...args, '--rate-date', 'snapshot')).stdout);
    expect(snapshot.periods.map((row: { fxImpactMrr: string }) => row.fxImpactMrr)).toEqual([
      '0',
      '10',
      '-20',
    ]);
    expect(snapshot.segments).toBeNull();
  });

  it('names the file row of a subscription without a rate in effect', async () => {
    const path = file('early.csv', 'customer_id,start_date,mrr,currency\na,2023-12-01,10,EUR\n');
    const rates = file('late-rates.csv', 'currency,date,rate\nEUR,2024-01-01,1.1\n');
    const result = await run('report', path, '--currency', 'USD', '--rates', rates);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^customer-health: ${path.replaceAll('.', '\\.')}, row 2, column currency: `),
    );
  });

  it('writes the segment chart and tables into --html', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'customer-health-html-')), 'report.html');
    expect((await run('report', '--html', target)).code).toBe(0);
    const html = readFileSync(target, 'utf8');
    expect(html).toContain('<h2>MRR movements by segment</h2>');
    expect(html).toContain('<h3>Starter</h3>');
    expect(html).toContain('<th>transfer out</th>');
  });
});
