import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MetricInputError } from '../core/errors.js';
import { GRANULARITIES, type Granularity } from '../core/types.js';
import { generateSampleData } from '../sample/generateSampleData.js';
import { buildReport, type ReportInput } from './buildReport.js';
import { duckDbMovements } from './duckDbMovements.js';
import { formatReport } from './formatReport.js';
import { type InputFile, InputFileError, readInputFile } from './readInputFile.js';
import { renderHtmlReport } from './renderHtmlReport.js';

/** Where the CLI writes; injected so tests run it without a process. @private */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const USAGE = `Usage: customer-health report [FILE] [options]

Prints MRR movements, churn, NRR/GRR, quick ratio, LTV, CAC payback, NPS and time to value.
FILE is a CSV (customer_id, subscription_id, start_date, end_date, mrr) or JSON file; without FILE the
built-in sample data is used.

Options:
  --granularity day|week|month|quarter|year   period length (default month)
  --from YYYY-MM-DD, --to YYYY-MM-DD          first and last period to report
  --gross-margin 0..1                         margin for LTV and CAC payback (default 1)
  --periods N                                 recent periods in the table, charts and cohorts (default 12)
  --json                                      print the whole report as JSON
  --html FILE                                 also write a self-contained HTML report with charts to FILE
  --engine memory|duckdb                      compute the movements in Node (default) or in DuckDB, which
                                              streams a CSV or Parquet file too large for memory (default
                                              for .parquet; needs @duckdb/node-api; cohorts are then left
                                              out)
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
  const periods = values.periods === undefined ? 12 : Number(values.periods);
  if (!Number.isInteger(periods) || periods < 1) {
    io.stderr(`--periods must be a whole number >= 1, received ${values.periods}\n`);
    return 2;
  }

  let input: ReportInput;
  let names: Pick<InputFile, 'rowNumberOf' | 'columnNameOf'> = {
    rowNumberOf: (index) => index,
    columnNameOf: (field) => field,
  };
  if (values.html === '') {
    io.stderr(`--html needs a file name\n\n${USAGE}`);
    return 2;
  }
  const engine = values.engine ?? (file?.toLowerCase().endsWith('.parquet') ? 'duckdb' : 'memory');
  if (engine !== 'memory' && engine !== 'duckdb') {
    io.stderr(`--engine must be memory or duckdb, received ${engine}\n`);
    return 2;
  }
  if (engine === 'duckdb' && (file === undefined || !/\.(csv|parquet)$/i.test(file))) {
    io.stderr(`--engine duckdb reads a .csv or .parquet file\n\n${USAGE}`);
    return 2;
  }
  const source = file ?? 'the built-in sample data';
  try {
    if (file === undefined) {
      input = generateSampleData();
    } else if (engine === 'duckdb') {
      input = await duckDbMovements(file, {
        granularity: granularity as Granularity,
        ...(values.from === undefined ? {} : { from: values.from }),
        ...(values.to === undefined ? {} : { to: values.to }),
      });
    } else {
      const read = readInputFile(file);
      input = read;
      names = read;
    }
    const report = buildReport(input, {
      granularity: granularity as Granularity,
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(values.to === undefined ? {} : { to: values.to }),
      ...(values['gross-margin'] === undefined ? {} : { grossMargin: values['gross-margin'] }),
      cohortPeriods: periods,
    });
    const text =
      values.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, { periods });
    if (values.html !== undefined) {
      const written = writeAtomically(values.html, renderHtmlReport(report, { periods, source }));
      if (written !== null) {
        io.stderr(`customer-health: cannot write ${values.html}: ${written}\n`);
        return 1;
      }
    }
    io.stdout(text);
    return 0;
  } catch (error) {
    if (error instanceof InputFileError) {
      io.stderr(`customer-health: ${error.message}\n`);
      return 1;
    }
    if (error instanceof MetricInputError) {
      io.stderr(
        `customer-health: ${describeInputError(error, source, names, file?.toLowerCase().endsWith('.csv') ?? false)}\n`,
      );
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
      'gross-margin': { type: 'string' },
      periods: { type: 'string' },
      json: { type: 'boolean' },
      html: { type: 'string' },
      engine: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function describeInputError(
  error: MetricInputError,
  source: string,
  names: Pick<InputFile, 'rowNumberOf' | 'columnNameOf'>,
  isCsv: boolean,
): string {
  const [root, index, field] = error.path;
  if ((root === 'periods' || root === 'subscriptions') && typeof index === 'number') {
    const where = isCsv
      ? `row ${names.rowNumberOf(index)}${typeof field === 'string' ? `, column ${names.columnNameOf(field)}` : ''}`
      : `subscriptions[${index}]${typeof field === 'string' ? `.${field}` : ''}`;
    return `${source}, ${where}: ${error.message}`;
  }
  return `${source}: ${error.message}`;
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
