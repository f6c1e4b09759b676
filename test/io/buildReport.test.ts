import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/core/calendarDate.js';
import { MetricInputError } from '../../src/core/errors.js';
import { toDecimal } from '../../src/core/numeric.js';
import { GRANULARITIES } from '../../src/core/types.js';
import { buildReport, type Report } from '../../src/io/index.js';
import { toMonthlyChurn } from '../../src/io/internal/monthlyChurn.js';
import { mrrMovements } from '../../src/revenue/mrrMovements.js';
import { generateSampleData } from '../../src/sample/generateSampleData.js';
import { subscriptionPeriods } from '../arbitraries.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return error as MetricInputError;
  }
  throw new Error('expected a MetricInputError');
}

// The last day subscriptions cover: their latest start or end date.
function lastDayOf(periods: readonly { start: unknown; end?: unknown }[]): string {
  return periods
    .flatMap((row) => [
      String(row.start),
      ...(row.end === undefined || row.end === null ? [] : [String(row.end)]),
    ])
    .sort()
    .at(-1)!;
}

describe('buildReport: as of the last day of the data', () => {
  it('measures on the latest start or end date and marks a last period cut short as partial', () => {
    // b leaves on 2024-03-01, the latest date: March is measured on its first day only.
    const report = buildReport(
      {
        subscriptions: [
          { customerId: 'a', start: '2024-01-01', mrr: 100 },
          { customerId: 'b', start: '2024-01-01', end: '2024-03-01', mrr: 50 },
        ],
      },
      { granularity: 'quarter' },
    );
    expect(report.asOf).toBe('2024-03-01');
    expect(report.periods.map((row) => [row.start, row.partial])).toEqual([['2024-01-01', true]]);
    expect(String(report.summary.mrr)).toBe('100');
  });

  it('reads subscriptions as known on an earlier asOf: later starts left out, later ends still active', () => {
    const subscriptions = [
      { customerId: 'a', start: '2024-01-01', mrr: 100 },
      { customerId: 'b', start: '2024-01-10', end: '2024-01-20', mrr: 50 },
      { customerId: 'c', start: '2024-01-25', mrr: 10 },
    ];
    const report = buildReport({ subscriptions }, { asOf: '2024-01-15' });
    // On 2024-01-15 a and b pay (150); c has not started; b's end on the 20th has not happened yet.
    expect(report.periods).toHaveLength(1);
    expect(report.periods[0]).toMatchObject({
      start: '2024-01-01',
      partial: true,
      endingCustomers: 2,
      churnedCustomers: 0,
    });
    expect(String(report.summary.mrr)).toBe('150');
    // The whole month, measured on its last day, is not partial and sees b leave and c arrive.
    const full = buildReport({ subscriptions }, { asOf: '2024-01-31' });
    expect(full.periods[0]).toMatchObject({ partial: false, endingCustomers: 2 });
    expect(String(full.summary.mrr)).toBe('110');
  });

  it("names the caller's row when a metric rejects one, even after rows starting later were left out", () => {
    const error = errorOf(() =>
      buildReport(
        {
          subscriptions: [
            { customerId: 'late', start: '2024-06-01', mrr: 1 },
            { customerId: 'a', start: '2024-01-01', mrr: -1 },
          ],
        },
        { asOf: '2024-03-31' },
      ),
    );
    expect(error.path).toEqual(['subscriptions', 1, 'mrr']);
    expect(
      errorOf(() => buildReport({ subscriptions: [{ customerId: 'a', start: '2024-13-01', mrr: 1 }] })).path,
    ).toEqual(['subscriptions', 0, 'start']);
  });

  it('rejects unknown or bad options', () => {
    const input = { subscriptions: [{ customerId: 'a', start: '2024-01-01', mrr: 1 }] };
    expect(errorOf(() => buildReport(input, { to: '2024-01-01' } as never)).code).toBe('unknown_field');
    expect(errorOf(() => buildReport(input, { granularity: 'fortnight' as never })).path).toEqual([
      'options',
      'granularity',
    ]);
    expect(errorOf(() => buildReport(input, { asOf: '2024-02-30' })).path).toEqual(['options', 'asOf']);
    expect(errorOf(() => buildReport(input, { from: '2024-02-01', asOf: '2024-01-31' })).path).toEqual([
      'options',
      'from',
    ]);
    expect(errorOf(() => buildReport(input, { grossMargin: 2 })).path).toEqual(['options', 'grossMargin']);
    expect(errorOf(() => buildReport(input, { cohortPeriods: 0 })).path).toEqual([
      'options',
      'cohortPeriods',
    ]);
    expect(errorOf(() => buildReport(input, { trailingChurnMonths: 0 })).path).toEqual([
      'options',
      'trailingChurnMonths',
    ]);
    expect(errorOf(() => buildReport(null as never)).code).toBe('invalid_type');
  });

  it('gives an empty report without subscriptions', () => {
    const report = buildReport({ subscriptions: [] });
    expect([report.asOf, report.periods, report.summary.lifetimeValue, report.cohorts]).toEqual([
      null,
      [],
      null,
      null,
    ]);
  });

  it('measures every granularity within the data, on the same day, for any subscriptions', () => {
    fc.assert(
      fc.property(subscriptionPeriods(8), (subscriptions) => {
        fc.pre(subscriptions.length > 0);
        const lastDay = lastDayOf(subscriptions);
        const reports = GRANULARITIES.map((granularity) => buildReport({ subscriptions }, { granularity }));
        for (const report of reports) {
          expect(report.asOf).toBe(lastDay);
          const last = report.periods.at(-1)!;
          // The last period holds asOf, and is partial exactly when it runs on past it.
          expect(last.start <= lastDay && toDayNumber(last.end) > toDayNumber(lastDay)).toBe(true);
          expect(last.partial).toBe(toDayNumber(last.end) - 1 > toDayNumber(lastDay));
          expect(report.periods.slice(0, -1).every((row) => !row.partial)).toBe(true);
          // Point-in-time figures do not depend on the granularity.
          expect(String(report.summary.mrr)).toBe(String(reports[2]!.summary.mrr));
          expect(String(report.summary.trailingNetRevenueRetention)).toBe(
            String(reports[2]!.summary.trailingNetRevenueRetention),
          );
        }
      }),
      // Five reports per run, the daily one over about two years of days.
      { numRuns: 20 },
    );
  }, 60_000);
});

describe('buildReport: LTV in one unit (per month) at every granularity', () => {
  const ltvOf = (report: Report) => report.summary.lifetimeValue;

  it('is the monthly LTV at day, week, quarter and year for the built-in sample data', () => {
    const data = generateSampleData();
    const { currency } = data;
    const monthly = buildReport(data, { currency });
    // ARPA 162.49 USD per month over average monthly churn 4.14 % (May–Oct 2026).
    expect(monthly.summary.lifetimeValue!.toFixed(2)).toBe('3920.24');
    for (const granularity of ['day', 'week', 'quarter', 'year'] as const) {
      const report = buildReport(data, { granularity, currency });
      expect(report.asOf).toBe('2026-10-31');
      expect(ltvOf(report)!.toFixed(2)).toBe('3920.24');
      expect(report.summary.churnWindow).toMatchObject({
        granularity: 'month',
        periods: 6,
        from: '2026-05-01',
      });
    }
  });

  it('stays within a factor of 2 of the monthly LTV (in fact equal) for random sample data', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 40, max: 160 }),
        fc.integer({ min: 8, max: 30 }),
        (seed, customers, months) => {
          const data = generateSampleData({ seed, customers, months });
          const { currency } = data;
          const monthly = buildReport(data, { currency });
          for (const granularity of ['day', 'week', 'quarter', 'year'] as const) {
            const report = buildReport(data, { granularity, currency });
            // The as-of day is within the data whatever the granularity.
            expect(report.asOf).toBe(monthly.asOf);
            expect(report.asOf! < data.asOf).toBe(true);
            const [a, b] = [ltvOf(report), ltvOf(monthly)];
            expect(a === null).toBe(b === null);
            if (a !== null && b !== null) {
              expect(a.dividedBy(b).toNumber()).toBeGreaterThanOrEqual(0.5);
              expect(a.dividedBy(b).toNumber()).toBeLessThanOrEqual(2);
              expect(a.equals(b)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 60_000);

  it('converts the churn of a movements table at another granularity: 1 − (1 − q)^(1/L)', () => {
    // 1000 customers paying 10 from December 2023; 271 leave on 2024-02-01. Q1 2024 churn q = 271/1000, and
    // 1 − (1 − 0.271)^(1/3) = 1 − 0.729^(1/3) = 1 − 0.9 = 0.1 a month: LTV = ARPA 10 / 0.1 = 100.
    const subscriptions = Array.from({ length: 1000 }, (_, index) => ({
      customerId: `c${String(index).padStart(4, '0')}`,
      start: '2023-12-01',
      end: index < 271 ? '2024-02-01' : null,
      mrr: 10,
    }));
    const movements = mrrMovements(subscriptions, { granularity: 'quarter', to: '2024-03-31' }).periods;
    const report = buildReport({ movements }, { granularity: 'quarter' });
    expect(report.summary.churnWindow).toMatchObject({
      granularity: 'quarter',
      periods: 1,
      from: '2024-01-01',
    });
    expect(report.summary.monthlyCustomerChurnRate!.toDecimalPlaces(30).toString()).toBe('0.1');
    expect(report.summary.lifetimeValue!.toDecimalPlaces(25).toString()).toBe('100');
    // With the monthly table of the same data, churn is measured on months instead: Jan 0, Feb 0.271, Mar 0.
    const monthlyMovements = mrrMovements(subscriptions, { to: '2024-03-31' }).periods;
    const measured = buildReport({ movements, monthlyMovements }, { granularity: 'quarter' });
    expect(measured.summary.churnWindow).toMatchObject({ granularity: 'month', periods: 3 });
    expect(measured.summary.monthlyCustomerChurnRate!.toString()).toBe(
      toDecimal(0.271).dividedBy(3).toString(),
    );
  });

  it('converts churn exactly at the ends and by compounding in between', () => {
    expect(toMonthlyChurn(toDecimal(0), toDecimal(12)).toString()).toBe('0');
    expect(toMonthlyChurn(toDecimal(1), toDecimal(12)).toString()).toBe('1');
    expect(toMonthlyChurn(toDecimal('0.05'), toDecimal(1)).toString()).toBe('0.05');
    fc.assert(
      // q with 30 decimal places: inputs have at most 60 (a double such as 5e-324 has more).
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(3, 12), (double, months) => {
        const q = toDecimal(double.toFixed(30));
        const monthly = toMonthlyChurn(q, toDecimal(months));
        // Compounded back over the period, the monthly rate loses the same share: (1 − m)^L = 1 − q.
        const back = toDecimal(1).minus(toDecimal(1).minus(monthly).pow(months));
        expect(back.minus(q).abs().toNumber()).toBeLessThan(1e-30);
        expect(monthly.greaterThanOrEqualTo(0) && monthly.lessThanOrEqualTo(1)).toBe(true);
      }),
    );
  });
});
