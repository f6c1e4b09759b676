import {
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
} from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromDayNumber,
  GRANULARITIES,
  type Granularity,
  listPeriods,
  MetricInputError,
  periodOf,
  toDayNumber,
  type WeekStartsOn,
} from '../../src/index.js';

const anyDay = fc
  .integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2060-12-31') })
  .map(fromDayNumber);
const anyGranularity = fc.constantFrom(...GRANULARITIES);
const anyWeekStart = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<WeekStartsOn>;

describe('periodOf', () => {
  it('buckets into calendar periods', () => {
    expect(periodOf('2024-02-29')).toEqual({ start: '2024-02-01', end: '2024-03-01' });
    expect(periodOf('2024-12-31', { granularity: 'year' })).toEqual({
      start: '2024-01-01',
      end: '2025-01-01',
    });
    expect(periodOf('2024-11-15', { granularity: 'quarter' })).toEqual({
      start: '2024-10-01',
      end: '2025-01-01',
    });
    expect(periodOf('2024-03-10', { granularity: 'day' })).toEqual({
      start: '2024-03-10',
      end: '2024-03-11',
    });
    // 2024-05-19 is a Sunday: in a Monday week it closes the week, in a Sunday week it opens one.
    expect(periodOf('2024-05-19', { granularity: 'week' })).toEqual({
      start: '2024-05-13',
      end: '2024-05-20',
    });
    expect(periodOf('2024-05-19', { granularity: 'week', weekStartsOn: 0 })).toEqual({
      start: '2024-05-19',
      end: '2024-05-26',
    });
  });

  it('reads a Date in the time zone option', () => {
    const instant = new Date('2024-03-01T03:00:00Z');
    expect(periodOf(instant, { timeZone: 'UTC' }).start).toBe('2024-03-01');
    expect(() => periodOf(instant)).toThrow(expect.objectContaining({ code: 'ambiguous_date' }));
    expect(periodOf(instant, { timeZone: 'America/New_York' }).start).toBe('2024-02-01');
  });

  it('rejects unknown options', () => {
    expect(() => periodOf('2024-01-01', { granularity: 'fortnight' as Granularity })).toThrow(
      MetricInputError,
    );
    expect(() => periodOf('2024-01-01', { weekStartsOn: 7 as WeekStartsOn })).toThrow(/weekStartsOn/);
    expect(() => periodOf('2024-01-01', { timeZone: 'Nowhere' })).toThrow(/timeZone/);
  });

  it('is idempotent and contains its date, for any date and granularity', () => {
    fc.assert(
      fc.property(anyDay, anyGranularity, anyWeekStart, (day, granularity, weekStartsOn) => {
        const period = periodOf(day, { granularity, weekStartsOn });
        expect(period.start <= day && day < period.end).toBe(true);
        expect(periodOf(period.start, { granularity, weekStartsOn })).toEqual(period);
        expect(periodOf(fromDayNumber(toDayNumber(period.end) - 1), { granularity, weekStartsOn })).toEqual(
          period,
        );
      }),
    );
  });
});

// Independent oracle: date-fns on local-time Dates built from the same calendar fields. Local time is
// self-consistent in the zones CI runs under (no DST), so this checks our UTC arithmetic without sharing it.
function oraclePeriod(iso: string, granularity: Granularity, weekStartsOn: WeekStartsOn) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const local = new Date(y, m - 1, d);
  const format = (date: Date) =>
    `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const start = {
    day: local,
    week: startOfWeek(local, { weekStartsOn }),
    month: startOfMonth(local),
    quarter: startOfQuarter(local),
    year: startOfYear(local),
  }[granularity];
  const end = {
    day: new Date(y, m - 1, d + 1),
    week: addWeeks(start, 1),
    month: addMonths(start, 1),
    quarter: addQuarters(start, 1),
    year: addYears(start, 1),
  }[granularity];
  return { start: format(start), end: format(end) };
}

describe('periodOf against date-fns', () => {
  it('agrees with date-fns start-of-period functions for any date, granularity and week start', () => {
    fc.assert(
      fc.property(anyDay, anyGranularity, anyWeekStart, (day, granularity, weekStartsOn) => {
        expect(periodOf(day, { granularity, weekStartsOn })).toEqual(
          oraclePeriod(day, granularity, weekStartsOn),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('listPeriods', () => {
  it('lists every month from the first through the last, inclusive', () => {
    expect(listPeriods('2023-11-20', '2024-02-01')).toEqual([
      { start: '2023-11-01', end: '2023-12-01' },
      { start: '2023-12-01', end: '2024-01-01' },
      { start: '2024-01-01', end: '2024-02-01' },
      { start: '2024-02-01', end: '2024-03-01' },
    ]);
  });

  it('rejects a range that ends before it starts', () => {
    expect(() => listPeriods('2024-02-01', '2024-01-31')).toThrow(
      'to (2024-01-31) is before from (2024-02-01)',
    );
  });

  it('is contiguous and covers exactly the days between the two dates’ periods', () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: 0, max: 400 }),
        anyGranularity,
        anyWeekStart,
        (from, span, granularity, weekStartsOn) => {
          const to = fromDayNumber(toDayNumber(from) + span);
          const periods = listPeriods(from, to, { granularity, weekStartsOn });
          expect(periods[0]).toEqual(periodOf(from, { granularity, weekStartsOn }));
          expect(periods.at(-1)).toEqual(periodOf(to, { granularity, weekStartsOn }));
          for (let index = 1; index < periods.length; index += 1) {
            expect(periods[index]!.start).toBe(periods[index - 1]!.end);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
