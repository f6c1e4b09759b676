import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/runCli.js';

// Branches of the report command the other CLI tests leave: usage refusals, as-of rules, --html targets.

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

const directory = mkdtempSync(join(tmpdir(), 'customer-health-cli-branches-'));
function file(name: string, contents: string): string {
  const path = join(directory, name);
  writeFileSync(path, contents);
  return path;
}
const rows = 'customer_id,start_date,end_date,mrr\na,2024-01-01,,10\nb,2024-02-01,2024-03-15,20\n';

describe('customer-health report: usage refusals', () => {
  it('refuses an unknown --encoding, listing the known ones', async () => {
    const result = await run('report', file('enc.csv', rows), '--encoding', 'klingon');
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain('--encoding must be one of');
    expect(result.stderr).toContain('received klingon');
  });

  it('says "apply" when two reader flags are given to the DuckDB engine', async () => {
    const result = await run(
      'report',
      file('two.csv', rows),
      '--engine',
      'duckdb',
      '--delimiter',
      ';',
      '--end-inclusive',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--delimiter, --end-inclusive apply to a FILE read by the in-memory engine',
    );
  });

  it('refuses --encoding without a FILE', async () => {
    const result = await run('report', '--encoding', 'utf-8');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--encoding applies to a FILE');
  });

  it('refuses FILE and --rates both read from standard input', async () => {
    const result = await run('report', '-', '--currency', 'USD', '--rates', '-');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('FILE and --rates cannot both be - (standard input)');
  });

  it("passes parseArgs's own message for a flag missing its value", async () => {
    const result = await run('report', file('missing.csv', rows), '--as-of');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Option '--as-of <value>' argument missing");
  });
});

describe('customer-health report: the as-of day', () => {
  it('reports as of today when the data runs past it, and says so', async () => {
    const path = file('future.csv', 'customer_id,start_date,end_date,mrr\na,2024-01-01,2030-06-30,10\n');
    const result = await runWith({ today: () => '2024-03-10' }, 'report', path);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('as of 2024-03-10 (today; the data runs to 2030-06-30)');
    const json = await runWith({ today: () => '2024-03-10' }, 'report', path, '--json');
    const parsed = JSON.parse(json.stdout) as {
      asOf: string;
      input: { asOfRule: string; dataRunsTo: string };
    };
    expect([parsed.asOf, parsed.input.asOfRule, parsed.input.dataRunsTo]).toEqual([
      '2024-03-10',
      'today',
      '2030-06-30',
    ]);
  });

  it('reports a file of one blank row in the singular', async () => {
    const path = file('oneblank.csv', 'customer_id,start_date,end_date,mrr\na,2024-01-01,,10\n,,,\n');
    const result = await run('report', path);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 blank row skipped (only commas or spaces)');
  });
});

describe('customer-health report --html: targets that are not regular files', () => {
  it('refuses a directory as the --html target and writes nothing', async () => {
    const target = join(directory, 'adir');
    mkdirSync(target);
    const result = await run('report', file('html.csv', rows), '--html', target);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`cannot write ${target}: it is a directory, not a regular file`);
  });

  it('writes the HTML report to a new file', async () => {
    const target = join(directory, 'report.html');
    const result = await run('report', file('html2.csv', rows), '--html', target);
    expect(result.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('<svg');
  });
});
