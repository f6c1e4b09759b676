import { MetricInputError } from '../../core/errors.js';
import { assertObject, oneOf } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { toDecimal } from '../../core/numeric.js';
import type { KaplanMeierOptions, SurvivalIntervalMethod } from '../types.js';

const METHODS: readonly SurvivalIntervalMethod[] = ['log-log', 'log', 'plain'];

/**
 * Validates {@link KaplanMeierOptions} and fills in the defaults (0.95, `'log-log'`).
 *
 * @private
 */
export function resolveKaplanMeierOptions(options: KaplanMeierOptions): {
  readonly confidence: number;
  readonly method: SurvivalIntervalMethod;
} {
  assertObject(options, ['options']);
  const confidence = toDecimal(options.confidence ?? 0.95, ['options', 'confidence']).toNumber();
  // Compared as the double the interval uses: 0.99999999999999999 is 1 there, and would give z = ∞.
  if (confidence <= 0 || confidence >= 1) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', 'confidence'],
      expected: 'a number strictly between 0 and 1, such as 0.95',
      received: describeValue(options.confidence),
    });
  }
  const method = oneOf(options.method ?? 'log-log', METHODS, ['options', 'method']);
  return { confidence, method };
}
