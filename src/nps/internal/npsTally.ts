import { MetricInputError } from '../../core/errors.js';
import { Decimal } from '../../core/internal/decimal.js';
import { parseDecimal, toCount } from '../../core/internal/numericInput.js';
import { assertKnownKeys, assertObject } from '../../core/internal/options.js';
import { ratioOrNull } from '../../core/internal/ratio.js';
import { rejectInput } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';
import type { NetPromoterScoreResult } from '../types.js';

/**
 * Builds the NPS result from validated category counts.
 *
 * @private
 */
export function tallyResult(tally: Tally): NetPromoterScoreResult {
  const { promoters, passives, detractors } = tally;
  const responses = promoters + passives + detractors;
  const n = new Decimal(responses);
  const share = (count: number) => ratioOrNull(new Decimal(count), n);
  return {
    score: ratioOrNull(new Decimal(promoters - detractors).times(100), n),
    promoters,
    passives,
    detractors,
    responses,
    promoterShare: share(promoters),
    passiveShare: share(passives),
    detractorShare: share(detractors),
  };
}

/** The three NPS categories of a 0–10 answer, named as the counts they add to. @private */
export type NpsCategory = keyof Tally;

/**
 * Validates one 0–10 answer (a number or a numeric string such as `'9'`) and returns its category.
 *
 * @private
 */
export function categorize(value: unknown, path: InputPath): NpsCategory {
  // parseDecimal rejects what is not a number at all (null, true, 'abc', NaN) with its own code.
  const score = parseDecimal(value, path);
  const points = score.toNumber();
  if (!score.isInteger() || points < 0 || points > 10) {
    rejectInput(score.isInteger() ? 'out_of_range' : 'not_integer', path, 'an integer from 0 to 10', value);
  }
  if (points >= 9) return 'promoters';
  return points >= 7 ? 'passives' : 'detractors';
}

/** Mutable category counts while tallying. @private */
export interface Tally {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * Reads the three category counts of a counts object or an NPS result row (its other fields are not used; a key
 * that is neither a count nor a result field is an `unknown_field`).
 *
 * @private
 */
export function readCounts(input: unknown, path: InputPath): Tally {
  assertObject(input, path);
  assertKnownKeys(input, COUNT_KEYS, path);
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

// The counts, or a result row of netPromoterScore, netPromoterScoreByPeriod or netPromoterScoreBySegment.
const COUNT_KEYS: ReadonlySet<string> = new Set([
  'promoters',
  'passives',
  'detractors',
  'score',
  'responses',
  'promoterShare',
  'passiveShare',
  'detractorShare',
  'start',
  'end',
  'segment',
]);
