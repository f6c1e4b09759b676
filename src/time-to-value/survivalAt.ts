import { MetricInputError } from '../core/errors.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { assertCurve } from './internal/assertCurve.js';
import type { SurvivalCurve } from './types.js';

/**
 * The estimated survival S(t) of a Kaplan–Meier curve at any time t: the value of the last step at or before t.
 *
 * Formula: S(t) = survival of the last step with time <= t; 1 before the first step.
 * Units: a probability (double). Source: the Kaplan–Meier estimate is a right-continuous step function
 * (Kaplan & Meier 1958; R's `summary(fit, times = t)`), docs/time-to-value.md.
 * Edge cases: t after the last observed time gives null unless the curve has reached 0 (nobody is under
 * observation there, so the estimate is undefined; R's summary leaves such times out unless `extend = TRUE`); a curve
 * without steps gives null; a negative or non-finite t, or a malformed curve (no `steps` array; a step whose time
 * is not a finite number >= 0 after the previous one, or whose survival is not in [0, 1] and at most the previous
 * one), is a {@link MetricInputError}.
 *
 * @category Time to value
 * @example
 * const curve = kaplanMeier([{ duration: 2, event: true }, { duration: 5, event: false }])
 * survivalAt(curve, 1)
 * //=> 1
 * survivalAt(curve, 3)
 * //=> 0.5
 * survivalAt(curve, 6)
 * //=> null
 */
export function survivalAt(curve: SurvivalCurve, time: number): number | null {
  assertCurve(curve);
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
    const finite = typeof time === 'number' && Number.isFinite(time);
    throw new MetricInputError({
      code: finite ? 'negative_amount' : 'not_finite',
      path: ['time'],
      expected: 'a finite number >= 0',
      received: describeValue(time),
    });
  }
  let survival = 1;
  for (const step of curve.steps) {
    if (step.time > time) return survival;
    survival = step.survival;
  }
  const last = curve.steps[curve.steps.length - 1];
  if (last === undefined) return null;
  return last.time === time || survival === 0 ? survival : null;
}
