import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  assignCoverageTier,
  chooseScorecard,
  defineScorecard,
  matchesCondition,
  scoreHealth,
} from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';
import { accountArb, conditionArb } from './conditionArbitraries.js';

const linear = (max: number) => ({ type: 'linear', min: 0, max, direction: 'higherIsBetter' }) as const;
const enterprise = defineScorecard({
  id: 'enterprise',
  measures: [{ id: 'sponsorMeetings', weight: 1, rule: linear(4) }],
});
const selfServe = defineScorecard({
  id: 'self-serve',
  measures: [{ id: 'logins', weight: 1, rule: linear(20) }],
});

describe('chooseScorecard: worked examples', () => {
  const segments = [
    { when: { field: 'plan', in: ['enterprise'] }, scorecard: enterprise },
    {
      when: {
        all: [
          { field: 'mrr', gte: 1000 },
          { field: 'seats', gt: 20 },
        ],
      },
      scorecard: enterprise,
    },
  ];

  it('takes the first matching segment, else the default', () => {
    expect(chooseScorecard({ plan: 'enterprise', mrr: 10 }, segments, selfServe).id).toBe('enterprise');
    expect(chooseScorecard({ plan: 'pro', mrr: 5000, seats: 25 }, segments, selfServe).id).toBe('enterprise');
    expect(chooseScorecard({ plan: 'pro', mrr: 5000, seats: 5 }, segments, selfServe).id).toBe('self-serve');
    expect(chooseScorecard({}, [], selfServe)).toBe(selfServe);
    // the first match wins even when a later one also matches
    expect(
      chooseScorecard(
        { mrr: 2000 },
        [
          { when: { field: 'mrr', gte: 1000 }, scorecard: 'a' },
          { when: { field: 'mrr', gte: 0 }, scorecard: 'b' },
        ],
        'c',
      ),
    ).toBe('a');
  });

  it('feeds scoreHealth the segment’s scorecard (hand-computed)', () => {
    // enterprise: 3 sponsor meetings of 4 → 75; self-serve: 5 logins of 20 → 25
    const accounts = [
      { plan: 'enterprise', sponsorMeetings: 3 },
      { plan: 'pro', logins: 5 },
    ];
    expect(
      accounts.map((account) => scoreHealth(chooseScorecard(account, segments, selfServe), account).score),
    ).toEqual([75, 25]);
    expectTypeOf(chooseScorecard({}, [{ when: { all: [] }, scorecard: 1 }], 2)).toEqualTypeOf<number>();
  });
});

describe('assignCoverageTier: worked examples', () => {
  const tiers = [
    { when: { field: 'arr', gte: 100_000 }, tier: 'high-touch' as const },
    {
      when: {
        any: [
          { field: 'arr', gte: 10_000 },
          { field: 'seats', gt: 50 },
        ],
      },
      tier: 'low-touch' as const,
    },
  ];
  it('assigns high-, low- and tech-touch by the account’s own metrics', () => {
    expect(assignCoverageTier({ arr: 250_000 }, tiers, 'tech-touch')).toBe('high-touch');
    expect(assignCoverageTier({ arr: 5000, seats: 80 }, tiers, 'tech-touch')).toBe('low-touch');
    expect(assignCoverageTier({ arr: 5000, seats: 3 }, tiers, 'tech-touch')).toBe('tech-touch');
    expect(assignCoverageTier({}, [], 'pooled')).toBe('pooled');
    expectTypeOf(assignCoverageTier({}, tiers, 'tech-touch')).toEqualTypeOf<
      'high-touch' | 'low-touch' | 'tech-touch'
    >();
  });
});

describe('segment rules: properties', () => {
  const rulesArb = fc.array(conditionArb, { maxLength: 5 });

  it('choose the first matching rule, as a slow oracle does', () => {
    fc.assert(
      fc.property(accountArb, rulesArb, (account, conditions) => {
        let expected = 'default';
        for (let index = conditions.length - 1; index >= 0; index -= 1) {
          if (matchesCondition(account, conditions[index]!)) expected = `rule ${index}`;
        }
        const segments = conditions.map((when, index) => ({ when, scorecard: `rule ${index}` }));
        expect(chooseScorecard(account, segments, 'default')).toBe(expected);
        const tiers = conditions.map((when, index) => ({ when, tier: `rule ${index}` }));
        expect(assignCoverageTier(account, tiers, 'default')).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('are unaffected by appending rules after a match, and by a JSON round trip', () => {
    fc.assert(
      fc.property(accountArb, rulesArb, rulesArb, (account, first, more) => {
        const segments = first.map((when, index) => ({ when, scorecard: index }));
        const chosen = chooseScorecard(account, segments, -1);
        const extended = [...segments, ...more.map((when, index) => ({ when, scorecard: 100 + index }))];
        if (chosen >= 0) expect(chooseScorecard(account, extended, -1)).toBe(chosen);
        expect(chooseScorecard(account, JSON.parse(JSON.stringify(segments)), -1)).toBe(chosen);
      }),
      { numRuns: 100 },
    );
  });
});

describe('segment rules: bad input', () => {
  const cases: [string, () => unknown, string, readonly (string | number)[]][] = [
    [
      'an account that is not an object',
      () => chooseScorecard(null as never, [], 1),
      'invalid_type',
      ['account'],
    ],
    [
      'segments that are not an array',
      () => chooseScorecard({}, {} as never, 1),
      'invalid_type',
      ['segments'],
    ],
    [
      'a segment that is not an object',
      () => chooseScorecard({}, [3 as never], 1),
      'invalid_type',
      ['segments', 0],
    ],
    [
      'a bad condition in a later segment, even after a match',
      () =>
        chooseScorecard(
          { mrr: 1 },
          [
            { when: { field: 'mrr', gte: 0 }, scorecard: 1 },
            { when: { field: 'mrr', gte: 'x' } as never, scorecard: 2 },
          ],
          0,
        ),
      'invalid_type',
      ['segments', 1, 'when', 'gte'],
    ],
    [
      'tiers that are not an array',
      () => assignCoverageTier({}, null as never, 'x'),
      'invalid_type',
      ['tiers'],
    ],
    [
      'a tier rule that is not an object',
      () => assignCoverageTier({}, ['x' as never], 'x'),
      'invalid_type',
      ['tiers', 0],
    ],
    [
      'an empty tier name',
      () => assignCoverageTier({}, [{ when: { all: [] }, tier: '' }], 'x'),
      'invalid_type',
      ['tiers', 0, 'tier'],
    ],
    [
      'a default tier that is not a string',
      () => assignCoverageTier({}, [], 3 as never),
      'invalid_type',
      ['defaultTier'],
    ],
    [
      'a tier without a condition',
      () => assignCoverageTier({}, [{ tier: 'x' } as never], 'y'),
      'invalid_type',
      ['tiers', 0, 'when'],
    ],
    [
      'an account that is not an object (tiers)',
      () => assignCoverageTier([] as never, [], 'x'),
      'invalid_type',
      ['account'],
    ],
  ];
  it.each(cases)('rejects %s', (_name, run, code, path) => {
    expect(errorOf(run)).toMatchObject({ code, path });
  });
});
