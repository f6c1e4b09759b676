import type { ParseReportInputOptions } from '../io/parseReportInput.js';
import { SUBSCRIPTION_COLUMN_ALIASES, type SubscriptionField } from '../io/subscriptionColumnAliases.js';

/** The flags of the reader options of parseReportInput, as parseArgs returns them. @private */
export interface ReaderFlagValues {
  readonly columns?: readonly string[] | undefined;
  readonly delimiter?: string | undefined;
  readonly 'keep-column'?: readonly string[] | undefined;
  readonly 'time-zone'?: string | undefined;
  readonly 'end-inclusive'?: boolean | undefined;
  readonly 'number-format'?: string | undefined;
}

type ReaderOptions = Omit<ParseReportInputOptions, 'format' | 'segmentColumn'>;

/** The reader options the flags give, and the flags used (to refuse them where no reader runs). @private */
export interface ReaderFlags {
  readonly options: ReaderOptions;
  readonly used: readonly string[];
}

const DELIMITERS: Readonly<Record<string, ',' | ';' | '\t'>> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\t': '\t',
  '\\t': '\t',
};
const NUMBER_FORMATS = ['plain', '1,234.56', '1.234,56'] as const;

/**
 * The options of parseReportInput that `--columns`, `--delimiter`, `--keep-column`, `--time-zone`,
 * `--end-inclusive` and `--number-format` give, and which of those flags were used; or the usage error.
 * `--columns` takes `FIELD=HEADER` pairs separated by commas (and may be repeated, for a header holding a comma);
 * FIELD is a field (`customerId`) or one of its aliases (`customer_id`, `start_date`).
 *
 * @private
 */
export function readerFlags(values: ReaderFlagValues): ReaderFlags | string {
  const options: { -readonly [K in keyof ReaderOptions]: ReaderOptions[K] } = {};
  const used: string[] = [];
  if (values.columns !== undefined) {
    used.push('--columns');
    const columns: Partial<Record<SubscriptionField, string>> = {};
    for (const pair of values.columns.flatMap((value) => value.split(','))) {
      const at = pair.indexOf('=');
      const field = at < 0 ? undefined : fieldNamed(pair.slice(0, at));
      const header = at < 0 ? '' : pair.slice(at + 1).trim();
      if (field === undefined || header === '') {
        return `--columns takes FIELD=HEADER pairs (e.g. customer_id=CustomerID,start_date=created; fields: ${FIELD_NAMES}), received ${JSON.stringify(pair)}`;
      }
      if (columns[field] !== undefined) return `--columns names ${field} twice`;
      columns[field] = header;
    }
    options.columns = columns;
  }
  if (values.delimiter !== undefined) {
    used.push('--delimiter');
    const delimiter = DELIMITERS[values.delimiter.toLowerCase()];
    if (delimiter === undefined) {
      return `--delimiter must be , or ; or tab, received ${JSON.stringify(values.delimiter)}`;
    }
    options.delimiter = delimiter;
  }
  if (values['keep-column'] !== undefined) {
    used.push('--keep-column');
    if (values['keep-column'].some((name) => name.trim() === '')) return '--keep-column needs a column name';
    options.keepColumns = [...values['keep-column']];
  }
  if (values['time-zone'] !== undefined) {
    used.push('--time-zone');
    options.timeZone = values['time-zone'];
  }
  if (values['end-inclusive'] === true) {
    used.push('--end-inclusive');
    options.endConvention = 'inclusive';
  }
  if (values['number-format'] !== undefined) {
    used.push('--number-format');
    const format = NUMBER_FORMATS.find((choice) => choice === values['number-format']);
    if (format === undefined) {
      return `--number-format must be one of ${NUMBER_FORMATS.join(', ')}, received ${values['number-format']}`;
    }
    options.numberFormat = format;
  }
  return { options, used };
}

const comparable = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

// The fields as the usage lists them (any alias of a field names it too).
const FIELD_NAMES =
  'customer_id, subscription_id, start_date, end_date, mrr, amount, interval, interval_count, currency, segment';

function fieldNamed(name: string): SubscriptionField | undefined {
  const wanted = comparable(name.trim());
  for (const [field, aliases] of Object.entries(SUBSCRIPTION_COLUMN_ALIASES)) {
    if (comparable(field) === wanted || aliases.some((alias) => comparable(alias) === wanted)) {
      return field as SubscriptionField;
    }
  }
  return undefined;
}
