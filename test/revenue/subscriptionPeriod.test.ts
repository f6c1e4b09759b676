import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { fromDayNumber, MetricInputError, toDayNumber } from '../../src/index.js';
import { normalizeSubscriptionPeriods } from '../../src/revenue/internal/normalizeSubscriptionPeriods.js';
import type { SubscriptionPeriod } from '../../src/revenue/subscriptionPeriod.js';
import { subscriptionPeriods } from '../arbitraries.js';

function errorOf(periods: unknown): MetricInputError {
  try {
    normalizeSubscriptionPeriods(periods as SubscriptionPeriod[]);
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

describe('normalizeSubscriptionPeriods', () => {
  it('converts dates to day numbers and MRR to Decimal', () => {
    const [row] = normalizeSubscriptionPeriods([
      { customerId: 'a', start: '1970-01-02', end: '1970-01-11', mrr: '9.99' },
    ]);
    expect(row).toMatchObject({ index: 0, customerId: 'a', startDay: 1, endDay: 10 });
    expect(row!.mrr.toString()).toBe('9.99');
    const [open] = normalizeSubscriptionPeriods([
      { customerId: 'a', start: '1970-01-02', end: null, mrr: 0 },
    ]);
    expect(open!.endDay).toBeNull();
  });

  it('names the row and field of every kind of bad row', () => {
    expect(errorOf('nope').path).toEqual(['subscriptions']);
    expect(errorOf([null]).path).toEqual(['subscriptions', 0]);
    expect(errorOf([{ customerId: '', start: '2024-01-01', mrr: 1 }]).path).toEqual([
      'subscriptions',
      0,
      'customerId',
    ]);
    expect(errorOf([{ customerId: 'a', subscriptionId: 3, start: '2024-01-01', mrr: 1 }]).path).toEqual([
      'subscriptions',
      0,
      'subscriptionId',
    ]);
    expect(errorOf([{ customerId: 'a', start: '2024-13-01', mrr: 1 }]).path).toEqual([
      'subscriptions',
      0,
      'start',
    ]);
    expect(errorOf([{ customerId: 'a', start: '2024-01-01', mrr: -1 }])).toMatchObject({
      code: 'negative_amount',
      path: ['subscriptions', 0, 'mrr'],
    });
    const backwards = errorOf([
      { customerId: 'a', start: '2024-01-01', mrr: 1 },
      { customerId: 'a', start: '2024-02-01', end: '2024-01-01', mrr: 1 },
    ]);
    expect(backwards.code).toBe('end_before_start');
    expect(backwards.message).toBe('subscriptions[1].end (2024-01-01) is before start (2024-02-01)');
  });

  it('rejects the same subscription twice over overlapping dates, naming both rows', () => {
    const overlap = errorOf([
      { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-03-01', mrr: 1 },
      { customerId: 'b', subscriptionId: 't', start: '2024-01-01', mrr: 1 },
      { customerId: 'a', subscriptionId: 's', start: '2024-02-01', end: '2024-04-01', mrr: 2 },
    ]);
    expect(overlap.code).toBe('overlapping_periods');
    expect(overlap.path).toEqual(['subscriptions', 2, 'start']);
    expect(overlap.message).toMatch(/subscriptions\[2\] overlaps subscriptions\[0\]/);
    const openEnded = errorOf([
      { customerId: 'a', subscriptionId: 's', start: '2024-05-01', mrr: 1 },
      { customerId: 'a', subscriptionId: 's', start: '2024-01-01', mrr: 2 },
    ]);
    expect(openEnded.path).toEqual(['subscriptions', 1, 'start']);
  });

  it('accepts back-to-back periods of one subscription and the realistic generator’s data', () => {
    expect(
      normalizeSubscriptionPeriods([
        { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-02-01', mrr: 1 },
        { customerId: 'a', subscriptionId: 's', start: '2024-02-01', mrr: 2 },
      ]),
    ).toHaveLength(2);
    fc.assert(
      fc.property(subscriptionPeriods(), (periods) => {
        expect(normalizeSubscriptionPeriods(periods)).toHaveLength(periods.length);
      }),
      { numRuns: 50 },
    );
  });

  it('reads ISO dates on its integer fast path exactly as toCalendarDate and toDayNumber do', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1000-01-01'), max: toDayNumber('9998-12-31') }), (day) => {
        const [row] = normalizeSubscriptionPeriods([{ customerId: 'a', start: fromDayNumber(day), mrr: 1 }]);
        expect(row!.startDay).toBe(day);
      }),
      { numRuns: 300 },
    );
    for (const bad of [
      '2023-02-29',
      '2024-04-31',
      '2024-1a-01',
      '0999-12-31',
      '9999-01-01',
      '2024-00-10',
      '2024-01-00',
      '2024/01/01',
    ]) {
      expect(errorOf([{ customerId: 'a', start: bad, mrr: 1 }])).toMatchObject({
        code: 'invalid_date',
        path: ['subscriptions', 0, 'start'],
      });
    }
    expect(
      normalizeSubscriptionPeriods([{ customerId: 'a', start: '2024-02-29', mrr: 1 }])[0]!.startDay,
    ).toBe(toDayNumber('2024-02-29'));
  });

  it('accepts Date and Decimal inputs beside strings and numbers', () => {
    const [row] = normalizeSubscriptionPeriods(
      [{ customerId: 'a', start: new Date('2024-01-31T20:00:00Z'), mrr: new Decimal('2.50') }],
      'Asia/Tokyo',
    );
    expect(row!.startDay).toBe(toDayNumber('2024-02-01'));
    expect(row!.mrr.toString()).toBe('2.5');
  });
});
