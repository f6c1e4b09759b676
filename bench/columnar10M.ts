// mrrMovements on 10,000,000 subscription periods in columnar form, in one process, against mrrMovementsDuckDb
// on the same periods (a Parquet file DuckDB writes from the same generated data), in ONE run. See bench/README.md.
// Run: node --expose-gc --import tsx bench/columnar10M.ts        (ROWS=1000000 for a smaller run; DUCKDB=0 to skip)
// The parent generates the data once and writes it as CSV, then Parquet (through DuckDB), and runs each engine in
// its own child process, so each peak RSS (process.resourceUsage().maxRSS) is that engine's alone; the children
// print JSON, the parent checks the two monthly tables agree to the cent and prints the figures and ratios.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromDayNumber, toDayNumber } from '../src/core/calendarDate.js';
import { mrrMovements, type PeriodMovements, type SubscriptionPeriodColumns } from '../src/index.js';
import { seededRandom } from '../src/sample/seededRandom.js';
import { COLUMNS } from './mrrBenchData.js';

const ROWS = Number(process.env.ROWS ?? 10_000_000);
const FIRST_DAY = toDayNumber('2021-01-01');
const LAST_DAY = toDayNumber('2025-01-01');
const PLANS = [0, 0, 1900, 2900, 4900, 9900, 12_990, 24_950, 49_900, 99_900];

interface Generated {
  readonly customer: Int32Array;
  readonly subscription: Int32Array;
  readonly start: Int32Array;
  /** Day numbers, NaN for an open-ended period. */
  readonly end: Float64Array;
  /** Cents. */
  readonly cents: Int32Array;
}

/** bench/mrrBenchData.ts's generator (same distribution, same seed), written straight into typed columns. */
function generateColumns(rows: number): Generated {
  const random = seededRandom(20_240_101);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const out: Generated = {
    customer: new Int32Array(rows),
    subscription: new Int32Array(rows),
    start: new Int32Array(rows),
    end: new Float64Array(rows),
    cents: new Int32Array(rows),
  };
  let row = 0;
  for (let customer = 0; row < rows; customer += 1) {
    const subscriptions = 1 + Math.floor(random() * random() * 3);
    const arrival = FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY - 30));
    for (let subscription = 0; subscription < subscriptions && row < rows; subscription += 1) {
      let day = arrival + (subscription === 0 ? 0 : Math.floor(random() * 200));
      let plan = pick(PLANS);
      const segments = 3 + Math.floor(random() * 10);
      for (let segment = 0; segment < segments && row < rows && day < LAST_DAY; segment += 1) {
        const length = 28 + Math.floor(random() * 200);
        const open = segment === segments - 1 && random() < 0.3;
        out.customer[row] = customer;
        out.subscription[row] = 4 * customer + subscription;
        out.start[row] = day;
        out.end[row] = open ? Number.NaN : Math.min(day + length, LAST_DAY);
        out.cents[row] = plan;
        row += 1;
        day += length + (random() < 0.15 ? Math.floor(random() * 120) : 0);
        const change = random();
        if (change < 0.25) plan = Math.min(99_900, plan === 0 ? 1900 : Math.round(plan * 1.5));
        else if (change < 0.35) plan = Math.round(plan / 2);
        else if (change < 0.4) plan = 0;
      }
    }
  }
  return out;
}

const rssMb = () => process.resourceUsage().maxRSS / 1024;
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const tableOf = (periods: readonly PeriodMovements[]) =>
  periods.map((row) => [row.start, ...COLUMNS.map((column) => row[column].toString())]);

async function child(mode: string, path: string): Promise<void> {
  if (mode === 'ours') {
    const data = generateColumns(ROWS);
    const columns: SubscriptionPeriodColumns = {
      customerId: data.customer,
      subscriptionId: data.subscription,
      start: data.start,
      end: data.end,
      mrr: { minorUnits: data.cents, scale: 2 },
    };
    (globalThis as { gc?: () => void }).gc?.();
    const inputRss = process.memoryUsage().rss / 1024 / 1024;
    const baseline = rssMb();
    const cpu = cpuMs();
    const started = performance.now();
    const result = mrrMovements(columns, { detail: 'summary' });
    const wall = performance.now() - started;
    console.log(
      JSON.stringify({
        wall,
        cpu: cpuMs() - cpu,
        peakMb: rssMb(),
        baselineMb: baseline,
        inputRssMb: inputRss,
        table: tableOf(result.periods),
      }),
    );
    return;
  }
  const { mrrMovementsDuckDb } = await import('../src/duckdb/index.js');
  const baseline = rssMb();
  const cpu = cpuMs();
  const started = performance.now();
  const periods = await mrrMovementsDuckDb({ parquet: path }, { memoryLimit: '2GB' });
  const wall = performance.now() - started;
  console.log(
    JSON.stringify({
      wall,
      cpu: cpuMs() - cpu,
      peakMb: rssMb(),
      baselineMb: baseline,
      table: tableOf(periods),
    }),
  );
}

async function writeParquet(directory: string): Promise<string> {
  const data = generateColumns(ROWS);
  const csv = join(directory, 'periods.csv');
  const stream = createWriteStream(csv);
  stream.write('customer_id,subscription_id,start_date,end_date,mrr\n');
  const days = new Map<number, string>();
  const iso = (day: number) => {
    let text = days.get(day);
    if (text === undefined) {
      text = fromDayNumber(day);
      days.set(day, text);
    }
    return text;
  };
  const lines: string[] = [];
  for (let row = 0; row < ROWS; row += 1) {
    const end = data.end[row]!;
    const cents = data.cents[row]!;
    lines.push(
      `c${data.customer[row]},s${data.subscription[row]},${iso(data.start[row]!)},${Number.isNaN(end) ? '' : iso(end)},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    );
    if (lines.length === 100_000) {
      if (!stream.write(`${lines.join('\n')}\n`))
        await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
      lines.length = 0;
    }
  }
  stream.end(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  await new Promise<void>((resolve) => stream.once('finish', () => resolve()));
  const parquet = join(directory, 'periods.parquet');
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '2GB' });
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT customer_id, subscription_id, start_date, end_date, CAST(mrr AS DECIMAL(18, 2)) AS mrr
      FROM read_csv('${csv}', header = true, columns = {'customer_id': 'VARCHAR', 'subscription_id': 'VARCHAR',
        'start_date': 'DATE', 'end_date': 'DATE', 'mrr': 'VARCHAR'}))
     TO '${parquet}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  rmSync(csv);
  return parquet;
}

interface ChildResult {
  readonly wall: number;
  readonly cpu: number;
  readonly peakMb: number;
  readonly baselineMb: number;
  readonly inputRssMb?: number;
  readonly table: string[][];
}

function run(mode: string, path: string): ChildResult {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', import.meta.filename, mode, path],
    { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ROWS: String(ROWS) } },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!) as ChildResult;
}

const [mode, path] = process.argv.slice(2);
if (mode !== undefined) await child(mode, path ?? '');
else {
  const ours = run('ours', '');
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    `${ROWS.toLocaleString('en-US')} periods in columnar form (Int32Array ids and day numbers, Float64Array ends, ` +
      `Int32Array cents at scale 2), detail 'summary': wall ${seconds(ours.wall)} s, CPU ${seconds(ours.cpu)} s; ` +
      `peak RSS ${ours.peakMb.toFixed(0)} MB, of which ${ours.baselineMb.toFixed(0)} MB before the call ` +
      `(generator and input columns)`,
  );
  if (process.env.DUCKDB !== '0') {
    const directory = mkdtempSync(join(tmpdir(), 'customer-health-columnar10m-'));
    try {
      const parquet = await writeParquet(directory);
      const duck = run('duckdb', parquet);
      const same =
        duck.table.length === ours.table.length &&
        duck.table.every((row, index) => JSON.stringify(row) === JSON.stringify(ours.table[index]));
      if (!same) {
        console.error('the two tables differ', ours.table.length, duck.table.length);
        process.exit(1);
      }
      console.log(
        `mrrMovementsDuckDb on the same periods (${(statSync(parquet).size / 1024 / 1024).toFixed(0)} MB Parquet, ` +
          `memory_limit 2GB): wall ${seconds(duck.wall)} s, CPU ${seconds(duck.cpu)} s; peak RSS ` +
          `${duck.peakMb.toFixed(0)} MB; tables agree to the cent on all ${ours.table.length} months`,
      );
      console.log(
        `ratio mrrMovements ÷ mrrMovementsDuckDb: wall ${(ours.wall / duck.wall).toFixed(2)}, CPU ` +
          `${(ours.cpu / duck.cpu).toFixed(2)}, peak RSS ${(ours.peakMb / duck.peakMb).toFixed(2)}`,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
}
