import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { rollupHealth } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

// Children with integer micro-point scores (or null) and whole-cent MRR.
const childArb = fc.record({
  score: fc.option(fc.integer({ min: 0, max: 100_000_000 }).map((micro) => micro / 1e6)),
  mrr: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100),
});

describe('rollupHealth: worked examples', () => {
  it('averages equally or by MRR, leaving out children without a score (hand-computed)', () => {
    const children = [
      { score: 90, mrr: 100 },
      { score: 40, mrr: 900 },
      { score: null, mrr: 50 },
    ];
    // equal: (90 + 40) / 2 = 65; mrr: (100·90 + 900·40) / 1000 = 45000 / 1000 = 45
    expect(rollupHealth(children)).toBe(65);
    expect(rollupHealth(children, { weightBy: 'equal' })).toBe(65);
    expect(rollupHealth(children, { weightBy: 'mrr' })).toBe(45);
    // (10 + 20 + 20) / 3 = 16.666666… → 16.666667 (half-up, 6 decimals)
    expect(rollupHealth([{ score: 10 }, { score: 20 }, { score: 20 }])).toBe(16.666667);
    // MRR as strings: ('0.1'·30 + '0.2'·60) / 0.3 = 50 exactly
    expect(
      rollupHealth(
        [
          { score: 30, mrr: '0.1' },
          { score: 60, mrr: '0.2' },
        ],
        { weightBy: 'mrr' },
      ),
    ).toBe(50);
  });

  it('is null when nothing can be weighed', () => {
    expect(rollupHealth([])).toBeNull();
    expect(rollupHealth([{ score: null }])).toBeNull();
    expect(
      rollupHealth(
        [
          { score: 80, mrr: 0 },
          { score: null, mrr: 10 },
        ],
        { weightBy: 'mrr' },
      ),
    ).toBeNull();
    expectTypeOf(rollupHealth).returns.toEqualTypeOf<number | null>();
  });
});

describe('rollupHealth: properties', () => {
  it('lies between the lowest and the highest child score', () => {
    fc.assert(
      fc.property(
        fc.array(childArb, { maxLength: 12 }),
        fc.constantFrom('equal' as const, 'mrr' as const),
        (children, weightBy) => {
          const result = rollupHealth(children, { weightBy });
          const scored = children.filter(
            (child) => child.score !== null && (weightBy === 'equal' || child.mrr > 0),
          );
          if (scored.length === 0) {
            expect(result).toBeNull();
            return;
          }
          const scores = scored.map((child) => child.score as number);
          expect(result).toBeGreaterThanOrEqual(Math.min(...scores));
          expect(result).toBeLessThanOrEqual(Math.max(...scores));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('weighting by equal MRR is equal weighting, and scaling every MRR changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(childArb, { maxLength: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        (children, factor) => {
          const equalMrr = children.map((child) => ({ ...child, mrr: 7 }));
          expect(rollupHealth(equalMrr, { weightBy: 'mrr' })).toBe(rollupHealth(children));
          const scaled = children.map((child) => ({ ...child, mrr: child.mrr * factor }));
          expect(rollupHealth(scaled, { weightBy: 'mrr' })).toBe(rollupHealth(children, { weightBy: 'mrr' }));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the children, and ignores children without a score', () => {
    fc.assert(
      fc.property(
        fc
          .array(childArb, { maxLength: 12 })
          .chain((children) =>
            fc.tuple(fc.constant(children), fc.shuffledSubarray(children, { minLength: children.length })),
          ),
        ([children, shuffled]) => {
          for (const weightBy of ['equal', 'mrr'] as const) {
            const result = rollupHealth(children, { weightBy });
            expect(rollupHealth(shuffled, { weightBy })).toBe(result);
            expect(
              rollupHealth(
                children.filter((child) => child.score !== null),
                { weightBy },
              ),
            ).toBe(result);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('agrees with a double-precision weighted mean', () => {
    fc.assert(
      fc.property(fc.array(childArb, { minLength: 1, maxLength: 12 }), (children) => {
        const scored = children.filter((child) => child.score !== null);
        const total = scored.reduce((sum, child) => sum + child.mrr, 0);
        const result = rollupHealth(children, { weightBy: 'mrr' });
        if (total === 0) {
          expect(result).toBeNull();
          return;
        }
        const mean = scored.reduce((sum, child) => sum + child.mrr * (child.score as number), 0) / total;
        expect(Math.abs((result as number) - mean)).toBeLessThanOrEqual(5e-7 + 1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

describe('rollupHealth: bad input', () => {
  it.each([
    ['children that are not an array', () => rollupHealth({} as never), 'invalid_type', ['children']],
    ['a child that is not an object', () => rollupHealth([null as never]), 'invalid_type', ['children', 0]],
    ['a score above 100', () => rollupHealth([{ score: 100.5 }]), 'out_of_range', ['children', 0, 'score']],
    [
      'a score that is not a number',
      () => rollupHealth([{ score: 'high' as never }]),
      'invalid_number',
      ['children', 0, 'score'],
    ],
    [
      'a negative MRR',
      () => rollupHealth([{ score: 1, mrr: -1 }]),
      'negative_amount',
      ['children', 0, 'mrr'],
    ],
    [
      'a missing MRR when weighting by MRR',
      () => rollupHealth([{ score: 1, mrr: 1 }, { score: null }], { weightBy: 'mrr' }),
      'missing_field',
      ['children', 1, 'mrr'],
    ],
    [
      'an unknown weighting',
      () => rollupHealth([], { weightBy: 'arr' as never }),
      'invalid_option',
      ['options', 'weightBy'],
    ],
    ['options that are not an object', () => rollupHealth([], null as never), 'invalid_type', ['options']],
  ] as const)('rejects %s', (_name, run, code, path) => {
    expect(errorOf(run)).toMatchObject({ code, path });
  });
});
