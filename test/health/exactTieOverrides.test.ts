import { describe, expect, it } from 'vitest';
import { scoreHealth } from '../../src/index.js';

// (37.390738 + 92.032097) / 2 = 64.7114175 exactly: a half tie, which the documented half-up rounding takes to
// 64.711418 (the floating-point mean is one bit low and would round down).
const rule = { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } as const;

describe('exact half-tie rounding with overridden groups and large weights', () => {
  it('uses a group override score as written in the exact mean of its parent', () => {
    const card = {
      groups: [
        { id: 'usage', weight: 1, measures: [{ id: 'logins', weight: 1, rule }] },
        { id: 'support', weight: 1, measures: [{ id: 'tickets', weight: 1, rule }] },
      ],
    };
    const health = scoreHealth(
      card,
      { logins: 37.390738, tickets: 5 },
      { overrides: [{ scope: 'group', id: 'support', score: 92.032097, reason: 'exec sponsor engaged' }] },
    );
    expect(health.score).toBe(64.711418);
    expect(health.groups.map((g) => g.status)).toEqual(['scored', 'overridden']);
  });

  it('rounds a tie of weights written with a positive exponent (1e21) exactly', () => {
    const card = {
      measures: [
        { id: 'a', weight: 1e21, rule },
        { id: 'b', weight: 1e21, rule },
      ],
    };
    expect(scoreHealth(card, { a: 37.390738, b: 92.032097 }).score).toBe(64.711418);
  });
});

describe('exact half-tie rounding next to a min group with no data', () => {
  // scoreTree leaves gPick = 0 for a `min` group none of whose children has a score (its score is NaN, status
  // 'excluded'); exactGroupScores read pick 0 as measure 0 and gave the empty group measure a's score, so the exact
  // recomputation at a tie averaged three values, not two: (37.390738 + 92.032097 + 37.390738) / 3 → 55.604524
  // instead of 64.711418. An excluded group now has no exact score either.
  it('ignores an excluded min group in the exact mean of its parent', () => {
    const card = {
      measures: [
        { id: 'a', weight: 1, rule },
        { id: 'b', weight: 1, rule },
      ],
      groups: [{ id: 'm', weight: 1, aggregation: 'min' as const, measures: [{ id: 'c', weight: 1, rule }] }],
    };
    const health = scoreHealth(card, { a: 37.390738, b: 92.032097 });
    expect(health.groups[0]!.status).toBe('excluded');
    expect(health.score).toBe(64.711418);
  });
});
