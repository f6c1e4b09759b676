import { describeValue, type InputPath, MetricInputError } from '../core/errors.js';
import { parseWithSchema } from '../core/fromZodIssues.js';
import { toDecimal } from '../core/numeric.js';
import { assertContiguous, bandIndexOf } from './scoreBand.js';
import type { ScoringRule } from './scorecard.js';
import { ruleSchema } from './scorecardSchema.js';

/**
 * Scores one raw value with one scoring rule, giving points from 0 to 100 rounded to 6 decimal places.
 *
 * Formula: bands → the score of the band holding the value; linear → worst + (best − worst) × t with
 * t = clamp((value − min) / (max − min), 0, 1), or 1 − that for `'lowerIsBetter'`; categorical → scores[value];
 * percentOfTarget → min(100, 100 × value / target), or min(100, 100 × target / value) for `'lowerIsBetter'`.
 * Units: points 0–100, a double rounded half-up to 6 decimals (micro-points).
 * Source: Gainsight's rules-based measure scoring (ranges to scores); linear and percent-of-target are common
 * vendor options; the clamping and the exact boundaries are our convention (docs/health.md).
 * Edge cases: a value outside every band, an unknown category, a negative value for percentOfTarget, NaN or a
 * non-number are MetricInputErrors; numbers may be given as decimal strings or Decimals.
 *
 * @category Health
 * @example
 * scoreMeasure({ type: 'linear', min: 0, max: 20, direction: 'higherIsBetter' }, 5)
 * //=> 25
 * scoreMeasure({ type: 'percentOfTarget', target: 4, direction: 'lowerIsBetter' }, 5)
 * //=> 80
 * scoreMeasure({ type: 'bands', bands: [{ max: 2, score: 100 }, { min: 2, max: 5, bounds: '[]', score: 50 }, { min: 5, bounds: '()', score: 0 }] }, 5)
 * //=> 50
 */
export function scoreMeasure(rule: ScoringRule, value: unknown): number {
  const parsed = parseWithSchema(ruleSchema, rule, ['rule']);
  if (parsed.type === 'bands') assertContiguous(parsed.bands, ['rule', 'bands']);
  if (parsed.type === 'linear' && !(parsed.min < parsed.max)) {
    throw new MetricInputError({
      code: 'invalid_config',
      path: ['rule', 'max'],
      expected: `greater than min (${parsed.min})`,
      received: String(parsed.max),
    });
  }
  return scoreRule(parsed, value, ['value']);
}

/**
 * Scores a raw value with an already validated rule (the hot path of `scoreHealth`).
 *
 * @private
 */
export function scoreRule(rule: ScoringRule, value: unknown, path: InputPath): number {
  switch (rule.type) {
    case 'categorical': {
      const key = typeof value === 'boolean' ? String(value) : value;
      if (typeof key !== 'string' || !Object.hasOwn(rule.scores, key)) {
        throw new MetricInputError({
          code: 'invalid_option',
          path,
          expected: `one of ${Object.keys(rule.scores)
            .map((name) => JSON.stringify(name))
            .join(', ')}`,
          received: describeValue(value),
        });
      }
      return roundScore(rule.scores[key]!);
    }
    case 'bands': {
      const number = toNumber(value, path);
      const index = bandIndexOf(rule.bands, number);
      if (index < 0) {
        throw new MetricInputError({
          code: 'out_of_range',
          path,
          expected: 'a value inside one of the rule’s bands',
          received: describeValue(value),
        });
      }
      return roundScore(rule.bands[index]!.score);
    }
    case 'linear': {
      const number = toNumber(value, path);
      const t = Math.min(1, Math.max(0, (number - rule.min) / (rule.max - rule.min)));
      const worst = rule.worstScore ?? 0;
      const best = rule.bestScore ?? 100;
      return roundScore(worst + (best - worst) * (rule.direction === 'higherIsBetter' ? t : 1 - t));
    }
    case 'percentOfTarget': {
      const number = toNumber(value, path);
      if (number < 0) {
        throw new MetricInputError({
          code: 'negative_amount',
          path,
          expected: 'a number >= 0',
          received: describeValue(value),
        });
      }
      if (rule.direction === 'lowerIsBetter') {
        return number <= rule.target ? 100 : roundScore((100 * rule.target) / number);
      }
      return number >= rule.target ? 100 : roundScore((100 * number) / rule.target);
    }
  }
}

/**
 * Rounds points to 6 decimal places (micro-points), half up: the one rounding every health score goes through.
 *
 * @private
 */
export function roundScore(points: number): number {
  return Math.round(points * 1e6) / 1e6;
}

function toNumber(value: unknown, path: InputPath): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return toDecimal(value, path).toNumber();
}
