import { closeSync, openSync, readSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Granularity } from '../core/types.js';
import type { MrrMovementsSqlColumns } from '../sql/types.js';
import { type ReportInput, reportAsOf } from './buildReport.js';
import { InputFileError, subscriptionColumnAliases } from './readInputFile.js';

/** @private */
export interface DuckDbMovementsOptions {
  readonly granularity: Granularity;
  readonly from?: string;
  readonly to?: string;
}

/**
 * The movements table of a CSV or Parquet file computed by DuckDB, which streams the file instead of loading it
 * into Node (the `--engine duckdb` of the report command), and the trailing 12-month NRR/GRR measured on the
 * report's asOf (`reportAsOf` of that table), also in DuckDB. CSV columns are found by their header like the
 * in-memory reader does; a Parquet file must use the default names (customer_id, start_date, end_date, mrr).
 * DuckDB is the optional peer dependency `@duckdb/node-api`, loaded only here and only when asked for.
 *
 * @private
 */
export async function duckDbMovements(
  file: string,
  options: DuckDbMovementsOptions,
): Promise<Pick<ReportInput, 'movements' | 'trailingRevenueRetention'>> {
  const lower = file.toLowerCase();
  let duckdb: typeof import('../duckdb/index.js');
  try {
    duckdb = await import('../duckdb/index.js');
  } catch {
    throw new InputFileError(
      '--engine duckdb needs the optional package @duckdb/node-api: run `npm install @duckdb/node-api`',
    );
  }
  const sqlOptions = {
    granularity: options.granularity,
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
  const parquet = lower.endsWith('.parquet');
  const source = parquet ? { parquet: file } : { csv: file };
  const columns = parquet ? {} : { columns: csvColumns(file) };
  const movements = await duckdb.mrrMovementsDuckDb(source, { ...sqlOptions, ...columns });
  const asOf = reportAsOf(movements);
  if (asOf === null) return { movements };
  // A second scan of the file: one GROUP BY, cheap beside the movements query.
  const trailingRevenueRetention = await duckdb.trailingRevenueRetentionDuckDb(source, { ...columns, asOf });
  return { movements, trailingRevenueRetention };
}

// Reads only the header line, so a file larger than memory is never loaded.
function csvColumns(file: string): MrrMovementsSqlColumns {
  const buffer = Buffer.alloc(64 * 1024);
  let length: number;
  try {
    const handle = openSync(file, 'r');
    length = readSync(handle, buffer, 0, buffer.length, 0);
    closeSync(handle);
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const firstLine = buffer.subarray(0, length).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  const [headers = []] = parse(firstLine, { bom: true, trim: true }) as string[][];
  const find = (field: keyof MrrMovementsSqlColumns) => {
    const name = subscriptionColumnAliases[field].find((alias) => headers.includes(alias));
    if (name === undefined) {
      throw new InputFileError(
        `${file} has no ${subscriptionColumnAliases[field].join(' / ')} column (found: ${headers.join(', ')})`,
      );
    }
    return name;
  };
  return { customerId: find('customerId'), start: find('start'), end: find('end'), mrr: find('mrr') };
}
