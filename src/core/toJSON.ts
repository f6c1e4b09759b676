import { Decimal, decimalText, LONG_DECIMAL } from './internal/decimal.js';
import { assertKnownKeys, assertObject, oneOf } from './internal/options.js';
import { rejectInput } from './internal/rejectInput.js';
import type { InputPath } from './types.js';

/**
 * How a `Decimal` is rounded for JSON: `'money'` to `money` places, `'ratio'` to `ratio` places, `'exact'` not
 * at all (every digit, still without exponent notation).
 *
 * @category Core
 */
export type JsonNumberKind = 'money' | 'ratio' | 'exact';

/**
 * Options of {@link toJSON}.
 *
 * @category Core
 */
export interface ToJsonOptions {
  /** Decimal places of money (MRR, ARR, revenue, amounts, ARPA, LTV, CAC); a whole number 0–20, default `2`. */
  readonly money?: number;
  /** Decimal places of every other `Decimal` (rates, retention, shares, scores, months); 0–20, default `4`. */
  readonly ratio?: number;
  /** Write rounded `Decimal`s as strings (`'166.67'`, exact on the wire) or as numbers; default `'string'`. */
  readonly as?: 'string' | 'number';
  /**
   * `'halfEven'` (banker's rounding, the library's own: `0.125` → `'0.12'`) or `'halfUp'` (what people expect on
   * a screen: `0.125` → `'0.13'`); default `'halfEven'`.
   */
  readonly rounding?: 'halfEven' | 'halfUp';
  /** Kinds by field name, overriding the built-in rule: `{ score: 'exact', cacPaybackMonths: 'money' }`. */
  readonly fields?: Readonly<Record<string, JsonNumberKind>>;
}

/**
 * The JSON shape of a result `T`: every `Decimal` becomes a `string` (or a `number` with `as: 'number'`), every
 * `Date` an ISO string, arrays and objects mapped deeply, `null` kept.
 *
 * @category Core
 */
export type Jsonified<T, As extends 'string' | 'number' = 'string'> = T extends Decimal
  ? As extends 'number'
    ? number
    : string
  : T extends Date
    ? string
    : T extends readonly (infer Item)[]
      ? Jsonified<Item, As>[]
      : T extends object
        ? { -readonly [Key in keyof T]: Jsonified<T[Key], As> }
        : T;

const OPTION_KEYS: ReadonlySet<string> = new Set(['money', 'ratio', 'as', 'rounding', 'fields']);
const KINDS: readonly JsonNumberKind[] = ['money', 'ratio', 'exact'];
const ROUND_HALF_UP = 4 as const;
const ROUND_HALF_EVEN = 6 as const;
// Money fields by name: the ones that are, or end in, these words (case-insensitive): mrr, arr, revenue, amount(s),
// plus the few money results named otherwise. Everything else is a ratio-like quantity.
const MONEY_SUFFIX = /(?:mrr|arr|revenue|amounts?)$/i;
const MONEY_NAMES: ReadonlySet<string> = new Set([
  'arpa',
  'lifetimeValue',
  'customerAcquisitionCost',
  'mrrAtRisk',
]);

/**
 * A result made ready for `JSON.stringify` and HTTP responses: every `Decimal` rounded by what it measures and
 * written as a string (or number), `Date`s as ISO strings, `null` kept, everything else deep-copied.
 *
 * Which places a `Decimal` gets comes from the name of the field it sits in (an array's items take the array's
 * field name): **money** is a field named `mrr`, `arr`, `revenue`, `amount`, `amounts`, or ending in `Mrr`, `Arr`,
 * `Revenue`, `Amount` (`endingMrr`, `startingArr`, `expansionRevenue`), and `arpa`, `lifetimeValue`,
 * `customerAcquisitionCost`, `mrrAtRisk`; **ratio** is every other `Decimal` (rates, retention, shares, scores,
 * months). `options.fields` overrides any name, and `'exact'` keeps every digit.
 * Rounding: banker's by default, as the library computes (`0.125` → `'0.12'`, `0.135` → `'0.14'`); pass
 * `rounding: 'halfUp'` for display (`0.125` → `'0.13'`). Strings never use exponent notation.
 * Edge cases: a non-finite number in the input, or a `Decimal` too large for a double with `as: 'number'`, is a
 * {@link MetricInputError}; bad options are too.
 *
 * @category Core
 * @example
 * toJSON({ endingMrr: toDecimal('17757.83333333333333333333333333333333334'), netRevenueRetention: toDecimal('1.041666666666666666666666666666666666667') })
 * //=> { endingMrr: '17757.83', netRevenueRetention: '1.0417' }
 * toJSON({ churnRate: toDecimal('0.125'), mrr: null }, { ratio: 2, as: 'number', rounding: 'halfUp' })
 * //=> { churnRate: 0.13, mrr: null }
 */
export function toJSON<T, const Options extends ToJsonOptions = ToJsonOptions>(
  value: T,
  options?: Options,
): Jsonified<T, Options['as'] extends 'number' ? 'number' : 'string'> {
  const resolved = resolveOptions(options ?? {});
  return convert(value, undefined, ['input'], resolved) as Jsonified<
    T,
    Options['as'] extends 'number' ? 'number' : 'string'
  >;
}

interface ResolvedJsonOptions {
  readonly money: number;
  readonly ratio: number;
  readonly as: 'string' | 'number';
  readonly rounding: typeof ROUND_HALF_UP | typeof ROUND_HALF_EVEN;
  readonly fields: Readonly<Record<string, JsonNumberKind>>;
}

function resolveOptions(options: ToJsonOptions): ResolvedJsonOptions {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const places = (value: unknown, name: string, fallback: number) => {
    const chosen = value ?? fallback;
    if (!Number.isInteger(chosen) || (chosen as number) < 0 || (chosen as number) > 20) {
      rejectInput(
        'invalid_option',
        ['options', name],
        'a whole number of decimal places from 0 to 20',
        chosen,
      );
    }
    return chosen as number;
  };
  const given: unknown = options.fields ?? {};
  assertObject(given, ['options', 'fields']);
  const fields: Record<string, JsonNumberKind> = {};
  for (const [name, kind] of Object.entries(given))
    fields[name] = oneOf(kind, KINDS, ['options', 'fields', name]);
  const rounding = oneOf(options.rounding ?? 'halfEven', ['halfEven', 'halfUp'], ['options', 'rounding']);
  return {
    money: places(options.money, 'money', 2),
    ratio: places(options.ratio, 'ratio', 4),
    as: oneOf(options.as ?? 'string', ['string', 'number'], ['options', 'as']),
    rounding: rounding === 'halfUp' ? ROUND_HALF_UP : ROUND_HALF_EVEN,
    fields,
  };
}

function convert(
  value: unknown,
  field: string | undefined,
  path: InputPath,
  options: ResolvedJsonOptions,
): unknown {
  const text = decimalText(value);
  if (text === LONG_DECIMAL) rejectInput('out_of_range', path, 'a Decimal of at most 448 digits', value);
  if (text !== undefined) return writeDecimal(new Decimal(text), kindOf(field, options), path, options);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) rejectInput('invalid_date', path, 'a valid Date', value);
    return value.toISOString();
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    rejectInput('not_finite', path, 'a finite number', value);
  if (Array.isArray(value))
    return value.map((item, index) => convert(item, field, [...path, index], options));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (entry !== undefined) copy[key] = convert(entry, key, [...path, key], options);
    }
    return copy;
  }
  return value;
}

function kindOf(field: string | undefined, options: ResolvedJsonOptions): JsonNumberKind {
  if (field === undefined) return 'ratio';
  const chosen = Object.hasOwn(options.fields, field) ? options.fields[field] : undefined;
  if (chosen !== undefined) return chosen;
  return MONEY_SUFFIX.test(field) || MONEY_NAMES.has(field) ? 'money' : 'ratio';
}

function writeDecimal(
  value: Decimal,
  kind: JsonNumberKind,
  path: InputPath,
  options: ResolvedJsonOptions,
): string | number {
  if (!value.isFinite()) rejectInput('not_finite', path, 'a finite Decimal', value);
  const text =
    kind === 'exact'
      ? value.toFixed()
      : value.toFixed(kind === 'money' ? options.money : options.ratio, options.rounding);
  // '-0.00' (a tiny negative rounded away) reads as zero.
  const written = /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
  if (options.as === 'string') return written;
  const number = Number(written);
  if (!Number.isFinite(number)) rejectInput('out_of_range', path, 'a Decimal that fits in a double', value);
  return number;
}
