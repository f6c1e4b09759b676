import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CliIo, flagWording, runCli } from '../../src/cli/runCli.js';
import { USAGE } from '../../src/cli/usage.js';

// Issue #25 for the command line: standard input is an input too, flags are named as flags, an empty file is
// refused, and one rule picks the exit code.

async function runWith(io: Partial<CliIo>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...io,
  });
  return { code, stdout, stderr };
}
const run = (...argv: string[]) => runWith({}, ...argv);
const directory = mkdtempSync(join(tmpdir(), 'customer-health-cli-refusals-'));
function file(name: string, contents: string): string {
  const path = join(directory, name);
  writeFileSync(path, contents);
  return path;
}
const rows = 'customer_id,start_date,end_date,mrr\na,2024-01-01,,10\n';

describe('customer-health report -: standard input redirected from a file is an input', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  function executable(stdin: number, ...argv: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/customerHealth.ts', ...argv], {
      cwd: root,
      stdio: [stdin, 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.resume();
    return new Promise<{ code: number | null; stderr: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, stderr })),
    );
  }

  it('refuses --html naming the file stdin reads (< in.csv), which stays as it was', async () => {
    const path = file('in4.csv', rows);
    const result = await executable(
      openSync(path, 'r'),
      'report',
      '-',
      '--as-of',
      '2024-04-01',
      '--html',
      path,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is an input of this report (standard input)');
    expect(readFileSync(path, 'utf8')).toBe(rows);
  }, 30_000);

  it('refuses --html naming the file --rates - reads', async () => {
    const data = file('rated.csv', 'customer_id,start_date,mrr,currency\na,2024-01-01,10,EUR\n');
    const rates = file('rates4.csv', 'currency,date,rate\nEUR,2024-01-01,1.1\n');
    const result = await executable(
      openSync(rates, 'r'),
      'report',
      data,
      '--currency',
      'USD',
      '--rates',
      '-',
      '--html',
      rates,
    );
    expect(result.code).toBe(2);
    expect(readFileSync(rates, 'utf8')).toBe('currency,date,rate\nEUR,2024-01-01,1.1\n');
  }, 30_000);
});

describe('customer-health report --html -', () => {
  it('is refused with exit 2: no file named -', async () => {
    const result = await run('report', '--html', '-');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--html needs a file name; '-' (standard output) is not supported");
    expect(USAGE).toContain('--html -');
  });
});

describe('customer-health report: messages name flags, never library options', () => {
  it('--keep-column for a misspelt column', async () => {
    const path = file('ned.csv', 'customer_id,start_date,ned_date,mrr\na,2024-01-01,x,10\n');
    const result = await run('report', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--keep-column ned_date');
    expect(result.stderr).not.toContain('keepColumns');
  });

  it('--keep-column for a quantity column', async () => {
    const path = file(
      'quantity.csv',
      'customer_id,start_date,amount,interval,quantity\na,2024-01-01,10,month,2\n',
    );
    const result = await run('report', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--keep-column quantity');
    expect(result.stderr).not.toContain('keepColumns');
  });

  it('--number-format for a formatted amount', async () => {
    const path = file('formatted.csv', 'customer_id,start_date,mrr\na,2024-01-01,"1,200.00"\n');
    const result = await run('report', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--number-format 1,234.56');
    expect(result.stderr).not.toContain('numberFormat');
  });

  it('--from, --as-of, --recent and --rate-date for too much work', async () => {
    expect(
      flagWording(
        "2024-01-01 to 2024-12-31 at granularity 'day' is 9 periods: use a coarser granularity, a later `from` or an earlier `to`",
      ),
    ).toBe(
      "2024-01-01 to 2024-12-31 at granularity 'day' is 9 periods: use a coarser granularity, a later --from or an earlier --as-of",
    );
    expect(flagWording("use a coarser granularity, an earlier `to`, or rateDate 'periodStart'")).toBe(
      'use a coarser granularity, an earlier --as-of, or --rate-date periodStart',
    );
    expect(flagWording('pass keepColumns: ["ned date"] if it is other data')).toBe(
      "pass --keep-column 'ned date' if it is other data",
    );
    expect(
      flagWording(
        '--recent (500) asks for 500 periods: use a smaller cohortPeriods or a coarser granularity',
      ),
    ).toBe('--recent (500) asks for 500 periods: use a smaller --recent or a coarser granularity');
  });
});

describe('customer-health report: a file without subscription rows is refused', () => {
  for (const [name, contents] of [
    ['header.csv', 'customer_id,start_date,end_date,mrr\n'],
    ['array.json', '[]'],
    ['object.json', '{"subscriptions":[]}'],
  ] as const) {
    it(name, async () => {
      const path = file(name, contents);
      const result = await run('report', path, '--as-of', '2024-04-01');
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`customer-health: ${path} has no subscription rows\n`);
    });
  }

  it('with --engine duckdb too (no --as-of)', async () => {
    const path = file('duckdb-header.csv', 'customer_id,start_date,end_date,mrr\n');
    const result = await run('report', path, '--engine', 'duckdb');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`customer-health: ${path} has no subscription rows\n`);
  });

  it('from standard input too', async () => {
    const readStdin = async () => new TextEncoder().encode('customer_id,start_date,end_date,mrr\n');
    const result = await runWith({ readStdin }, 'report', '-');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('customer-health: standard input has no subscription rows\n');
  });
});

describe('customer-health report: a bad flag value is bad usage (2), bad data in a file is bad input (1)', () => {
  it('gives 2 for every bad flag value, before or after reading the file', async () => {
    const path = file('usage.csv', rows);
    for (const argv of [
      ['--recent', '0'],
      ['--recent', '1.5'],
      ['--as-of', '2024-02-30'],
      ['--from', '2024-02-30'],
      ['--gross-margin', '1.5'],
      ['--time-zone', 'Mars/Olympus'],
    ]) {
      const result = await run('report', path, ...argv);
      expect([argv, result.code]).toEqual([argv, 2]);
    }
    expect((await run('report', path, '--engine', 'duckdb', '--mrr-scale', '19')).code).toBe(2);
  });

  it('gives 1 for bad data', async () => {
    const result = await run('report', file('negative.csv', 'customer_id,start_date,mrr\na,2024-01-01,-5\n'));
    expect(result.code).toBe(1);
  });

  it('says so in the help', () => {
    expect(USAGE).toContain('2 bad usage (a flag or a flag value');
  });
});

describe('customer-health --help: --engine duckdb', () => {
  it('says which flags the DuckDB engine does not take', () => {
    expect(USAGE).toMatch(/--time-zone, --end-inclusive and\s+--number-format/);
  });
});
