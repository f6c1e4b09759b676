// The named export, not the default: decimal.js's types are CommonJS-style, so under TypeScript's node16/nodenext
// resolution an ESM consumer's default import is the module namespace, and `Decimal` degraded to `any`.
import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The exact decimal type every money amount and ratio in this library is returned as.
 *
 * It is a decimal.js `Decimal`; results are made by a private constructor (`Decimal.clone`) with 40
 * significant digits and banker's rounding (ROUND_HALF_EVEN), so the caller's global decimal.js
 * configuration is never read or changed.
 *
 * @category Core
 */
export type Decimal = DecimalJs;

/**
 * The library's private decimal constructor: 40 significant digits, ROUND_HALF_EVEN, plain notation
 * (no exponent) for any value a business metric can reach.
 *
 * @private
 */
export const Decimal = /* @__PURE__ */ DecimalJs.clone({
  precision: 40,
  rounding: 6, // DecimalJs.ROUND_HALF_EVEN, written as its value so bundles need not read the constructor
  toExpNeg: -40,
  toExpPos: 40,
});

/** @private */
export const ZERO: Decimal = /* @__PURE__ */ new Decimal(0);
/** @private */
export const ONE: Decimal = /* @__PURE__ */ new Decimal(1);

// Only the library's own arithmetic reads the shape below; decimal.js keeps a finite value as sign `s` (±1),
// exponent `e` of the leading digit, and digits `d` in base-10^7 words (the first without leading zeros).
const WORD = 1e7;
const MAX_WORDS = 64;
const TAG = '[object Decimal]';

/**
 * What {@link decimalText} returns for a real Decimal of more than 64 words (448 digits): far past the limits of
 * an input, and not worth writing out.
 *
 * @private
 */
export const LONG_DECIMAL = 'a Decimal of more than 448 digits';

/**
 * The text of a real decimal.js `Decimal`, of this copy of decimal.js or of another (an ESM and a CommonJS copy have
 * different prototypes), or `undefined` for anything else. Never throws and never calls a method of `value`.
 *
 * A real Decimal has a prototype of its own (not `Object.prototype`, not null) carrying decimal.js's methods: an
 * object parsed from JSON that copies decimal.js's `toStringTag` is not one. Its sign, exponent and digit words are
 * read once, each checked for shape (a word is an integer in [0, 10^7), at most 64 words), and written out as
 * plain decimal text, so the value reaches the library only through the strict parser of `toDecimal`; NaN and
 * ±Infinity come back as `'NaN'`, `'Infinity'`, `'-Infinity'`, and a Decimal past 64 words as {@link LONG_DECIMAL}.
 *
 * @private
 */
export function decimalText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    if (!(value instanceof Decimal)) {
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype === null || prototype === Object.prototype || typeof prototype !== 'object')
        return undefined;
      const methods = prototype as Record<string, unknown>;
      if (
        (value as { toStringTag?: unknown }).toStringTag !== TAG ||
        typeof methods.toFixed !== 'function' ||
        typeof methods.plus !== 'function' ||
        typeof methods.isFinite !== 'function'
      ) {
        return undefined;
      }
    }
    const { s, e, d } = value as { s: unknown; e: unknown; d: unknown };
    if (d === null) {
      if (s === 1 || s === -1) return s === 1 ? 'Infinity' : '-Infinity';
      return Number.isNaN(s) ? 'NaN' : undefined;
    }
    if ((s !== 1 && s !== -1) || !Number.isSafeInteger(e) || !Array.isArray(d)) return undefined;
    const length = d.length;
    if (length < 1) return undefined;
    if (length > MAX_WORDS) return LONG_DECIMAL;
    let digits = '';
    for (let index = 0; index < length; index += 1) {
      const word: unknown = d[index];
      if (typeof word !== 'number' || !Number.isInteger(word) || word < 0 || word >= WORD) return undefined;
      digits += index === 0 ? String(word) : String(word).padStart(7, '0');
    }
    // The leading digit sits at 10^e: one digit before the point, the rest after.
    const sign = s === -1 ? '-' : '';
    return `${sign}${digits[0]}.${digits.slice(1) || '0'}e${e as number}`;
  } catch {
    return undefined;
  }
}

// Precision of exact sums: an accepted Numeric is below 10^21 in magnitude with at most 60 decimal places
// (numericInput.ts), so a sum of up to 2^53 of them is below 10^37 with at most 60 places: 97 digits. A product
// of two inputs (an amount converted at a rate) has at most 42 + 120 = 162 digits, and a sum of 2^53 of them 178.
// 200 holds both; the precision only caps the digits kept, it costs nothing for shorter sums.
const Exact = /* @__PURE__ */ DecimalJs.clone({ precision: 200, rounding: 6, toExpNeg: -40, toExpPos: 40 });

/**
 * The exact sum `Σ added − Σ subtracted`, for up to 2^53 accepted Numerics, sums of them, or products of two of
 * them: computed at 200 significant digits, which hold every such sum without rounding (docs/core.md, "Limits and
 * exactness"), and returned as the library's `Decimal` with all its digits, where `a.plus(b)` rounds at 40.
 *
 * @private
 */
export function exactSum(added: readonly Decimal[], subtracted: readonly Decimal[] = []): Decimal {
  let sum = new Exact(0);
  for (const term of added) sum = sum.plus(term);
  for (const term of subtracted) sum = sum.minus(term);
  return new Decimal(sum);
}

/**
 * The exact product `a × b` of two accepted Numerics (at most 162 digits, held by the same 200-digit precision
 * as {@link exactSum}), where `a.times(b)` rounds at 40 significant digits.
 *
 * @private
 */
export function exactProduct(a: Decimal, b: Decimal): Decimal {
  return new Decimal(new Exact(a).times(b));
}
