import { Decimal } from '../core/internal/decimal.js';

/**
 * Formats a coordinate or length for SVG: rounded half-even to 0.01 px, without exponent, trailing zeros or a
 * negative zero, and independent of the machine's locale, so the same chart always prints the same bytes.
 *
 * Formula: round(value, 2 decimals, half-even). Units: pixels.
 * Source: our convention (docs/notebooks.md, "The HTML report").
 * Edge cases: values that round to zero print `0`; a value must be finite (it always comes from a Decimal).
 *
 * @private
 */
export function svgNumber(value: Decimal | number): string {
  const rounded = new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
  return rounded.isZero() ? '0' : rounded.toFixed();
}
