// Run by machineTimeZone.test.ts in a child process whose TZ is set before any Date exists: builds Dates the way
// users do (new Date(y, m, d), node-postgres DATE values: local midnight) and prints what every reader made of
// them, as JSON on stdout. No assertions here: the parent test judges the output.
import pg from 'pg';
import { toCalendarDate } from '../../src/core/calendarDate.js';
import { MetricInputError } from '../../src/core/errors.js';
import { periodOf } from '../../src/core/periods.js';
import { netPromoterScoreByPeriod } from '../../src/nps/netPromoterScoreByPeriod.js';
import { cohortRetention } from '../../src/revenue/cohortRetention.js';
import { mrrMovements } from '../../src/revenue/mrrMovements.js';
import { trailingNetRevenueRetention } from '../../src/revenue/trailingNetRevenueRetention.js';
import { timeToValue } from '../../src/time-to-value/timeToValue.js';

const parsePgDate = pg.types.getTypeParser(1082) as (text: string) => Date;
const machineZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
// Month starts (what the readers bucket by), DST change days of both hemispheres, a leap day, year ends.
const DAYS = [
  '2024-01-01',
  '2024-02-29',
  '2024-03-10',
  '2024-03-31',
  '2024-10-27',
  '2024-11-03',
  '2024-12-31',
  '1999-12-31',
  '2038-01-19',
];

type Outcome = { day: string } | { code: string; message: string } | { thrown: string };

function outcome(read: () => string): Outcome {
  try {
    return { day: read() };
  } catch (error) {
    if (error instanceof MetricInputError) return { code: error.code, message: error.message };
    return { thrown: String(error) };
  }
}

// Each reader maps one Date (meant as `iso`) to the calendar day it booked, under options `zone`.
const readers: Record<string, (date: Date, zone: { timeZone?: string }) => string> = {
  toCalendarDate: (date, zone) => toCalendarDate(date, ['date'], zone.timeZone),
  periodOfDay: (date, zone) => periodOf(date, { granularity: 'day', ...zone }).start,
  mrrMovementsStart: (date, zone) =>
    mrrMovements([{ customerId: 'a', start: date, mrr: 10 }], { granularity: 'day', ...zone }).customers[0]!
      .periodStart,
  mrrMovementsTo: (date, zone) => {
    const rows = mrrMovements([{ customerId: 'a', start: '1990-01-01', mrr: 10 }], {
      granularity: 'day',
      from: date,
      to: date,
      ...zone,
    }).periods;
    return rows[rows.length - 1]!.start;
  },
  cohortStart: (date, zone) =>
    cohortRetention([{ customerId: 'a', start: date, mrr: 10 }], { granularity: 'day', ...zone }).cohorts[0]!
      .cohortStart,
  npsAt: (date, zone) =>
    netPromoterScoreByPeriod([{ score: 9, at: date }], { granularity: 'day', ...zone })[0]!.start,
  trailingAsOf: (date, zone) => trailingNetRevenueRetention([], { asOf: date, months: 1, ...zone }).asOf,
  timeToValueStart: (date, zone) =>
    timeToValue([{ customerId: 'a', start: date }], {
      asOf: '2099-01-01',
      granularity: 'day',
      ...zone,
    }).cohorts[0]!.period.start,
};

const results = [];
for (const iso of DAYS) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const built = { localConstructor: new Date(y, m - 1, d), nodePostgres: parsePgDate(iso) };
  for (const [how, date] of Object.entries(built)) {
    for (const [zoneName, zone] of Object.entries({
      none: {},
      machine: { timeZone: machineZone },
      utc: { timeZone: 'UTC' },
    })) {
      for (const [reader, read] of Object.entries(readers)) {
        results.push({ iso, how, zone: zoneName, reader, outcome: outcome(() => read(date, zone)) });
      }
    }
  }
}
process.stdout.write(
  JSON.stringify({
    machineZone,
    offsetMinutes: new Date(2024, 0, 1).getTimezoneOffset(),
    results,
  }),
);
