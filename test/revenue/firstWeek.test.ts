import { describe, expect, it } from 'vitest';
import {
  cohortRetention,
  listPeriods,
  MetricInputError,
  mrrMovements,
  periodOf,
  segmentMrrMovements,
} from '../../src/index.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

// 1000-01-01, the first supported day, is a Wednesday: its week (Monday start) begins on 0999-12-29.
describe('weekly periods before the supported calendar are refused at the input that needs them', () => {
  const week = { granularity: 'week' } as const;

  it.each([
    [
      'mrrMovements rows',
      () => mrrMovements([{ customerId: 'a', start: '1000-01-01', mrr: 1 }], week),
      ['subscriptions', 0, 'start'],
    ],
    [
      'mrrMovements columns',
      () => mrrMovements({ customerId: ['b', 'a'], start: ['2024-01-01', '1000-01-04'], mrr: [1, 2] }, week),
      ['subscriptions', 'start', 1],
    ],
    [
      'mrrMovements from',
      () => mrrMovements([{ customerId: 'a', start: '2024-01-01', mrr: 1 }], { ...week, from: '1000-01-02' }),
      ['options', 'from'],
    ],
    [
      'segmentMrrMovements rows',
      () =>
        segmentMrrMovements(
          [
            { customerId: 'a', start: '2024-01-01', mrr: 1, segment: 'x' },
            { customerId: 'b', start: '1000-01-01', mrr: 1, segment: 'x' },
          ],
          week,
        ),
      ['subscriptions', 1, 'start'],
    ],
    [
      'cohortRetention rows',
      () => cohortRetention([{ customerId: 'a', start: '1000-01-01', mrr: 1 }], week),
      ['subscriptions', 0, 'start'],
    ],
    ['periodOf', () => periodOf('1000-01-01', week), ['date']],
    ['listPeriods', () => listPeriods('1000-01-01', '1000-02-01', week), ['from']],
  ] as const)('%s', (_, run, path) => {
    const error = errorOf(run);
    expect(error.code).toBe('out_of_range');
    expect(error.path).toEqual(path);
    expect(error.expected).toContain('1000-01-06');
    expect(error.expected).toContain('1000-01-01');
  });

  it('accepts the first day whose week starts within the calendar, and any day with weeks starting Wednesday', () => {
    expect(periodOf('1000-01-06', week)).toEqual({ start: '1000-01-06', end: '1000-01-13' });
    expect(periodOf('1000-01-01', { granularity: 'week', weekStartsOn: 3 })).toEqual({
      start: '1000-01-01',
      end: '1000-01-08',
    });
    expect(mrrMovements([{ customerId: 'a', start: '1000-01-06', mrr: 1 }], week).periods[0]!.start).toBe(
      '1000-01-06',
    );
    expect(mrrMovements([{ customerId: 'a', start: '1000-01-01', mrr: 1 }]).periods[0]!.start).toBe(
      '1000-01-01',
    );
  });
});
