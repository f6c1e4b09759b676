import fc from 'fast-check';
import { Decimal } from '../../src/core/internal/decimal.js';
import type { Numeric } from '../../src/index.js';

/** An amount in cents: often exactly 0 (an empty movement), otherwise up to 500,000.00. */
export const cents = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000_000 }));

/** The three ways callers hand us a quantity, so every rate is tested with each. */
export const form = fc.constantFrom('number', 'string', 'decimal');

/** `value` cents as a {@link Numeric} of the given form: a number, a two-decimal string or a Decimal. */
export function amount(value: number, as: string): Numeric {
  if (as === 'number') return value / 100;
  if (as === 'string') return (value / 100).toFixed(2);
  return new Decimal(value).dividedBy(100);
}
