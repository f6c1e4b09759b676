import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/core/calendarDate.js';
import {
  kaplanMeier,
  survivalAt,
  type TimeToValueRecord,
  type TimeToValueResult,
  timeToValue,
} from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const ASOF = '2024-01-31';
const FIVE: TimeToValueRecord[] = [
  { customerId: 'a', start: '2024-01-01', reachedValueAt: '2024-01-05' }, // 4 days
  { customerId: 'b', start: '2024-01-01', reachedValueAt: '2024-01-11' }, // 10 days
  { customerId: 'c', start: '2024-01-01', reachedValueAt: '2024-01-21' }, // 20 days
  { customerId: 'd', start: '2024-01-03', reachedValueAt: null }, // censored at 28 days
  { customerId: 'e', start: '2024-01-21' }, // censored at 10 days
];

describe('timeToValue: worked examples', () => {
  it('censors customers without value at asOf and reads median, p75, p90 and shares from the curve', () => {
    const result = timeToValue(FIVE, { asOf: ASOF, withinUnits: [0, 7, 10, 28, 30] });
    expect(result.durations).toEqual([
      { customerId: 'a', start: '2024-01-01', duration: 4, reached: true },
      { customerId: 'b', start: '2024-01-01', duration: 10, reached: true },
      { customerId: 'c', start: '2024-01-01', duration: 20, reached: true },
      { customerId: 'd', start: '2024-01-03', duration: 28, reached: false },
      { customerId: 'e', start: '2024-01-21', duration: 10, reached: false },
    ]);
    // t=4: n=5, d=1 → S = 0.8; t=10: n=4, d=1 (e censored at 10 still at risk) → S = 0.6;
    // t=20: n=2, d=1 → S = 0.3; t=28: censored. Median: first S <= 0.5 at 20. S never <= 0.25 → p75, p90 null.
    const expected = [0.8, 0.6, 0.3, 0.3];
    result.curve.steps.forEach((step, index) => {
      expect(step.survival).toBeCloseTo(expected[index]!, 15);
    });
    expect([result.customers, result.reached, result.notReached]).toEqual([5, 3, 2]);
    expect([result.median, result.p75, result.p90]).toEqual([20, null, null]);
    // Dropping d and e: reached durations 4, 10, 20 → naive median 10, half the honest figure.
    expect(result.naiveMedian).toBe(10);
    // Shares 1 − S(N): N=0 → 0; 7 → 0.2; 10 → 0.4; 28 (last observation) → 0.7; 30 → past follow-up → null.
    expect(result.within.map((entry) => entry.units)).toEqual([0, 7, 10, 28, 30]);
    const shares = result.within.map((entry) => entry.share);
    expect(shares[0]).toBe(0);
    expect(shares[1]).toBeCloseTo(0.2, 15);
    expect(shares[2]).toBeCloseTo(0.4, 15);
    expect(shares[3]).toBeCloseTo(0.7, 15);
    expect(shares[4]).toBeNull();
    expect(result).toMatchObject({ asOf: ASOF, unit: 'day' });
  });

  it('shows the bias of dropping the not-yet-reached: many slow customers still waiting', () => {
    // Ten customers signed up on 2024-01-01; four reached value after 2, 3, 4 and 5 days, six still wait at
    // asOf (30 days). Naive median of 2, 3, 4, 5 = 3.5 days. Kaplan–Meier: S = 0.9, 0.8, 0.7, 0.6 and then flat at
    // 0.6 → the median is not reached at all: fewer than half the customers have reached value.
    const records: TimeToValueRecord[] = Array.from({ length: 10 }, (_, index) => ({
      customerId: `c${index}`,
      start: '2024-01-01',
      reachedValueAt: index < 4 ? fromDayNumber(toDayNumber('2024-01-01') + index + 2) : null,
    }));
    const result = timeToValue(records, { asOf: ASOF });
    expect(result.naiveMedian).toBe(3.5);
    expect(result.median).toBeNull();
    expect(result.within.map((entry) => entry.units)).toEqual([7, 14, 30, 90]);
    expect(result.within[0]!.share).toBeCloseTo(0.4, 15);
    expect(result.within[3]!.share).toBeNull();
  });

  it('treats value reached after asOf as not reached yet, censored at asOf', () => {
    const result = timeToValue([{ customerId: 'late', start: '2024-01-01', reachedValueAt: '2024-02-15' }], {
      asOf: ASOF,
    });
    expect(result.durations[0]).toMatchObject({ duration: 30, reached: false });
    expect(result.reached).toBe(0);
  });

  it('reports fractional weeks with unit "week" (days / 7) and weekly default horizons', () => {
    const result = timeToValue(FIVE, { asOf: ASOF, unit: 'week' });
    expect(result.durations.map((row) => row.duration)).toEqual([4 / 7, 10 / 7, 20 / 7, 4, 10 / 7]);
    expect(result.median).toBe(20 / 7);
    expect(result.within.map((entry) => entry.units)).toEqual([1, 2, 4, 13]);
    expect(result.unit).toBe('week');
  });

  it('groups customers into signup cohorts by month, quarter or week', () => {
    const records: TimeToValueRecord[] = [
      { customerId: 'jan', start: '2024-01-15', reachedValueAt: '2024-01-20' },
      { customerId: 'mar1', start: '2024-03-01', reachedValueAt: '2024-03-03' },
      { customerId: 'mar2', start: '2024-03-04' },
    ];
    const monthly = timeToValue(records, { asOf: '2024-03-10' });
    expect(
      monthly.cohorts.map((cohort) => [cohort.period, cohort.customers, cohort.reached, cohort.median]),
    ).toEqual([
      [{ start: '2024-01-01', end: '2024-02-01' }, 1, 1, 5],
      // mar1 reached after 2 days, mar2 censored at 6: S(2) = 1/2, flat to 6 → median (2 + 6)/2 = 4.
      [{ start: '2024-03-01', end: '2024-04-01' }, 2, 1, 4],
    ]);
    const quarterly = timeToValue(records, { asOf: '2024-03-10', granularity: 'quarter' });
    expect(quarterly.cohorts.map((cohort) => cohort.period.start)).toEqual(['2024-01-01']);
    // 2024-03-01 is a Friday and 2024-03-04 a Monday: Monday weeks split them, Sunday weeks too.
    const weekly = timeToValue(records, { asOf: '2024-03-10', granularity: 'week', weekStartsOn: 0 });
    expect(weekly.cohorts.map((cohort) => cohort.period.start)).toEqual([
      '2024-01-14',
      '2024-02-25',
      '2024-03-03',
    ]);
  });

  it('reads Date inputs in the timeZone option, so the machine time zone never matters', () => {
    // 2024-01-31T16:00Z is 2024-02-01 01:00 in Tokyo; 2024-02-10T14:59Z is 2024-02-10 23:59 there → 9 days.
    const dates = timeToValue(
      [
        {
          customerId: 'x',
          start: new Date('2024-01-31T16:00:00Z'),
          reachedValueAt: new Date('2024-02-10T14:59:00Z'),
        },
      ],
      { asOf: new Date('2024-02-29T15:30:00Z'), timeZone: 'Asia/Tokyo' },
    );
    const strings = timeToValue([{ customerId: 'x', start: '2024-02-01', reachedValueAt: '2024-02-10' }], {
      asOf: '2024-03-01',
    });
    expect(dates).toEqual(strings);
    expect(dates.durations[0]!.duration).toBe(9);
    // The same instants read in UTC are 2024-01-31 → 2024-02-10: 10 days, in the January cohort.
    const utc = timeToValue(
      [
        {
          customerId: 'x',
          start: new Date('2024-01-31T16:00:00Z'),
          reachedValueAt: new Date('2024-02-10T14:59:00Z'),
        },
      ],
      { asOf: new Date('2024-02-29T15:30:00Z'), timeZone: 'UTC' },
    );
    expect(utc.durations[0]!.duration).toBe(10);
    expect(utc.cohorts[0]!.period.start).toBe('2024-01-01');
    // With no timeZone at all the same instants name no calendar day: an error, not a guess.
    expect(() =>
      timeToValue([{ customerId: 'x', start: new Date('2024-01-31T16:00:00Z') }], { asOf: '2024-03-01' }),
    ).toThrow(expect.objectContaining({ code: 'ambiguous_date', path: ['records', 0, 'start'] }));
  });

  it('gives null quantiles and no cohorts for no records, and a 0-day duration for value on day one', () => {
    const empty = timeToValue([], { asOf: ASOF });
    expect(empty).toMatchObject({
      customers: 0,
      median: null,
      naiveMedian: null,
      cohorts: [],
      durations: [],
    });
    const sameDay = timeToValue([{ customerId: 'a', start: ASOF, reachedValueAt: ASOF }], { asOf: ASOF });
    expect(sameDay.durations[0]).toMatchObject({ duration: 0, reached: true });
    expect(sameDay.median).toBe(0);
  });

  it('passes confidence and method to the curve', () => {
    const result = timeToValue(FIVE, { asOf: ASOF, confidence: 0.9, method: 'plain' });
    expect(result.curve).toMatchObject({ confidence: 0.9, method: 'plain' });
  });
});

const DAY0 = toDayNumber('2024-01-01');
const ASOF_DAY = toDayNumber('2024-03-31');
const recordsArb: fc.Arbitrary<TimeToValueRecord[]> = fc
  .array(
    fc.record({
      startOffset: fc.integer({ min: 0, max: ASOF_DAY - DAY0 }),
      wait: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map(({ startOffset, wait }, index) => ({
      customerId: `c${index}`,
      start: fromDayNumber(DAY0 + startOffset),
      reachedValueAt: wait === null ? null : fromDayNumber(DAY0 + startOffset + wait),
    })),
  );

function summaryOf(result: TimeToValueResult) {
  const { durations: _, ...rest } = result;
  return rest;
}

describe('timeToValue: properties', () => {
  it('is the Kaplan–Meier curve of its durations, with shares 1 − S(N), for any customers', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const result = timeToValue(records, { asOf: '2024-03-31', withinUnits: [5, 30] });
        const curve = kaplanMeier(
          result.durations.map((row) => ({ duration: row.duration, event: row.reached })),
        );
        expect(result.curve).toEqual(curve);
        expect(result.median).toBe(curve.median);
        for (const entry of result.within) {
          const survival = survivalAt(curve, entry.units);
          expect(entry.share).toBe(survival === null ? null : 1 - survival);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('splits customers into cohorts that add up to the whole, whatever the order of the records', () => {
    fc.assert(
      fc.property(
        recordsArb.chain((records) =>
          fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length })),
        ),
        ([records, shuffled]) => {
          const result = timeToValue(records, { asOf: '2024-03-31' });
          const total = (key: 'customers' | 'reached') =>
            result.cohorts.reduce((sum, cohort) => sum + cohort[key], 0);
          expect(total('customers')).toBe(result.customers);
          expect(total('reached')).toBe(result.reached);
          expect(summaryOf(timeToValue(shuffled, { asOf: '2024-03-31' }))).toEqual(summaryOf(result));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('reports weekly quantiles as the daily ones divided by 7', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const days = timeToValue(records, { asOf: '2024-03-31' });
        const weeks = timeToValue(records, { asOf: '2024-03-31', unit: 'week' });
        for (const key of ['median', 'p75', 'p90', 'naiveMedian'] as const) {
          if (days[key] === null) expect(weeks[key]).toBeNull();
          else expect(weeks[key]).toBeCloseTo(days[key]! / 7, 12);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('never reports a naive median above the honest one when every waiting customer has waited longer than any who reached value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 15 }),
        fc.array(fc.integer({ min: 31, max: 80 }), { maxLength: 15 }),
        (reachedAfter, waitingFor) => {
          const asOf = '2024-06-30';
          const asOfDay = toDayNumber(asOf);
          const records: TimeToValueRecord[] = [
            ...reachedAfter.map((wait, index) => ({
              customerId: `r${index}`,
              start: fromDayNumber(asOfDay - 90),
              reachedValueAt: fromDayNumber(asOfDay - 90 + wait),
            })),
            ...waitingFor.map((wait, index) => ({
              customerId: `w${index}`,
              start: fromDayNumber(asOfDay - wait),
            })),
          ];
          const result = timeToValue(records, { asOf });
          expect(result.naiveMedian).not.toBeNull();
          if (result.median !== null) expect(result.naiveMedian!).toBeLessThanOrEqual(result.median);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('timeToValue: bad input', () => {
  const ok = { customerId: 'a', start: '2024-01-01' };
  it('names the record and field of every kind of bad record', () => {
    expect(errorOf(() => timeToValue('x' as never, { asOf: ASOF }))).toMatchObject({ path: ['records'] });
    expect(errorOf(() => timeToValue([null as never], { asOf: ASOF }))).toMatchObject({
      path: ['records', 0],
    });
    expect(errorOf(() => timeToValue([{ ...ok, customerId: '' }], { asOf: ASOF }))).toMatchObject({
      code: 'invalid_type',
      path: ['records', 0, 'customerId'],
    });
    const duplicate = errorOf(() => timeToValue([ok, { ...ok }], { asOf: ASOF }));
    expect(duplicate).toMatchObject({ code: 'invalid_value', path: ['records', 1, 'customerId'] });
    expect(duplicate.message).toBe(
      'records[1].customerId "a" repeats records[0]: each customer appears once',
    );
    expect(errorOf(() => timeToValue([{ ...ok, start: '2024-02-30' }], { asOf: ASOF }))).toMatchObject({
      code: 'invalid_date',
      path: ['records', 0, 'start'],
    });
    const late = errorOf(() => timeToValue([{ ...ok, start: '2024-02-01' }], { asOf: ASOF }));
    expect(late).toMatchObject({ code: 'out_of_range', path: ['records', 0, 'start'] });
    expect(late.message).toBe('records[0].start (2024-02-01) is after asOf (2024-01-31)');
    const backwards = errorOf(() => timeToValue([{ ...ok, reachedValueAt: '2023-12-31' }], { asOf: ASOF }));
    expect(backwards).toMatchObject({ code: 'end_before_start', path: ['records', 0, 'reachedValueAt'] });
    expect(backwards.message).toBe('records[0].reachedValueAt (2023-12-31) is before start (2024-01-01)');
    expect(errorOf(() => timeToValue([{ ...ok, reachedValueAt: 5 as never }], { asOf: ASOF }))).toMatchObject(
      {
        code: 'invalid_date',
        path: ['records', 0, 'reachedValueAt'],
      },
    );
  });

  it('names every bad option', () => {
    expect(errorOf(() => timeToValue([ok], null as never))).toMatchObject({ path: ['options'] });
    expect(errorOf(() => timeToValue([ok], {} as never))).toMatchObject({
      code: 'invalid_date',
      path: ['options', 'asOf'],
    });
    expect(errorOf(() => timeToValue([ok], { asOf: ASOF, unit: 'month' as never }))).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'unit'],
    });
    expect(errorOf(() => timeToValue([ok], { asOf: ASOF, granularity: 'decade' as never }))).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'granularity'],
    });
    expect(errorOf(() => timeToValue([ok], { asOf: ASOF, timeZone: 'Mars/Base' }))).toMatchObject({
      code: 'invalid_time_zone',
      path: ['options', 'timeZone'],
    });
    expect(errorOf(() => timeToValue([ok], { asOf: ASOF, withinUnits: [7, -1] }))).toMatchObject({
      code: 'negative_amount',
      path: ['options', 'withinUnits', 1],
    });
    expect(errorOf(() => timeToValue([ok], { asOf: ASOF, confidence: 2 }))).toMatchObject({
      code: 'out_of_range',
      path: ['options', 'confidence'],
    });
  });

  it('returns number | null for every quantile', () => {
    expectTypeOf<TimeToValueResult['median']>().toEqualTypeOf<number | null>();
    expectTypeOf<TimeToValueResult['naiveMedian']>().toEqualTypeOf<number | null>();
    expectTypeOf(timeToValue).returns.toEqualTypeOf<TimeToValueResult>();
  });
});
