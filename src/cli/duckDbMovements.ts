import type { DuckDBConnection } from '@duckdb/node-api';
import { toCalendarDate } from '../core/calendarDate.js';
import type { Granularity, IsoDate } from '../core/types.js';
import type { Report, ReportInput } from '../io/types.js';
import type { CurrencyOptions, PeriodMovements } from '../revenue/types.js';
import { quoteIdentifier } from '../sql/quoteIdentifier.js';
import type { MrrMovementsSqlCurrency } from '../sql/types.js';
import {
  AS_OF_RATES_TABLE,
  createAsOfRatesTable,
  createRatesTable,
  RATES_TABLE,
  refuseInexactConversion,
} from './duckDbCurrency.js';
import {
  type Column,
  csvHeader,
  fileLiteral,
  findColumns,
  type OptionalColumn,
  parquetColumns,
  refuseBadCells,
  refuseInexactMrr,
  refuseMixedCurrencies,
} from './duckDbInputFile.js';
import { InputFileError } from './readInputFile.js';

/** @private */
export interface DuckDbMovementsOptions {
  readonly granularity: Granularity;
  readonly from?: string;
  /** The report's as-of day; default: the last day of the data (latest start or end date). */
  readonly asOf?: string;
  /** Decimal places MRR is computed with (`DECIMAL(38, mrrScale)`), 0 … 18. */
  readonly mrrScale: number;
  /** How many recent periods the cohort matrix covers (the report's `cohortPeriods`). */
  readonly cohortPeriods: number;
  /** The column whose value is each row's segment (every row needs one): adds the segments' tables. */
  readonly segmentColumn?: string;
  /** Converts a currency column into `reporting` with the rates read from `ratesFile` (as the memory engine). */
  readonly currency?: CurrencyOptions;
  /** The rates file's name, for messages. */
  readonly ratesFile?: string;
  /** Called about ten times a second while DuckDB works: its progress in percent (0 … 100) and the step. */
  readonly onProgress?: (percentage: number, phase: string) => void;
}

/** What the DuckDB engine hands to `buildReport`, and what the report says about how the data was read. @private */
export interface DuckDbReportInput {
  readonly input: Pick<
    ReportInput,
    'movements' | 'monthlyMovements' | 'trailingRevenueRetention' | 'cohorts'
  >;
  /** With `segmentColumn`: the report's `segments` (`buildReport` takes no precomputed segments). */
  readonly segments: Report['segments'];
  readonly asOf: IsoDate | null;
  /** CSV rows of only commas and white space, skipped (DuckDB itself drops empty lines unseen). */
  readonly blankRowsSkipped: number | null;
}

/**
 * The movements table of a CSV or Parquet file computed by DuckDB, which streams the file instead of loading it
 * into Node (the `--engine duckdb` of the report command), and the trailing 12-month NRR/GRR on the report's
 * asOf, also in DuckDB. Columns are found by their header names like the in-memory reader does. The rows are
 * first read as known on asOf (later starts left out, later ends open), like `buildReport` does.
 *
 * Exactness: DuckDB computes MRR as `DECIMAL(38, mrrScale)`. A CSV is read as text (never as DOUBLE), and a
 * value with more decimal places than `mrrScale` (or one that is not a plain decimal, such as `1e-7`) is
 * refused with an error naming the row's customer, the value and the `--mrr-scale` that holds it, so no amount
 * is ever rounded silently. The same check runs on a Parquet column (DOUBLE or DECIMAL). `amount` + `interval`
 * files are refused: a yearly price's MRR has no finite decimal expansion; the in-memory engine reads them.
 * Currencies and segments are read as the memory engine reads them: a `currency` column (any alias; codes trimmed and
 * in any case, blank = the reporting currency) is converted with `currency` as `mrrMovements` does (trailing NRR/GRR
 * and cohorts at each row's start under `'periodStart'`, at the as-of day's rates under `'snapshot'`, as
 * `buildReport` does); without `currency`, rows in more than one currency are refused (`mixed_currencies`), never
 * added. A conversion that `DECIMAL(38, mrrScale)` could not hold exactly is refused with the `--mrr-scale` it
 * needs. `segmentColumn` names the column of each row's segment (trimmed; a blank one is refused) and adds
 * `segmentMrrMovements`' tables as the report's `segments`.
 * DuckDB is the optional peer dependency `@duckdb/node-api`, loaded only here and only when asked for.
 *
 * @private
 */
export async function duckDbMovements(
  file: string,
  options: DuckDbMovementsOptions,
): Promise<DuckDbReportInput> {
  let api: typeof import('@duckdb/node-api');
  let duckdb: typeof import('../duckdb/index.js');
  try {
    api = await import('@duckdb/node-api');
    duckdb = await import('../duckdb/index.js');
  } catch {
    throw new InputFileError(
      '--engine duckdb needs the optional package @duckdb/node-api: run `npm install @duckdb/node-api`',
    );
  }
  // Validated before it is written into SQL as a DATE literal.
  const givenAsOf =
    options.asOf === undefined ? undefined : toCalendarDate(options.asOf, ['options', 'asOf']);
  const parquet = file.toLowerCase().endsWith('.parquet');
  const path = fileLiteral(file);
  const instance = await api.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false;');
    const track = <T>(phase: string, work: () => Promise<T>) =>
      withProgress(connection, options.onProgress, phase, work);
    const source = parquet ? `read_parquet(${path})` : `read_csv(${path}, header = true, all_varchar = true)`;
    const described = parquet ? await parquetColumns(connection, source, file) : null;
    const names = described === null ? csvHeader(file) : described.map((entry) => entry.name);
    const column = findColumns(names, file, options.segmentColumn);
    const q = (field: Column | OptionalColumn) => quoteIdentifier(column[field]!, ['columns', field], false);
    // A CSV is read as text: cells trimmed, an empty cell NULL, a row of only blank cells skipped and counted.
    const blank = parquet ? 'false' : `coalesce(trim(concat_ws('', *COLUMNS(*))), '') = ''`;
    const cell = (field: Column | OptionalColumn) => (parquet ? q(field) : `NULLIF(trim(${q(field)}), '')`);
    // Text columns of either source, trimmed, a blank one NULL (a code in any case, as the memory reader).
    const text = (field: OptionalColumn) =>
      column[field] === undefined
        ? 'CAST(NULL AS VARCHAR)'
        : `NULLIF(trim(CAST(${q(field)} AS VARCHAR)), '')`;
    const flagged = `SELECT ${blank} AS blank_row, ${cell('customerId')} AS customer_id, CAST(${cell('start')} AS DATE) AS start_date, ${column.end === undefined ? 'CAST(NULL AS DATE)' : `CAST(${cell('end')} AS DATE)`} AS end_date, ${cell('mrr')} AS mrr, upper(${text('currency')}) AS currency, ${text('segment')} AS segment FROM ${source}`;
    await connection.run(`CREATE TEMP VIEW flagged_rows AS ${flagged}`);
    await connection.run(
      'CREATE TEMP VIEW raw_rows AS SELECT customer_id, start_date, end_date, mrr, currency, segment FROM flagged_rows WHERE NOT blank_row',
    );
    // One scan before the work: blank rows, MRR the scale would round, and the last day of the data.
    const mrrType =
      described === null ? 'VARCHAR' : described.find((entry) => entry.name === column.mrr)!.type;
    const inexact =
      mrrType === 'VARCHAR'
        ? `NOT regexp_full_match(mrr, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)') OR length(regexp_extract(mrr, '[.]([0-9]*?)0*$', 1)) > ${options.mrrScale}`
        : `CAST(CAST(mrr AS DECIMAL(38, ${options.mrrScale})) AS DOUBLE) <> CAST(mrr AS DOUBLE)`;
    const kept = 'NOT blank_row';
    const wrong = `${kept} AND mrr IS NOT NULL AND (${inexact})`;
    // The rows buildReport reads: those starting by the given as-of day (by the data's last day, all of them).
    const known = givenAsOf === undefined ? kept : `${kept} AND start_date <= DATE '${givenAsOf}'`;
    const badCode = `${kept} AND currency IS NOT NULL AND NOT regexp_full_match(currency, '[A-Z]{3}')`;
    const noSegment = `${kept} AND segment IS NULL`;
    const reporting = options.currency?.reporting ?? '';
    const foreign = `${known} AND currency IS NOT NULL AND currency <> '${reporting}'`;
    const places = `length(regexp_extract(CAST(mrr AS VARCHAR), '[.]([0-9]*?)0*$', 1))`;
    const [scan] = await track('checking', () =>
      rows(
        connection,
        `SELECT count(*) FILTER (WHERE blank_row) AS blank_rows, count(*) FILTER (WHERE ${wrong}) AS inexact_rows, arg_min(CAST(mrr AS VARCHAR), start_date) FILTER (WHERE ${wrong}) AS inexact_mrr, arg_min(customer_id, start_date) FILTER (WHERE ${wrong}) AS inexact_customer, max(greatest(start_date, coalesce(end_date, start_date))) FILTER (WHERE ${kept}) AS last_day,
          count(*) FILTER (WHERE ${badCode}) AS bad_codes, arg_min(customer_id, start_date) FILTER (WHERE ${badCode}) AS bad_code_customer, arg_min(currency, start_date) FILTER (WHERE ${badCode}) AS bad_code,
          count(*) FILTER (WHERE ${noSegment}) AS no_segments, arg_min(customer_id, start_date) FILTER (WHERE ${noSegment}) AS no_segment_customer,
          list(DISTINCT coalesce(currency, '')) FILTER (WHERE ${known}) AS currencies,
          coalesce(max(${places}) FILTER (WHERE ${foreign}), 0) AS foreign_mrr_places
        FROM flagged_rows`,
      ),
    );
    const blankRowsSkipped = parquet ? null : Number(scan?.blank_rows ?? 0);
    refuseInexactMrr(scan, options.mrrScale, file);
    refuseBadCells(scan, options.segmentColumn, column, file);
    const currencies = ((scan?.currencies as string[] | null | undefined) ?? []).sort();
    if (options.currency === undefined) {
      refuseMixedCurrencies(currencies, column.currency, file);
    } else {
      refuseInexactConversion(
        options.currency,
        currencies.filter((code) => code !== '' && code !== reporting),
        Number(scan?.foreign_mrr_places ?? 0),
        options.mrrScale,
        options.ratesFile ?? 'the rates',
      );
    }

    const asOf = givenAsOf ?? (scan?.last_day as string | null | undefined) ?? null;
    if (asOf === null) {
      return {
        input: { movements: [] },
        segments: options.segmentColumn === undefined ? null : [],
        asOf: null,
        blankRowsSkipped,
      };
    }
    // The rows as known on asOf, as buildReport reads subscriptions.
    await connection.run(
      `CREATE TEMP VIEW rows_as_of AS SELECT customer_id, start_date, CASE WHEN end_date > DATE '${asOf}' THEN NULL ELSE end_date END AS end_date, mrr, currency, segment FROM raw_rows WHERE start_date <= DATE '${asOf}'`,
    );
    const table = { table: 'rows_as_of' };
    let converting: { currency?: MrrMovementsSqlCurrency } = {};
    let retentionConverting: { currency?: MrrMovementsSqlCurrency } = {};
    if (options.currency !== undefined) {
      await createRatesTable(connection, options.currency, options.ratesFile ?? 'the rates');
      const rateDate = options.currency.rateDate ?? 'periodStart';
      converting = { currency: { reporting, rates: RATES_TABLE, rateDate } };
      retentionConverting = converting;
      if (rateDate === 'snapshot') {
        await createAsOfRatesTable(connection, asOf);
        retentionConverting = { currency: { reporting, rates: AS_OF_RATES_TABLE } };
      }
    }
    const common = { connection, mrrScale: options.mrrScale };
    const range = {
      granularity: options.granularity,
      ...(options.from === undefined ? {} : { from: options.from }),
      to: asOf,
    };
    let segments: Report['segments'] = null;
    let movements: PeriodMovements[];
    if (options.segmentColumn === undefined) {
      movements = await track('movements', () =>
        duckdb.mrrMovementsDuckDb(table, { ...common, ...range, ...converting }),
      );
    } else {
      const split = await track('movements', () =>
        duckdb.segmentMrrMovementsDuckDb(table, { ...common, ...range, ...converting }),
      );
      movements = split.total;
      segments = split.segments;
    }
    // LTV's churn is measured on calendar months whatever the table's granularity (as buildReport does).
    const monthlyMovements =
      options.granularity === 'month' && options.from === undefined
        ? undefined
        : await track('monthly churn', () =>
            duckdb.mrrMovementsDuckDb(table, { ...common, granularity: 'month', to: asOf, ...converting }),
          );
    const trailingRevenueRetention = await track('trailing NRR', () =>
      duckdb.trailingRevenueRetentionDuckDb(table, { ...common, asOf, ...retentionConverting }),
    );
    const cohorts =
      movements.length === 0
        ? undefined
        : await track('cohorts', () =>
            duckdb.cohortRetentionDuckDb(table, {
              ...common,
              granularity: options.granularity,
              from: movements[Math.max(0, movements.length - options.cohortPeriods)]!.start,
              to: asOf,
              ...retentionConverting,
            }),
          );
    return {
      input: {
        movements,
        trailingRevenueRetention,
        ...(cohorts === undefined ? {} : { cohorts }),
        ...(monthlyMovements === undefined ? {} : { monthlyMovements }),
      },
      segments,
      asOf,
      blankRowsSkipped,
    };
  } catch (error) {
    if (error instanceof InputFileError || (error as Error).name === 'MetricInputError') throw error;
    throw new InputFileError(`${file}: DuckDB could not read it: ${(error as Error).message}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

// Polls DuckDB's own progress (a percentage, -1 while unknown) while `work` runs.
async function withProgress<T>(
  connection: DuckDBConnection,
  onProgress: ((percentage: number, phase: string) => void) | undefined,
  phase: string,
  work: () => Promise<T>,
): Promise<T> {
  if (onProgress === undefined) return work();
  const timer = setInterval(() => {
    const { percentage } = connection.progress;
    if (percentage >= 0) onProgress(percentage, phase);
  }, 100);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
