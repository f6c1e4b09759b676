import { assertArray, assertObject } from '../../core/internal/options.js';
import type { SurvivalCurve } from '../types.js';

/**
 * Throws a {@link MetricInputError} unless `curve` is an object with a `steps` array.
 *
 * @private
 */
export function assertCurve(curve: unknown): asserts curve is SurvivalCurve {
  assertObject(curve, ['curve']);
  assertArray(curve.steps, ['curve', 'steps']);
}
