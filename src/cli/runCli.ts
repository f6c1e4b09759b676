import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_INPUT_ISSUES, MetricInputError } from '../core/errors.js';
import { GRANULARITIES, type Granularity } from '../core/types.js';
import { buildReport } from '../io/buildReport.js';
import type { ParsedReportInput } from '../io/parseReportInput.js';
import type { Report, ReportInput } from '../io/types.js';
import type { CurrencyOptions } from '../revenue/types.js';
import { generateSampleData } from '../sample/generateSampleData.js';
import { duckDbMovements } from './duckDbMovements.js';
import { formatReport } from './formatReport.js';
import { progressLine } from './progressLine.js';
import { InputFileError, RatesFileError, readInputFile, readRatesFile } from './readInputFile.js';
import { renderHtmlReport } from './renderHtmlReport.js';

/** Where the CLI writes; injected so tests run it without a process. @private */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal: progress is shown only then (never when piped, never with --json). */
  readonly stderrIsTTY?: boolean;
}

const USAGE = `Usage: customer-health report [FILE] [options]

Prints MRR movements, churn, NRR/GRR, quick ratio, LTV, CAC payback, NPS and time to value.
FILE is a CSV (customer_id, subscription_id, start_date, end_date, mrr — or amount and interval instead of
mrr, as billing exports have them — and optionally currency) or JSON file; without FILE the built-in sample
data is used, with its plans as segments and its EUR customers converted to USD. Rows of only commas or
spaces are skipped and counted.

Options:
  --granularity day|week|month|quarter|year   period length (default month)
  --from YYYY-MM-DD                           first period to report
  --as-of YYYY-MM-DD                          the day figures are measured on and the last day reported
                                              (default: the last day of the data); --to is the same
  --gross-margin 0..1                         margin for LTV and CAC payback (default 1)
  --recent N                                  recent periods in the table, charts and cohorts (default 12)
  --json                                      print the whole report as JSON
  --html FILE                                 also write a self-contained HTML report with charts to FILE
  --engine memory|duckdb                      compute the movements, segments, cohorts and trailing
                                              NRR/GRR in Node (default) or in DuckDB, which streams a CSV
                                              or Parquet file too large for memory (default for .parquet;
                                              needs @duckdb/node-api); both give the same report
  --mrr-scale N                               with --engine duckdb: decimal places MRR is computed with,
                                              0..18 (default 6); a file needing more is refused, never rounded
  --segment-column NAME                       adds a movements table and chart per segment: the value of
                                              column NAME (plan, region …) on each row; every row needs one
  --currency CODE --rates FILE                reports in currency CODE (e.g. USD): rows in another currency
                                              (a currency column) are converted with the rates of FILE, a
                                              CSV or JSON of currency, date, rate (1 unit = rate CODE)
  --rate-date periodStart|snapshot            which day's rate converts: each row's start (default,
                                              ChartMogul) or each period's last day (Chargebee; the
                                              revaluation is its own fx column)
  -h, --help                                  show this help
`;

/**
 * The `customer-health` command. Returns the exit code: 0 on success, 1 for bad input (with a message naming
 * the file, row and column), 2 for bad usage. Nothing is written unless the whole report succeeded.
 *
 * @private
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(USAGE);
    return 0;
  }
  const [command, file, ...rest] = positionals;
  if (command !== 'report' || rest.length > 0) {
    io.stderr(
      `${command === undefined ? 'missing command' : `unknown command or argument: ${[command, file, ...rest].join(' ')}`}\n\n${USAGE}`,
    );
    return 2;
  }
  const granularity = values.granularity ?? 'month';
  if (!(GRANULARITIES as readonly string[]).includes(granularity)) {
    io.stderr(`--granularity must be one of ${GRANULARITIES.join(', ')}, received ${granularity}\n`);
    return 2;
  }
  const recent = values.recent === undefined ? 12 : Number(values.recent);
  if (!Number.isInteger(recent) || recent < 1) {
    io.stderr(`--recent must be a whole number >= 1, received ${values.recent}\n`);
    return 2;
  }
  if (values.html === '') {
    io.stderr(`--html needs a file name\n\n${USAGE}`);
    return 2;
  }
  if (values['as-of'] !== undefined && values.to !== undefined && values['as-of'] !== values.to) {
    io.stderr(`--as-of and --to name the same day; received ${values['as-of']} and ${values.to}\n`);
    return 2;
  }
  const asOf = values['as-of'] ?? values.to;
  const engine = values.engine ?? (file?.toLowerCase().endsWith('.parquet') ? 'duckdb' : 'memory');
  if (engine !== 'memory' && engine !== 'duckdb') {
    io.stderr(`--engine must be memory or duckdb, received ${engine}\n`);
    return 2;
  }
  if (engine === 'duckdb' && (file === undefined || !/\.(csv|parquet)$/i.test(file))) {
    io.stderr(`--engine duckdb reads a .csv or .parquet file\n\n${USAGE}`);
    return 2;
  }
  const mrrScale = values['mrr-scale'] === undefined ? 6 : Number(values['mrr-scale']);
  if (!/^\d+$/.test(values['mrr-scale'] ?? '6') || mrrScale > 18) {
    io.stderr(`--mrr-scale must be a whole number from 0 to 18, received ${values['mrr-scale']}\n`);
    return 2;
  }
  if (values['mrr-scale'] !== undefined && engine !== 'duckdb') {
    io.stderr('--mrr-scale applies to --engine duckdb only (the in-memory engine is exact at any scale)\n');
    return 2;
  }
  const segmentColumn = values['segment-column'];
  if (segmentColumn !== undefined && segmentColumn.trim() === '') {
    io.stderr(`--segment-column needs a column name\n\n${USAGE}`);
    return 2;
  }
  const currencyFlag = values.currency?.trim().toUpperCase();
  if (currencyFlag !== undefined && !/^[A-Z]{3}$/.test(currencyFlag)) {
    io.stderr(
      `--currency must be an ISO 4217 code of three letters (e.g. USD), received ${values.currency}\n`,
    );
    return 2;
  }
  if ((currencyFlag === undefined) !== (values.rates === undefined) && file !== undefined) {
    io.stderr(
      `${currencyFlag === undefined ? '--rates needs --currency (the currency the rates convert into)' : '--currency needs --rates FILE (a CSV or JSON of currency, date, rate)'}\n\n${USAGE}`,
    );
    return 2;
  }
  const rateDate = values['rate-date'];
  if (rateDate !== undefined && rateDate !== 'periodStart' && rateDate !== 'snapshot') {
    io.stderr(`--rate-date must be periodStart or snapshot, received ${rateDate}\n`);
    return 2;
  }
  if (rateDate !== undefined && currencyFlag === undefined && file !== undefined) {
    io.stderr('--rate-date applies with --currency and --rates only\n');
    return 2;
  }
  if (
    file === undefined &&
    (segmentColumn !== undefined || currencyFlag !== undefined || values.rates !== undefined)
  ) {
    io.stderr(
      '--segment-column, --currency and --rates read a FILE: the built-in sample data comes with its plans as segments and its own EUR → USD rates (--rate-date still applies)\n',
    );
    return 2;
  }
  const source = file ?? 'the built-in sample data';
  const notes: string[] = [];
  const inputNotes: Record<string, unknown> = { file: file ?? null, engine };
  let rowsRead: ParsedReportInput | undefined;
  const progress = io.stderrIsTTY === true && values.json !== true ? progressLine(io.stderr) : undefined;
  try {
    let input: ReportInput;
    let reportAsOf = asOf;
    let currency: CurrencyOptions | undefined;
    let segments = false;
    // The DuckDB engine's segment tables: buildReport computes segments from subscriptions only.
    let duckDbSegments: Report['segments'] = null;
    // --currency and --rates, the rates file read the same way for both engines.
    const ratesOption = (): CurrencyOptions | undefined => {
      if (currencyFlag === undefined || values.rates === undefined) return undefined;
      inputNotes.rates = values.rates;
      return {
        reporting: currencyFlag,
        rates: readRatesFile(values.rates),
        ...(rateDate === undefined ? {} : { rateDate }),
      };
    };
    if (file === undefined) {
      const sample = generateSampleData();
      input = sample;
      currency = { ...sample.currency, ...(rateDate === undefined ? {} : { rateDate }) };
      segments = true;
      notes.push(
        "segments: the sample's plans; 30 % of its customers pay in EUR, converted to USD with its monthly rates",
      );
    } else if (engine === 'duckdb') {
      currency = ratesOption();
      if (segmentColumn !== undefined) inputNotes.segmentColumn = segmentColumn;
      const read = await duckDbMovements(file, {
        granularity: granularity as Granularity,
        ...(values.from === undefined ? {} : { from: values.from }),
        ...(asOf === undefined ? {} : { asOf }),
        mrrScale,
        cohortPeriods: recent,
        ...(segmentColumn === undefined ? {} : { segmentColumn }),
        ...(currency === undefined ? {} : { currency, ratesFile: values.rates! }),
        ...(progress === undefined ? {} : { onProgress: progress.update }),
      });
      progress?.done();
      input = read.input;
      duckDbSegments = read.segments;
      reportAsOf = read.asOf ?? undefined;
      inputNotes.mrrScale = mrrScale;
      inputNotes.blankRowsSkipped = read.blankRowsSkipped;
      notes.push(
        `engine: DuckDB, MRR computed exactly at ${mrrScale} decimal places (--mrr-scale ${mrrScale})`,
      );
      if (read.blankRowsSkipped !== null && read.blankRowsSkipped > 0) {
        notes.push(`${plural(read.blankRowsSkipped, 'blank row')} skipped (only commas or spaces)`);
      }
    } else {
      rowsRead = readInputFile(file, segmentColumn);
      input = rowsRead.input;
      currency = ratesOption();
      if (segmentColumn !== undefined) {
        segments = true;
        inputNotes.segmentColumn = segmentColumn;
      }
      inputNotes.blankRowsSkipped = rowsRead.blankRowsSkipped;
      if (rowsRead.columns.amount !== undefined) {
        inputNotes.mrrFrom = `${rowsRead.columns.amount} per ${rowsRead.columns.interval}`;
        notes.push(
          `MRR from ${rowsRead.columns.amount} and ${rowsRead.columns.interval} (normalizeToMrr: a year is 12 months, a week 12/52 of one)`,
        );
      }
      if (rowsRead.blankRowsSkipped > 0) {
        notes.push(`${plural(rowsRead.blankRowsSkipped, 'blank row')} skipped (only commas or spaces)`);
      }
    }
    const built = buildReport(input, {
      granularity: granularity as Granularity,
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(reportAsOf === undefined ? {} : { asOf: reportAsOf }),
      ...(values['gross-margin'] === undefined ? {} : { grossMargin: values['gross-margin'] }),
      cohortPeriods: recent,
      ...(currency === undefined ? {} : { currency }),
      ...(segments ? { segments: 'include' as const } : {}),
    });
    const report: Report = duckDbSegments === null ? built : { ...built, segments: duckDbSegments };
    if (currency !== undefined) notes.push(currencyNote(currency));
    const text =
      values.json === true
        ? `${JSON.stringify({ ...report, input: inputNotes }, null, 2)}\n`
        : formatReport(report, { recent, notes });
    if (values.html !== undefined) {
      const written = writeAtomically(values.html, renderHtmlReport(report, { recent, source, notes }));
      if (written !== null) {
        io.stderr(`customer-health: cannot write ${values.html}: ${written}\n`);
        return 1;
      }
    }
    io.stdout(text);
    return 0;
  } catch (error) {
    progress?.done();
    if (error instanceof RatesFileError) {
      const lines = error.cause.issues.map((issue) => `customer-health: ${error.file}, ${issue.message}\n`);
      io.stderr(lines.join(''));
      return 1;
    }
    if (error instanceof InputFileError) {
      io.stderr(`customer-health: ${error.message}\n`);
      return 1;
    }
    if (error instanceof MetricInputError) {
      // Every bad row at once (up to MAX_INPUT_ISSUES), one line each, so a file is fixed in one pass.
      const lines = error.issues.map(
        (issue) => `customer-health: ${describeInputError(issue, source, rowsRead)}\n`,
      );
      const more =
        error.issues.length >= MAX_INPUT_ISSUES
          ? `customer-health: (only the first ${MAX_INPUT_ISSUES} problems are listed)\n`
          : '';
      io.stderr(lines.join('') + more);
      return 1;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      granularity: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'as-of': { type: 'string' },
      'gross-margin': { type: 'string' },
      recent: { type: 'string' },
      json: { type: 'boolean' },
      html: { type: 'string' },
      engine: { type: 'string' },
      'mrr-scale': { type: 'string' },
      'segment-column': { type: 'string' },
      currency: { type: 'string' },
      rates: { type: 'string' },
      'rate-date': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

// Names the row of the file: the reader's own messages already do ("row 3, column mrr must be …"); an error
// from the metrics (end before start, overlapping periods) names subscriptions[i], which is mapped to the row.
function describeInputError(
  error: Pick<MetricInputError, 'path' | 'message'>,
  source: string,
  rows: ParsedReportInput | undefined,
): string {
  if (error.message.startsWith('row ')) return `${source}, ${error.message}`;
  const [root, index, field] = error.path;
  if (rows !== undefined && root === 'subscriptions' && typeof index === 'number') {
    const column =
      typeof field === 'string' ? (rows.columns[field as keyof typeof rows.columns] ?? field) : undefined;
    const where =
      rows.format === 'csv'
        ? `row ${rows.rowNumbers[index]}${column === undefined ? '' : `, column ${column}`}`
        : `subscriptions[${rows.rowNumbers[index]}]${column === undefined ? '' : `.${column}`}`;
    return `${source}, ${where}: ${error.message}`;
  }
  return `${source}: ${error.message}`;
}

// How the report's money was converted, in one line under the title.
function currencyNote(currency: CurrencyOptions): string {
  const rule =
    currency.rateDate === 'snapshot'
      ? "at the rates of each period's last day (snapshot, Chargebee's rule; the revaluation is the fx column)"
      : "at the rate in effect on each row's start (periodStart, ChartMogul's rule)";
  return `money in ${currency.reporting}: other currencies converted ${rule}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// Writes a temporary file beside the target and renames it over the target (atomic on one file system), so a
// reader never sees half a report and a failure leaves nothing behind. Returns the error message, or null.
function writeAtomically(file: string, contents: string): string | null {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, file);
    return null;
  } catch (error) {
    rmSync(temporary, { force: true });
    return (error as Error).message;
  }
}
