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
