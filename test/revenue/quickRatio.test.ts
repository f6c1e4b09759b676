import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { quickRatio } from '../../src/revenue/quickRatio.js';
import { errorOf } from '../support/errorOf.js';
import { amount, cents, form } from './rateArbitraries.js';

const row = fc
  .record({
    kept: cents,
    newMrr: cents,
    expansion: cents,
    reactivation: cents,
    contraction: cents,
    churned: cents,
    as: form,
  })
  .map((c) => ({
    cents: c,
    input: {
      startingMrr: amount(c.kept + c.contraction + c.churned, c.as),
      newMrr: amount(c.newMrr, c.as),
      expansionMrr: amount(c.expansion, c.as),
      reactivationMrr: amount(c.reactivation, c.as),
      contractionMrr: amount(c.contraction, c.as),
      churnedMrr: amount(c.churned, c.as),
    },
  }));

describe('quickRatio: worked examples', () => {
  it('divides MRR gained by MRR lost', () => {
    // (50 + 25 + 5) / (5 + 15) = 80 / 20 = 4
    const input = { newMrr: 50, expansionMrr: 25, reactivationMrr: 5, contractionMrr: 5, churnedMrr: 15 };
    expect(quickRatio(input)?.toString()).toBe('4');
  });

  it('treats a missing reactivation as 0, is 0 with no gains and null with no losses', () => {
    // (30 + 0) / (10 + 10) = 1.5
    expect(quickRatio({ newMrr: 30, expansionMrr: 0, contractionMrr: 10, churnedMrr: 10 })?.toString()).toBe(
      '1.5',
    );
    expect(quickRatio({ newMrr: 0, expansionMrr: 0, contractionMrr: 1, churnedMrr: 0 })?.toString()).toBe(
      '0',
    );
    expect(
      quickRatio({ newMrr: 9, expansionMrr: 9, reactivationMrr: 9, contractionMrr: 0, churnedMrr: 0 }),
    ).toBeNull();
  });
});

describe('quickRatio: published references', () => {
  it('pitchkit.net glossary: new 20k, expansion 8k, churn 5k, contraction 3k → 3.5', () => {
    // (20 + 8) / (5 + 3) = 28 / 8 = 3.5
    expect(
      quickRatio({
        newMrr: 20_000,
        expansionMrr: 8_000,
        contractionMrr: 3_000,
        churnedMrr: 5_000,
      })?.toString(),
    ).toBe('3.5');
  });

  it('strategicnerds.com glossary: 50k + 30k over 15k + 5k → 4; 200k over 150k + 30k → 1.11…', () => {
    // (50 + 30) / (15 + 5) = 4; 200 / 180 = 1.111…
    expect(
      quickRatio({
        newMrr: 50_000,
        expansionMrr: 30_000,
        contractionMrr: 5_000,
        churnedMrr: 15_000,
      })?.toString(),
    ).toBe('4');
    expect(
      quickRatio({ newMrr: 200_000, expansionMrr: 0, contractionMrr: 30_000, churnedMrr: 150_000 })?.toFixed(
        1,
      ),
    ).toBe('1.1');
  });
});

describe('quickRatio: properties', () => {
  it('is above 1 exactly when ending MRR is above starting MRR', () => {
    fc.assert(
      fc.property(row, ({ cents: c, input }) => {
        const ratio = quickRatio(input);
        const starting = c.kept + c.contraction + c.churned;
        const ending = starting + c.newMrr + c.expansion + c.reactivation - c.contraction - c.churned;
        if (c.contraction + c.churned === 0) expect(ratio).toBeNull();
        else expect(ratio!.greaterThan(1)).toBe(ending > starting);
      }),
      { numRuns: 200 },
    );
  });

  it('is unchanged when every amount is multiplied by the same positive constant', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 100_000 }), ({ input }, k) => {
        const scaled = Object.fromEntries(
          Object.entries(input).map(([key, value]) => [key, new Decimal(value).times(k).dividedBy(2)]),
        ) as unknown as typeof input;
        expect(quickRatio(scaled)?.toString()).toBe(quickRatio(input)?.toString());
      }),
      { numRuns: 200 },
    );
  });

  it('never rises when more MRR churns', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 1_000_000 }), ({ input }, extraCents) => {
        const before = quickRatio(input);
        const after = quickRatio({
          ...input,
          churnedMrr: new Decimal(input.churnedMrr).plus(extraCents / 100),
        })!;
        if (before !== null) expect(after.lessThanOrEqualTo(before)).toBe(true);
        expect(after.greaterThanOrEqualTo(0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('quickRatio: bad input', () => {
  it('rejects negative and non-numeric amounts, naming the field', () => {
    const base = { newMrr: 1, expansionMrr: 1, contractionMrr: 1, churnedMrr: 1 };
    expect(errorOf(() => quickRatio({ ...base, newMrr: -1 }))).toMatchObject({
      code: 'negative_amount',
      path: ['newMrr'],
    });
    expect(errorOf(() => quickRatio({ ...base, reactivationMrr: -1 }))).toMatchObject({
      code: 'negative_amount',
      path: ['reactivationMrr'],
    });
    expect(errorOf(() => quickRatio({ ...base, churnedMrr: true as never }))).toMatchObject({
      code: 'invalid_type',
      path: ['churnedMrr'],
    });
    expect(errorOf(() => quickRatio(42 as never)).code).toBe('invalid_type');
  });
});

describe('quickRatio: types', () => {
  it('promises Decimal | null', () => {
    expectTypeOf(quickRatio).returns.toEqualTypeOf<Decimal | null>();
  });
});
