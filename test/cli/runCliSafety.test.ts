import { spawn } from 'node:child_process';
import {
  linkSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/runCli.js';

// Issue #25 for the command line: no silent wrong number, no injection, nothing overwritten.

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

const folder = () => mkdtempSync(join(tmpdir(), 'customer-health-cli-safety-'));
const directory = folder();
function file(name: string, contents: string | Uint8Array): string {
  const path = join(directory, name);
  writeFileSync(path, contents);
  return path;
}
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
function utf16le(text: string, mark: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (mark ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  if (mark) view.setUint16(0, 0xfeff, true);
  for (let i = 0; i < text.length; i += 1) view.setUint16((i + (mark ? 1 : 0)) * 2, text.charCodeAt(i), true);
  return out;
}

describe('customer-health report: encodings (--encoding)', () => {
  const rows =
    'customer_id,start_date,end_date,mrr\nMüller,2024-01-01,,10\nMäller,2024-01-01,,20\nMöller,2024-01-01,,30\n';

  it('refuses a Windows-1252 file read as UTF-8 (three customers would become one), naming line and byte', async () => {
    const path = file('latin.csv', latin1(rows));
    const refused = await run('report', path, '--json');
    expect([refused.code, refused.stdout]).toEqual([1, '']);
    // "customer_id,start_date,end_date,mrr\nM" is 37 bytes: ü is byte 37, on line 2.
    expect(refused.stderr).toContain(`${path}, line 2, byte offset 37: byte 0xFC is not UTF-8`);
    expect(refused.stderr).toContain('--encoding windows-1252');
    const read = await run('report', path, '--json', '--encoding', 'windows-1252');
    expect(read.stderr).toBe('');
    const report = JSON.parse(read.stdout);
    expect([report.summary.customers, report.summary.mrr]).toEqual([3, '60']);
    expect(
      JSON.parse((await run('report', path, '--json', '--encoding', 'latin1')).stdout).summary.customers,
    ).toBe(3);
    expect((await run('report', path, '--encoding', 'ebcdic')).code).toBe(2);
    for (const alias of ['CP1252', 'iso-8859-1', 'Windows-1252']) {
      expect((await run('report', path, '--encoding', alias)).code, alias).toBe(0);
    }
  });

  it('reads UTF-16 with and without a byte order mark, the input and the --rates file', async () => {
    const text = `${rows}Σ,2024-01-01,,40\n`;
    for (const [name, bytes] of [
      ['bom16.csv', utf16le(text, true)],
      ['plain16.csv', utf16le(text, false)],
    ] as const) {
      const result = await run('report', file(name, bytes), '--json');
      expect(result.stderr, name).toBe('');
      expect(JSON.parse(result.stdout).summary.customers).toBe(4);
    }
    const money = file('money.csv', 'customer_id,start_date,mrr,currency\na,2024-01-01,10,EUR\n');
    const rates = file('rates16.csv', utf16le('currency,date,rate\nEUR,2024-01-01,1.5\n', true));
    const converted = await run('report', money, '--json', '--currency', 'USD', '--rates', rates);
    expect(converted.stderr).toBe('');
    expect(JSON.parse(converted.stdout).summary.mrr).toBe('15');
    const latinRates = file('rates-latin.csv', latin1('currency,date,rate,note\nEUR,2024-01-01,1.5,é\n'));
    const refused = await run('report', money, '--currency', 'USD', '--rates', latinRates);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('line 2, byte offset')]);
    expect(
      (await run('report', money, '--currency', 'USD', '--rates', latinRates, '--encoding', 'latin1')).code,
    ).toBe(0);
  });
});

describe('customer-health report: output files', () => {
  const rows = 'customer_id,start_date,end_date,mrr\na,2024-01-01,,10\n';

  it('refuses to write the HTML over the input file or the rates file, by any name', async () => {
    const dir = folder();
    const input = join(dir, 'data.csv');
    writeFileSync(input, rows);
    const rates = join(dir, 'rates.csv');
    writeFileSync(rates, 'currency,date,rate\nEUR,2024-01-01,1.5\n');
    linkSync(input, join(dir, 'hard.csv'));
    symlinkSync(input, join(dir, 'soft.csv'));
    for (const target of [input, join(dir, '.', 'data.csv'), join(dir, 'hard.csv'), join(dir, 'soft.csv')]) {
      const result = await run('report', input, '--html', target);
      expect([result.code, result.stdout], target).toEqual([2, '']);
      expect(result.stderr).toContain('is an input of this report');
    }
    const overRates = await run('report', input, '--currency', 'USD', '--rates', rates, '--html', rates);
    expect(overRates.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(rows);
    expect(readFileSync(rates, 'utf8')).toContain('EUR,2024-01-01,1.5');
    expect(lstatSync(join(dir, 'soft.csv')).isSymbolicLink()).toBe(true);
  });

  it('writes through a symbolic link to its target and keeps the link', async () => {
    const dir = folder();
    const input = join(dir, 'data.csv');
    writeFileSync(input, rows);
    const real = join(dir, 'real.html');
    writeFileSync(real, 'old');
    symlinkSync(real, join(dir, 'link.html'));
    const result = await run('report', input, '--html', join(dir, 'link.html'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(lstatSync(join(dir, 'link.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['data.csv', 'link.html', 'real.html']);
  });

  it('refuses a device, a socket or a directory as --html (as it refuses a FIFO), and leaves it as it was', async () => {
    const dir = folder();
    const input = join(dir, 'data.csv');
    writeFileSync(input, rows);
    const socket = join(dir, 'socket');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      for (const [target, kind] of [
        [socket, 'a socket'],
        ['/dev/null', 'a character device'],
        [dir, 'a directory'],
      ] as const) {
        const result = await run('report', input, '--html', target);
        expect([result.code, result.stdout], target).toEqual([2, '']);
        expect(result.stderr).toContain(`is ${kind}, not a regular file`);
      }
      expect(lstatSync(socket).isSocket()).toBe(true);
      expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(['data.csv', 'socket']);
    } finally {
      server.close();
    }
  });
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must not be printed.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('customer-health report: control characters from the data are shown escaped', () => {
  const attack = '\u001b[2J\u001b[1;1Hpwned\u0007';

  it('escapes a segment name, a header and a file name in text output and messages; keeps ü and 日本', async () => {
    const path = file(
      'segments-esc.csv',
      `customer_id,start_date,end_date,mrr,plan\nMüller,2024-01-01,,10,${attack}\n日本,2024-01-01,,5,Grün\n`,
    );
    const text = await run('report', path, '--segment-column', 'plan');
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    expect(text.stdout).toContain('\\x1b[2J\\x1b[1;1Hpwned\\x07');
    expect(text.stdout).toContain('Grün');
    const json = await run('report', path, '--segment-column', 'plan', '--json');
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.stdout).segments.map((s: { segment: string }) => s.segment)).toEqual([
      attack,
      'Grün',
    ]);
    const header = await run('report', file('header-esc.csv', `who${attack},when\na,2024-01-01\n`));
    expect(header.code).toBe(1);
    expect(header.stderr).not.toMatch(RAW_CONTROL);
    expect(header.stderr).toContain('who\\x1b[2J');
    const named = file(`name${attack}.csv`, 'customer_id,start_date,end_date,mrr\na,2024-01-01,,-1\n');
    const byName = await run('report', named);
    expect(byName.stderr).toContain('name\\x1b[2J');
    expect(byName.stderr).not.toMatch(RAW_CONTROL);
    const c1 = await run(
      'report',
      file('c1.csv', 'customer_id,start_date,end_date,mrr,plan\na,2024-01-01,,1,x\u009b2J\n'),
      '--segment-column',
      'plan',
    );
    expect(c1.stdout).toContain('x\\x9b2J');
  });
});

describe('customer-health report: exit codes', () => {
  it('exits 70 with one line for an internal error, not 1 (bad input) and no stack trace', async () => {
    const crash = await runWith(
      {
        today: () => {
          throw new TypeError('the clock broke');
        },
      },
      'report',
    );
    expect(crash.code).toBe(70);
    expect(crash.stderr).toBe(
      'customer-health: internal error (a bug, please report it): TypeError: the clock broke\n',
    );
  });

  const root = fileURLToPath(new URL('../..', import.meta.url));
  function executable(stdout: 'pipe' | number) {
    return spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/customerHealth.ts', 'report', '--recent', '3'],
      {
        cwd: root,
        stdio: ['ignore', stdout, 'pipe'],
      },
    );
  }
  function finish(child: ReturnType<typeof executable>) {
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    return new Promise<{ code: number | null; stderr: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, stderr })),
    );
  }

  it('ends quietly when stdout is closed early (| head): no unhandled error event', async () => {
    const child = executable('pipe');
    child.stdout!.destroy();
    const { code, stderr } = await finish(child);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);

  it('says so, with exit 1, when stdout cannot be written', async () => {
    const child = executable(openSync('/dev/full', 'w'));
    const { code, stderr } = await finish(child);
    expect(stderr).toMatch(/^customer-health: cannot write to standard output: .*ENOSPC/);
    expect(stderr).not.toContain('Unhandled');
    expect(code).toBe(1);
  }, 30_000);
});

describe('customer-health report: the as-of day is never in the future', () => {
  // a cancels on 2027-03-01 (scheduled); b started 2026-06-01.
  const rows = 'customer_id,start_date,end_date,mrr\na,2026-01-01,2027-03-01,100\nb,2026-06-01,,50\n';

  it('takes today when the data runs past it, and says which rule chose the day', async () => {
    const path = file('scheduled.csv', rows);
    const today = () => '2026-12-07';
    const json = JSON.parse((await runWith({ today }, 'report', path, '--json')).stdout);
    expect(json.asOf).toBe('2026-12-07');
    // a's cancellation has not happened: no churn booked, both customers still pay.
    expect([json.summary.mrr, json.summary.customers]).toEqual(['150', 2]);
    expect(json.periods.every((row: { churnedMrr: string }) => row.churnedMrr === '0')).toBe(true);
    expect(json.input).toMatchObject({ asOfRule: 'today', dataRunsTo: '2027-03-01' });
    const text = (await runWith({ today }, 'report', path)).stdout;
    expect(text).toContain('as of 2026-12-07 (today; the data runs to 2027-03-01)');
    const later = (await runWith({ today: () => '2027-06-30' }, 'report', path)).stdout;
    expect(later).toContain('as of 2027-03-01 (the last day of the data)');
    const given = (await runWith({ today }, 'report', path, '--as-of', '2027-03-31')).stdout;
    expect(given).toContain('as of 2027-03-31 (--as-of)');
  });
});

describe('customer-health report: flags', () => {
  const rows = 'customer_id,start_date,end_date,mrr\na,2024-01-01,,10\n';

  it('reads FILE - from standard input', async () => {
    const stdin = async () => new TextEncoder().encode(rows);
    const result = await runWith({ readStdin: stdin }, 'report', '-', '--json');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).summary.mrr).toBe('10');
    expect(JSON.parse(result.stdout).input.file).toBe('-');
  });

  it('prints the package version with --version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(await run('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('suggests the flag meant and prints one line of usage, not the whole help', async () => {
    const result = await run('report', '--granulrity', 'week');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--granulrity'. Did you mean --granularity?");
    expect(result.stderr).not.toContain('Options:');
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('names the flags in messages, never options.asOf', async () => {
    const path = file('flags-named.csv', rows);
    const asOf = await run('report', path, '--as-of', '2024-13-45');
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain('--as-of must be');
    expect(asOf.stderr).not.toContain('options.');
    const margin = await run('report', path, '--gross-margin', '1.5');
    expect(margin.stderr).toContain('--gross-margin must be');
    expect(margin.stderr).not.toContain('options.');
    const from = await run('report', path, '--from', '2025-01-01');
    expect(from.stderr).toContain('--from must be');
  });
});

describe('customer-health report: files too large for the in-memory engine', () => {
  it('refuses a file above the limit before reading it, pointing to --engine duckdb', async () => {
    const path = join(folder(), 'huge.csv');
    writeFileSync(path, '');
    truncateSync(path, 300 * 1024 * 1024);
    const result = await run('report', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/huge\.csv is 300 MiB, more than the in-memory engine reads \(100 MiB\)/);
    expect(result.stderr).toContain('--engine duckdb');
    const stdin = async (limit: number) => new Uint8Array(limit + 1);
    const piped = await runWith({ readStdin: stdin }, 'report', '-');
    expect(piped.code).toBe(1);
    expect(piped.stderr).toContain('more than the in-memory engine reads');
  });
});

describe('customer-health report: the reader flags of parseReportInput', () => {
  it('--columns names headers the aliases do not cover, by field or alias', async () => {
    const path = file('stripe.csv', 'CustomerID,created,mrr\na,2024-01-01,10\n');
    const refused = await run('report', path);
    expect(refused.code).toBe(1);
    const read = await run(
      'report',
      path,
      '--json',
      '--columns',
      'customer_id=CustomerID,start_date=created',
    );
    expect(read.stderr).toBe('');
    expect(JSON.parse(read.stdout).summary.mrr).toBe('10');
    const repeated = await run(
      'report',
      path,
      '--json',
      '--columns',
      'customerId=CustomerID',
      '--columns',
      'start=created',
    );
    expect(repeated.code).toBe(0);
    for (const bad of ['customer_id', 'who=CustomerID', 'customer_id=']) {
      const result = await run('report', path, '--columns', bad);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain('--columns takes FIELD=HEADER pairs');
    }
  });

  it('--delimiter, --number-format, --end-inclusive, --time-zone and --keep-column reach the reader', async () => {
    // Semicolons and 1.234,56 amounts, as a German Excel saves; b's end 2024-01-31 is its last paid day.
    const path = file(
      'german.csv',
      'customer_id;start_date;end_date;mrr;notiz\na;2024-01-01;;1.234,50;x\nb;2024-01-01T23:30:00-05:00;2024-01-31;100,00;y\n',
    );
    const args = ['report', path, '--json', '--as-of', '2024-02-29'];
    const german = await run(
      ...args,
      '--delimiter',
      ';',
      '--number-format',
      '1.234,56',
      '--end-inclusive',
      '--time-zone',
      'America/New_York',
    );
    expect(german.stderr).toBe('');
    const report = JSON.parse(german.stdout);
    // January: 1234.50 + 100 = 1334.50 (b starts on 2024-01-01 in New York, not the 2nd in UTC); b's last paid
    // day is 2024-01-31, so it churns in February.
    expect(report.periods.map((row: { endingMrr: string }) => row.endingMrr)).toEqual(['1334.5', '1234.5']);
    expect(report.periods[1].churnedMrr).toBe('100');
    expect((await run(...args, '--delimiter', 'pipe')).code).toBe(2);
    expect((await run(...args, '--number-format', '1 234,56')).code).toBe(2);
    const zone = await run(
      ...args,
      '--delimiter',
      ';',
      '--number-format',
      '1.234,56',
      '--time-zone',
      'Mars/Olympus',
    );
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('--time-zone');
    expect(zone.stderr).not.toContain('options.');
    const misspelt = file('misspelt.csv', 'customer_id,start_date,ned,mrr\na,2024-01-01,x,10\n');
    expect((await run('report', misspelt)).code).toBe(1);
    expect((await run('report', misspelt, '--keep-column', 'ned')).code).toBe(0);
    expect((await run('report', '--delimiter', ';')).code).toBe(2);
  });
});

describe('customer-health report: the as-of day with --engine duckdb and in --html', () => {
  it('measures on today when the data runs past it, as the in-memory engine does', async () => {
    const path = file(
      'scheduled-duck.csv',
      'customer_id,start_date,end_date,mrr\na,2026-01-01,2027-03-01,100\nb,2026-06-01,,50\n',
    );
    const today = () => '2026-12-07';
    const duck = await runWith({ today }, 'report', path, '--json', '--engine', 'duckdb');
    expect(duck.stderr).toBe('');
    const memory = await runWith({ today }, 'report', path, '--json');
    const [d, m] = [JSON.parse(duck.stdout), JSON.parse(memory.stdout)];
    expect(d.asOf).toBe('2026-12-07');
    expect(d.periods).toEqual(m.periods);
    expect(d.input).toMatchObject({ asOfRule: 'today', dataRunsTo: '2027-03-01' });
    const target = join(folder(), 'report.html');
    expect((await runWith({ today }, 'report', path, '--html', target)).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('as of 2026-12-07 (today; the data runs to 2027-03-01)');
  });
});
