import { MetricInputError } from '../../core/errors.js';
import { assertObject, oneOf } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { toDecimal } from '../../core/numeric.js';
import type { KaplanMeierOptions, SurvivalConfidenceType } from '../types.js';

const CONF_TYPES: readonly SurvivalConfidenceType[] = ['log-log', 'log', 'plain'];

/**
 * Validates {@link KaplanMeierOptions} and fills in the defaults (0.95, `'log-log'`).
 *
 * @private
 */
export function resolveKaplanMeierOptions(options: KaplanMeierOptions): {
  readonly confidence: number;
  readonly confType: SurvivalConfidenceType;
} {
  assertObject(options, ['options']);
  const confidence = toDecimal(options.confidence ?? 0.95, ['options', 'confidence']);
  if (confidence.lessThanOrEqualTo(0) || confidence.greaterThanOrEqualTo(1)) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', 'confidence'],
      expected: 'a number strictly between 0 and 1',
      received: describeValue(options.confidence),
    });
  }
  const confType = oneOf(options.confType ?? 'log-log', CONF_TYPES, ['options', 'confType']);
  return { confidence: confidence.toNumber(), confType };
}
