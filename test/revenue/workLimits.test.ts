import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohortRetention,
  customerMrrTimeline,
  fromDayNumber,
  type Granularity,
  listPeriods,
  mrrMovements,
  segmentMrrMovements,
  toDayNumber,
} from '../../src/index.js';
import { buildReport } from '../../src/io/index.js';
import { periodCount } from '../../src/revenue/internal/workLimits.js';
import { errorOf } from '../support/errorOf.js';

// Work too large to compute is refused up front, in well under a second, with what to change.
const longest = [{ customerId: 'a', start: '1000-01-01', end: '9998-12-31', mrr: 1 }];

function refusedQuickly(run: () => unknown, path: readonly (string | number)[] = ['options', 'granularity']) {
  const started = performance.now();
  const error = errorOf(run);
  expect(performance.now() - started).toBeLessThan(500);
  expect(error.code).toBe('out_of_range');
  expect(error.path).toEqual(path);
  return error;
}

describe('work limits', () => {
  it('mrrMovements refuses 3.3 million daily periods, naming what to change', { timeout: 5000 }, () => {
    const error = refusedQuickly(() => mrrMovements(longest, { granularity: 'day' }));
    expect(error.message).toContain('3,286,817 periods');
    expect(error.message).toContain('a coarser granularity');
    refusedQuickly(() => mrrMovements(longest, { granularity: 'day', detail: 'summary' }));
    refusedQuickly(() => segmentMrrMovements([{ ...longest[0]!, segment: 'x' }], { granularity: 'day' }));
    refusedQuickly(() => mrrMovements(longest, { granularity: 'month' }));
  });

  it('cohortRetention and customerMrrTimeline refuse it too', { timeout: 5000 }, () => {
    refusedQuickly(() => cohortRetention(longest, { granularity: 'day' }));
    refusedQuickly(() => cohortRetention(longest, { granularity: 'month' }));
    refusedQuickly(() => customerMrrTimeline(longest, { granularity: 'day' }));
  });

  it('buildReport refuses it, and a cohort matrix of too many recent periods names cohortPeriods', {
    timeout: 5000,
  }, () => {
    refusedQuickly(() => buildReport({ subscriptions: longest }, { granularity: 'day' }));
    const daily = [{ customerId: 'a', start: '2020-01-01', end: '2024-12-31', mrr: 1 }];
    refusedQuickly(
      () => buildReport({ subscriptions: daily }, { granularity: 'day', cohortPeriods: 100_000 }),
      ['options', 'cohortPeriods'],
    );
  });

  it('the same row over a later range is computed', () => {
    const table = mrrMovements(longest, { granularity: 'month', from: '9998-01-01', detail: 'summary' });
    expect(table.periods).toHaveLength(12);
  });

  it('periodCount is the length of listPeriods, for any days and granularity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('1001-01-01'), max: toDayNumber('9990-01-01') }),
        fc.integer({ min: 0, max: 900 }),
        fc.constantFrom<Granularity>('day', 'week', 'month', 'quarter', 'year'),
        fc.constantFrom(0, 1, 2, 3, 4, 5, 6),
        (first, length, granularity, weekStartsOn) => {
          const periods = listPeriods(fromDayNumber(first), fromDayNumber(first + length), {
            granularity,
            weekStartsOn: weekStartsOn as 0,
          });
          expect(periodCount(first, first + length, granularity, weekStartsOn)).toBe(periods.length);
        },
      ),
    );
  });
});
