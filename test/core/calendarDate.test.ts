import { addMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertTimeZone } from '../../src/core/internal/isoDayNumber.js';
import {
  addCalendarMonths,
  fromDayNumber,
  MetricInputError,
  toCalendarDate,
  toDayNumber,
} from '../../src/index.js';

describe('toCalendarDate', () => {
  it('keeps valid ISO date strings as they are', () => {
    expect(toCalendarDate('2024-02-29')).toBe('2024-02-29');
  });

  it('rejects impossible dates and other formats with the field name', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '2024-01-01T00:00:00Z', '', '0999-01-01']) {
      expect(() => toCalendarDate(bad, ['subscriptions', 0, 'start'])).toThrow(MetricInputError);
    }
    expect(() => toCalendarDate(new Date(Number.NaN))).toThrow(/valid Date/);
    expect(() => toCalendarDate(20240101)).toThrow(MetricInputError);
  });

  it('reads a Date in the given time zone, not the machine’s', () => {
    const instant = new Date('2024-01-01T05:00:00Z');
    expect(toCalendarDate(instant, [], 'UTC')).toBe('2024-01-01');
    expect(toCalendarDate(new Date('2024-01-01T00:00:00Z'))).toBe('2024-01-01');
    expect(toCalendarDate(instant, [], 'Pacific/Honolulu')).toBe('2023-12-31');
    expect(toCalendarDate(new Date('2024-01-01T20:00:00Z'), [], 'Asia/Tokyo')).toBe('2024-01-02');
  });

  it('rejects unknown time zones', () => {
    expect(() => toCalendarDate(new Date(0), [], 'Mars/Olympus')).toThrow(/IANA time zone/);
    expect(() => assertTimeZone('')).toThrow(MetricInputError);
    expect(() => assertTimeZone(5)).toThrow(MetricInputError);
  });

  it('round-trips day numbers and ISO strings for any date in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1000-01-01'), max: toDayNumber('9998-12-31') }), (day) => {
        const iso = fromDayNumber(day);
        expect(toCalendarDate(iso)).toBe(iso);
        expect(toDayNumber(iso)).toBe(day);
      }),
    );
  });

  it('agrees with the UTC calendar day of a Date for UTC', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (date) => {
          expect(toCalendarDate(date, [], 'UTC')).toBe(date.toISOString().slice(0, 10));
        },
      ),
    );
  });

  it('without a timeZone, reads a Date at midnight UTC and refuses any other instant, for any Date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (date) => {
          const midnight = date.getTime() % 86_400_000 === 0;
          if (midnight) expect(toCalendarDate(date)).toBe(date.toISOString().slice(0, 10));
          else {
            expect(() => toCalendarDate(date, ['periods', 0, 'start'])).toThrow(
              expect.objectContaining({ code: 'ambiguous_date', path: ['periods', 0, 'start'] }),
            );
          }
        },
      ),
    );
  });

  it('says what to pass for a Date that is not midnight UTC', () => {
    let error: unknown;
    try {
      toCalendarDate(new Date('2023-12-31T15:00:00Z'), ['periods', 0, 'start']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MetricInputError);
    expect((error as MetricInputError).message).toBe(
      'periods[0].start is a Date at 2023-12-31T15:00:00.000Z, not midnight UTC, so its calendar day depends on a ' +
        "time zone: pass the day as a 'YYYY-MM-DD' string, or pass the timeZone option naming the zone the Date " +
        "was built in (new Date(y, m, d) and node-postgres DATE values are midnight of the machine's zone: " +
        "timeZone: 'Asia/Tokyo' on a machine in Tokyo); with timeZone: 'UTC' this Date is 2023-12-31",
    );
  });

  it('reads Dates in zones on both sides of UTC and across a DST change', () => {
    expect(toCalendarDate(new Date('2024-03-10T07:30:00Z'), [], 'America/Los_Angeles')).toBe('2024-03-09');
    expect(toCalendarDate(new Date('2024-03-10T08:30:00Z'), [], 'America/Los_Angeles')).toBe('2024-03-10');
    expect(toCalendarDate(new Date('2024-06-30T22:30:00Z'), [], 'Asia/Kolkata')).toBe('2024-07-01');
    expect(toCalendarDate(new Date('2024-06-30T22:30:00Z'), [], 'Pacific/Kiritimati')).toBe('2024-07-01');
    expect(() => toCalendarDate(new Date('0500-01-01T00:00:00Z'))).toThrow(MetricInputError);
  });
});

describe('addCalendarMonths', () => {
  it('clamps to the end of shorter months', () => {
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addCalendarMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addCalendarMonths('2024-01-15', -13)).toBe('2022-12-15');
  });

  it('agrees with date-fns addMonths on local dates, for any date and offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2060-12-31') }),
        fc.integer({ min: -240, max: 240 }),
        (day, months) => {
          const iso = fromDayNumber(day);
          const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
          const expected = addMonths(new Date(y, m - 1, d), months);
          const expectedIso = `${expected.getFullYear()}-${String(expected.getMonth() + 1).padStart(2, '0')}-${String(expected.getDate()).padStart(2, '0')}`;
          expect(addCalendarMonths(iso, months)).toBe(expectedIso);
        },
      ),
    );
  });
});
