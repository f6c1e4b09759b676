import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, stickiness } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

/** A month of days: each day's actives, the month's unique actives, and each day's trailing-month actives. */
const month = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 31 }).chain((daily) =>
  fc.record({
    daily: fc.constant(daily),
    monthly: fc.integer({ min: Math.max(...daily), max: 5000 }),
    rolling: fc.tuple(...daily.map((dau) => fc.integer({ min: dau, max: 5000 }))),
  }),
);

describe('stickiness: worked examples', () => {
  it('divides the average DAU by the MAU (the default)', () => {
    // average DAU = (20 + 30 + 40) / 3 = 30; 30 / 100 = 0.3
    expect(stickiness({ dailyActiveUsers: [20, 30, 40], monthlyActiveUsers: 100 })?.toString()).toBe('0.3');
    // an average already taken: 2345.5 / 10000
    expect(stickiness({ dailyActiveUsers: '2345.5', monthlyActiveUsers: 10_000 })?.toString()).toBe(
      '0.23455',
    );
  });

  it('averages the daily ratios when asked', () => {
    // 20 / 40 = 0.5 and 30 / 100 = 0.3; (0.5 + 0.3) / 2 = 0.4, where averageDau over MAU 100 would give 0.25
    const input = { dailyActiveUsers: [20, 30], monthlyActiveUsers: [40, 100] };
    expect(stickiness(input, { method: 'averageOfDailyRatios' })?.toString()).toBe('0.4');
  });

  it('skips days with no monthly actives and is null when none remain', () => {
    // day 1: 0 / 0 skipped; day 2: 5 / 10 = 0.5
    const input = { dailyActiveUsers: [0, 5], monthlyActiveUsers: [0, 10] };
    expect(stickiness(input, { method: 'averageOfDailyRatios' })?.toString()).toBe('0.5');
    expect(
      stickiness(
        { dailyActiveUsers: [0, 0], monthlyActiveUsers: [0, 0] },
        { method: 'averageOfDailyRatios' },
      ),
    ).toBeNull();
    expect(
      stickiness({ dailyActiveUsers: [], monthlyActiveUsers: [] }, { method: 'averageOfDailyRatios' }),
    ).toBeNull();
  });

  it('is null with no monthly actives or no days', () => {
    expect(stickiness({ dailyActiveUsers: [0, 0], monthlyActiveUsers: 0 })).toBeNull();
    expect(stickiness({ dailyActiveUsers: [], monthlyActiveUsers: 10 })).toBeNull();
    expectTypeOf(stickiness({ dailyActiveUsers: 1, monthlyActiveUsers: 1 })).toEqualTypeOf<Decimal | null>();
  });
});

describe('stickiness: bad input', () => {
  it('rejects a day with more users than the month', () => {
    expect(errorOf(() => stickiness({ dailyActiveUsers: [5, 120], monthlyActiveUsers: 100 }))).toMatchObject({
      code: 'out_of_range',
      path: ['dailyActiveUsers', 1],
    });
    expect(errorOf(() => stickiness({ dailyActiveUsers: 101, monthlyActiveUsers: 100 }))).toMatchObject({
      code: 'out_of_range',
      path: ['dailyActiveUsers'],
    });
    expect(
      errorOf(() =>
        stickiness(
          { dailyActiveUsers: [5, 11], monthlyActiveUsers: [10, 10] },
          { method: 'averageOfDailyRatios' },
        ),
      ),
    ).toMatchObject({ code: 'out_of_range', path: ['dailyActiveUsers', 1] });
  });

  it('rejects shapes that do not fit the method, mismatched lengths and bad counts', () => {
    expect(errorOf(() => stickiness({ dailyActiveUsers: [1], monthlyActiveUsers: [5] }))).toMatchObject({
      code: 'invalid_type',
      path: ['monthlyActiveUsers'],
    });
    const ratios = { method: 'averageOfDailyRatios' } as const;
    expect(errorOf(() => stickiness({ dailyActiveUsers: 3, monthlyActiveUsers: [5] }, ratios)).path).toEqual([
      'dailyActiveUsers',
    ]);
    expect(errorOf(() => stickiness({ dailyActiveUsers: [3], monthlyActiveUsers: 5 }, ratios)).path).toEqual([
      'monthlyActiveUsers',
    ]);
    expect(
      errorOf(() => stickiness({ dailyActiveUsers: [3, 4], monthlyActiveUsers: [5] }, ratios)),
    ).toMatchObject({
      code: 'length_mismatch',
      path: ['monthlyActiveUsers'],
    });
    expect(errorOf(() => stickiness({ dailyActiveUsers: [1.5], monthlyActiveUsers: 5 })).code).toBe(
      'not_integer',
    );
    expect(errorOf(() => stickiness({ dailyActiveUsers: -1, monthlyActiveUsers: 5 })).code).toBe(
      'negative_amount',
    );
    expect(errorOf(() => stickiness({ dailyActiveUsers: 1, monthlyActiveUsers: 'many' })).path).toEqual([
      'monthlyActiveUsers',
    ]);
    expect(
      errorOf(() => stickiness({ dailyActiveUsers: 1, monthlyActiveUsers: 5 }, { method: 'dau' as never })),
    ).toMatchObject({ code: 'invalid_option', path: ['options', 'method'] });
    expect(errorOf(() => stickiness(null as never)).code).toBe('invalid_type');
    expect(
      errorOf(() => stickiness({ dailyActiveUsers: 1, monthlyActiveUsers: 5 }, null as never)).path,
    ).toEqual(['options']);
  });
});

describe('stickiness: properties', () => {
  it('lies in [0, 1] under both conventions', () => {
    fc.assert(
      fc.property(month, ({ daily, monthly, rolling }) => {
        for (const value of [
          stickiness({ dailyActiveUsers: daily, monthlyActiveUsers: monthly }),
          stickiness(
            { dailyActiveUsers: daily, monthlyActiveUsers: rolling },
            { method: 'averageOfDailyRatios' },
          ),
        ]) {
          if (value === null) continue;
          expect(value.greaterThanOrEqualTo(0) && value.lessThanOrEqualTo(1)).toBe(true);
        }
      }),
    );
  });

  it('gives the same value for the daily counts as for their average given directly', () => {
    fc.assert(
      fc.property(month, ({ daily, monthly }) => {
        const average = daily.reduce((total, dau) => total + dau, 0) / daily.length;
        const fromDays = stickiness({ dailyActiveUsers: daily, monthlyActiveUsers: monthly });
        const fromAverage = stickiness({ dailyActiveUsers: average, monthlyActiveUsers: monthly });
        if (fromDays === null) expect(fromAverage).toBeNull();
        else expect(fromDays.minus(fromAverage!).abs().lessThan('1e-12')).toBe(true);
      }),
    );
  });

  it('makes the two conventions agree when every day has the month’s MAU', () => {
    fc.assert(
      fc.property(month, ({ daily, monthly }) => {
        const averageDau = stickiness({ dailyActiveUsers: daily, monthlyActiveUsers: monthly });
        const ratios = stickiness(
          { dailyActiveUsers: daily, monthlyActiveUsers: daily.map(() => monthly) },
          { method: 'averageOfDailyRatios' },
        );
        if (averageDau === null) expect(ratios).toBeNull();
        else expect(averageDau.minus(ratios!).abs().lessThan('1e-30')).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the days', () => {
    fc.assert(
      fc.property(month, ({ daily, monthly }) => {
        const reversed = [...daily].reverse();
        expect(stickiness({ dailyActiveUsers: reversed, monthlyActiveUsers: monthly })).toEqual(
          stickiness({ dailyActiveUsers: daily, monthlyActiveUsers: monthly }),
        );
      }),
    );
  });
});
