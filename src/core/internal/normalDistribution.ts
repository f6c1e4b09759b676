import { rejectInput } from './rejectInput.js';

/**
 * The standard normal cumulative distribution function Φ(z), accurate to about 1e-15 absolute.
 *
 * Used for p-values and confidence intervals (NPS comparisons, Kaplan–Meier). Statistical quantities are
 * doubles, not Decimals: they are approximations by nature.
 * Method: Marsaglia's (2004) Taylor series for |z| < 3, the Laplace continued fraction for the tail beyond.
 * Edge cases: ±Infinity give 1 and 0; NaN or a non-number is a MetricInputError.
 *
 * @category Statistics
 * @example
 * normalCdf(0)
 * //=> 0.5
 * Number(normalCdf(1.96).toFixed(6))
 * //=> 0.975002
 */
export function normalCdf(z: number): number {
  if (typeof z !== 'number' || Number.isNaN(z)) rejectInput('invalid_number', ['z'], 'a number', z);
  return z < 0 ? upperTail(-z) : 1 - upperTail(z);
}

/**
 * The standard normal quantile Φ⁻¹(p): the z with Φ(z) = p, accurate to about 1e-14.
 *
 * Method: Acklam's rational approximation refined by one Halley step on {@link normalCdf}.
 * Edge cases: p = 0 and p = 1 give -Infinity and Infinity; p outside [0, 1], NaN or a non-number is a
 * MetricInputError.
 *
 * @category Statistics
 * @example
 * Number(normalQuantile(0.975).toFixed(6))
 * //=> 1.959964
 */
export function normalQuantile(p: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1))
    rejectInput('out_of_range', ['p'], 'a probability from 0 to 1', p);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let x = acklam(p);
  // Halley refinement: Acklam's 1.15e-9 relative error becomes machine precision.
  // Φ(x) − p, computed from the upper tail above the median to avoid cancellation.
  const error = x < 0 ? normalCdf(x) - p : 1 - p - upperTail(x);
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  x -= u / (1 + (x * u) / 2);
  return x;
}

/** Q(z) = 1 − Φ(z) for z >= 0, without cancellation in the tail. */
function upperTail(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 0;
  const density = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
  if (z < 3) {
    let term = z;
    let sum = z;
    for (let i = 1; i < 500 && Math.abs(term) > 1e-17 * Math.abs(sum); i += 1) {
      term *= (z * z) / (2 * i + 1);
      sum += term;
    }
    return 0.5 - density * sum;
  }
  let fraction = 0;
  for (let k = 120; k >= 1; k -= 1) fraction = k / (z + fraction);
  return density / (z + fraction);
}

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function acklam(p: number): number {
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -acklam(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}
