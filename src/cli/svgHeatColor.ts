import { Decimal, ONE, ZERO } from '../core/internal/decimal.js';

// The two ends of the single-hue scale: every channel of LOW is above HIGH's, so darkness grows with the value.
const LOW = [240, 246, 252] as const;
const HIGH = [8, 48, 107] as const;

/**
 * The heatmap colour of a ratio: a single-hue blue scale from near-white at 0 to dark blue at 1, linear in
 * each sRGB channel, so a higher ratio is never lighter (each channel is non-increasing in the value). Ratios
 * above 1 get the colour of 1; a missing value (an empty cohort) is light grey.
 *
 * Formula: channel = round(low + (high - low) × clamp(value, 0, 1)), low = (240, 246, 252), high = (8, 48, 107).
 * Units: a `#rrggbb` colour. Source: our convention, after ColorBrewer's sequential Blues.
 * Edge cases: null gives `#e5e7eb`; values below 0 clamp to 0 and above 1 to 1.
 *
 * @private
 */
export function svgHeatColor(value: Decimal | null): string {
  if (value === null) return '#e5e7eb';
  const t = Decimal.min(ONE, Decimal.max(ZERO, value));
  return `#${LOW.map((low, channel) =>
    t
      .times(HIGH[channel]! - low)
      .plus(low)
      .toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN)
      .toNumber()
      .toString(16)
      .padStart(2, '0'),
  ).join('')}`;
}
