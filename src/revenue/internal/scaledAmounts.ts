import { Decimal } from '../../core/internal/decimal.js';

/**
 * Each distinct MRR amount as an integer count of minor units `mrr × 10^scale`, where `scale` is the largest
 * number of decimal places among the amounts: `number`s (in a Float64Array) when every sum the sweep can form
 * stays a safe integer, otherwise `bigint`s (exact for any number of digits).
 *
 * @private
 */
export type ScaledAmounts =
  | { readonly kind: 'number'; readonly scale: number; readonly amounts: Float64Array }
  | { readonly kind: 'bigint'; readonly scale: number; readonly amounts: bigint[] };

// The sweep adds at most every row once into a running sum and subtracts them again, and a period's ending
// MRR is starting MRR plus movements, each bounded by the total: twice the total must stay below 2^53.
const SAFE_TOTAL = Math.floor(Number.MAX_SAFE_INTEGER / 2);

/**
 * Converts the distinct Decimal amounts to integer minor units (see {@link ScaledAmounts}); `rowAmount` maps
 * each row to its distinct amount and decides, through the total over all rows, whether `number`s are safe.
 *
 * @private
 */
export function scaledAmounts(distinct: readonly Decimal[], rowAmount: Int32Array): ScaledAmounts {
  const scale = largestDecimalPlaces(distinct);
  const factor = new Decimal(10).pow(scale);
  const amounts = new Float64Array(distinct.length);
  let safe = scale <= 15;
  for (let index = 0; safe && index < distinct.length; index += 1) {
    amounts[index] = distinct[index]!.times(factor).toNumber();
    safe = Number.isSafeInteger(amounts[index]);
  }
  let total = 0;
  for (let row = 0; safe && row < rowAmount.length; row += 1) {
    total += amounts[rowAmount[row]!]!;
    safe = total <= SAFE_TOTAL;
  }
  if (safe) return { kind: 'number', scale, amounts };
  return { kind: 'bigint', ...bigintAmounts(distinct, scale) };
}

/**
 * Each amount as a bigint count of minor units `value × 10^scale`; `scale` defaults to the largest number of
 * decimal places among them (the smallest exact one).
 *
 * @private
 */
export function bigintAmounts(
  distinct: readonly Decimal[],
  scale = largestDecimalPlaces(distinct),
): { scale: number; amounts: bigint[] } {
  return { scale, amounts: distinct.map((value) => BigInt(value.toFixed(scale).replace('.', ''))) };
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

function largestDecimalPlaces(values: readonly Decimal[]): number {
  let places = 0;
  for (const value of values) places = Math.max(places, value.decimalPlaces());
  return places;
}
