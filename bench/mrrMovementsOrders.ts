// mrrMovements against the vectorised pandas peer of issue 16 (bench/mrr_movements_vectorised.py), on the same
// 1,000,000 rows in both input orders (by customer, shuffled), in ONE run: medians of 5 (RUNS), reported as ratios.
// Run: node --expose-gc --import tsx bench/mrrMovementsOrders.ts   (RUNS=3 for fewer runs, ROWS=200000 for a
// smaller run; PYTHON=/path/to/python3 to override). See bench/README.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type MrrMovements, mrrMovements, type SubscriptionPeriod } from '../src/index.js';
import { COLUMNS, generate, median, shuffle, tableOf, toCsv } from './mrrBenchData.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 5);
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

interface PeerResult {
  readonly median_ms: number;
  readonly timings_ms: number[];
  readonly median_cpu_ms: number;
  readonly cpu_ms: number[];
  readonly read_ms: number;
  readonly parse_ms: number;
  readonly rows: string[][];
}

// The aggregate table alone, when the engine offers it (issue 16's `detail: 'summary'`, which skips the drill-down
// objects the peer does not build); otherwise the default result. The output says which one was timed.
const SUMMARY = { detail: 'summary' } as never;
function summaryAvailable(periods: readonly SubscriptionPeriod[]): boolean {
  const sample = periods.slice(0, 1000);
  const full = mrrMovements(sample).customers.length;
  const summary = (mrrMovements(sample, SUMMARY) as Partial<MrrMovements>).customers?.length ?? 0;
  return full > 0 && summary < full;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;
const list = (values: readonly number[]) => values.map((value) => value.toFixed(0)).join(', ');

function timeLibrary(periods: readonly SubscriptionPeriod[], summary: boolean) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let result: MrrMovements | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    result = undefined;
    collectGarbage?.();
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    result = summary ? mrrMovements(periods, SUMMARY) : mrrMovements(periods);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu, result: result! };
}

function timePeer(csvPath: string): PeerResult {
  const script = join(import.meta.dirname, 'mrr_movements_vectorised.py');
  return JSON.parse(
    execFileSync(PYTHON, [script, csvPath, String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 26 }),
  ) as PeerResult;
}

function compare(order: string, periods: readonly SubscriptionPeriod[], summary: boolean) {
  const csvPath = join(tmpdir(), `mrr-movements-orders-${ROWS}-${order}.csv`);
  writeFileSync(csvPath, toCsv(periods));
  const library = timeLibrary(periods, summary);
  const peer = timePeer(csvPath);
  const ours = tableOf(library.result);
  const differing = ours.filter((row, index) => JSON.stringify(row) !== JSON.stringify(peer.rows[index]));
  if (ours.length !== peer.rows.length || differing.length > 0) {
    console.error(
      `${order}: tables differ (${ours.length} vs ${peer.rows.length} rows), e.g. ${differing[0]}`,
    );
    process.exit(1);
  }
  console.log(
    `${order}: mrrMovements wall ${list(library.wall)} ms, CPU ${list(library.cpu)} ms; ` +
      `peer wall ${list(peer.timings_ms)} ms, CPU ${list(peer.cpu_ms)} ms ` +
      `(read_csv ${peer.read_ms.toFixed(0)} ms and date parsing ${peer.parse_ms.toFixed(0)} ms not counted); ` +
      `tables agree to the cent on all ${ours.length} months and ${COLUMNS.length} columns`,
  );
  return {
    order,
    libraryWall: median(library.wall),
    libraryCpu: median(library.cpu),
    peerWall: peer.median_ms,
    peerCpu: peer.median_cpu_ms,
  };
}

const generated = generate(ROWS);
const customers = new Set(generated.map((row) => row.customerId)).size;
const summary = summaryAvailable(generated);
console.log(
  `data: ${generated.length} subscription periods, ${customers} customers; library timed with ` +
    `${summary ? "detail: 'summary' (table only)" : 'its default result (table and drill-down objects)'}` +
    (collectGarbage === undefined ? '; no --expose-gc: runs include earlier garbage' : ''),
);
const results = [compare('by customer', generated, summary)];
// Shuffled rows are re-parsed from JSON so that objects and strings lie in memory in array order, as rows a
// parser reads do (shuffling the pointers alone would add cache misses no real input has).
const shuffled = JSON.parse(JSON.stringify(shuffle([...generated]))) as SubscriptionPeriod[];
generated.length = 0;
results.push(compare('shuffled', shuffled, summary));

console.log(
  '\n| input order | mrrMovements (wall / CPU) | vectorised peer (wall / CPU) | ratio (wall / CPU) |',
);
console.log('|---|---|---|---|');
for (const row of results) {
  console.log(
    `| ${row.order} | ${(row.libraryWall / 1000).toFixed(2)} s / ${(row.libraryCpu / 1000).toFixed(2)} s | ` +
      `${(row.peerWall / 1000).toFixed(2)} s / ${(row.peerCpu / 1000).toFixed(2)} s | ` +
      `${(row.libraryWall / row.peerWall).toFixed(2)} / ${(row.libraryCpu / row.peerCpu).toFixed(2)} |`,
  );
}
console.log(`(medians of ${RUNS}; ratio = mrrMovements ÷ peer, the issue's target is <= 0.5)`);
