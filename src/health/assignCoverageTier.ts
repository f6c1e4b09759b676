import { MetricInputError } from '../core/errors.js';
import { assertArray, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { firstMatch } from './internal/firstMatch.js';
import type { Condition } from './types.js';

/**
 * The classic coverage models: a named CSM per account (`'high-touch'`), pooled CSMs and programmes
 * (`'low-touch'`), or automated, one-to-many engagement (`'tech-touch'`). Any other names may be used.
 *
 * @category Health
 */
export type CoverageTier = 'high-touch' | 'low-touch' | 'tech-touch';

/**
 * A tier rule: accounts matching `when` get `tier`.
 *
 * @category Health
 */
export interface CoverageTierRule<T extends string> {
  readonly when: Condition;
  readonly tier: T;
}

/**
 * Assigns an account its coverage model from rules over its own metrics: the first rule whose condition matches
 * wins, else the default tier. Principle 5 of *Customer Success*: segment customers and give each segment its
 * coverage model.
 *
 * Formula: tier of the first i with matches(account, tiers[i].when), else defaultTier.
 * Units: none; a tier name.
 * Source: the high-touch / low-touch / tech-touch models of Mehta, Steinman and Murphy (2016); the rule language
 * is ours (docs/health.md).
 * Edge cases: no rules gives the default; an empty tier name or an invalid condition is a MetricInputError
 * (`['tiers', i, …]`, checked before any rule is evaluated).
 *
 * @category Health
 * @example
 * const tiers = [
 *   { when: { field: 'arr', gte: 100000 }, tier: 'high-touch' },
 *   { when: { any: [{ field: 'arr', gte: 10000 }, { field: 'seats', gt: 50 }] }, tier: 'low-touch' },
 * ]
 * assignCoverageTier({ arr: 5000, seats: 80 }, tiers, 'tech-touch')
 * //=> 'low-touch'
 * assignCoverageTier({ arr: 5000, seats: 3 }, tiers, 'tech-touch')
 * //=> 'tech-touch'
 */
export function assignCoverageTier<T extends string = CoverageTier>(
  account: Readonly<Record<string, unknown>>,
  tiers: readonly CoverageTierRule<T>[],
  defaultTier: T,
): T {
  assertObject(account, ['account']);
  assertArray(tiers, ['tiers']);
  assertTierName(defaultTier, ['defaultTier']);
  const index = firstMatch(account, tiers, 'tiers', (rule, path) =>
    assertTierName(rule.tier, [...path, 'tier']),
  );
  return index < 0 ? defaultTier : tiers[index]!.tier;
}

function assertTierName(tier: unknown, path: readonly (string | number)[]): void {
  if (typeof tier !== 'string' || tier === '') {
    throw new MetricInputError({
      code: 'invalid_type',
      path,
      expected: 'a non-empty tier name',
      received: describeValue(tier),
    });
  }
}
