import { toUnitInterval } from '../core/internal/numericInput.js';
import type { Numeric } from '../core/types.js';
import { assertCurve } from './internal/assertCurve.js';

import type { SurvivalCurve } from './types.js';

// R's quantile.survfit compares survival levels with this tolerance (sqrt(.Machine$double.eps)), so a
// product like (2/3)·(3/4) counts as exactly 0.5.
const TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * The time by which a share `p` of subjects has had the event, read from a Kaplan–Meier curve: the p-th
 * quantile of the time to event (p = 0.5 is the median; p = 0.9 "90 % reached value by then").
 *
 * Formula: the smallest step time t with 1 − S(t) >= p. When 1 − S equals p exactly (within 1.5e-8) on a
 * flat stretch, the midpoint of that stretch: from the time it is reached to the next event time, or to the
 * last observed time if the curve ends flat. Without censoring this is the sample quantile that averages at
 * a jump (R's `quantile(type = 2)`; for p = 0.5 the usual median).
 * Units: the curve's time units. Source: R survival's `quantile.survfit` (docs/time-to-value.md).
 * Edge cases: p = 0 gives 0; a curve that never reaches 1 − S >= p (too much censoring, or no steps) gives
 * null; p outside [0, 1], or a malformed curve (no `steps` array; a step whose time is not a finite number >= 0
 * after the previous one, or whose survival is not in [0, 1] and at most the previous one), is a
 * {@link MetricInputError}.
 *
 * @category Time to value
 * @example
 * const curve = kaplanMeier([1, 2, 3, 4].map((duration) => ({ duration, event: true })))
 * survivalQuantile(curve, 0.5)
 * //=> 2.5
 * survivalQuantile(curve, 0.9)
 * //=> 4
 */
export function survivalQuantile(curve: SurvivalCurve, p: Numeric): number | null {
  assertCurve(curve);
  const probability = toUnitInterval(p, ['p']).toNumber();
  const steps = curve.steps;
  if (probability === 0) return 0;
  // Distinct levels of F = 1 − S with the first time each is reached, starting from F = 0 at time 0 (as
  // R's findq after removing duplicated levels).
  const times: number[] = [0];
  const levels: number[] = [0];
  for (const step of steps) {
    const level = 1 - step.survival;
    if (level !== levels[levels.length - 1]) {
      times.push(step.time);
      levels.push(level);
    }
  }
  const lastTime = steps.length === 0 ? 0 : steps[steps.length - 1]!.time;
  const first = levels.findIndex((level) => level + TOLERANCE >= probability);
  if (first === -1) return null;
  const reached = times[first]!;
  const beyond = levels.findIndex((level) => level - TOLERANCE >= probability);
  // No later jump: the curve ends flat at exactly 1 − p, so the stretch runs to the last observed time.
  return (reached + (beyond === -1 ? lastTime : times[beyond]!)) / 2;
}
