// Benchmark of mrrMovements on 1,000,000 subscription periods (about 100k customers over 48 months), against an
// equivalent pandas implementation (bench/mrr_movements_pandas.py) on the same data.
// Run: npx tsx bench/mrrMovements.ts   (ROWS=200000 for a smaller run; PYTHON=/path/to/python3 to override;
// PANDAS=0 to skip the Python peer)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fromDayNumber, toDayNumber } from '../src/core/calendarDate.js';
import { type MrrMovements, mrrMovements, type SubscriptionPeriod } from '../src/index.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const RUNS = 5;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const FIRST_DAY = toDayNumber('2021-01-01');
const LAST_DAY = toDayNumber('2025-01-01');
// Plan prices in cents; 0 is a free plan.
const PLANS = [0, 0, 1900, 2900, 4900, 9900, 12_990, 24_950, 49_900, 99_900];

/** mulberry32: a small, fast, seeded PRNG so every run benchmarks the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Customers arrive over 48 months (mid-month starts), hold 1–3 subscriptions, each a chain of plan periods with
 * upgrades, downgrades, free stretches and gaps (churn and return); some stay open-ended.
 */
function generate(rows: number): SubscriptionPeriod[] {
  const random = prng(20_240_101);
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

const COLUMNS = [
  'startingMrr',
  'newMrr',
  'expansionMrr',
  'contractionMrr',
  'churnedMrr',
  'reactivationMrr',
  'endingMrr',
  'startingCustomers',
  'newCustomers',
  'expandedCustomers',
  'contractedCustomers',
  'churnedCustomers',
  'reactivatedCustomers',
  'endingCustomers',
] as const;

function tableOf(result: MrrMovements): string[][] {
  return result.periods.map((row) => [row.start, ...COLUMNS.map((column) => row[column].toString())]);
}

const periods = generate(ROWS);
const csvPath = join(tmpdir(), `mrr-movements-bench-${ROWS}.csv`);
writeFileSync(csvPath, toCsv(periods));
const customerCount = new Set(periods.map((row) => row.customerId)).size;
console.log(`data: ${periods.length} subscription periods, ${customerCount} customers, CSV at ${csvPath}`);

const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const timings: number[] = [];
let result: MrrMovements | undefined;
for (let run = 0; run < RUNS; run += 1) {
  result = undefined;
  const started = performance.now();
  result = mrrMovements(periods);
  timings.push(performance.now() - started);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const typescriptMs = median(timings);
console.log(
  `mrrMovements: median ${typescriptMs.toFixed(0)} ms of ${RUNS} runs (${timings.map((t) => t.toFixed(0)).join(', ')}), ` +
    `${result!.periods.length} periods, ${result!.customers.length} customer movements, ` +
    `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (${(baselineRss / 2 ** 20).toFixed(0)} MiB before the first run: ` +
    'runtime plus the generated input)',
);

if (process.env.PANDAS === '0') process.exit(0);
const python = JSON.parse(
  execFileSync(PYTHON, [join(import.meta.dirname, 'mrr_movements_pandas.py'), csvPath, String(RUNS)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  }),
) as { median_ms: number; read_ms: number; peak_rss_mib: number; rows: string[][] };
console.log(
  `pandas: median ${python.median_ms.toFixed(0)} ms of ${RUNS} runs (CSV read ${python.read_ms.toFixed(0)} ms not counted), ` +
    `peak RSS ${python.peak_rss_mib.toFixed(0)} MiB`,
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
console.log(`tables agree to the cent on all ${ours.length} periods and ${COLUMNS.length} columns`);
console.log(`pandas / mrrMovements time ratio: ${(python.median_ms / typescriptMs).toFixed(2)}`);
