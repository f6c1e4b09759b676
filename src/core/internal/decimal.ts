// The named export, not the default: decimal.js's types are CommonJS-style, so under TypeScript's node16/nodenext
// resolution an ESM consumer's default import is the module namespace, and `Decimal` degraded to `any`.
import { Decimal as DecimalJs } from 'decimal.js';
import type { Decimal as PublicDecimal } from '../types.js';

/** The public `Decimal` type (../types.ts), beside the constructor of the same name. */
export type Decimal = PublicDecimal;

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
/** @private */
export const HUNDRED: Decimal = /* @__PURE__ */ new Decimal(100);
