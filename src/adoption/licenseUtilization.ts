import { Decimal } from '../core/internal/decimal.js';
import { toCount } from '../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../core/internal/options.js';
import { ratioOrNull } from '../core/internal/ratio.js';
import type { Numeric } from '../core/types.js';

/**
 * Inputs of {@link licenseUtilization}.
 *
 * @category Adoption
 */
export interface LicenseUtilizationInput {
  /** Users who actually used the product in the period (whole number >= 0). */
  readonly activeUsers: Numeric;
  /** Seats (licences) the customer pays for (whole number >= 0). */
  readonly seats: Numeric;
}

/**
 * License utilization: the share of paid seats in real use, a product-adoption input to customer health.
 * Low utilization warns of a downgrade at renewal; utilization above 1 (more active users than seats, e.g.
 * with a soft seat cap or shared logins) is an expansion signal, so it is reported, not capped.
 *
 * Formula: activeUsers / seats.
 * Units: a ratio (0.8 = 80 % of seats used; may exceed 1), Decimal. Source: a common customer-success health input;
 * the formula and the uncapped convention are ours (docs/adoption.md).
 * Edge cases: seats = 0 gives null; a negative, fractional or non-numeric count is a MetricInputError.
 *
 * @category Adoption
 * @example
 * licenseUtilization({ activeUsers: 40, seats: 50 }).toString()
 * //=> '0.8'
 * licenseUtilization({ activeUsers: 60, seats: 50 }).toString()
 * //=> '1.2'
 * licenseUtilization({ activeUsers: 3, seats: 0 })
 * //=> null
 */
export function licenseUtilization(input: LicenseUtilizationInput): Decimal | null {
  assertObject(input, []);
  assertKnownKeys(input, INPUT_KEYS);
  const activeUsers = toCount(input.activeUsers, ['activeUsers']);
  const seats = toCount(input.seats, ['seats']);
  return ratioOrNull(new Decimal(activeUsers), new Decimal(seats));
}

const INPUT_KEYS: ReadonlySet<string> = new Set(['activeUsers', 'seats']);
