import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, healthTrend, toDayNumber } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

// The slow oracle: centred least squares in doubles.
function oracleSlope(points: readonly { at: string; score: number }[]): number {
  const xs = points.map((point) => toDayNumber(point.at));
  const ys = points.map((point) => point.score);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, index) => {
    sxy += (x - meanX) * (ys[index]! - meanY);
    sxx += (x - meanX) ** 2;
  });
  return sxy / sxx;
}

// Distinct days (as day numbers from 2020-01-01 on) with scores in [0, 50], in random order.
const historyArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 25 })
  .chain((days) =>
    fc.tuple(
      fc.constant(days),
      fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: days.length, maxLength: days.length }),
    ),
  )
  .map(([days, micro]) =>
    days.map((day, index) => ({ at: fromDayNumber(18_262 + day), score: micro[index]! / 1e6 })),
  );

describe('healthTrend: worked examples', () => {
  it('reads change, direction, slope and the days in the current band (hand-computed)', () => {
    // sorted: 80 (Jan 1, green), 70 (Feb 1, yellow), 62 (Mar 1, yellow); change 62 − 70 = −8 → down
    // x = 0, 31, 60; Σx = 91, Σy = 212, Σx² = 4561, Σxy = 70·31 + 62·60 = 5890
    // slope = (3·5890 − 91·212) / (3·4561 − 91²) = (17670 − 19292) / (13683 − 8281) = −1622 / 5402
    // yellow since Feb 1; Feb 1 → Mar 11 = 29 + 10 = 39 days
    const trend = healthTrend(
      [
        { at: '2024-03-01', score: 62 },
        { at: '2024-01-01', score: 80 },
        { at: '2024-02-01', score: 70 },
      ],
      { asOf: '2024-03-11' },
    );
    expect(trend).toEqual({
      points: 3,
      latest: { at: '2024-03-01', score: 62 },
      previous: { at: '2024-02-01', score: 70 },
      change: -8,
      direction: 'down',
      slopePerDay: -1622 / 5402,
      band: 'yellow',
      bandSince: '2024-02-01',
      daysInBand: 39,
    });
  });

  it('calls a change within the tolerance flat, inclusive', () => {
    // 70.5 − 70 = 0.5 ≤ 1 → flat; with tolerance 0.25 → up; exactly 1 with tolerance 1 → flat
    const history = [
      { at: '2024-01-01', score: 70 },
      { at: '2024-01-08', score: 70.5 },
    ];
    expect(healthTrend(history).direction).toBe('flat');
    expect(healthTrend(history, { tolerance: 0.25 }).direction).toBe('up');
    expect(healthTrend([history[0]!, { at: '2024-01-08', score: 71 }]).direction).toBe('flat');
    expect(healthTrend([history[0]!, { at: '2024-01-08', score: 68.9 }]).direction).toBe('down');
    // 70.5 − 70 as a decimal is exactly 0.5; 0.3 − 0.1 is exactly 0.2 (not 0.19999999999999998)
    expect(
      healthTrend([
        { at: '2024-01-01', score: 0.1 },
        { at: '2024-01-02', score: 0.3 },
      ]).change,
    ).toBe(0.2);
  });

  it('gives one point no change, direction or slope, and counts days to asOf', () => {
    // 40 is red; 2024-01-01 → 2024-01-31 = 30 days
    expect(healthTrend([{ at: '2024-01-01', score: 40 }], { asOf: '2024-01-31' })).toMatchObject({
      change: null,
      direction: null,
      slopePerDay: null,
      previous: null,
      band: 'red',
      bandSince: '2024-01-01',
      daysInBand: 30,
    });
  });

  it('uses custom bands, reads a Date at midnight UTC and refuses any other instant', () => {
    // Gainsight-style bands put 50 in the lower band: 50 and 45 are both 'red' → red since the first point
    const bands = [
      { label: 'red', min: 0, max: 50, bounds: '[]' as const },
      { label: 'green', min: 50, max: 100, bounds: '(]' as const },
    ];
    const trend = healthTrend(
      [
        { at: new Date('2024-01-01T00:00:00Z'), score: 50 },
        { at: '2024-01-05', score: 45 },
      ],
      { bands },
    );
    expect([trend.band, trend.bandSince, trend.daysInBand]).toEqual(['red', '2024-01-01', 4]);
    expect(() => healthTrend([{ at: new Date('2024-01-01T23:30:00Z'), score: 50 }], { bands })).toThrow(
      expect.objectContaining({ code: 'ambiguous_date', path: ['history', 0, 'at'] }),
    );
  });
});

describe('healthTrend: published reference', () => {
  it('matches scipy.stats.linregress', () => {
    // python3 (scipy 1.17): linregress([19723, 19737, 19756, 19773, 19791],
    //   [81.5, 77.25, 70, 72.125, 64.875]).slope = -0.22284075573549253
    const trend = healthTrend([
      { at: '2024-01-01', score: 81.5 },
      { at: '2024-01-15', score: 77.25 },
      { at: '2024-02-03', score: 70 },
      { at: '2024-02-20', score: 72.125 },
      { at: '2024-03-09', score: 64.875 },
    ]);
    expect(trend.slopePerDay).toBeCloseTo(-0.22284075573549253, 14);
  });
});

describe('healthTrend: properties', () => {
  it('adding a constant to every score leaves the slope and the direction unchanged', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 50_000_000 }), (history, shift) => {
        const shifted = history.map((point) => ({
          ...point,
          // micro-points stay exact: the decimal value of every score moves by exactly shift × 10⁻⁶
          score: (Math.round(point.score * 1e6) + shift) / 1e6,
        }));
        const before = healthTrend(history);
        const after = healthTrend(shifted);
        expect(after.slopePerDay).toBe(before.slopePerDay);
        expect(after.direction).toBe(before.direction);
      }),
      { numRuns: 100 },
    );
  });

  it('reversing time flips the sign of the slope', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const mirrored = history.map((point) => ({
          ...point,
          at: fromDayNumber(2 * 18_262 + 2000 - toDayNumber(point.at)),
        }));
        const forward = healthTrend(history).slopePerDay;
        const backward = healthTrend(mirrored).slopePerDay;
        if (forward === null) expect(backward).toBeNull();
        else expect(forward + (backward as number) === 0).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        historyArb.chain((history) =>
          fc.tuple(fc.constant(history), fc.shuffledSubarray(history, { minLength: history.length })),
        ),
        ([history, shuffled]) => {
          expect(healthTrend(shuffled)).toEqual(healthTrend(history));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('agrees with a double-precision least-squares oracle', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const slope = healthTrend(history).slopePerDay;
        if (history.length < 2) expect(slope).toBeNull();
        else expect(Math.abs((slope as number) - oracleSlope(history))).toBeLessThan(1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every point since bandSince in the current band, and the one before it outside', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const trend = healthTrend(history);
        const sorted = [...history].sort((a, b) => a.at.localeCompare(b.at));
        const bandOf = (score: number): string => (score < 50 ? 'red' : score < 75 ? 'yellow' : 'green');
        const since = sorted.findIndex((point) => point.at === trend.bandSince);
        expect(sorted.slice(since).every((point) => bandOf(point.score) === trend.band)).toBe(true);
        if (since > 0) expect(bandOf(sorted[since - 1]!.score)).not.toBe(trend.band);
        expect(trend.daysInBand).toBe(toDayNumber(sorted.at(-1)!.at) - toDayNumber(trend.bandSince));
      }),
      { numRuns: 100 },
    );
  });
});

describe('healthTrend: bad input', () => {
  const ok = { at: '2024-01-01', score: 50 };
  it.each([
    ['an empty history', () => healthTrend([]), 'empty_input', ['history']],
    ['a history that is not an array', () => healthTrend({} as never), 'invalid_type', ['history']],
    ['a point that is not an object', () => healthTrend([ok, null as never]), 'invalid_type', ['history', 1]],
    [
      'two points on the same day',
      () => healthTrend([ok, { at: '2024-01-02', score: 1 }, { at: '2024-01-01', score: 2 }]),
      'invalid_value',
      ['history', 2, 'at'],
    ],
    ['a bad date', () => healthTrend([{ at: '2024-02-30', score: 1 }]), 'invalid_date', ['history', 0, 'at']],
    [
      'a score above 100',
      () => healthTrend([{ ...ok, score: 101 }]),
      'out_of_range',
      ['history', 0, 'score'],
    ],
    ['a score below 0', () => healthTrend([{ ...ok, score: -1 }]), 'out_of_range', ['history', 0, 'score']],
    ['a NaN score', () => healthTrend([{ ...ok, score: Number.NaN }]), 'not_finite', ['history', 0, 'score']],
    [
      'a negative tolerance',
      () => healthTrend([ok], { tolerance: -1 }),
      'negative_amount',
      ['options', 'tolerance'],
    ],
    [
      'asOf before the last point',
      () => healthTrend([ok], { asOf: '2023-12-31' }),
      'out_of_range',
      ['options', 'asOf'],
    ],
    ['options that are not an object', () => healthTrend([ok], null as never), 'invalid_type', ['options']],
    [
      'bands with a gap',
      () =>
        healthTrend([ok], {
          bands: [
            { label: 'low', min: 0, max: 40 },
            { label: 'high', min: 50, max: 100, bounds: '[]' },
          ],
        }),
      'invalid_config',
      ['options', 'bands', 1, 'min'],
    ],
    [
      'bands with a repeated label',
      () =>
        healthTrend([ok], {
          bands: [
            { label: 'x', min: 0, max: 40 },
            { label: 'x', min: 40, max: 100, bounds: '[]' },
          ],
        }),
      'invalid_config',
      ['options', 'bands', 1, 'label'],
    ],
    [
      'a band without a label',
      () => healthTrend([ok], { bands: [{ min: 0, max: 100, bounds: '[]' }] as never }),
      'invalid_type',
      ['options', 'bands', 0, 'label'],
    ],
  ] as const)('rejects %s', (_name, run, code, path) => {
    expect(errorOf(run)).toMatchObject({ code, path });
  });
});
