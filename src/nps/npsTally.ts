import { Decimal, HUNDRED } from '../core/decimal.js';
import { describeValue, type InputPath, MetricInputError } from '../core/errors.js';
import { toCount, toDecimal } from '../core/numeric.js';
import { assertObject } from '../core/options.js';
import { ratioOrNull } from '../core/ratio.js';
import type { NetPromoterScoreResult } from './netPromoterScore.js';

/**
 * Builds the NPS result from validated category counts.
 *
 * @private
 */
export function tallyResult(promoters: number, passives: number, detractors: number): NetPromoterScoreResult {
  const responses = promoters + passives + detractors;
  const n = new Decimal(responses);
  return {
    score: ratioOrNull(new Decimal(promoters - detractors).times(HUNDRED), n),
    promoters,
    passives,
    detractors,
    responses,
    promoterShare: ratioOrNull(new Decimal(promoters), n),
    passiveShare: ratioOrNull(new Decimal(passives), n),
    detractorShare: ratioOrNull(new Decimal(detractors), n),
  };
}

/** The three NPS categories of a 0–10 answer. @private */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/**
 * Validates one 0–10 answer (a number or a numeric string such as `'9'`) and returns its category.
 *
 * @private
 */
export function categorize(value: unknown, path: InputPath): NpsCategory {
  const expected = 'an integer from 0 to 10';
  if (typeof value !== 'number' && typeof value !== 'string' && !Decimal.isDecimal(value)) {
    throw new MetricInputError({ code: 'invalid_type', path, expected, received: describeValue(value) });
  }
  const score = toDecimal(value, path);
  if (!score.isInteger()) {
    throw new MetricInputError({ code: 'not_integer', path, expected, received: describeValue(value) });
  }
  if (score.isNegative() || score.greaterThan(10)) {
    throw new MetricInputError({ code: 'out_of_range', path, expected, received: describeValue(value) });
  }
  const points = score.toNumber();
  if (points >= 9) return 'promoter';
  return points >= 7 ? 'passive' : 'detractor';
}

/** Mutable category counts while tallying. @private */
export interface Tally {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * Adds one answer to a tally.
 *
 * @private
 */
export function addToTally(tally: Tally, category: NpsCategory): void {
  if (category === 'promoter') tally.promoters += 1;
  else if (category === 'passive') tally.passives += 1;
  else tally.detractors += 1;
}

/**
 * Reads the three category counts of a counts object or an NPS result (its other fields are ignored).
 *
 * @private
 */
export function readCounts(input: unknown, path: InputPath): Tally {
  assertObject(input, path);
  const tally = {
    promoters: toCount(input.promoters, [...path, 'promoters']),
    passives: toCount(input.passives, [...path, 'passives']),
    detractors: toCount(input.detractors, [...path, 'detractors']),
  };
  if (tally.promoters + tally.passives + tally.detractors > Number.MAX_SAFE_INTEGER) {
    throw new MetricInputError({
      code: 'out_of_range',
      path,
      expected: 'at most 2^53 - 1 responses in all',
      received: String(tally.promoters + tally.passives + tally.detractors),
    });
  }
  return tally;
}
