// The SQL twin: the same MRR movements and trailing retention computed inside DuckDB over a Parquet file (as for
// data too large for Node's memory), compared with the in-memory engine to the cent.
// Needs the optional peer dependency: npm install @duckdb/node-api
// Run: npm run build && node --import tsx examples/sql-twin-duckdb.ts
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import {
  mrrMovements,
  mrrMovementsSql,
  trailingGrossRevenueRetention,
  trailingNetRevenueRetention,
} from 'customer-health';
import { mrrMovementsDuckDb, trailingRevenueRetentionDuckDb } from 'customer-health/duckdb';

const CSV = 'examples/data/sample-subscriptions.csv';
const directory = mkdtempSync(join(tmpdir(), 'customer-health-example-'));
const parquet = join(directory, 'subscriptions.parquet');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  // Make the Parquet file with DuckDB itself. Declare the types rather than let DuckDB guess: dates as DATE, and
  // money as an exact DECIMAL (a guessed DOUBLE could not hold 165.83 exactly).
  const columns = `{'customer_id': 'VARCHAR', 'subscription_id': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE', 'mrr': 'DECIMAL(18,2)'}`;
  await connection.run(
    `COPY (SELECT * FROM read_csv('${CSV}', header = true, columns = ${columns})) TO '${parquet}' (FORMAT parquet)`,
  );

  // The in-memory engine reads the same CSV.
  const csv: Record<string, string>[] = parse(readFileSync(CSV), { columns: true });
  const subscriptions = csv.map((r) => ({
    customerId: r.customer_id!,
    subscriptionId: r.subscription_id!,
    start: r.start_date!,
    end: r.end_date || null,
    mrr: r.mrr!,
  }));

  // The Parquet file holds exactly the CSV: same rows, same total of the mrr column to the cent.
  const [check] = (
    await connection.runAndReadAll(`SELECT count(*) AS n, sum(mrr)::VARCHAR AS total FROM '${parquet}'`)
  ).getRowObjectsJson();
  const cents = subscriptions.reduce((sum, s) => sum + Math.round(Number(s.mrr) * 100), 0);
  assert.deepEqual([Number(check!.n), check!.total], [subscriptions.length, (cents / 100).toFixed(2)]);

  // Movements: one SQL query run by DuckDB over the file, against the TypeScript engine, field by field.
  const inSql = await mrrMovementsDuckDb({ parquet }, { to: '2026-10-31', connection });
  const inMemory = mrrMovements(subscriptions, { to: '2026-10-31' }).periods;
  const plain = (rows: unknown) => JSON.parse(JSON.stringify(rows)); // a Decimal serialises as its exact digits
  assert.deepEqual(plain(inSql), plain(inMemory));
  const october = inSql.at(-1)!;
  console.log(
    `${inSql.length} months from ${inSql[0]!.start}; October ending MRR ${october.endingMrr.toFixed(2)}`,
  );
  console.log(`  new ${october.newMrr}, expansion ${october.expansionMrr}, churned ${october.churnedMrr}`);

  // Trailing 12-month NRR and GRR: one row from DuckDB, the same exact values as the TypeScript functions.
  const asOf = '2026-10-31';
  const { net, gross } = await trailingRevenueRetentionDuckDb({ parquet }, { asOf, connection });
  assert.ok(net.value!.eq(trailingNetRevenueRetention(subscriptions, { asOf }).value!));
  assert.ok(gross.value!.eq(trailingGrossRevenueRetention(subscriptions, { asOf }).value!));
  console.log(
    `trailing 12-month NRR ${net.value!.times(100).toFixed(1)} %, GRR ${gross.value!.times(100).toFixed(1)} %`,
  );

  // The same query as text, for a warehouse (PostgreSQL dialect here) or the DuckDB CLI.
  const sql = mrrMovementsSql({ dialect: 'postgres', source: 'analytics.subscriptions' });
  console.log(`the PostgreSQL query is ${sql.split('\n').length} lines: paste it where the data lives`);
} finally {
  connection.closeSync();
  instance.closeSync();
  rmSync(directory, { recursive: true, force: true });
}
