import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/core/internal/normalDistribution.js';
import {
  addCalendarMonths,
  fromDayNumber,
  generateSampleData,
  kaplanMeier,
  listPeriods,
  periodOf,
  seededRandom,
  toDayNumber,
} from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

// The date, statistics and sample helpers are public too: bad input is a MetricInputError naming the argument,
// never a TypeError, a RangeError or a silently normalised date (Date.UTC would turn 2024-02-30 into March 1).
// biome-ignore lint/suspicious/noSparseArray: a hole is what a spreadsheet export can leave behind
const SPARSE_OBSERVATIONS = [{ duration: 1, event: true }, , { duration: 2, event: false }];

describe('public helpers reject bad input by name', () => {
  it.each([
    [() => toDayNumber('2024-02-30'), 'invalid_date', ['isoDate']],
    [() => toDayNumber(new Date(0) as never), 'invalid_date', ['isoDate']],
    [() => fromDayNumber(1.5), 'not_integer', ['dayNumber']],
    [() => fromDayNumber(3_000_000), 'out_of_range', ['dayNumber']],
    [() => addCalendarMonths('2024-13-01', 1), 'invalid_date', ['isoDate']],
    [() => addCalendarMonths('2024-01-31', 0.5), 'not_integer', ['months']],
    [() => addCalendarMonths('9999-12-01', 1), 'out_of_range', ['months']],
    [() => listPeriods(undefined as never, '2024-01-01'), 'missing_field', ['from']],
    [() => listPeriods('2024-01-01', undefined as never), 'missing_field', ['to']],
    [() => periodOf('2024-01-01', null as never), 'invalid_type', ['options']],
    [() => normalCdf(Number.NaN), 'invalid_number', ['z']],
    [() => normalQuantile(1.5), 'out_of_range', ['p']],
    [() => normalQuantile('0.5' as never), 'out_of_range', ['p']],
    [() => seededRandom(0.5), 'not_integer', ['seed']],
    [() => generateSampleData(null as never), 'invalid_type', ['options']],
    [() => generateSampleData({ customers: 0 }), 'out_of_range', ['options', 'customers']],
    [() => generateSampleData({ months: 1e9 }), 'out_of_range', ['options', 'months']],
    [() => generateSampleData({ firstMonth: '2024-01-15' }), 'invalid_value', ['options', 'firstMonth']],
    [() => generateSampleData({ seed: Number.NaN }), 'not_integer', ['options', 'seed']],
    [() => kaplanMeier(SPARSE_OBSERVATIONS as never), 'invalid_type', ['observations', 1]],
  ] as const)('%# %s', (run, code, path) => {
    expect(errorOf(run)).toMatchObject({ code, path });
  });

  it('still reads the edges of the date range, including the day numbered -1', () => {
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(toDayNumber('1000-01-01')).toBe(-354_285);
    expect(fromDayNumber(2_932_896)).toBe('9999-12-31');
    expect(addCalendarMonths('9999-11-30', 1)).toBe('9999-12-30');
  });
});
