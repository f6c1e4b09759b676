import type { Decimal as DecimalJs } from 'decimal.js';

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
