import { parseArgs } from 'node:util';
import { GRANULARITIES, type Granularity } from '../core/types.js';
import type { TextEncoding } from '../io/decodeText.js';
import { packageVersion } from './packageVersion.js';
import { type ReaderFlags, readerFlags } from './readerFlags.js';
import { escapeValue } from './terminalText.js';
import { nearestFlag, USAGE } from './usage.js';

/** The flags of `customer-health report`, checked. @private */
export interface ReportFlags {
  readonly file: string | undefined;
  readonly granularity: Granularity;
  readonly recent: number;
  readonly from: string | undefined;
  /** `--as-of` or `--to`; undefined: the default rule (the earlier of today and the data's last day). */
  readonly givenAsOf: string | undefined;
  readonly asOfFlag: '--as-of' | '--to';
  readonly grossMargin: string | undefined;
  readonly json: boolean;
  readonly html: string | undefined;
  readonly engine: 'memory' | 'duckdb';
  readonly mrrScale: number;
  readonly encoding: TextEncoding | undefined;
  readonly reader: ReaderFlags;
  readonly segmentColumn: string | undefined;
  /** `--currency`, upper-cased. */
  readonly currency: string | undefined;
  readonly rates: string | undefined;
  readonly rateDate: 'periodStart' | 'snapshot' | undefined;
}

/** What the command line asks for: a report, a text to print (--help, --version), or a usage error. @private */
export type ReportCommand =
  | { readonly kind: 'report'; readonly flags: ReportFlags }
  | { readonly kind: 'print'; readonly text: string }
  | { readonly kind: 'usage'; readonly message: string };

const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'latin1', 'windows-1252', 'utf-16le', 'utf-16be'];

// The names iconv, Python and Excel's dialogs use for the same encodings.
const ENCODING_ALIASES: Readonly<Record<string, TextEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'iso-8859-1': 'latin1',
  iso88591: 'latin1',
  'windows-1252': 'windows-1252',
  windows1252: 'windows-1252',
  cp1252: 'windows-1252',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
};

/**
 * Reads and checks the command line of `customer-health`: every check that needs no file, so a mistyped flag is
 * reported before any work. The messages name flags and are complete sentences without the `customer-health:`
 * prefix.
 *
 * @private
 */
export function parseReportCommand(argv: readonly string[]): ReportCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { kind: 'usage', message: usageError(error as Error & { code?: string }) };
  }
  const { values, positionals } = parsed;
  const usage = (message: string): ReportCommand => ({ kind: 'usage', message });
  if (values.help === true) return { kind: 'print', text: USAGE };
  if (values.version === true) return { kind: 'print', text: `${packageVersion()}\n` };
  const [command, file, ...rest] = positionals;
  if (command !== 'report' || rest.length > 0) {
    return usage(
      command === undefined
        ? 'missing command'
        : `unknown command or argument: ${[command, file, ...rest].join(' ')}`,
    );
  }
  const granularity = values.granularity ?? 'month';
  if (!(GRANULARITIES as readonly string[]).includes(granularity)) {
    return usage(`--granularity must be one of ${GRANULARITIES.join(', ')}, received ${granularity}`);
  }
  const recent = values.recent === undefined ? 12 : Number(values.recent);
  if (!Number.isInteger(recent) || recent < 1) {
    return usage(`--recent must be a whole number >= 1, received ${values.recent}`);
  }
  if (values.html === '') return usage('--html needs a file name');
  if (values['as-of'] !== undefined && values.to !== undefined && values['as-of'] !== values.to) {
    return usage(`--as-of and --to name the same day; received ${values['as-of']} and ${values.to}`);
  }
  const givenAsOf = values['as-of'] ?? values.to;
  const engine = values.engine ?? (file?.toLowerCase().endsWith('.parquet') ? 'duckdb' : 'memory');
  if (engine !== 'memory' && engine !== 'duckdb') {
    return usage(`--engine must be memory or duckdb, received ${engine}`);
  }
  if (engine === 'duckdb' && (file === undefined || !/\.(csv|parquet)$/i.test(file))) {
    return usage('--engine duckdb reads a .csv or .parquet file');
  }
  const mrrScale = values['mrr-scale'] === undefined ? 6 : Number(values['mrr-scale']);
  if (!/^\d+$/.test(values['mrr-scale'] ?? '6') || mrrScale > 18) {
    return usage(`--mrr-scale must be a whole number from 0 to 18, received ${values['mrr-scale']}`);
  }
  if (values['mrr-scale'] !== undefined && engine !== 'duckdb') {
    return usage('--mrr-scale applies to --engine duckdb only (the in-memory engine is exact at any scale)');
  }
  const encoding =
    values.encoding === undefined
      ? undefined
      : (ENCODING_ALIASES[values.encoding.toLowerCase().replace(/[\s_]/g, '')] ?? values.encoding);
  if (encoding !== undefined && !(ENCODINGS as readonly string[]).includes(encoding)) {
    return usage(`--encoding must be one of ${ENCODINGS.join(', ')}, received ${values.encoding}`);
  }
  if (encoding !== undefined && encoding !== 'utf-8' && engine === 'duckdb') {
    return usage(
      `--engine duckdb reads UTF-8 only: convert the file first (iconv -f ${encoding} -t utf-8), or use the in-memory engine`,
    );
  }
  const reader = readerFlags(values);
  if (typeof reader === 'string') return usage(reader);
  if (reader.used.length > 0 && (engine === 'duckdb' || file === undefined)) {
    return usage(
      `${reader.used.join(', ')} ${reader.used.length === 1 ? 'applies' : 'apply'} to a FILE read by the in-memory engine`,
    );
  }
  if (encoding !== undefined && file === undefined) return usage('--encoding applies to a FILE');
  const segmentColumn = values['segment-column'];
  if (segmentColumn !== undefined && segmentColumn.trim() === '') {
    return usage('--segment-column needs a column name');
  }
  const currencyFlag = values.currency?.trim().toUpperCase();
  if (currencyFlag !== undefined && !/^[A-Z]{3}$/.test(currencyFlag)) {
    return usage(
      `--currency must be an ISO 4217 code of three letters (e.g. USD), received ${values.currency}`,
    );
  }
  if ((currencyFlag === undefined) !== (values.rates === undefined) && file !== undefined) {
    return usage(
      currencyFlag === undefined
        ? '--rates needs --currency (the currency the rates convert into)'
        : '--currency needs --rates FILE (a CSV or JSON of currency, date, rate)',
    );
  }
  if (file === '-' && values.rates === '-')
    return usage('FILE and --rates cannot both be - (standard input)');
  const rateDate = values['rate-date'];
  if (rateDate !== undefined && rateDate !== 'periodStart' && rateDate !== 'snapshot') {
    return usage(`--rate-date must be periodStart or snapshot, received ${rateDate}`);
  }
  if (rateDate !== undefined && currencyFlag === undefined && file !== undefined) {
    return usage('--rate-date applies with --currency and --rates only');
  }
  if (
    file === undefined &&
    (segmentColumn !== undefined || currencyFlag !== undefined || values.rates !== undefined)
  ) {
    return usage(
      '--segment-column, --currency and --rates read a FILE: the built-in sample data comes with its plans as segments and its own EUR → USD rates (--rate-date still applies)',
    );
  }
  return {
    kind: 'report',
    flags: {
      file,
      granularity: granularity as Granularity,
      recent,
      from: values.from,
      givenAsOf,
      asOfFlag: values['as-of'] === undefined ? '--to' : '--as-of',
      grossMargin: values['gross-margin'],
      json: values.json === true,
      html: values.html,
      engine,
      mrrScale,
      encoding: encoding as TextEncoding | undefined,
      reader,
      segmentColumn,
      currency: currencyFlag,
      rates: values.rates,
      rateDate,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: FLAGS,
  });
}

const FLAGS = {
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
  encoding: { type: 'string' },
  columns: { type: 'string', multiple: true },
  delimiter: { type: 'string' },
  'keep-column': { type: 'string', multiple: true },
  'time-zone': { type: 'string' },
  'end-inclusive': { type: 'boolean' },
  'number-format': { type: 'string' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

// parseArgs's message for an unknown flag, with the flag meant when one is close; its other messages as they are.
function usageError(error: Error & { code?: string }): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || unknown === null) {
    return escapeValue(error.message);
  }
  const meant = nearestFlag(unknown[1]!, Object.keys(FLAGS));
  return `Unknown option '${escapeValue(unknown[1]!)}'.${meant === null ? '' : ` Did you mean ${meant}?`}`;
}
