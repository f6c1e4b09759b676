import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/runCli.js';

// Branches of the CLI's file reading (both engines) the other CLI tests leave.

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

const directory = mkdtempSync(join(tmpdir(), 'customer-health-cli-input-'));
function file(name: string, contents: string): string {
  const path = join(directory, name);
  writeFileSync(path, contents);
  return path;
}

describe('customer-health report: inputs it cannot read', () => {
  it('refuses FILE - where no standard input is given', async () => {
    const result = await run('report', '-');
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toContain('cannot read standard input here');
  });

  it('refuses a directory as FILE', async () => {
    const path = join(directory, 'a-directory');
    mkdirSync(path);
    const result = await run('report', path);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toContain(`cannot read ${path}: it is a directory`);
  });
});

describe('customer-health report --engine duckdb: refusals', () => {
  it('refuses amount + interval columns (no exact MRR in SQL)', async () => {
    const path = file(
      'amount.csv',
      'customer_id,start_date,end_date,amount,interval\na,2024-01-01,,120,year\n',
    );
    const result = await run('report', path, '--engine', 'duckdb');
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toContain('--engine duckdb reads an mrr column only');
  });

  it('refuses a path with a quote rather than put it in SQL', async () => {
    const path = file("o'brien.csv", 'customer_id,start_date,end_date,mrr\na,2024-01-01,,10\n');
    const result = await run('report', path, '--engine', 'duckdb');
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toContain('cannot read a path with quotes, backslashes or control characters');
  });

  it('names the bad row as the memory engine does, with --from, --as-of and --segment-column given', async () => {
    const path = file(
      'end-before-start.csv',
      'customer_id,subscription_id,start_date,end_date,mrr,plan\na,s1,2024-01-01,,10,pro\nb,s2,2024-03-01,2024-02-01,10,pro\n',
    );
    const result = await run(
      'report',
      path,
      '--engine',
      'duckdb',
      '--from',
      '2024-01-01',
      '--as-of',
      '2024-06-30',
      '--segment-column',
      'plan',
    );
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toContain(`${path}, row 3, column end_date`);
  });
});

describe('customer-health report --engine duckdb: edge inputs agree with the memory engine', () => {
  it('converts with no rate known yet under --rate-date snapshot when every row is in the reporting currency', async () => {
    const path = file(
      'usd-only.csv',
      'customer_id,start_date,end_date,mrr,currency\na,2024-01-01,,10,USD\nb,2024-01-15,,20,USD\n',
    );
    const rates = file('later-rates.csv', 'currency,date,rate\nEUR,2024-03-01,1.10\n');
    const flags = [
      '--as-of',
      '2024-01-31',
      '--currency',
      'USD',
      '--rates',
      rates,
      '--rate-date',
      'snapshot',
      '--json',
    ];
    const duckdb = await run('report', path, '--engine', 'duckdb', ...flags);
    const memory = await run('report', path, ...flags);
    expect([duckdb.code, duckdb.stderr]).toEqual([0, '']);
    const strip = (text: string) => {
      const { input: _input, ...report } = JSON.parse(text) as Record<string, unknown>;
      return report;
    };
    expect(strip(duckdb.stdout)).toEqual(strip(memory.stdout));
    expect((strip(duckdb.stdout) as { periods: { endingMrr: string }[] }).periods.at(-1)?.endingMrr).toBe(
      '30',
    );
  });
});
