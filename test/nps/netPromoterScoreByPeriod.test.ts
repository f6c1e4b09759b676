import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/core/calendarDate.js';
import { netPromoterScore, netPromoterScoreByPeriod, periodOf } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const DAY_2024_01_01 = toDayNumber('2024-01-01');
const responses = fc.array(
  fc.record({
    score: fc.integer({ min: 0, max: 10 }),
    at: fc.integer({ min: 0, max: 400 }).map((offset) => fromDayNumber(DAY_2024_01_01 + offset)),
  }),
  { maxLength: 40 },
);
const granularity = fc.constantFrom(
  'day' as const,
  'week' as const,
  'month' as const,
  'quarter' as const,
  'year' as const,
);

describe('netPromoterScoreByPeriod', () => {
  it('lists every month from the first answer to the last, empty ones included', () => {
    // January: 10, 9, 4 → (2 − 1) / 3 × 100 = 33.33…; February: none; March: 7 → 0
    const rows = netPromoterScoreByPeriod([
      { score: 4, at: '2024-01-31' },
      { score: 7, at: '2024-03-01' },
      { score: 10, at: '2024-01-01' },
      { score: '9', at: '2024-01-15' },
    ]);
    expect(rows.map((row) => [row.start, row.end, row.responses])).toEqual([
      ['2024-01-01', '2024-02-01', 3],
      ['2024-02-01', '2024-03-01', 0],
      ['2024-03-01', '2024-04-01', 1],
    ]);
    expect(rows[0]?.score?.toDecimalPlaces(2).toString()).toBe('33.33');
    expect(rows[1]).toMatchObject({
      score: null,
      promoterShare: null,
      passiveShare: null,
      detractorShare: null,
    });
    expect(rows[2]?.score?.toString()).toBe('0');
  });

  it('starts weeks on the day asked for', () => {
    // 2024-05-12 is a Sunday: its own week with weekStartsOn 0, the week of Monday 2024-05-06 with the default.
    const data = [{ score: 10, at: '2024-05-12' }];
    expect(netPromoterScoreByPeriod(data, { granularity: 'week' })[0]?.start).toBe('2024-05-06');
    expect(netPromoterScoreByPeriod(data, { granularity: 'week', weekStartsOn: 0 })[0]?.start).toBe(
      '2024-05-12',
    );
  });

  it('reads a Date in the time zone asked for, not the machine’s', () => {
    const instant = new Date('2024-01-31T20:00:00Z');
    expect(netPromoterScoreByPeriod([{ score: 9, at: instant }], { timeZone: 'UTC' })[0]?.start).toBe(
      '2024-01-01',
    );
    expect(() => netPromoterScoreByPeriod([{ score: 9, at: instant }])).toThrow(
      expect.objectContaining({ code: 'ambiguous_date', path: ['responses', 0, 'at'] }),
    );
    expect(netPromoterScoreByPeriod([{ score: 9, at: instant }], { timeZone: 'Asia/Tokyo' })[0]?.start).toBe(
      '2024-02-01',
    );
  });

  it('is empty for no responses', () => {
    expect(netPromoterScoreByPeriod([], { granularity: 'day' })).toEqual([]);
  });

  it('names the bad field or option', () => {
    expect(errorOf(() => netPromoterScoreByPeriod([{ score: 9, at: '2024-02-30' }]))).toMatchObject({
      code: 'invalid_date',
      path: ['responses', 0, 'at'],
    });
    expect(
      errorOf(() =>
        netPromoterScoreByPeriod([
          { score: 9, at: '2024-01-01' },
          { score: -1, at: '2024-01-02' },
        ]),
      ),
    ).toMatchObject({ code: 'out_of_range', path: ['responses', 1, 'score'] });
    expect(errorOf(() => netPromoterScoreByPeriod([], { granularity: 'fortnight' as never }))).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'granularity'],
    });
    expect(errorOf(() => netPromoterScoreByPeriod([], { timeZone: 'Mars/Olympus' })).code).toBe(
      'invalid_time_zone',
    );
    expect(errorOf(() => netPromoterScoreByPeriod([], null as never))).toMatchObject({ path: ['options'] });
    expect(errorOf(() => netPromoterScoreByPeriod([3 as never]))).toMatchObject({ path: ['responses', 0] });
  });

  it('gives each period what netPromoterScore gives the answers periodOf puts in it, over contiguous periods', () => {
    fc.assert(
      fc.property(responses, granularity, (rows, g) => {
        const result = netPromoterScoreByPeriod(rows, { granularity: g });
        if (rows.length === 0) {
          expect(result).toEqual([]);
          return;
        }
        const days = rows.map((row) => row.at).sort();
        expect(result[0]).toMatchObject(periodOf(days[0]!, { granularity: g }));
        expect(result[result.length - 1]?.start).toBe(
          periodOf(days[days.length - 1]!, { granularity: g }).start,
        );
        // The slow oracle: each answer's period from the public periodOf, then a filter per period.
        const startOf = rows.map((row) => periodOf(row.at, { granularity: g }).start);
        result.forEach((period, index) => {
          if (index > 0) expect(period.start).toBe(result[index - 1]?.end);
          const { start, end: _end, ...rest } = period;
          const inPeriod = rows.filter((_, position) => startOf[position] === start);
          expect(rest).toEqual(netPromoterScore(inPeriod.map((row) => row.score)));
        });
        expect(result.reduce((total, period) => total + period.responses, 0)).toBe(rows.length);
      }),
      { numRuns: 60 },
    );
  });
});
