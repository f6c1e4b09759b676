import { MetricInputError } from '../../core/errors.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { toDecimal } from '../../core/numeric.js';
import type { InputPath } from '../../core/types.js';
import type { ScoringRule } from '../types.js';
import { bandIndexOf } from './bandIndexOf.js';

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
