// Benchmark of mrrMovements on 1,000,000 subscription periods (about 150k customers over 48 months), against an
// equivalent pandas implementation (bench/mrr_movements_pandas.py) on the same data. See bench/README.md.
// Run: npx tsx bench/mrrMovements.ts   (ROWS=200000 for a smaller run; PYTHON=/path/to/python3 to override;
// PANDAS=0 to skip the Python peer; SHUFFLE=1 to shuffle the rows so customers arrive in no order)
// Memory: node --import tsx bench/mrrMovements.ts write FILE.json, then `load FILE.json` (baseline: parse the
// rows only) and `once FILE.json` (parse, then one mrrMovements call), each under /usr/bin/time -v.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromDayNumber, toDayNumber } from '../src/core/calendarDate.js';
import { type MrrMovements, mrrMovements, type SubscriptionPeriod } from '../src/index.js';
import { PERIOD_COUNT_FIELDS, PERIOD_MONEY_FIELDS } from '../src/revenue/internal/periodMovementFields.js';
import { seededRandom } from '../src/sample/seededRandom.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const RUNS = 5;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const FIRST_DAY = toDayNumber('2021-01-01');
const LAST_DAY = toDayNumber('2025-01-01');
// Plan prices in cents; 0 is a free plan.
const PLANS = [0, 0, 1900, 2900, 4900, 9900, 12_990, 24_950, 49_900, 99_900];

/**
 * Customers arrive over 48 months (mid-month starts), hold 1–3 subscriptions, each a chain of plan periods with
 * upgrades, downgrades, free stretches and gaps (churn and return); some stay open-ended.
 */
function generate(rows: number): SubscriptionPeriod[] {
  const random = seededRandom(20_240_101);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const periods: SubscriptionPeriod[] = [];
  for (let customer = 0; periods.length < rows; customer += 1) {
    const customerId = `cus_${customer.toString(36).padStart(6, '0')}`;
    const subscriptions = 1 + Math.floor(random() * random() * 3);
    const arrival = FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY - 30));
    for (let subscription = 0; subscription < subscriptions && periods.length < rows; subscription += 1) {
      let day = arrival + (subscription === 0 ? 0 : Math.floor(random() * 200));
      let plan = pick(PLANS);
      const segments = 3 + Math.floor(random() * 10);
      for (let segment = 0; segment < segments && periods.length < rows && day < LAST_DAY; segment += 1) {
        const length = 28 + Math.floor(random() * 200);
        const open = segment === segments - 1 && random() < 0.3;
        periods.push({
          customerId,
          subscriptionId: `${customerId}_${subscription}`,
          start: fromDayNumber(day),
          end: open ? null : fromDayNumber(Math.min(day + length, LAST_DAY)),
          mrr: plan / 100,
        });
        day += length + (random() < 0.15 ? Math.floor(random() * 120) : 0);
        const change = random();
        if (change < 0.25) plan = Math.min(99_900, plan === 0 ? 1900 : Math.round(plan * 1.5));
        else if (change < 0.35) plan = Math.round(plan / 2);
        else if (change < 0.4) plan = 0;
      }
    }
  }
  return periods;
}

function toCsv(periods: readonly SubscriptionPeriod[]): string {
  const lines = ['customer_id,subscription_id,start,end,mrr'];
  for (const row of periods) {
    lines.push(`${row.customerId},${row.subscriptionId},${row.start},${row.end ?? ''},${row.mrr}`);
  }
  return `${lines.join('\n')}\n`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const COLUMNS = [...PERIOD_MONEY_FIELDS, ...PERIOD_COUNT_FIELDS] as const;

function tableOf(result: MrrMovements): string[][] {
  return result.periods.map((row) => [row.start, ...COLUMNS.map((column) => row[column].toString())]);
}

function shuffle<T>(values: T[]): T[] {
  const random = seededRandom(7);
  for (let index = values.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [values[index], values[other]] = [values[other]!, values[index]!];
  }
  return values;
}

/** SHA-256 of the drill-down list, one line `periodStart,customerId,type,previous,current,amount` per movement. */
function movementDigest(result: MrrMovements): string {
  const hash = createHash('sha256');
  for (const move of result.customers) {
    hash.update(
      `${move.periodStart},${move.customerId},${move.type},${move.previousMrr},${move.currentMrr},${move.amount}\n`,
    );
  }
  return hash.digest('hex');
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

const [mode, file] = process.argv.slice(2);
if (mode === 'write') {
  writeFileSync(file!, JSON.stringify(generate(ROWS)));
  process.exit(0);
}
if (mode === 'load' || mode === 'once') {
  const rows = JSON.parse(readFileSync(file!, 'utf8')) as SubscriptionPeriod[];
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const result = mode === 'once' ? mrrMovements(rows) : undefined;
  console.log(
    `${mode}: ${rows.length} rows, ${(performance.now() - started).toFixed(0)} ms, RSS after loading ${mib(before)} MiB, ` +
      `max RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB, ${result?.customers.length ?? 0} customer movements`,
  );
  process.exit(0);
}

const generated = generate(ROWS);
// Shuffled rows are re-parsed from JSON so that, as with rows a parser reads, objects and strings lie in memory
// in array order (shuffling the pointers alone would add cache misses no real input has).
const periods =
  process.env.SHUFFLE === '1'
    ? (JSON.parse(JSON.stringify(shuffle([...generated]))) as SubscriptionPeriod[])
    : generated;
const csvPath = join(
  tmpdir(),
  `mrr-movements-bench-${ROWS}${process.env.SHUFFLE === '1' ? '-shuffled' : ''}.csv`,
);
writeFileSync(csvPath, toCsv(periods));
const customerCount = new Set(periods.map((row) => row.customerId)).size;
console.log(`data: ${periods.length} subscription periods, ${customerCount} customers, CSV at ${csvPath}`);

// With --expose-gc, the garbage of generating the data and of the previous run is collected before each timed
// run (as the pandas peer frees the previous result before its next run), so no run pays for another's garbage.
const collectGarbage = (globalThis as { gc?: () => void }).gc;
const timings: number[] = [];
const cpuTimings: number[] = [];
let result: MrrMovements | undefined;
for (let run = 0; run < RUNS; run += 1) {
  result = undefined;
  collectGarbage?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  result = mrrMovements(periods);
  timings.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuTimings.push((used.user + used.system) / 1000);
}
const typescriptMs = median(timings);
const typescriptCpuMs = median(cpuTimings);
const list = (values: readonly number[]) => values.map((value) => value.toFixed(0)).join(', ');
console.log(
  `mrrMovements: median ${typescriptMs.toFixed(0)} ms wall (${list(timings)}), ` +
    `median ${typescriptCpuMs.toFixed(0)} ms CPU (${list(cpuTimings)}), ` +
    `${result!.periods.length} periods, ${result!.customers.length} customer movements` +
    (collectGarbage === undefined ? ' (no --expose-gc: runs include earlier garbage)' : ''),
);

if (process.env.PANDAS === '0') process.exit(0);
const python = JSON.parse(
  execFileSync(PYTHON, [join(import.meta.dirname, 'mrr_movements_pandas.py'), csvPath, String(RUNS)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  }),
) as {
  median_ms: number;
  timings_ms: number[];
  median_cpu_ms: number;
  cpu_ms: number[];
  read_ms: number;
  rows: string[][];
  movements: number;
  movement_digest: string;
};
console.log(
  `pandas: median ${python.median_ms.toFixed(0)} ms wall (${list(python.timings_ms)}), ` +
    `median ${python.median_cpu_ms.toFixed(0)} ms CPU (${list(python.cpu_ms)}), ` +
    `${python.movements} customer movements; read_csv ${python.read_ms.toFixed(0)} ms (not counted)`,
);

const ours = tableOf(result!);
const mismatches = ours.flatMap((row, index) =>
  JSON.stringify(row) === JSON.stringify(python.rows[index]) ? [] : [`${row[0]}`],
);
if (ours.length !== python.rows.length || mismatches.length > 0) {
  console.error(
    `tables differ: ${ours.length} vs ${python.rows.length} rows; periods ${mismatches.join(', ')}`,
  );
  process.exit(1);
}
if (movementDigest(result!) !== python.movement_digest) {
  console.error('the customer movement lists differ');
  process.exit(1);
}
console.log(
  `tables agree to the cent on all ${ours.length} periods and ${COLUMNS.length} columns, and the ` +
    `${result!.customers.length} customer movements are identical (SHA-256 of the list)`,
);
console.log(
  `pandas / mrrMovements: wall ${(python.median_ms / typescriptMs).toFixed(2)}, CPU ${(python.median_cpu_ms / typescriptCpuMs).toFixed(2)}`,
);
