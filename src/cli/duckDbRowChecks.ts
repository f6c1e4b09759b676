import { statSync } from 'node:fs';
import { MetricInputError } from '../core/errors.js';
import { withIssues } from '../core/internal/rowIssues.js';
import type { MetricInputIssue } from '../core/types.js';
import { textCell, validMrr } from '../duckdb/internal/checkedCellsSql.js';
import { buildReport } from '../io/buildReport.js';
import { readRows, type Table } from '../io/internal/readRows.js';
import type { ParsedReportInput } from '../io/parseReportInput.js';
import type { SubscriptionField } from '../io/subscriptionColumnAliases.js';
import type { DuckDbMovementsOptions } from './duckDbMovementsOptions.js';
import { InputFileError, readInputFile } from './readInputFile.js';

// What `--engine duckdb` refuses that the in-memory engine refuses, with the same messages. DuckDB finds, in
// SQL and streaming, whether any row is one the memory engine refuses (`rowProblemSql`, `engineProblemSql`); only
// then is the file read as the memory engine reads it (a CSV up to EXACT_MESSAGES_UP_TO bytes), so its error,
// every bad row and its message, is the memory engine's own. A larger CSV, or a Parquet file the memory engine
// cannot read, gets the memory reader's messages for the rows DuckDB found (`candidateRefusal`).

/** The largest CSV whose refusal is read by the in-memory engine (its exact messages): 256 MiB. @private */
export const EXACT_MESSAGES_UP_TO = 256 * 1024 * 1024;

/** The cells of one row of the `flagged_rows` view as text, for the memory reader's checks. @private */
export interface RowTexts {
  readonly customer_id: string | null;
  readonly subscription_id: string | null;
  readonly start_text: string | null;
  readonly end_text: string | null;
  readonly mrr: string | null;
  readonly currency_text: string | null;
  readonly segment: string | null;
  /** Whether the row has a cell past the header's. */
  readonly extra_cells: boolean;
  /** The row's place in the file: the CSV row (the header is row 1) or the Parquet row (from 1). */
  readonly row_number: string | number;
}

/** Whether a row has a cell that is not blank in one of `extra`, DuckDB's columns past the header's. @private */
export function extraCellsSql(extra: readonly string[]): string {
  return extra.length === 0
    ? 'false'
    : extra.map((name) => `${textCell(`"${name.replaceAll('"', '""')}"`)} IS NOT NULL`).join(' OR ');
}

/**
 * A condition over `flagged_rows` true for a kept row the memory reader refuses: no customer, a start that is not
 * a calendar date, an end that is neither blank nor one, MRR that is not a decimal >= 0 (either notation) below
 * 10^21 with at most 60 places, a currency that is not three letters, (with a segment column named) no segment,
 * or a cell past the header's (`extra_cells`). @private
 */
export function rowProblemSql(segmentRequired: boolean): string {
  return `NOT blank_row AND (customer_id IS NULL OR extra_cells OR start_date IS NULL OR (end_text IS NOT NULL AND end_date IS NULL) OR mrr IS NULL OR NOT ${validMrr('mrr')} OR (currency_text IS NOT NULL AND NOT regexp_full_match(upper(currency_text), '[A-Z]{3}'))${segmentRequired ? ' OR segment IS NULL' : ''})`;
}

/**
 * A query counting the rows of `rows_as_of` the memory engine refuses: an end before the start, and periods of one
 * subscription that overlap. The window orders a subscription's periods by start and, on one start, the longest
 * first, so every overlap the engine can find is counted. A zero-length period (end = start) covers no day and
 * overlaps nothing: it sits in a partition of its own. @private
 */
export function engineProblemSql(): string {
  return `SELECT count(*) FILTER (WHERE end_date < start_date) AS end_before_start, count(*) FILTER (WHERE previous_end > start_date) AS overlaps FROM (
    SELECT start_date, end_date, CASE WHEN subscription_id IS NULL THEN NULL ELSE lag(coalesce(end_date, DATE '9999-12-31')) OVER (PARTITION BY subscription_id, coalesce(end_date = start_date, false) ORDER BY start_date, coalesce(end_date, DATE '9999-12-31') DESC) END AS previous_end
    FROM rows_as_of)`;
}

/**
 * Throws the memory engine's error for a CSV file DuckDB found bad rows in: the reader's error (every bad row,
 * named by row and column), or the engine's (an end before start, overlapping periods), each named by its row and
 * column as the CLI names them. Returns when the memory engine accepts the file (DuckDB then goes on). @private
 */
export function refuseAsMemoryEngine(file: string, options: DuckDbMovementsOptions): void {
  const read = readInputFile(file, options.segmentColumn);
  try {
    buildReport(read.input, {
      granularity: options.granularity,
      ...(options.from === undefined ? {} : { from: options.from }),
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      cohortPeriods: options.cohortPeriods,
      ...(options.currency === undefined ? {} : { currency: options.currency }),
      ...(options.segmentColumn === undefined ? {} : { segments: 'include' as const }),
    });
  } catch (error) {
    if (error instanceof MetricInputError) throw namedByRow(error, read);
    throw error;
  }
}

/** Whether a CSV is small enough for {@link refuseAsMemoryEngine}. @private */
export function memoryCanRead(file: string, limit: number): boolean {
  try {
    return statSync(file).size <= limit;
  } catch {
    return false;
  }
}

// An engine error names subscriptions[i]; the CLI names the file's row and column (as runCli does for the memory
// engine), so the message says it: `row 3, column end_date: subscriptions[1].end (…) is before start (…)`.
function namedByRow(error: MetricInputError, read: ParsedReportInput): MetricInputError {
  const issues = error.issues.map((issue): MetricInputIssue => {
    const [root, index, field] = issue.path;
    if (issue.message.startsWith('row ') || root !== 'subscriptions' || typeof index !== 'number') {
      return issue;
    }
    const column =
      typeof field === 'string' ? (read.columns[field as SubscriptionField] ?? field) : undefined;
    const where = `row ${read.rowNumbers[index]}${column === undefined ? '' : `, column ${column}`}`;
    return { ...pick(issue), message: `${where}: ${issue.message}` };
  });
  const first = new MetricInputError(issues[0]!);
  return issues.length > 1 ? withIssues(first, issues) : first;
}

function pick(issue: MetricInputIssue): MetricInputIssue {
  const { code, path, expected, received, message } = issue;
  return { code, path, expected, received, message };
}

/**
 * The memory reader's error for the rows DuckDB found bad (up to MAX_INPUT_ISSUES, in file order), each checked by
 * the reader's own row validator, so the messages are its messages; the row is named by its place in the file
 * (`row_number`). @private
 */
export function candidateRefusal(
  found: readonly RowTexts[],
  columns: Partial<Record<SubscriptionField, string>>,
  segmentRequired: boolean,
  headerCells: number,
): MetricInputError | undefined {
  const fields: Partial<Record<SubscriptionField, keyof RowTexts>> = {
    customerId: 'customer_id',
    subscriptionId: 'subscription_id',
    start: 'start_text',
    end: 'end_text',
    mrr: 'mrr',
    currency: 'currency_text',
    segment: 'segment',
  };
  // A row with cells past the header's is refused as a whole, as the reader does (`earlier` problems).
  const earlier = found
    .filter((row) => row.extra_cells === true)
    .map((row) => {
      const at = Number(row.row_number);
      return {
        row: at,
        error: new MetricInputError({
          code: 'length_mismatch',
          path: ['rows', at],
          expected: `at most ${headerCells} cells (the header's)`,
          received: `more than ${headerCells}`,
          message: `row ${at} has more cells than the header's ${headerCells}`,
        }),
      };
    });
  const candidates = found.filter((row) => row.extra_cells !== true);
  const table: Table = {
    columns,
    rows: candidates.length,
    cell: (row, field) => {
      const name = fields[field];
      return name === undefined ? '' : (candidates[row]![name] ?? '');
    },
    where: (row, field) => `row ${candidates[row]!.row_number}, column ${columns[field] ?? field}`,
    rowNumber: (row) => Number(candidates[row]!.row_number),
    segmentRequired,
  };
  try {
    readRows(table, earlier);
    return undefined;
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
}

/** The DuckDB engine's refusal of an end before start or overlapping periods it cannot name by row. @private */
export function engineRefusal(file: string, endBeforeStart: number, overlaps: number): InputFileError {
  const parts = [
    endBeforeStart > 0 ? `${endBeforeStart} row(s) end before they start (end_before_start)` : '',
    overlaps > 0
      ? `${overlaps} row(s) overlap an earlier period of the same subscription (overlapping_periods)`
      : '',
  ].filter((part) => part !== '');
  return new InputFileError(`${file}: ${parts.join(', ')}; the in-memory engine refuses them too`);
}
