import { MAX_INPUT_ISSUES, MetricInputError } from '../../core/errors.js';
import type { MetricInputIssue } from '../../core/types.js';
import type { SubscriptionPeriod } from '../../revenue/subscriptionPeriod.js';
import type { ParsedReportInput, ParseReportInputOptions } from '../parseReportInput.js';
import type { SubscriptionField } from '../subscriptionColumnAliases.js';
import { type CsvDelimiter, type CsvRecord, csvRecordsOf, delimiterOf } from './csvRecords.js';
import { type ReaderOptions, readerOptions } from './readerOptions.js';
import { allIssues, findColumns, readSubscriptionRow, type Table } from './readRows.js';

/** A CSV text read in parts: `write` each part of the text in order, then `end`. @private */
export interface CsvReportStream {
  write(text: string): void;
  end(): ParsedReportInput;
}

// Problems kept of each kind: the error lists at most MAX_INPUT_ISSUES, and readRows looks at most twice as many.
const KEEP = MAX_INPUT_ISSUES * 2;

interface RowError {
  readonly row: number;
  readonly error: MetricInputError;
}

/**
 * Reads a CSV text that arrives in parts exactly as `parseReportInput(text, { ...options, format: 'csv' })`
 * reads all of it: the same subscriptions, row numbers, blank rows and columns, and the same MetricInputError
 * for a bad file (every problem, in row order, up to MAX_INPUT_ISSUES). It holds one part and the rows read,
 * never the whole text nor a record per row: each record is validated by readSubscriptionRow as it ends.
 * @private
 */
export function csvReportStream(options: ParseReportInputOptions = {}): CsvReportStream {
  const read: ReaderOptions = readerOptions('', options);
  let delimiter: CsvDelimiter | undefined = read.delimiter;
  let buffer = '';
  // Byte order marks dropped: one as parseReportInput drops it from the text, one as csvRecords does.
  let bodyStarted = false;
  let recordsStarted = false;
  let blankText = true;
  let row = 1;
  let waitFor = 0;
  let blankRowsSkipped = 0;
  let header: CsvRecord | undefined;
  let syntaxBeforeHeader = false;
  let headerIssues: readonly MetricInputIssue[] | null = null;
  const syntax: MetricInputError[] = [];
  const earlier: RowError[] = [];
  let earlierCount = 0;
  let firstRowError: RowError | null = null;
  const later: RowError[] = [];
  const subscriptions: SubscriptionPeriod[] = [];
  const rowNumbers: number[] = [];
  let dataRows = 0;
  let columns: Partial<Record<SubscriptionField, string>> = {};
  let index: Partial<Record<SubscriptionField, number>> = {};
  let current: CsvRecord = { row: 0, fields: [] };
  const table: Table = {
    get columns() {
      return columns;
    },
    rows: Number.POSITIVE_INFINITY,
    cell: (_row, field) => {
      const at = index[field];
      return at === undefined ? '' : (current.fields[at] ?? '');
    },
    where: (_row, field) => `row ${current.row}, column ${columns[field] ?? field}`,
    rowNumber: () => current.row,
    segmentRequired: false,
    rules: read.rules,
  };
  let rowTable = table;

  const addEarlier = (entry: RowError): void => {
    earlierCount += 1;
    earlier.push(entry);
  };
  const onSyntax = (error: MetricInputError): void => {
    if (syntax.length < KEEP) syntax.push(error);
    if (header === undefined) syntaxBeforeHeader = true;
    addEarlier({ row: error.path[1] as number, error });
  };
  const onRecord = (record: CsvRecord): void => {
    if (header === undefined) {
      if (record.fields.every((field) => field === '')) {
        blankRowsSkipped += 1;
        return;
      }
      header = record;
      if (syntaxBeforeHeader) return;
      const names = record.fields;
      try {
        ({ columns, index } = findColumns(names, `found: ${names.join(', ')}`, read));
        rowTable = { ...table, segmentRequired: columns.segment !== undefined && read.segmentNamed };
      } catch (error) {
        if (!(error instanceof MetricInputError)) throw error;
        headerIssues = error.issues;
      }
      return;
    }
    const names = header.fields.length;
    if (record.fields.every((field) => field.trim() === '')) {
      blankRowsSkipped += 1;
    } else if (record.fields.length > names && record.fields.slice(names).some((field) => field !== '')) {
      addEarlier({
        row: record.row,
        error: new MetricInputError({
          code: 'length_mismatch',
          path: ['rows', record.row],
          expected: `at most ${names} cells (the header's)`,
          received: String(record.fields.length),
          message: `row ${record.row} has ${record.fields.length} cells, more than the header's ${names}`,
        }),
      });
    } else {
      const at = dataRows;
      dataRows += 1;
      if (syntaxBeforeHeader || headerIssues !== null) return;
      current = record;
      if (firstRowError === null) {
        try {
          const subscription = readSubscriptionRow(rowTable, at);
          if (earlierCount === 0) {
            subscriptions.push(subscription);
            rowNumbers.push(record.row);
          }
        } catch (error) {
          if (!(error instanceof MetricInputError)) throw error;
          firstRowError = { row: record.row, error };
          subscriptions.length = 0;
          rowNumbers.length = 0;
        }
      } else if (later.length < KEEP) {
        try {
          readSubscriptionRow(rowTable, at);
        } catch (error) {
          if (!(error instanceof MetricInputError)) throw error;
          later.push({ row: record.row, error });
        }
      }
    }
  };
  // Reads the records of the buffer that have ended (all of them when `final`), in row order with the CSV
  // errors among them.
  const parse = (final: boolean): void => {
    if (!bodyStarted) {
      if (buffer.length === 0 && !final) return;
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      bodyStarted = true;
    }
    if (delimiter === undefined) {
      const found = delimiterOf(buffer, final);
      if (found === null) return;
      delimiter = found;
    }
    if (!recordsStarted) {
      if (buffer.length === 0 && !final) return;
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      recordsStarted = true;
    }
    if (!final && buffer.length < waitFor) return;
    const errors: MetricInputError[] = [];
    const { records, consumed, row: next } = csvRecordsOf(buffer, delimiter, errors, row, final);
    row = next;
    buffer = consumed === buffer.length ? '' : buffer.slice(consumed);
    // A record longer than the buffer: read again once the buffer has doubled, not at every part.
    waitFor = consumed === 0 ? buffer.length * 2 : 0;
    let e = 0;
    for (const record of records) {
      while (e < errors.length && (errors[e]!.path[1] as number) < record.row) onSyntax(errors[e++]!);
      onRecord(record);
    }
    while (e < errors.length) onSyntax(errors[e++]!);
    if (earlier.length > KEEP * 2) {
      // Later problems come after every one kept: only the first ones by row can be listed.
      earlier.sort((a, b) => a.row - b.row);
      earlier.length = KEEP;
    }
  };

  return {
    write(text) {
      if (blankText && text.trim() !== '') blankText = false;
      buffer = buffer.length === 0 ? text : buffer + text;
      parse(false);
    },
    end() {
      parse(true);
      if (header === undefined || syntaxBeforeHeader) {
        if (syntax.length > 0) throw allIssues(syntax);
        const received = blankText ? 'an empty text' : 'only blank rows';
        throw new MetricInputError({
          code: 'empty_input',
          path: [],
          expected: 'a header row naming the columns (customer_id, start_date, mrr …)',
          received,
          message: `the CSV has no header row (expected one naming the columns: customer_id, start_date, mrr …), received ${received}`,
        });
      }
      earlier.sort((a, b) => a.row - b.row);
      if (headerIssues !== null) {
        throw allIssues([
          ...(headerIssues as readonly MetricInputIssue[]).map(asError),
          ...earlier.map((entry) => entry.error),
        ]);
      }
      const first = firstRowError as RowError | null;
      if (first !== null) {
        const found = [...earlier, first, ...later.slice(0, Math.max(0, KEEP - earlierCount - 1))].sort(
          (a, b) => a.row - b.row,
        );
        throw allIssues(found.map((entry) => entry.error));
      }
      if (earlier.length > 0) throw allIssues(earlier.map((entry) => entry.error));
      return {
        format: 'csv',
        input: { subscriptions },
        blankRowsSkipped,
        rowNumbers,
        columns,
      };
    },
  };
}

// An issue of an error as an error of its own (to merge issues of several errors into one).
function asError(issue: MetricInputIssue): MetricInputError {
  return issue instanceof MetricInputError ? issue : new MetricInputError(issue);
}
