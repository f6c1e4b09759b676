import { MetricInputError } from '../../core/errors.js';
import { assertTimeZone } from '../../core/internal/isoDayNumber.js';
import { assertKnownKeys, assertObject, oneOf } from '../../core/internal/options.js';
import { describeValue, rejectInput } from '../../core/internal/rejectInput.js';
import { SUBSCRIPTION_COLUMN_ALIASES, type SubscriptionField } from '../subscriptionColumnAliases.js';
import { type CellRules, cellRules } from './cellText.js';
import type { CsvDelimiter } from './csvRecords.js';

/** The validated options and text of a reader (parseReportInput, parseExchangeRates). @private */
export interface ReaderOptions {
  /** The text without a byte order mark. */
  readonly body: string;
  readonly format: 'csv' | 'json';
  readonly delimiter: CsvDelimiter | undefined;
  readonly segmentColumn: string | undefined;
  readonly columns: Readonly<Partial<Record<SubscriptionField, string>>> | undefined;
  readonly keepColumns: readonly string[] | undefined;
  /** Whether the caller named the segment column (a blank segment is then an error). */
  readonly segmentNamed: boolean;
  readonly rules: CellRules;
}

const SUBSCRIPTION_OPTION_KEYS: ReadonlySet<string> = new Set([
  'format',
  'segmentColumn',
  'columns',
  'keepColumns',
  'delimiter',
  'timeZone',
  'endConvention',
  'numberFormat',
]);

/**
 * Validates `text` and the options of a reader (unknown keys are errors; `keys`: the reader's own set, default
 * parseReportInput's) and resolves the defaults: format by the first character, UTC, exclusive ends, plain
 * numbers. @private
 */
export function readerOptions(
  text: unknown,
  options: unknown,
  keys: ReadonlySet<string> = SUBSCRIPTION_OPTION_KEYS,
): ReaderOptions {
  if (typeof text !== 'string') {
    throw new MetricInputError({
      code: 'invalid_type',
      path: ['text'],
      expected: 'the text of a CSV or JSON file',
      received: describeValue(text),
    });
  }
  assertObject(options, ['options']);
  assertKnownKeys(options, keys, ['options']);
  const { segmentColumn, columns, keepColumns, timeZone } = options as Record<string, unknown>;
  const name = (value: unknown, path: (string | number)[]): string => {
    if (typeof value !== 'string' || value.trim() === '') {
      rejectInput('invalid_option', path, 'the name of a column', value);
    }
    return value;
  };
  if (segmentColumn !== undefined) name(segmentColumn, ['options', 'segmentColumn']);
  if (columns !== undefined) {
    assertObject(columns, ['options', 'columns']);
    assertKnownKeys(columns, new Set(Object.keys(SUBSCRIPTION_COLUMN_ALIASES)), ['options', 'columns']);
    for (const [field, value] of Object.entries(columns)) name(value, ['options', 'columns', field]);
    if (segmentColumn !== undefined && columns.segment !== undefined && columns.segment !== segmentColumn) {
      rejectInput(
        'invalid_option',
        ['options', 'columns', 'segment'],
        `the segmentColumn (${segmentColumn}) or no segment entry`,
        columns.segment,
      );
    }
  }
  if (keepColumns !== undefined) {
    if (!Array.isArray(keepColumns)) {
      rejectInput('invalid_option', ['options', 'keepColumns'], 'an array of column names', keepColumns);
    }
    keepColumns.forEach((value, index) => {
      name(value, ['options', 'keepColumns', index]);
    });
  }
  if (timeZone !== undefined) assertTimeZone(timeZone, ['options', 'timeZone']);
  const get = (key: string): unknown => (options as Record<string, unknown>)[key];
  const delimiter =
    get('delimiter') === undefined
      ? undefined
      : oneOf(get('delimiter'), [',', ';', '\t'] as const, ['options', 'delimiter']);
  const endConvention =
    get('endConvention') === undefined
      ? 'exclusive'
      : oneOf(get('endConvention'), ['exclusive', 'inclusive'] as const, ['options', 'endConvention']);
  const numberFormat =
    get('numberFormat') === undefined
      ? 'plain'
      : oneOf(get('numberFormat'), ['plain', '1,234.56', '1.234,56'] as const, ['options', 'numberFormat']);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format =
    get('format') === undefined
      ? /^\s*[[{]/.test(body)
        ? 'json'
        : 'csv'
      : oneOf(get('format'), ['csv', 'json'] as const, ['options', 'format']);
  return {
    body,
    format,
    delimiter,
    segmentColumn: segmentColumn as string | undefined,
    columns: columns as ReaderOptions['columns'],
    keepColumns: keepColumns as readonly string[] | undefined,
    segmentNamed:
      segmentColumn !== undefined || (columns as { segment?: string } | undefined)?.segment !== undefined,
    rules: cellRules((timeZone as string | undefined) ?? 'UTC', endConvention, numberFormat),
  };
}
