// `npm run bench:sql`: the movements SQL at scale in an embedded DuckDB with memory_limit = 2GB. The benchmark
// writes its own Parquet files (1M and 10M subscription periods, ~4 per customer, over five years, a third
// open-ended, amounts in cents) through DuckDB into a temporary directory, then times monthly movements over
// each and reports peak resident memory of the process (DuckDB runs in-process, so it is included).
// Not a timed test: run it by hand and copy the closing note into bench/README.md.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { mrrMovementsDuckDb } from '../src/duckdb/index.js';

const SIZES = (process.env.BENCH_SQL_SIZES ?? '1000000,10000000').split(',').map(Number);
const directory = mkdtempSync(join(tmpdir(), 'customer-health-bench-sql-'));

async function writeParquet(rows: number, path: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '2GB' });
  const connection = await instance.connect();
  await connection.run(`COPY (
    SELECT 'c' || CAST(i // 4 AS VARCHAR) AS customer_id,
      DATE '2019-01-01' + CAST(hash(i) % 1800 AS INTEGER) AS start_date,
      CASE WHEN hash(i * 7 + 1) % 3 = 0 THEN NULL
        ELSE DATE '2019-01-01' + CAST(hash(i) % 1800 AS INTEGER) + CAST(1 + hash(i * 13 + 5) % 400 AS INTEGER) END AS end_date,
      CAST(CAST(hash(i * 31 + 3) % 50000 AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(18, 2)) AS mrr
    FROM range(${rows}) AS t(i)
  ) TO '${path}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
}

const notes: string[] = [];
try {
  for (const size of SIZES) {
    const path = join(directory, `periods-${size}.parquet`);
    await writeParquet(size, path);
    const started = performance.now();
    const rows = await mrrMovementsDuckDb({ parquet: path }, { memoryLimit: '2GB' });
    const seconds = (performance.now() - started) / 1000;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const fileMb = statSync(path).size / 1024 / 1024;
    const last = rows[rows.length - 1]!;
    notes.push(
      `${size.toLocaleString('en-US')} periods (${fileMb.toFixed(0)} MB Parquet): ${rows.length} monthly rows in ` +
        `${seconds.toFixed(1)} s, peak RSS so far ${peakMb.toFixed(0)} MB, ending MRR ${last.endingMrr.toFixed(2)}, ` +
        `${last.endingCustomers} customers`,
    );
    console.log(notes[notes.length - 1]);
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
console.log(
  `\nDuckDB ${'(memory_limit 2GB)'}, monthly movements:\n${notes.map((note) => `- ${note}`).join('\n')}`,
);
