import { MetricInputError } from '../../core/errors.js';
import { resolveColumns, resolveMrrScale } from '../../sql/internal/subscriptionPeriodsSql.js';
import { quoteIdentifier } from '../../sql/quoteIdentifier.js';

// SQL expressions that read a source's cells the way the in-memory reader reads them, so DuckDB never guesses a
// type, rounds an amount or accepts a date the library refuses. No backslash and no comment marker appears in
// them: a source subquery must pass `sqlSource`'s check.

/** The prefix of the text `error()` raises for a refused cell, which `refusedCell` turns into a MetricInputError. */
const REFUSED = 'customer_health_refused_cell';

/** A cell as text trimmed as the memory reader trims (spaces, tabs, line breaks), NULL when blank. @private */
export function textCell(expression: string): string {
  return `NULLIF(trim(CAST(${expression} AS VARCHAR), ' ' || chr(9) || chr(10) || chr(13)), '')`;
}

/**
 * The DATE of a text cell that `toCalendarDate` accepts ('YYYY-MM-DD', a real calendar day, years 1000 … 9998),
 * NULL for any other text (`2024-2-5`, `2024/02/05`, a time of day, February 30).
 */
function checkedDate(text: string): string {
  return `CASE WHEN regexp_full_match(${text}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND ${text} BETWEEN '1000-01-01' AND '9998-12-31' THEN TRY_CAST(${text} AS DATE) END`;
}

// The date-times the report's reader takes (io/internal/cellText.ts, its default rules: UTC): groups 1 date, 2 hour,
// 3 minute, 4 second, 5 Z, 6 sign, 7 offset hours, 8 offset minutes.
const DATE_TIME =
  '([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)? ?(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2})?)?';

/**
 * The DATE the CSV reader of the report reads from a text cell under its default rules (UTC): a calendar date
 * 'YYYY-MM-DD' as {@link checkedDate}, or an ISO 8601 date-time, without an offset on its own date, with `Z` or an
 * offset on its day in UTC; NULL for anything else. @private
 */
export function readerDate(text: string): string {
  const part = (group: number) => `regexp_extract(${text}, '${DATE_TIME}', ${group})`;
  const number = (group: number) => `coalesce(TRY_CAST(NULLIF(${part(group)}, '') AS INTEGER), 0)`;
  const date = checkedDate(part(1));
  const seconds = `${number(2)} * 3600 + ${number(3)} * 60 + ${number(4)} - (CASE WHEN ${part(6)} = '-' THEN -1 ELSE 1 END) * (${number(7)} * 3600 + ${number(8)} * 60)`;
  const shifted = `CAST(CAST(${date} AS TIMESTAMP) + to_seconds(${seconds}) AS DATE)`;
  const day = `CASE WHEN ${part(5)} = '' AND ${part(6)} = '' THEN ${date} ELSE ${shifted} END`;
  return `CASE WHEN regexp_full_match(${text}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN ${checkedDate(text)} WHEN regexp_full_match(${text}, '${DATE_TIME}') AND ${date} IS NOT NULL AND ${number(2)} <= 23 AND ${number(3)} <= 59 AND ${number(4)} <= 59 AND ${number(7)} <= 23 AND ${number(8)} <= 59 AND (${day}) BETWEEN DATE '1000-01-01' AND DATE '9998-12-31' THEN ${day} END`;
}

// Whether a decimal text is written with an exponent (`contains` is about twice as fast as a regular expression).
function hasExponent(text: string): string {
  return `(contains(${text}, 'e') OR contains(${text}, 'E'))`;
}

// A decimal text (as `toDecimal` reads it, exponent allowed) taken apart: its digits without the point, the
// exponent (one of more than 30 digits stands for ±10^30, as decisive as any: no text has 10^30 digits), where the
// point sits in the digits once shifted, and the digits between the first and last that are not 0.
function decimalParts(text: string) {
  const group = (index: number) =>
    `regexp_extract(${text}, '^[+-]?([0-9]*)[.]?([0-9]*)(?:[eE]([+-]?)0*([0-9]+))?$', ${index})`;
  const digits = `(${group(1)} || ${group(2)})`;
  const exponent = `CAST(${group(3)} || CASE WHEN ${group(4)} = '' THEN '0' WHEN length(${group(4)}) > 30 THEN '1${'0'.repeat(30)}' ELSE ${group(4)} END AS HUGEINT)`;
  const point = `(length(${group(1)}) + ${exponent})`;
  const significant = `trim(${digits}, '0')`;
  const leading = `(length(${digits}) - length(ltrim(${digits}, '0')))`;
  return {
    significant,
    /** The power of ten of the first digit that is not 0. */
    first: `(${point} - 1 - ${leading})`,
    /** The power of ten of the last digit that is not 0. */
    last: `(${point} - ${leading} - length(${significant}))`,
  };
}

/** Whether a decimal text is at least 10^21 in magnitude, which `toDecimal` refuses. @private */
export function tooLargeMrr(text: string): string {
  const parts = decimalParts(text);
  return `(${parts.significant} <> '' AND ${parts.first} > 20)`;
}

/** Whether a decimal text has more than 60 decimal places, which `toDecimal` refuses. @private */
export function tooManyPlacesMrr(text: string): string {
  const parts = decimalParts(text);
  return `(${parts.significant} <> '' AND ${parts.last} < -60)`;
}

/**
 * The decimal places a decimal text needs, in either notation (`1.50` 1, `1e-7` 7, `2.5E3` 0), for a text within
 * `toDecimal`'s limits. @private
 */
export function mrrPlaces(text: string): string {
  const parts = decimalParts(text);
  return `CASE WHEN NOT ${hasExponent(text)} THEN ${placesOf(text)} WHEN ${parts.significant} = '' THEN 0 ELSE CAST(least(greatest(0, -${parts.last}), 1000) AS BIGINT) END`;
}

/**
 * Text the memory reader reads as MRR: a decimal (exponent allowed, as `toDecimal`) that is not below 0, below
 * 10^21 in magnitude, with at most 60 decimal places (a plain text of up to 21 characters is within both). @private
 */
export function validMrr(text: string): string {
  return `(regexp_full_match(${text}, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?') AND NOT regexp_full_match(${text}, '-[0-9.]*[1-9].*') AND ((length(${text}) <= 21 AND NOT ${hasExponent(text)}) OR NOT (${tooLargeMrr(text)} OR ${tooManyPlacesMrr(text)})))`;
}

// The plain decimal text of a decimal text in exponent notation within `toDecimal`'s limits, its point shifted
// (`2.5E3` 2500, `1e-7` 0.0000001, `-0e0` 0); the sign is dropped, as no such MRR is below 0.
function shiftedText(text: string): string {
  const { significant, last } = decimalParts(text);
  const zeros = (count: string) => `repeat('0', CAST(least(greatest(${count}, 0), 100) AS BIGINT))`;
  const padded = `(${zeros(`-${last} + 1 - length(${significant})`)} || ${significant})`;
  return `CASE WHEN ${significant} = '' THEN '0' WHEN ${last} >= 0 THEN ${significant} || ${zeros(last)} ELSE left(${padded}, CAST(length(${padded}) + ${last} AS BIGINT)) || '.' || right(${padded}, CAST(-${last} AS BIGINT)) END`;
}

// A plain decimal text of at most `scale` places as DECIMAL(38, scale), exactly (see exactDecimal).
function plainDecimal(text: string, scale: number): string {
  return scale >= 18
    ? `CAST(${text} AS DECIMAL(38, ${scale}))`
    : `CASE WHEN length(${text}) <= ${18 - scale} THEN CAST(CAST(${text} AS DECIMAL(18, ${scale})) AS DECIMAL(38, ${scale})) ELSE CAST(${text} AS DECIMAL(38, ${scale})) END`;
}

/**
 * A decimal text within `toDecimal`'s limits of at most `scale` places as `DECIMAL(38, scale)`, exactly. A plain
 * short text goes through `DECIMAL(18, scale)` (held in 64 bits), which DuckDB parses several times faster than the
 * 128-bit type; one in exponent notation (`2.5E3`, `1e-7`) has its point shifted in the text first (DuckDB would
 * read it as a DOUBLE). Every cast is exact, as no text has more places than the scale. @private
 */
export function exactDecimal(text: string, scale: number): string {
  return `CASE WHEN ${hasExponent(text)} THEN CAST(${shiftedText(text)} AS DECIMAL(38, ${scale})) ELSE ${plainDecimal(text, scale)} END`;
}

// The decimal places a plain decimal text needs (trailing zeros need none).
function placesOf(text: string): string {
  return `length(regexp_extract(${text}, '[.]([0-9]*?)0*$', 1))`;
}

// The text of a cell of any type: a TIMESTAMP at midnight is its day (as a Date at midnight UTC is in the
// library), any other time of day stays in the text and is refused; everything else is cast to text (a DOUBLE to
// its shortest decimal, the number JSON would hold).
function cellText(column: string): string {
  return `CASE WHEN typeof(${column}) LIKE 'TIMESTAMP%' THEN (CASE WHEN CAST(CAST(${column} AS DATE) AS TIMESTAMP) = CAST(${column} AS TIMESTAMP) THEN CAST(CAST(${column} AS DATE) AS VARCHAR) ELSE CAST(${column} AS VARCHAR) END) ELSE ${textCell(column)} END`;
}

/**
 * `(SELECT * REPLACE (…) FROM <from>)`: the rows of `from` with the customer id, start, end and MRR columns read as
 * the in-memory engine reads them, a refused cell stopping the query (see {@link refusedCell}): a blank customer
 * id, a start or end that is not a calendar date 'YYYY-MM-DD' (a DATE column is taken as it is), an end before
 * the start, and MRR that is not a decimal >= 0 or needs more than `mrrScale` decimal places (an integer column,
 * or a DECIMAL of at most that scale, is cast at once; anything else, DOUBLE included, is checked as text, so
 * nothing is rounded). `options` are the runner's, whose `columns` and `mrrScale` are checked as the SQL builder
 * checks them. @private
 */
export function checkedSource(
  from: string,
  kind: 'table' | 'csv' | 'parquet',
  options: { columns?: unknown; mrrScale?: unknown },
): string {
  const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
  const refuse = (code: string, column: string, expected: string, text: string) =>
    `error(${literal(`${REFUSED}|${kind}|${code}|${column}|${expected}|`)} || coalesce(${text}, ''))`;
  const columns = resolveColumns(options.columns, ['currency', 'segment']);
  const scale = resolveMrrScale(options.mrrScale);
  const name = (field: 'customerId' | 'start' | 'end' | 'mrr') =>
    quoteIdentifier(columns[field], ['options', 'columns', field], false);
  const [customer, start, end, mrr] = [name('customerId'), name('start'), name('end'), name('mrr')];
  // Three layers, so each cell's text and day is computed once: the texts (skipped for a DATE or number column),
  // the days, then the checked columns replacing the source's (the helper columns dropped again).
  const helper = (field: string) => `customer_health_${field}`;
  const [customerText, startText, endText, mrrText, startDay, endDay] = [
    'customer_text',
    'start_text',
    'end_text',
    'mrr_text',
    'start_day',
    'end_day',
  ].map(helper) as [string, string, string, string, string, string];
  const dateText = (column: string) =>
    `CASE WHEN typeof(${column}) = 'DATE' THEN NULL ELSE ${cellText(column)} END`;
  const day = (column: string, text: string, label: string, required: boolean) =>
    `CASE WHEN typeof(${column}) = 'DATE' THEN CAST(${column} AS DATE) WHEN ${text} IS NULL THEN ${required ? refuse('invalid_date', label, 'a calendar date "YYYY-MM-DD"', "''") : 'CAST(NULL AS DATE)'} ELSE coalesce(${checkedDate(text)}, ${refuse('invalid_date', label, 'a calendar date "YYYY-MM-DD" between 1000-01-01 and 9998-12-31', text)}) END`;
  const money = `DECIMAL(38, ${scale})`;
  const typedScale = `TRY_CAST(regexp_extract(typeof(${mrr}), ',([0-9]+)[)]', 1) AS INTEGER)`;
  const exact = `typeof(${mrr}) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT') OR (typeof(${mrr}) LIKE 'DECIMAL(%' AND ${typedScale} <= ${scale})`;
  // The fast path, a plain text of up to 21 characters (within toDecimal's limits) the scale holds; then each
  // refusal in toDecimal's order (not a decimal, 10^21 or more, more than 60 places, below 0), then the scale's.
  const checkedMrr = `CASE WHEN ${exact} THEN (CASE WHEN ${mrr} IS NULL THEN ${refuse('invalid_number', columns.mrr, 'a decimal number such as "19.99"', "''")} WHEN starts_with(CAST(${mrr} AS VARCHAR), '-') THEN ${refuse('negative_amount', columns.mrr, 'a number >= 0', `CAST(${mrr} AS VARCHAR)`)} ELSE CAST(${mrr} AS ${money}) END)
    WHEN regexp_full_match(${mrrText}, '[+]?([0-9]+[.]?[0-9]*|[.][0-9]+)') AND length(${mrrText}) <= 21 AND ${placesOf(mrrText)} <= ${scale} THEN ${plainDecimal(mrrText, scale)}
    WHEN ${mrrText} IS NULL OR NOT regexp_full_match(${mrrText}, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN ${refuse('invalid_number', columns.mrr, 'a decimal number such as "19.99"', mrrText)}
    WHEN ${tooLargeMrr(mrrText)} THEN ${refuse('out_of_range', columns.mrr, 'a number below 10^21 in magnitude', mrrText)}
    WHEN ${tooManyPlacesMrr(mrrText)} THEN ${refuse('out_of_range', columns.mrr, 'a number with at most 60 decimal places', mrrText)}
    WHEN regexp_full_match(${mrrText}, '-[0-9.]*[1-9].*') THEN ${refuse('negative_amount', columns.mrr, 'a number >= 0', mrrText)}
    WHEN ${mrrPlaces(mrrText)} > ${scale} THEN ${refuse('invalid_value', columns.mrr, `a plain decimal with at most ${scale} decimal places (mrrScale ${scale}; nothing is rounded)`, mrrText)}
    ELSE ${exactDecimal(mrrText, scale)} END`;
  const texts = `SELECT *, ${textCell(customer)} AS ${customerText}, ${dateText(start)} AS ${startText}, ${dateText(end)} AS ${endText}, CASE WHEN ${exact} THEN NULL ELSE ${textCell(mrr)} END AS ${mrrText} FROM ${from}`;
  const days = `SELECT *, ${day(start, startText, columns.start, true)} AS ${startDay}, ${day(end, endText, columns.end, false)} AS ${endDay} FROM (${texts})`;
  const checked = [
    `CASE WHEN ${customerText} IS NULL THEN ${refuse('invalid_type', columns.customerId, 'a non-empty text', "''")} ELSE ${customerText} END AS ${customer}`,
    `${startDay} AS ${start}`,
    `CASE WHEN ${endDay} < ${startDay} THEN ${refuse('end_before_start', columns.end, `a date on or after ${columns.start}`, `CAST(${endDay} AS VARCHAR) || ' (before ' || CAST(${startDay} AS VARCHAR) || ')'`)} ELSE ${endDay} END AS ${end}`,
    `${checkedMrr} AS ${mrr}`,
  ];
  return `(SELECT * EXCLUDE (${[customerText, startText, endText, mrrText, startDay, endDay].join(', ')}) REPLACE (${checked.join(', ')}) FROM (${days}))`;
}

/**
 * The MetricInputError of a cell {@link checkedSource} refused (its `error()` text in a DuckDB error), at
 * `['source', kind, column]` (kind: table, csv or parquet), or undefined for any other error. @private
 */
export function refusedCell(error: unknown): MetricInputError | undefined {
  const text = error instanceof Error ? error.message : String(error);
  const found = new RegExp(`${REFUSED}[|]([a-z]+)[|]([a-z_]+)[|]([^|]*)[|]([^|]*)[|]([^\\n]*)`).exec(text);
  if (found === null) return undefined;
  const [, kind, code, column, expected, value] = found as unknown as string[] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return new MetricInputError({
    code: code as MetricInputError['code'],
    path: ['source', kind, column],
    expected: `${expected} in column ${column}`,
    received: JSON.stringify(value),
    message: `source.${kind}: column ${column} must be ${expected}, received ${JSON.stringify(value)}`,
  });
}
