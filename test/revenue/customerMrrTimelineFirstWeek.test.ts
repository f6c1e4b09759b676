import { describe, expect, it } from 'vitest';
import { customerMrrTimeline } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

// 1000-01-01, the first supported day, is a Wednesday: its week (Monday start) begins on 0999-12-29, before the
// calendar, so weekly periods start on 1000-01-06 at the earliest (test/revenue/firstWeek.test.ts).
describe('customerMrrTimeline: weekly periods before the supported calendar', () => {
  const week = { granularity: 'week' } as const;

  it.each([
    [
      'a row starting in the first, partial week',
      () =>
        customerMrrTimeline(
          [
            { customerId: 'a', start: '2024-01-01', mrr: 1 },
            { customerId: 'b', start: '1000-01-02', mrr: 1 },
          ],
          week,
        ),
      ['subscriptions', 1, 'start'],
    ],
    [
      'from',
      () =>
        customerMrrTimeline([{ customerId: 'a', start: '1000-02-01', mrr: 1 }], {
          ...week,
          from: '1000-01-05',
        }),
      ['options', 'from'],
    ],
    ['to without rows', () => customerMrrTimeline([], { ...week, to: '1000-01-01' }), ['options', 'to']],
  ] as const)('%s is out_of_range at its own path, naming the first accepted day', (_, run, path) => {
    const error = errorOf(run);
    expect(error.code).toBe('out_of_range');
    expect(error.path).toEqual(path);
    expect(error.expected).toContain('1000-01-06');
  });

  it('accepts the first day whose week starts in the calendar, and the first day at other granularities', () => {
    expect(customerMrrTimeline([{ customerId: 'a', start: '1000-01-06', mrr: 1 }], week).periods[0]).toEqual({
      start: '1000-01-06',
      end: '1000-01-13',
    });
    expect(
      customerMrrTimeline([{ customerId: 'a', start: '1000-01-01', mrr: 1 }], { ...week, weekStartsOn: 3 })
        .periods[0]!.start,
    ).toBe('1000-01-01');
    expect(customerMrrTimeline([{ customerId: 'a', start: '1000-01-01', mrr: 1 }]).periods[0]!.start).toBe(
      '1000-01-01',
    );
  });
});
