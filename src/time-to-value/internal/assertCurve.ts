import { MAX_MAGNITUDE } from '../../core/internal/numericInput.js';
import { assertArray, assertObject } from '../../core/internal/options.js';
import { rejectInput } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';
import type { SurvivalCurve } from '../types.js';

/**
 * Throws a {@link MetricInputError} unless `curve` is a survival curve as `kaplanMeier` returns it: an object with
 * a `steps` array whose every entry is an object with a `time` (a finite number >= 0 below 10^21, greater than the
 * previous step's) and a `survival` (a finite number in [0, 1], at most the previous step's). A hole in a sparse
 * array is an error, not a skipped step.
 *
 * @private
 */
export function assertCurve(curve: unknown): asserts curve is SurvivalCurve {
  assertObject(curve, ['curve']);
  const steps = curve.steps;
  assertArray(steps, ['curve', 'steps']);
  let previousTime = -1;
  let previousSurvival = 1;
  for (let index = 0; index < steps.length; index += 1) {
    const path: InputPath = ['curve', 'steps', index];
    const step: unknown = steps[index];
    assertObject(step, path);
    const { time, survival } = step;
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      rejectInput(
        typeof time === 'number' ? 'not_finite' : 'invalid_type',
        [...path, 'time'],
        'a finite number',
        time,
      );
    }
    if (time < 0 || time >= MAX_MAGNITUDE) {
      rejectInput('out_of_range', [...path, 'time'], 'a number >= 0 and below 10^21', time);
    }
    if (time <= previousTime) {
      rejectInput(
        'not_monotonic',
        [...path, 'time'],
        `a time after the previous step's (${previousTime})`,
        time,
      );
    }
    if (typeof survival !== 'number' || !Number.isFinite(survival) || survival < 0 || survival > 1) {
      rejectInput(
        typeof survival === 'number' ? 'out_of_range' : 'invalid_type',
        [...path, 'survival'],
        'a probability between 0 and 1',
        survival,
      );
    }
    if (survival > previousSurvival) {
      rejectInput(
        'not_monotonic',
        [...path, 'survival'],
        `at most the previous step's survival (${previousSurvival})`,
        survival,
      );
    }
    previousTime = time;
    previousSurvival = survival;
  }
}
