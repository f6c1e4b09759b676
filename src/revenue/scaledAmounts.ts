import { Decimal } from '../core/decimal.js';

/**
 * Every row's MRR as an integer count of minor units `mrr × 10^scale`, where `scale` is the largest number of
 * decimal places among the rows: `number`s when every sum the sweep can form stays a safe integer, otherwise
 * `bigint`s (exact for any number of digits).
 *
 * @private
 */
export type ScaledAmounts =
  | { readonly kind: 'number'; readonly scale: number; readonly amounts: number[] }
  | { readonly kind: 'bigint'; readonly scale: number; readonly amounts: bigint[] };

// The sweep adds at most every row once into a running sum and subtracts them again, and a period's ending
// MRR is starting MRR plus movements, each bounded by the total: twice the total must stay below 2^53.
const SAFE_TOTAL = Math.floor(Number.MAX_SAFE_INTEGER / 2);

/**
 * Converts Decimal MRR values to integer minor units (see {@link ScaledAmounts}).
 *
 * @private
 */
export function scaledAmounts(values: readonly Decimal[]): ScaledAmounts {
  let scale = 0;
  let seen: Decimal | undefined;
  for (const value of values) {
    if (value === seen) continue;
    seen = value;
    const places = value.decimalPlaces();
    if (places > scale) scale = places;
  }
  const factor = new Decimal(10).pow(scale);
  // The validator hands out one Decimal per distinct input amount, so caching by identity skips almost every
  // Decimal multiplication.
  const cache = new Map<Decimal, number>();
  const amounts: number[] = new Array(values.length);
  let total = 0;
  let safe = scale <= 15;
  for (let index = 0; safe && index < values.length; index += 1) {
    const value = values[index]!;
    let amount = cache.get(value);
    if (amount === undefined) {
      amount = value.times(factor).toNumber();
      cache.set(value, amount);
    }
    amounts[index] = amount;
    total += amount;
    safe = Number.isSafeInteger(amount) && total <= SAFE_TOTAL;
  }
  if (safe) return { kind: 'number', scale, amounts };
  return {
    kind: 'bigint',
    scale,
    amounts: values.map((value) => BigInt(value.toFixed(scale).replace('.', ''))),
  };
}

/**
 * The exact Decimal of an integer count of minor units, with one Decimal per distinct value.
 *
 * @private
 */
export function decimalCache(scale: number): (amount: number | bigint) => Decimal {
  const cache = new Map<number | bigint, Decimal>();
  return (amount) => {
    let value = cache.get(amount);
    if (value === undefined) {
      value = new Decimal(`${amount}e-${scale}`);
      cache.set(amount, value);
    }
    return value;
  };
}
