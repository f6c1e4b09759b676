import { fstatSync } from 'node:fs';
import { fromDayNumber } from '../core/calendarDate.js';
import { MAX_INPUT_ISSUES, MetricInputError } from '../core/errors.js';
import { formatPath } from '../core/internal/formatPath.js';
import { buildReport } from '../io/buildReport.js';
import { lastDayOfPeriods } from '../io/internal/asOf.js';
import type { ParsedReportInput } from '../io/parseReportInput.js';
import type { Report, ReportInput } from '../io/types.js';
import type { CurrencyOptions } from '../revenue/types.js';
import { generateSampleData } from '../sample/generateSampleData.js';
import { duckDbMovements } from './duckDbMovements.js';
import { formatReport } from './formatReport.js';
import { OutputFileError, outputTarget, writeAtomically } from './outputFile.js';
import { progressLine } from './progressLine.js';
import {
  fileLabel,
  InputFileError,
  MAX_MEMORY_INPUT_BYTES,
  RatesFileError,
  type ReadStdin,
  readInputFile,
  readRatesFile,
  readStandardInput,
} from './readInputFile.js';
import { renderHtmlReport } from './renderHtmlReport.js';
import { parseReportCommand } from './reportCommand.js';
import { escapeControls, escapeJson, escapeValue } from './terminalText.js';
import { USAGE_LINE } from './usage.js';

/** Where the CLI writes and what it reads from outside; injected so tests run it without a process. @private */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal: progress is shown only then (never when piped, never with --json). */
  readonly stderrIsTTY?: boolean;
  /**
   * Today, `'YYYY-MM-DD'` (the executable: the local calendar day): the default as-of day is the earlier of it and
   * the last day of the data. Without it the default is the last day of the data. The only clock the CLI reads.
   */
  readonly today?: () => string;
  /** Standard input, for FILE `-`. */
  readonly readStdin?: ReadStdin;
  /**
   * The device and inode of standard input when it is a regular file (`< in.csv`), else null: --html never
   * replaces it. Default: fstat of descriptor 0.
   */
  readonly stdinFile?: () => { readonly dev: number; readonly ino: number } | null;
}

function fstatStdin(): { dev: number; ino: number } | null {
  try {
    const stats = fstatSync(0);
    return stats.isFile() ? { dev: stats.dev, ino: stats.ino } : null;
  } catch {
    return null;
  }
}

/** Exit codes: sysexits.h's EX_SOFTWARE for an internal error. */
const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 70;

// The flag of each option of buildReport, parseReportInput and duckDbMovements, to word an error about an option
// in the terms the user typed.
const OPTION_FLAGS: Readonly<Record<string, string>> = {
  asOf: '--as-of',
  to: '--as-of',
  from: '--from',
  granularity: '--granularity',
  grossMargin: '--gross-margin',
  cohortPeriods: '--recent',
  mrrScale: '--mrr-scale',
  segmentColumn: '--segment-column',
  currency: '--currency',
  encoding: '--encoding',
  columns: '--columns',
  delimiter: '--delimiter',
  keepColumns: '--keep-column',
  timeZone: '--time-zone',
  endConvention: '--end-inclusive',
  numberFormat: '--number-format',
};

/**
 * The `customer-health` command. Returns the exit code: 0 on success, 1 for bad input (bad data in a file, with a
 * message naming the file, row and column; a file without subscription rows) or a file that cannot be read or
 * written, 2 for bad usage (a flag or a flag's value, also when found while computing: `--as-of 2024-02-30`),
 * 70 for an internal error (a bug). Nothing is written unless the whole report succeeded. Every text it prints has the control
 * characters of the data escaped.
 *
 * @private
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const out: CliIo = {
    ...io,
    stdout: (text) => io.stdout(escapeControls(text)),
    stderr: (text) => io.stderr(escapeControls(text)),
  };
  try {
    return await report(argv, out, io.stderr);
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    out.stderr(`customer-health: internal error (a bug, please report it): ${escapeValue(what)}\n`);
    return EXIT_INTERNAL;
  }
}

async function report(
  argv: readonly string[],
  io: CliIo,
  rawStderr: (text: string) => void,
): Promise<number> {
  const command = parseReportCommand(argv);
  if (command.kind === 'usage') {
    io.stderr(`customer-health: ${command.message}\n${USAGE_LINE}\n`);
    return EXIT_USAGE;
  }
  if (command.kind === 'print') {
    io.stdout(command.text);
    return EXIT_OK;
  }
  const flags = command.flags;
  const {
    file,
    granularity,
    recent,
    givenAsOf,
    engine,
    mrrScale,
    encoding,
    reader,
    segmentColumn,
    rateDate,
  } = flags;
  const currencyFlag = flags.currency;
  const usage = (message: string) => {
    io.stderr(`customer-health: ${message}\n${USAGE_LINE}\n`);
    return EXIT_USAGE;
  };
  // The HTML target is checked before any work: never an input of the report, never a special file.
  let htmlTarget: string | undefined;
  if (flags.html !== undefined) {
    try {
      htmlTarget = outputTarget(flags.html, inputsOf(flags), stdinOf(flags, io));
    } catch (error) {
      if (error instanceof OutputFileError) return usage(escapeValue(error.message));
      throw error;
    }
  }
  const source = file === undefined ? 'the built-in sample data' : escapeValue(fileLabel(file));
  const notes: string[] = [];
  const inputNotes: Record<string, unknown> = { file: file ?? null, engine };
  let rowsRead: ParsedReportInput | undefined;
  const progress = io.stderrIsTTY === true && !flags.json ? progressLine(rawStderr) : undefined;
  const read = {
    ...(encoding === undefined ? {} : { encoding }),
    maxBytes: MAX_MEMORY_INPUT_BYTES,
  };
  const bytesOf = async (name: string) =>
    name === '-' ? { bytes: await readStandardInput(io.readStdin, MAX_MEMORY_INPUT_BYTES) } : {};
  // The clock is read here only, and only when no day is given.
  const today = givenAsOf === undefined && io.today !== undefined ? io.today() : undefined;
  try {
    let input: ReportInput;
    let reportAsOf = givenAsOf;
    let dataRunsTo: string | null = null;
    let currency: CurrencyOptions | undefined;
    let segments = false;
    // The DuckDB engine's segment tables: buildReport computes segments from subscriptions only.
    let duckDbSegments: Report['segments'] = null;
    // --currency and --rates, the rates file read the same way for both engines.
    const ratesOption = async (): Promise<CurrencyOptions | undefined> => {
      if (currencyFlag === undefined || flags.rates === undefined) return undefined;
      inputNotes.rates = flags.rates;
      return {
        reporting: currencyFlag,
        rates: readRatesFile(flags.rates, { ...read, ...(await bytesOf(flags.rates)) }),
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
      currency = await ratesOption();
      if (segmentColumn !== undefined) inputNotes.segmentColumn = segmentColumn;
      const movementsOn = async (asOf: string | undefined) => {
        const movements = await duckDbMovements(file, {
          granularity,
          ...(flags.from === undefined ? {} : { from: flags.from }),
          ...(asOf === undefined ? {} : { asOf }),
          mrrScale,
          cohortPeriods: recent,
          ...(segmentColumn === undefined ? {} : { segmentColumn }),
          ...(currency === undefined ? {} : { currency, ratesFile: flags.rates! }),
          ...(progress === undefined ? {} : { onProgress: progress.update }),
        });
        progress?.done();
        return movements;
      };
      let result = await movementsOn(givenAsOf);
      if (givenAsOf === undefined && result.asOf === null) {
        // No day in the data: a header without rows (with --as-of the DuckDB engine does not say so yet).
        io.stderr(`customer-health: ${source} has no subscription rows\n`);
        return EXIT_BAD_INPUT;
      }
      if (givenAsOf === undefined) {
        // The data's last day is known after a first pass; a day after today is measured again on today.
        dataRunsTo = result.asOf ?? null;
        if (today !== undefined && dataRunsTo !== null && today < dataRunsTo)
          result = await movementsOn(today);
      }
      input = result.input;
      duckDbSegments = result.segments;
      reportAsOf = result.asOf ?? undefined;
      inputNotes.mrrScale = mrrScale;
      inputNotes.blankRowsSkipped = result.blankRowsSkipped;
      notes.push(
        `engine: DuckDB, MRR computed exactly at ${mrrScale} decimal places (--mrr-scale ${mrrScale})`,
      );
      if (result.blankRowsSkipped !== null && result.blankRowsSkipped > 0) {
        notes.push(`${plural(result.blankRowsSkipped, 'blank row')} skipped (only commas or spaces)`);
      }
    } else {
      rowsRead = readInputFile(file, segmentColumn, { ...read, ...(await bytesOf(file)) }, reader.options);
      input = rowsRead.input;
      // A header without rows, `[]` or `{"subscriptions":[]}`: an empty report would look like a business at 0.
      if (input.subscriptions !== undefined && input.subscriptions.length === 0) {
        io.stderr(`customer-health: ${source} has no subscription rows\n`);
        return EXIT_BAD_INPUT;
      }
      currency = await ratesOption();
      if (segmentColumn !== undefined) {
        segments = true;
        inputNotes.segmentColumn = segmentColumn;
      }
      inputNotes.blankRowsSkipped = rowsRead.blankRowsSkipped;
      if (rowsRead.columns.amount !== undefined) {
        inputNotes.mrrFrom = `${rowsRead.columns.amount} per ${rowsRead.columns.interval}`;
        notes.push(
          `MRR from ${escapeValue(rowsRead.columns.amount)} and ${escapeValue(rowsRead.columns.interval ?? '')} (normalizeToMrr: a year is 12 months, a week 12/52 of one)`,
        );
      }
      if (rowsRead.blankRowsSkipped > 0) {
        notes.push(`${plural(rowsRead.blankRowsSkipped, 'blank row')} skipped (only commas or spaces)`);
      }
    }
    if (givenAsOf === undefined && engine === 'memory' && input.subscriptions !== undefined) {
      const last = lastDayOfPeriods(
        input.subscriptions as unknown as { start: string; end?: string | null }[],
      );
      dataRunsTo = last === null ? null : fromDayNumber(last);
      if (today !== undefined && dataRunsTo !== null && today < dataRunsTo) reportAsOf = today;
    }
    const built = buildReport(input, {
      granularity,
      ...(flags.from === undefined ? {} : { from: flags.from }),
      ...(reportAsOf === undefined ? {} : { asOf: reportAsOf }),
      ...(flags.grossMargin === undefined ? {} : { grossMargin: flags.grossMargin }),
      cohortPeriods: recent,
      ...(currency === undefined ? {} : { currency }),
      ...(segments ? { segments: 'include' as const } : {}),
    });
    const report: Report = duckDbSegments === null ? built : { ...built, segments: duckDbSegments };
    if (currency !== undefined) notes.push(currencyNote(currency));
    const asOfRule =
      report.asOf === null
        ? null
        : givenAsOf !== undefined
          ? 'option'
          : dataRunsTo !== null && report.asOf < dataRunsTo
            ? 'today'
            : 'data';
    const asOfNote =
      asOfRule === null
        ? undefined
        : asOfRule === 'option'
          ? flags.asOfFlag
          : asOfRule === 'today'
            ? `today; the data runs to ${dataRunsTo}`
            : 'the last day of the data';
    if (asOfRule !== null) {
      inputNotes.asOfRule = asOfRule;
      inputNotes.dataRunsTo = dataRunsTo;
    }
    const text = flags.json
      ? `${escapeJson(JSON.stringify({ ...report, input: inputNotes }, null, 2))}\n`
      : formatReport(report, { recent, notes, ...(asOfNote === undefined ? {} : { asOfNote }) });
    if (htmlTarget !== undefined) {
      const html = renderHtmlReport(report, {
        recent,
        source,
        notes,
        ...(asOfNote === undefined ? {} : { asOfNote }),
      });
      // Checked again: the target may have changed while the report was computed.
      let target: string;
      try {
        target = outputTarget(flags.html!, inputsOf(flags), stdinOf(flags, io));
      } catch (error) {
        if (error instanceof OutputFileError) return usage(escapeValue(error.message));
        throw error;
      }
      const failed = writeAtomically(target, html);
      if (failed !== null) {
        io.stderr(`customer-health: cannot write ${escapeValue(flags.html!)}: ${escapeValue(failed)}\n`);
        return EXIT_BAD_INPUT;
      }
    }
    io.stdout(text);
    return EXIT_OK;
  } catch (error) {
    progress?.done();
    if (error instanceof RatesFileError) {
      const lines = error.cause.issues.map(
        (issue) => `customer-health: ${escapeValue(`${fileLabel(error.file)}, ${issue.message}`)}\n`,
      );
      io.stderr(lines.join(''));
      return EXIT_BAD_INPUT;
    }
    if (error instanceof InputFileError) {
      io.stderr(`customer-health: ${escapeValue(flagWording(error.message))}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof MetricInputError) {
      // Every bad row at once (up to MAX_INPUT_ISSUES), one line each, so a file is fixed in one pass.
      const lines = error.issues.map(
        (issue) => `customer-health: ${escapeValue(describeInputError(issue, source, rowsRead))}\n`,
      );
      const more =
        error.issues.length >= MAX_INPUT_ISSUES
          ? `customer-health: (only the first ${MAX_INPUT_ISSUES} problems are listed)\n`
          : '';
      io.stderr(lines.join('') + more);
      // A bad flag value, found when the report is computed (a day that does not exist, an unknown time zone,
      // too many periods), is bad usage as it is before; bad data in a file is bad input.
      return error.issues.every(isFlagIssue) ? EXIT_USAGE : EXIT_BAD_INPUT;
    }
    throw error;
  }
}

// Names the row of the file: the reader's own messages already do ("row 3, column mrr must be …"); an error
// from the metrics (end before start, overlapping periods) names subscriptions[i], which is mapped to the row;
// an error about an option names its flag.
function describeInputError(
  error: Pick<MetricInputError, 'path' | 'message'>,
  source: string,
  rows: ParsedReportInput | undefined,
): string {
  return flagWording(describeIssue(error, source, rows));
}

/**
 * A library message in the terms of the command line: the options a message suggests (`keepColumns: ["x"]`,
 * `numberFormat: '1,234.56'`, a later `from`, an earlier `to`, a smaller cohortPeriods, rateDate 'periodStart')
 * become the flags that set them.
 *
 * @private
 */
export function flagWording(message: string): string {
  return message
    .replace(
      /keepColumns: \[("(?:[^"\\]|\\.)*")\]/g,
      (_, name: string) => `--keep-column ${shellWord(JSON.parse(name))}`,
    )
    .replace(/numberFormat: '([^']*)'/g, '--number-format $1')
    .replaceAll('`from`', '--from')
    .replaceAll('`to`', '--as-of')
    .replace(/\bcohortPeriods\b(?! \()/g, '--recent')
    .replace(/\brateDate '(periodStart|snapshot)'/g, '--rate-date $1');
}

// A value as the user would type it in a shell: quoted when it holds anything but letters, digits, _ . -.
function shellWord(value: string): string {
  return /^[\w.-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

// An issue about a flag's value (options.asOf, options.timeZone …), not about a file's data: the rates of
// options.currency come from a file.
function isFlagIssue(issue: Pick<MetricInputError, 'path'>): boolean {
  const [root, key] = issue.path;
  return (
    root === 'options' && typeof key === 'string' && key !== 'currency' && OPTION_FLAGS[key] !== undefined
  );
}

function describeIssue(
  error: Pick<MetricInputError, 'path' | 'message'>,
  source: string,
  rows: ParsedReportInput | undefined,
): string {
  if (error.message.startsWith('row ') || error.message.startsWith('line ')) {
    return `${source}, ${error.message}`;
  }
  const [root, index, field] = error.path;
  if (root === 'options' && typeof index === 'string' && OPTION_FLAGS[index] !== undefined) {
    // `options.asOf must be …` → `--as-of must be …`; a deeper path keeps its tail (`--columns.start`).
    const flag = OPTION_FLAGS[index]!;
    const option = formatPath(['options', index]);
    return error.message.startsWith(option)
      ? `${flag}${error.message.slice(option.length)}`
      : `${flag}: ${error.message.replaceAll(option, flag)}`;
  }
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

// The files a report reads (never standard input), which --html must not replace.
function inputsOf(flags: {
  readonly file: string | undefined;
  readonly rates: string | undefined;
}): string[] {
  return [flags.file, flags.rates].filter((input): input is string => input !== undefined && input !== '-');
}

// Standard input when the report reads it (FILE or --rates `-`) and it is a regular file, which --html must not
// replace either.
function stdinOf(
  flags: { readonly file: string | undefined; readonly rates: string | undefined },
  io: CliIo,
): { readonly dev: number; readonly ino: number } | null {
  if (flags.file !== '-' && flags.rates !== '-') return null;
  return (io.stdinFile ?? fstatStdin)();
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
