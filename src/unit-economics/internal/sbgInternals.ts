import { MetricInputError } from '../../core/errors.js';
import { assertObject } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { toDecimal } from '../../core/numeric.js';
import type { InputPath } from '../../core/types.js';

// Helpers shared by the sBG files; not re-exported from the package.

/**
 * Validates sBG parameters and returns them as doubles.
 *
 * @private
 */
export function toSbgParams(params: unknown, path: InputPath = ['params']): { alpha: number; beta: number } {
  assertObject(params, path);
  const alpha = toDecimal(params.alpha, [...path, 'alpha'], 'positive').toNumber();
  const beta = toDecimal(params.beta, [...path, 'beta'], 'positive').toNumber();
  for (const [name, value] of [
    ['alpha', alpha],
    ['beta', beta],
  ] as const) {
    if (!(value > 0 && Number.isFinite(value))) {
      throw new MetricInputError({
        code: 'out_of_range',
        path: [...path, name],
        expected: 'a positive number within double range',
        received: describeValue(params[name]),
      });
    }
  }
  return { alpha, beta };
}

/**
 * Validates a period index: a safe whole number >= `min`.
 *
 * @private
 */
export function toPeriod(value: unknown, min: number, path: InputPath): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new MetricInputError({
      code: Number.isInteger(value) ? 'out_of_range' : 'not_integer',
      path,
      expected: `a whole number >= ${min}`,
      received: describeValue(value),
    });
  }
  return value;
}

/**
 * The sBG log-likelihood of lost counts per period 1 … n and the count alive after period n, accumulated in log
 * space: ln P(T = t) = ln S(t − 1) + ln α − ln(α + β + t − 1), ln S(t) = ln S(t − 1) + ln(β + t − 1) −
 * ln(α + β + t − 1).
 *
 * @private
 */
export function sbgLogLikelihood(
  alpha: number,
  beta: number,
  lost: readonly number[],
  alive: number,
): number {
  let logSurvival = 0;
  let total = 0;
  const logAlpha = Math.log(alpha);
  for (let t = 1; t <= lost.length; t += 1) {
    const logDenominator = Math.log(alpha + beta + t - 1);
    const count = lost[t - 1]!;
    if (count > 0) total += count * (logSurvival + logAlpha - logDenominator);
    logSurvival += Math.log(beta + t - 1) - logDenominator;
  }
  return alive > 0 ? total + alive * logSurvival : total;
}
