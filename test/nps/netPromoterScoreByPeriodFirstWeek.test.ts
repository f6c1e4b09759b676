import { describe, expect, it } from 'vitest';
import { netPromoterScoreByPeriod } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

// 1000-01-01 is a Wednesday: its Monday week starts on 0999-12-29, before the supported calendar.
describe('netPromoterScoreByPeriod: weekly periods before the supported calendar', () => {
  it('refuses an answer in the first, partial week at its own path, naming the first accepted day', () => {
    const error = errorOf(() =>
      netPromoterScoreByPeriod(
        [
          { at: '2000-01-01', score: 9 },
          { at: '1000-01-03', score: 2 },
        ],
        { granularity: 'week' },
      ),
    );
    expect(error.code).toBe('out_of_range');
    expect(error.path).toEqual(['responses', 1, 'at']);
    expect(error.expected).toContain('1000-01-06');
    expect(error.received).toBe('"1000-01-03"');
  });

  it('lists every such answer with the other bad rows', () => {
    const error = errorOf(() =>
      netPromoterScoreByPeriod(
        [
          { at: '1000-01-01', score: 9 },
          { at: '2000-01-01', score: 11 },
          { at: '1000-01-05', score: 2 },
        ],
        { granularity: 'week' },
      ),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['responses', 0, 'at'],
      ['responses', 1, 'score'],
      ['responses', 2, 'at'],
    ]);
  });

  it('accepts the first day whose week starts in the calendar, and the first day at other granularities', () => {
    expect(
      netPromoterScoreByPeriod([{ at: '1000-01-06', score: 9 }], { granularity: 'week' })[0]!.start,
    ).toBe('1000-01-06');
    expect(
      netPromoterScoreByPeriod([{ at: '1000-01-01', score: 9 }], { granularity: 'week', weekStartsOn: 3 })[0]!
        .start,
    ).toBe('1000-01-01');
    expect(netPromoterScoreByPeriod([{ at: '1000-01-01', score: 9 }])[0]!.start).toBe('1000-01-01');
  });
});
