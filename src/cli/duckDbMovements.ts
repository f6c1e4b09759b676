import type { DuckDBConnection } from '@duckdb/node-api';
import { toCalendarDate } from '../core/calendarDate.js';
import { MAX_INPUT_ISSUES } from '../core/errors.js';
import type { IsoDate } from '../core/types.js';
import { exactDecimal, mrrPlaces, readerDate, textCell } from '../duckdb/internal/checkedCellsSql.js';
import type { Report, ReportInput } from '../io/types.js';
import type { PeriodMovements } from '../revenue/types.js';
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
  refuseInexactMrr,
  refuseMixedCurrencies,
  sourceColumns,
} from './duckDbInputFile.js';
import type { DuckDbMovementsOptions } from './duckDbMovementsOptions.js';
import {
  candidateRefusal,
  EXACT_MESSAGES_UP_TO,
  engineProblemSql,
  engineRefusal,
  extraCellsSql,
  memoryCanRead,
  type RowTexts,
  refuseAsMemoryEngine,
  rowProblemSql,
} from './duckDbRowChecks.js';
import { InputFileError } from './readInputFile.js';

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
 * Rows: the same rows are accepted and refused as by the memory engine, with its messages (duckDbRowChecks.ts): one
 * streaming scan finds whether any row is one the memory reader refuses, and a second, on the rows as known on
 * asOf, an end before the start or overlapping periods of one subscription; only then does the memory engine read
 * the file (a CSV up to `exactMessagesUpTo`) for its own error, else the reader's row validator names the rows
 * DuckDB found.
 * Exactness: DuckDB computes MRR as `DECIMAL(38, mrrScale)`. Every cell is read as text (a CSV's never as
 * DOUBLE; a Parquet DOUBLE as its shortest decimal), exponent notation included (`2.5E3`), and a value with more
 * decimal places than `mrrScale` (`1e-7` at scale 6) is refused with an error naming the row's customer, the value
 * and the `--mrr-scale` that holds it, so no amount is ever rounded silently. `amount` + `interval`
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
  try {
    return await readWithDuckDb(file, options, true);
  } catch (error) {
    // DuckDB's parallel CSV scanner refuses a quoted line break in a cell with null_padding; only such a file is
    // read again by one thread (several times slower), so every other file keeps the parallel scan.
    if (!QUOTED_LINE_BREAKS.test((error as Error).message ?? '')) throw error;
    return readWithDuckDb(file, options, false);
  }
}

const QUOTED_LINE_BREAKS =
  /parallel scanner does not support null_padding in conjunction with quoted new lines/;

async function readWithDuckDb(
  file: string,
  options: DuckDbMovementsOptions,
  parallel: boolean,
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
    // A CSV is read with the in-memory reader's delimiter, every cell as text, its columns named by position
    // (c0, c1 …: a header name never reaches the SQL); a Parquet file's columns by their names, quoted.
    const header = parquet ? null : csvHeader(file);
    // No header row (an empty file, only blank lines): the in-memory reader's own error, never DuckDB's guess.
    if (header !== null && header.names === null) {
      if (memoryCanRead(file, options.exactMessagesUpTo ?? EXACT_MESSAGES_UP_TO)) {
        refuseAsMemoryEngine(file, options);
      }
      throw new InputFileError(`${file}: the CSV has no header row in its first 64 KiB`);
    }
    const csvNames = header?.names?.map((_, at) => `'c${at}'`).join(', ');
    const delimiter = header?.delimiter === '\t' ? '\\t' : header?.delimiter;
    const source = parquet
      ? `read_parquet(${path})`
      : `read_csv(${path}, header = true, all_varchar = true, delim = '${delimiter}', quote = '"', escape = '"', null_padding = true${parallel ? '' : ', parallel = false'}, names = [${csvNames}])`;
    const described = await sourceColumns(connection, source, file);
    const names = header?.names ?? described.map((entry) => entry.name);
    const { columns: column, index } = findColumns(names, file, options.segmentColumn);
    const q = (field: Column | OptionalColumn) =>
      parquet ? `"${column[field]!.replaceAll('"', '""')}"` : `c${index[field]!}`;
    // Cells past the header's (DuckDB's null_padding columns): a row with one that is not blank is refused.
    const extra = parquet ? [] : described.map((entry) => entry.name).filter((name) => !/^c\d+$/.test(name));
    // Every cell is read as text, trimmed, a blank one NULL (a Parquet column cast to text: a DOUBLE as its shortest
    // decimal, the number JSON holds), and checked as the memory reader checks it before any of it is converted.
    const blank = parquet ? 'false' : `coalesce(trim(concat_ws('', *COLUMNS(*))), '') = ''`;
    const typeOf = (field: Column | OptionalColumn) =>
      described.find((entry) => entry.name === column[field])?.type ?? 'VARCHAR';
    const text = (field: Column | OptionalColumn) => {
      if (column[field] === undefined) return 'CAST(NULL AS VARCHAR)';
      // A Parquet timestamp at midnight is its day; any other time of day stays in the text and is refused.
      const value = typeOf(field).startsWith('TIMESTAMP')
        ? `CASE WHEN CAST(${q(field)} AS DATE) = ${q(field)} THEN CAST(CAST(${q(field)} AS DATE) AS VARCHAR) ELSE CAST(${q(field)} AS VARCHAR) END`
        : q(field);
      return textCell(value);
    };
    const flagged = `SELECT ${blank} AS blank_row, (${extraCellsSql(extra)}) AS extra_cells, ${text('customerId')} AS customer_id, ${text('subscriptionId')} AS subscription_id, ${text('start')} AS start_text, ${readerDate(text('start'))} AS start_date, ${text('end')} AS end_text, ${readerDate(text('end'))} AS end_date, ${text('mrr')} AS mrr, ${text('currency')} AS currency_text, upper(${text('currency')}) AS currency, ${text('segment')} AS segment FROM ${source}`;
    await connection.run(`CREATE TEMP VIEW flagged_rows AS ${flagged}`);
    await connection.run(
      'CREATE TEMP VIEW raw_rows AS SELECT customer_id, subscription_id, start_date, end_date, mrr, currency, segment FROM flagged_rows WHERE NOT blank_row',
    );
    const problem = rowProblemSql(options.segmentColumn !== undefined);
    // The memory engine's refusal, with its messages (see duckDbRowChecks.ts); throws.
    const refuse = async (endBeforeStart: number, overlaps: number): Promise<never> => {
      if (!parquet && memoryCanRead(file, options.exactMessagesUpTo ?? EXACT_MESSAGES_UP_TO)) {
        refuseAsMemoryEngine(file, options);
        // The memory engine reads what DuckDB's checks refused: never go on with a guess.
        throw new InputFileError(
          `${file}: --engine duckdb cannot read some rows the in-memory engine reads; use --engine memory`,
        );
      }
      if (endBeforeStart + overlaps > 0) throw engineRefusal(file, endBeforeStart, overlaps);
      const candidates = (await rows(
        connection,
        `SELECT * FROM (SELECT *, row_number() OVER () + ${parquet ? 0 : 1} AS row_number FROM flagged_rows) WHERE ${problem} ORDER BY row_number LIMIT ${MAX_INPUT_ISSUES}`,
      )) as unknown as RowTexts[];
      const error = candidateRefusal(candidates, column, options.segmentColumn !== undefined, names.length);
      throw error ?? new InputFileError(`${file}: DuckDB found rows the in-memory reader refuses`);
    };
    // One scan before the work: blank rows, rows the memory engine refuses, MRR the scale would round, and the
    // last day of the data.
    const inexact = `${mrrPlaces('mrr')} > ${options.mrrScale}`;
    const kept = 'NOT blank_row';
    const wrong = `${kept} AND NOT (${problem}) AND (${inexact})`;
    // The rows buildReport reads: those starting by the given as-of day (by the data's last day, all of them).
    const known = givenAsOf === undefined ? kept : `${kept} AND start_date <= DATE '${givenAsOf}'`;
    const reporting = options.currency?.reporting ?? '';
    const foreign = `${known} AND currency IS NOT NULL AND currency <> '${reporting}'`;
    const places = mrrPlaces('mrr');
    const [scan] = await track('checking', () =>
      rows(
        connection,
        `SELECT count(*) FILTER (WHERE blank_row) AS blank_rows, count(*) FILTER (WHERE ${problem}) AS bad_rows, count(*) FILTER (WHERE ${wrong}) AS inexact_rows, arg_min(mrr, start_date) FILTER (WHERE ${wrong}) AS inexact_mrr, arg_min(customer_id, start_date) FILTER (WHERE ${wrong}) AS inexact_customer, max(greatest(start_date, coalesce(end_date, start_date))) FILTER (WHERE ${kept}) AS last_day,
          list(DISTINCT coalesce(currency, '')) FILTER (WHERE ${known}) AS currencies,
          coalesce(max(${places}) FILTER (WHERE ${foreign}), 0) AS foreign_mrr_places
        FROM flagged_rows`,
      ),
    );
    if (Number(scan?.bad_rows ?? 0) > 0) await refuse(0, 0);
    const blankRowsSkipped = parquet ? null : Number(scan?.blank_rows ?? 0);
    refuseInexactMrr(scan, options.mrrScale, file);
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
      `CREATE TEMP VIEW rows_as_of AS SELECT customer_id, subscription_id, start_date, CASE WHEN end_date > DATE '${asOf}' THEN NULL ELSE end_date END AS end_date, ${exactDecimal('mrr', options.mrrScale)} AS mrr, currency, segment FROM raw_rows WHERE start_date <= DATE '${asOf}'`,
    );
    // An end before the start, periods of one subscription that overlap: refused as by the memory engine.
    const [engineScan] = await track('checking', () => rows(connection, engineProblemSql()));
    const endBeforeStart = Number(engineScan?.end_before_start ?? 0);
    const overlaps = Number(engineScan?.overlaps ?? 0);
    if (endBeforeStart + overlaps > 0) await refuse(endBeforeStart, overlaps);
    const table = { table: 'rows_as_of' };
    let converting: { currency?: MrrMovementsSqlCurrency } = {};
    let retentionConverting: { currency?: MrrMovementsSqlCurrency } = {};
    if (options.currency !== undefined) {
      const rateDate = options.currency.rateDate ?? 'periodStart';
      // Under 'snapshot' a partial last period is valued at the rates known on asOf, never at a later one (as
      // buildReport reads the rates).
      const known =
        rateDate === 'snapshot'
          ? options.currency.rates.filter(
              (rate, at) => toCalendarDate(rate.date, ['rates', at, 'date']) <= asOf,
            )
          : options.currency.rates;
      await createRatesTable(
        connection,
        { ...options.currency, rates: known },
        options.ratesFile ?? 'the rates',
      );
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
    if (parallel && QUOTED_LINE_BREAKS.test((error as Error).message ?? '')) throw error;
    const unread = error instanceof InputFileError && error.message.startsWith('cannot read');
    if ((error instanceof InputFileError && !unread) || (error as Error).name === 'MetricInputError')
      throw error;
    // DuckDB could not read the file (a malformed row, say): the in-memory reader names what is wrong, if it can.
    if (!parquet && memoryCanRead(file, options.exactMessagesUpTo ?? EXACT_MESSAGES_UP_TO)) {
      refuseAsMemoryEngine(file, options);
    }
    if (unread) throw error;
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
