import { MetricInputError } from '../../core/errors.js';
import { normalQuantile } from '../../core/internal/normalDistribution.js';
import { assertKnownKeys, assertObject, oneOf } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { toDecimal } from '../../core/numeric.js';
import type { NetPromoterScoreIntervalMethod } from '../types.js';
import type { Tally } from './npsTally.js';

const METHODS: readonly NetPromoterScoreIntervalMethod[] = ['adjustedWald', 'wald'];

/** Validated interval options. @private */
export interface ResolvedIntervalOptions {
  readonly confidence: number;
  readonly method: NetPromoterScoreIntervalMethod;
  /** The two-sided critical value Φ⁻¹((1 + confidence) / 2). */
  readonly z: number;
}

/**
 * Validates `confidence` (strictly between 0 and 1) and `method`, applying the defaults 0.95 and
 * `'adjustedWald'`; error paths are under `'options'` (`['options', 'confidence']`), as everywhere.
 *
 * @private
 */
export function resolveIntervalOptions(options: unknown): ResolvedIntervalOptions {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const method = oneOf(options.method ?? 'adjustedWald', METHODS, ['options', 'method']);
  const rawConfidence = options.confidence ?? 0.95;
  const confidence = toDecimal(rawConfidence, ['options', 'confidence']);
  if (confidence.lessThanOrEqualTo(0) || confidence.greaterThanOrEqualTo(1)) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', 'confidence'],
      expected: 'a number strictly between 0 and 1, such as 0.95',
      received: describeValue(rawConfidence),
    });
  }
  const level = confidence.toNumber();
  return { confidence: level, method, z: normalQuantile((1 + level) / 2) };
}

/** A point estimate and its standard error, both in NPS points. @private */
export interface NpsEstimate {
  readonly score: number;
  readonly standardError: number;
}

/**
 * The (adjusted) NPS and its standard error in points, or null with no responses.
 *
 * @private
 */
export function npsEstimate(tally: Tally, method: NetPromoterScoreIntervalMethod): NpsEstimate | null {
  const responses = tally.promoters + tally.passives + tally.detractors;
  if (responses === 0) return null;
  const pseudo = method === 'adjustedWald' ? 0.75 : 0;
  const n = responses + 4 * pseudo;
  const promoterShare = (tally.promoters + pseudo) / n;
  const detractorShare = (tally.detractors + pseudo) / n;
  const net = promoterShare - detractorShare;
  // p₊ + p₋ − (p₊ − p₋)² = p₊(1 − p₊) + p₋(1 − p₋) + 2p₊p₋ >= 0; max() only absorbs rounding at the extremes.
  const variance = Math.max(0, promoterShare + detractorShare - net * net);
  return {
    // (P − D)·100 / n is exact for whole-number results, which p₊ − p₋ computed in doubles is not.
    score: ((tally.promoters - tally.detractors) * 100) / n,
    standardError: 100 * Math.sqrt(variance / n),
  };
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['confidence', 'method']);
