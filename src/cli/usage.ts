import { editDistance } from '../core/internal/editDistance.js';

/** The whole help of `customer-health`, printed by --help. @private */
export const USAGE = `Usage: customer-health report [FILE | -] [options]

Prints MRR movements, churn, NRR/GRR, quick ratio, LTV, CAC payback, NPS and time to value.
FILE is a CSV (customer_id, subscription_id, start_date, end_date, mrr — or amount and interval instead of
mrr, as billing exports have them — and optionally currency) or JSON file; - reads standard input; without
FILE the built-in sample data is used, with its plans as segments and its EUR customers converted to USD.
Rows of only commas or spaces are skipped and counted. The in-memory engine reads files up to 100 MiB; a
larger CSV or Parquet file needs --engine duckdb.

Options:
  --granularity day|week|month|quarter|year   period length (default month)
  --from YYYY-MM-DD                           first period to report
  --as-of YYYY-MM-DD                          the day figures are measured on and the last day reported
                                              (default: the earlier of today and the last day of the
                                              data, so a scheduled cancellation is not booked before it
                                              happens; the report says which); --to is the same
  --gross-margin 0..1                         margin for LTV and CAC payback (default 1)
  --recent N                                  recent periods in the table, charts and cohorts (default 12)
  --json                                      print the whole report as JSON
  --html FILE                                 also write a self-contained HTML report with charts to FILE
                                              (through a symbolic link to its target; never over an input
                                              file, a directory, a device or a FIFO; --html - is refused:
                                              use --json for standard output)
  --encoding utf-8|windows-1252|latin1|utf-16le|utf-16be
                                              the encoding of FILE and of --rates FILE (default: a byte
                                              order mark, else UTF-16 recognised by its NUL bytes, else
                                              UTF-8; a byte that is not UTF-8 is an error, never �)
  --columns FIELD=HEADER,…                    header names the aliases do not cover, e.g.
                                              --columns customer_id=CustomerID,start_date=created
                                              (fields: customer_id, subscription_id, start_date, end_date,
                                              mrr, amount, interval, interval_count, currency, segment)
  --delimiter ,|;|tab                         the CSV separator (default: the one the header line uses)
  --keep-column NAME                          a column that is data, not a misspelt known name (the
                                              reader refuses a column within two edits of one); repeatable
  --time-zone ZONE                            the IANA zone a date-time cell is read in (default UTC)
  --end-inclusive                             end dates are the last paid day (default: the first day
                                              without the subscription)
  --number-format plain|1,234.56|1.234,56     how amounts are written (default plain)
  --engine memory|duckdb                      compute the movements, segments, cohorts and trailing
                                              NRR/GRR in Node (default) or in DuckDB, which streams a CSV
                                              or Parquet file too large for memory (default for .parquet;
                                              needs @duckdb/node-api); both give the same report, but
                                              --engine duckdb does not take --time-zone, --end-inclusive and
                                              --number-format (nor --columns, --delimiter, --keep-column)
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
  --version                                   print the version
  -h, --help                                  show this help

Control characters in the data (escape sequences, bidirectional overrides) are shown escaped (\\x1b).
Exit codes: 0 success, 1 bad input (bad data in a file, a file without subscription rows, a file that
cannot be read or written), 2 bad usage (a flag or a flag value: an unknown flag, a day that does not exist,
an unknown time zone, too many periods for the flags given), 70 an internal error (a bug: please report
it). A reader that closes the output early (| head) ends the command quietly.
`;

/** One line of usage, printed after a usage error instead of the whole help. @private */
export const USAGE_LINE = 'Usage: customer-health report [FILE | -] [options]   (--help lists the options)';

/**
 * The known flag nearest to a mistyped one (`--granulrity` → `--granularity`), or null when none is close:
 * within a third of its length in edits (at least 2), by Damerau–Levenshtein distance.
 *
 * @private
 */
export function nearestFlag(typed: string, known: readonly string[]): string | null {
  const name = typed.replace(/^-+/, '').split('=')[0]!;
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const flag of known) {
    const distance = editDistance(name, flag);
    if (distance < bestDistance) {
      best = flag;
      bestDistance = distance;
    }
  }
  return best === null ? null : `--${best}`;
}
