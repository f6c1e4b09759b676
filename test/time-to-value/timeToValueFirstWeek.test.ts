import { describe, expect, it } from 'vitest';
import { timeToValue } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

// 1000-01-01 is a Wednesday: its Monday week starts on 0999-12-29, before the supported calendar.
describe('timeToValue: weekly cohorts before the supported calendar', () => {
  it('refuses a record starting in the first, partial week at its own path, naming the first accepted day', () => {
    const error = errorOf(() =>
      timeToValue(
        [
          { customerId: 'a', start: '1000-02-01' },
          { customerId: 'b', start: '1000-01-04', reachedValueAt: '1000-01-10' },
        ],
        { asOf: '1000-03-01', granularity: 'week' },
      ),
    );
    expect(error.code).toBe('out_of_range');
    expect(error.path).toEqual(['records', 1, 'start']);
    expect(error.expected).toContain('1000-01-06');
  });

  it('accepts those records with other cohorts: weeks starting on Wednesday, months, and durations in weeks', () => {
    const records = [{ customerId: 'a', start: '1000-01-01', reachedValueAt: '1000-01-15' }];
    expect(
      timeToValue(records, { asOf: '1000-03-01', granularity: 'week', weekStartsOn: 3 }).cohorts[0]!.period,
    ).toEqual({ start: '1000-01-01', end: '1000-01-08' });
    expect(timeToValue(records, { asOf: '1000-03-01' }).cohorts[0]!.period.start).toBe('1000-01-01');
    expect(timeToValue(records, { asOf: '1000-03-01', unit: 'week' }).median).toBe(2);
    expect(
      timeToValue([{ customerId: 'a', start: '1000-01-06' }], { asOf: '1000-03-01', granularity: 'week' })
        .cohorts[0]!.period.start,
    ).toBe('1000-01-06');
  });
});
