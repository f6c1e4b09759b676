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

// MRR (2 decimals) × rate (4 decimals), exact: integer cents × basis points are millionths of a dollar.
const times = (mrr: string, rate: string) => {
  const digits = (BigInt(mrr.replace('.', '')) * BigInt(rate.replace('.', ''))).toString().padStart(7, '0');
  return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
};
const CSV = 'examples/data/sample-subscriptions.csv';
const RATES = 'examples/data/exchange-rates.csv';
const directory = mkdtempSync(join(tmpdir(), 'customer-health-example-'));
const parquet = join(directory, 'subscriptions.parquet');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  // Make the Parquet file with DuckDB itself. Declare the types rather than let DuckDB guess: dates as DATE, and
  // money as an exact DECIMAL (a guessed DOUBLE could not hold 165.83 exactly). The export bills in USD and EUR:
  // an ASOF join picks the EUR rate in effect on each row's start (the library's default convention, rateDate
  // 'periodStart'), so the file holds MRR in USD, exact to the millionth (2 decimals × 4).
  const columns = `{'customer_id': 'VARCHAR', 'subscription_id': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE', 'mrr': 'DECIMAL(18,2)', 'currency': 'VARCHAR', 'plan': 'VARCHAR'}`;
  const rateColumns = `{'currency': 'VARCHAR', 'date': 'DATE', 'rate': 'DECIMAL(10,4)'}`;
  await connection.run(
    `COPY (
       SELECT s.customer_id, s.subscription_id, s.start_date, s.end_date,
              CAST(CASE WHEN s.currency = 'USD' THEN s.mrr ELSE s.mrr * r.rate END AS DECIMAL(18,6)) AS mrr
       FROM read_csv('${CSV}', header = true, columns = ${columns}) s
       ASOF LEFT JOIN read_csv('${RATES}', header = true, columns = ${rateColumns}) r
         ON s.currency = r.currency AND s.start_date >= r.date
     ) TO '${parquet}' (FORMAT parquet)`,
  );

  // The in-memory engine reads the same CSV and converts the same way, with its own lookup of the rate.
  const rates = parse(readFileSync(RATES), { columns: true }) as Record<string, string>[];
  const rateOn = (day: string) =>
    rates
      .filter((r) => r.date! <= day)
      .sort((a, b) => (a.date! < b.date! ? -1 : 1))
      .at(-1)!.rate!;
  const csv: Record<string, string>[] = parse(readFileSync(CSV), { columns: true });
  const subscriptions = csv.map((r) => ({
    customerId: r.customer_id!,
    subscriptionId: r.subscription_id!,
    start: r.start_date!,
    end: r.end_date || null,
    mrr: r.currency === 'USD' ? r.mrr! : times(r.mrr!, rateOn(r.start_date!)),
  }));

  // The Parquet file holds exactly the converted CSV: same rows, same total of the mrr column to the millionth.
  const [check] = (
    await connection.runAndReadAll(`SELECT count(*) AS n, sum(mrr)::VARCHAR AS total FROM '${parquet}'`)
  ).getRowObjectsJson();
  const microOf = (text: string) => {
    const [whole, fraction = ''] = text.split('.');
    return BigInt(whole! + fraction.padEnd(6, '0'));
  };
  const micro = subscriptions
    .reduce((sum, s) => sum + microOf(s.mrr), 0n)
    .toString()
    .padStart(7, '0');
  assert.deepEqual(
    [Number(check!.n), check!.total],
    [subscriptions.length, `${micro.slice(0, -6)}.${micro.slice(-6)}`],
  );

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
