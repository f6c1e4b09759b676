import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, portfolioHealth, toDecimal } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const accountArb = fc.record({
  score: fc.option(
    fc.integer({ min: 0, max: 100_000 }).map((milli) => milli / 1000),
    { freq: 6 },
  ),
  mrr: fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100),
});

const sum = (values: readonly (Decimal | null)[]): string =>
  values.reduce((total: Decimal, value) => total.plus(value ?? 0), toDecimal(0)).toString();

describe('portfolioHealth: worked examples', () => {
  it('splits accounts and MRR by band (hand-computed)', () => {
    // red: 30 (500); yellow: 60 (250); green: band given (250); unscored: 100
    // accounts 1/3 each → 0.333…33 ×3 = 0.99999999999999999999, the missing 10⁻²⁰ goes to the first (ties)
    // MRR: 500/1000, 250/1000, 250/1000
    const summary = portfolioHealth([
      { score: 30, mrr: 500 },
      { score: 60, mrr: 250 },
      { score: null, band: 'green', mrr: 250 },
      { score: null, mrr: 100 },
    ]);
    expect(summary.accounts).toBe(4);
    expect(summary.mrr.toString()).toBe('1100');
    expect([summary.unscored.accounts, summary.unscored.mrr.toString()]).toEqual([1, '100']);
    expect(
      summary.bands.map((band) => [
        band.label,
        band.accounts,
        band.mrr.toString(),
        band.accountShare?.toString(),
        band.mrrShare?.toString(),
      ]),
    ).toEqual([
      ['red', 1, '500', '0.33333333333333333334', '0.5'],
      ['yellow', 1, '250', '0.33333333333333333333', '0.25'],
      ['green', 1, '250', '0.33333333333333333333', '0.25'],
    ]);
    expect(summary.mrrAtRisk.toString()).toBe('500');
    expect(summary.mrrAtRiskShare?.toString()).toBe('0.5');
  });

  it('gives the larger remainder the missing unit', () => {
    // accounts 2, 1, 4 of 7, to 20 decimals rounded down (remainder after the bar):
    // 2/7 = 0.28571428571428571428|5714, 1/7 = 0.14285714285714285714|2857, 4/7 = 0.57142857142857142857|1428
    // they sum to 0.99999999999999999999; the missing 10⁻²⁰ goes to the largest remainder, 2/7's
    const summary = portfolioHealth([
      { score: 10, mrr: 1 },
      { score: 20, mrr: 1 },
      { score: 60, mrr: 1 },
      ...Array.from({ length: 4 }, () => ({ score: 90, mrr: 1 })),
    ]);
    expect(summary.bands.map((band) => band.accountShare?.toString())).toEqual([
      '0.28571428571428571429',
      '0.14285714285714285714',
      '0.57142857142857142857',
    ]);
  });

  it('uses custom bands and handles an empty or free portfolio', () => {
    const bands = [
      { label: 'at risk', min: 0, max: 40 },
      { label: 'fine', min: 40, max: 100, bounds: '[]' as const },
    ];
    const summary = portfolioHealth([{ score: 40, band: 'fine', mrr: 0 }], { bands });
    expect(
      summary.bands.map((band) => [band.label, band.accounts, band.accountShare?.toString(), band.mrrShare]),
    ).toEqual([
      ['at risk', 0, '0', null],
      ['fine', 1, '1', null],
    ]);
    expect(summary.mrrAtRiskShare).toBeNull();
    const empty = portfolioHealth([]);
    expect([empty.accounts, empty.mrr.toString(), empty.mrrAtRisk.toString()]).toEqual([0, '0', '0']);
    expect(empty.bands.every((band) => band.accountShare === null && band.mrrShare === null)).toBe(true);
    expectTypeOf(empty.mrrAtRiskShare).toEqualTypeOf<Decimal | null>();
    expectTypeOf(empty.bands[0]!.accountShare).toEqualTypeOf<Decimal | null>();
  });
});

describe('portfolioHealth: properties', () => {
  it('gives account and MRR shares that sum to exactly 1, each within 10⁻²⁰ of the exact ratio', () => {
    fc.assert(
      fc.property(fc.array(accountArb, { maxLength: 40 }), (accounts) => {
        const summary = portfolioHealth(accounts);
        const scored = accounts.filter((account) => account.score !== null);
        const scoredMrr = scored.reduce((total, account) => total.plus(account.mrr), toDecimal(0));
        const accountShares = summary.bands.map((band) => band.accountShare);
        const mrrShares = summary.bands.map((band) => band.mrrShare);
        if (scored.length > 0) expect(sum(accountShares)).toBe('1');
        else expect(accountShares.every((share) => share === null)).toBe(true);
        if (!scoredMrr.isZero()) expect(sum(mrrShares)).toBe('1');
        else expect(mrrShares.every((share) => share === null)).toBe(true);
        summary.bands.forEach((band) => {
          if (band.accountShare !== null) {
            const exact = toDecimal(band.accounts).dividedBy(scored.length);
            expect(band.accountShare.minus(exact).abs().lessThan('1e-20')).toBe(true);
          }
          if (band.mrrShare !== null) {
            const exact = band.mrr.dividedBy(scoredMrr);
            expect(band.mrrShare.minus(exact).abs().lessThan('1e-20')).toBe(true);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('counts every account and every unit of MRR exactly once, against a slow oracle', () => {
    fc.assert(
      fc.property(fc.array(accountArb, { maxLength: 40 }), (accounts) => {
        const summary = portfolioHealth(accounts);
        const label = (score: number): string => (score < 50 ? 'red' : score < 75 ? 'yellow' : 'green');
        for (const band of summary.bands) {
          const inside = accounts.filter(
            (account) => account.score !== null && label(account.score) === band.label,
          );
          expect(band.accounts).toBe(inside.length);
          expect(band.mrr.toString()).toBe(
            inside.reduce((total, account) => total.plus(account.mrr), toDecimal(0)).toString(),
          );
        }
        const total = summary.bands.reduce((count, band) => count + band.accounts, summary.unscored.accounts);
        expect(total).toBe(accounts.length);
        expect(summary.mrrAtRisk.toString()).toBe(summary.bands[0]!.mrr.toString());
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the accounts', () => {
    fc.assert(
      fc.property(
        fc
          .array(accountArb, { maxLength: 30 })
          .chain((accounts) =>
            fc.tuple(fc.constant(accounts), fc.shuffledSubarray(accounts, { minLength: accounts.length })),
          ),
        ([accounts, shuffled]) => {
          expect(JSON.stringify(portfolioHealth(shuffled))).toBe(JSON.stringify(portfolioHealth(accounts)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('portfolioHealth: bad input', () => {
  it.each([
    ['accounts that are not an array', () => portfolioHealth({} as never), 'invalid_type', ['accounts']],
    [
      'an account that is not an object',
      () => portfolioHealth([1 as never]),
      'invalid_type',
      ['accounts', 0],
    ],
    [
      'a negative MRR',
      () => portfolioHealth([{ score: 1, mrr: -5 }]),
      'negative_amount',
      ['accounts', 0, 'mrr'],
    ],
    ['a missing MRR', () => portfolioHealth([{ score: 1 } as never]), 'invalid_type', ['accounts', 0, 'mrr']],
    [
      'a score above 100',
      () => portfolioHealth([{ score: 101, mrr: 1 }]),
      'out_of_range',
      ['accounts', 0, 'score'],
    ],
    [
      'an unknown band',
      () => portfolioHealth([{ score: null, band: 'blue', mrr: 1 }]),
      'invalid_option',
      ['accounts', 0, 'band'],
    ],
    [
      'a band that contradicts the score',
      () => portfolioHealth([{ score: 10, band: 'green', mrr: 1 }]),
      'invalid_value',
      ['accounts', 0, 'band'],
    ],
    [
      'bands that do not reach 100',
      () => portfolioHealth([], { bands: [{ label: 'all', min: 0, max: 90, bounds: '[]' }] }),
      'invalid_config',
      ['options', 'bands', 0, 'max'],
    ],
    ['options that are not an object', () => portfolioHealth([], 'x' as never), 'invalid_type', ['options']],
  ] as const)('rejects %s', (_name, run, code, path) => {
    expect(errorOf(run)).toMatchObject({ code, path });
  });
});
