import { fromDayNumber } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { isoDayNumber, MAX_YEAR } from '../../core/internal/isoDayNumber.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { toDecimal } from '../../core/numeric.js';
import { JsonNumber } from './jsonText.js';

/** How amounts are written: plain decimals, or with thousands separators and a currency. @private */
export type NumberFormat = 'plain' | '1,234.56' | '1.234,56';

/** How the readers turn cells into days and amounts (the options of parseReportInput, validated). @private */
export interface CellRules {
  /** IANA zone a date-time's calendar day is read in. */
  readonly timeZone: string;
  readonly endConvention: 'exclusive' | 'inclusive';
  readonly numberFormat: NumberFormat;
  /** The calendar day of an instant (ms since 1970) in `timeZone`, `'YYYY-MM-DD'`. */
  readonly dayOf: (instant: number) => string;
}

/** The rules for validated options: a formatter for the zone is made once, not per cell. @private */
export function cellRules(
  timeZone: string,
  endConvention: CellRules['endConvention'],
  numberFormat: NumberFormat,
): CellRules {
  let format: Intl.DateTimeFormat | undefined;
  const dayOf =
    timeZone === 'UTC'
      ? (instant: number) => new Date(instant).toISOString().slice(0, 10)
      : (instant: number) => {
          format ??= new Intl.DateTimeFormat('en-US', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          });
          const parts = format.formatToParts(instant);
          const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
          return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
        };
  return { timeZone, endConvention, numberFormat, dayOf };
}

/**
 * A cell as text: trimmed text, a JSON number's source text, a finite number's shortest text; `undefined` when
 * blank. Anything else (true, an object, an array) is a MetricInputError: an object is never trusted as a
 * number or a Decimal. @private
 */
export function cellText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? undefined : text;
  }
  if (value === undefined || value === null) return undefined;
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new MetricInputError({
    code: 'invalid_type',
    path: [],
    expected: 'a text or a number',
    received: describeValue(value),
  });
}

/** How a message shows a cell: a JSON number as written (`12`), anything else as describeValue does. @private */
export function describeCell(value: unknown): string {
  return value instanceof JsonNumber ? value.text : describeValue(value);
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s?(?:(Z)|([+-])(\d{2}):?(\d{2})?)?$/i;

const DAY_EXPECTED =
  "a calendar date 'YYYY-MM-DD' between 1000-01-01 and 9998-12-31, or an ISO 8601 date-time such as 2024-02-05T10:00:00Z";

/**
 * The calendar day of a date cell: `'YYYY-MM-DD'` as it is; an ISO 8601 date-time with an offset
 * (`2024-02-05T23:30:00-05:00`, `2024-02-05 10:00:00Z`) on its day in `rules.timeZone`; one without an offset
 * is a local time in that zone, so its day is its date, unless `column` (the header name) ends with `(UTC)`, as
 * Stripe's export writes it: then it is a UTC time. Under `endConvention: 'inclusive'` an end is the last
 * paid day and the day after it is returned. Anything else (`2024-2-5`, `2024/02/05`, `05.02.2024`) is a
 * MetricInputError. @private
 */
export function readDay(text: string, rules: CellRules, isEnd: boolean, column = ''): string {
  let day = text;
  if (Number.isNaN(isoDayNumber(text))) {
    const match = DATE_TIME.exec(text);
    if (match === null || Number.isNaN(isoDayNumber(match[1]!))) throw dayError(text);
    const hour = Number(match[2]);
    const minute = Number(match[3]);
    const second = Number(match[4] ?? 0);
    if (hour > 23 || minute > 59 || second > 59) throw dayError(text);
    day = match[1]!;
    // A column its header says is in UTC (Stripe's `Start (UTC)`) holds UTC times without an offset.
    if (match[5] !== undefined || match[6] !== undefined || /\(utc\)$/i.test(column)) {
      const offsetHours = Number(match[7] ?? 0);
      const offsetMinutes = Number(match[8] ?? 0);
      if (offsetHours > 23 || offsetMinutes > 59) throw dayError(text);
      const [year, month, date] = day.split('-').map(Number) as [number, number, number];
      const sign = match[6] === '-' ? -1 : 1;
      const instant =
        Date.UTC(year, month - 1, date, hour, minute, second) -
        sign * (offsetHours * 60 + offsetMinutes) * 60_000;
      day = rules.dayOf(instant);
      if (Number.isNaN(isoDayNumber(day))) throw dayError(text);
    }
  }
  if (isEnd && rules.endConvention === 'inclusive') {
    const next = isoDayNumber(day) + 1;
    if (Number.isNaN(isoDayNumber(fromDayNumber(next)))) {
      throw new MetricInputError({
        code: 'invalid_date',
        path: [],
        expected: `a last paid day up to ${MAX_YEAR}-12-30 (endConvention 'inclusive' reads the day after it)`,
        received: describeValue(text),
      });
    }
    return fromDayNumber(next);
  }
  return day;
}

function dayError(text: string): MetricInputError {
  return new MetricInputError({
    code: 'invalid_date',
    path: [],
    expected: DAY_EXPECTED,
    received: describeValue(text),
  });
}

// A currency sign or ISO code and thousands separators: what a formatted amount looks like.
const LOOKS_FORMATTED = /[,$€£¥₹\s]|^[+-]?[A-Za-z]{3}\d|\d[A-Za-z]{3}$/;
const CURRENCY = /^(?:[$€£¥₹]|[A-Za-z]{3}(?=[\s\d]))\s*|\s*(?:[$€£¥₹]|(?<=[\d\s])[A-Za-z]{3})$/g;
const GROUPED: Readonly<Record<Exclude<NumberFormat, 'plain'>, RegExp>> = {
  '1,234.56': /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/,
  '1.234,56': /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/,
};

/**
 * An amount cell as plain decimal text, validated as a number >= 0. Under `numberFormat: 'plain'` a formatted
 * amount (`$1,200.00`) is refused with a hint naming the option; under `'1,234.56'` or `'1.234,56'` one leading
 * or trailing currency symbol or ISO code is dropped and the thousands separators must group by three
 * (`1,20.00` is refused). @private
 */
export function readAmount(text: string, rules: CellRules): string {
  if (rules.numberFormat === 'plain') {
    try {
      toDecimal(text, [], 'nonNegative');
    } catch (error) {
      if (!LOOKS_FORMATTED.test(text)) throw error;
      throw new MetricInputError({
        code: 'invalid_number',
        path: [],
        expected:
          "a plain decimal number >= 0 such as 1200.5 (for amounts written like $1,200.00 pass numberFormat: '1,234.56', like 1.200,00 € numberFormat: '1.234,56')",
        received: describeValue(text),
      });
    }
    return text;
  }
  const bare = text.replace(CURRENCY, '');
  const match = GROUPED[rules.numberFormat].exec(bare);
  if (match === null) {
    throw new MetricInputError({
      code: 'invalid_number',
      path: [],
      expected: `an amount >= 0 written as ${rules.numberFormat} (thousands in groups of three, at most one currency sign or code)`,
      received: describeValue(text),
    });
  }
  const plain = `${match[1]}${match[2]!.replace(/[.,]/g, '')}${match[3] === undefined ? '' : `.${match[3]}`}`;
  toDecimal(plain, [], 'nonNegative');
  return plain;
}
