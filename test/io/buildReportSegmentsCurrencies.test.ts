import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/io/index.js';
import { mrrMovements } from '../../src/revenue/mrrMovements.js';
import { segmentMrrMovements } from '../../src/revenue/segmentMrrMovements.js';
import { generateSampleData } from '../../src/sample/generateSampleData.js';
import { errorOf } from '../support/errorOf.js';

// The worked examples of docs/segments-and-currencies.md, through the report.
const plain = (rows: readonly object[], keys: readonly string[]) =>
  rows.map((row) => keys.map((key) => String((row as Record<string, unknown>)[key])));

describe('buildReport: segments', () => {
  // a: Starter 50 from Jan, moves to Growth 200 on Feb 10; b: Growth 200 Jan–Feb; c: Starter 50 from Feb 5.
  const subscriptions = [
    { customerId: 'a', start: '2024-01-01', end: '2024-02-10', mrr: 50, segment: 'Starter' },
    { customerId: 'a', start: '2024-02-10', mrr: 200, segment: 'Growth' },
    { customerId: 'b', start: '2024-01-01', end: '2024-03-01', mrr: 200, segment: 'Growth' },
    { customerId: 'c', start: '2024-02-05', mrr: 50, segment: 'Starter' },
  ];
  const keys = [
    'start',
    'newMrr',
    'expansionMrr',
    'churnedMrr',
    'transferInMrr',
    'transferOutMrr',
    'endingMrr',
  ];

  it('books a migration as a transfer out of one plan and in to the other, reconciling with the total', () => {
    const report = buildReport({ subscriptions }, { asOf: '2024-03-31', segments: 'include' });
    expect(report.segments!.map((s) => s.segment)).toEqual(['Growth', 'Starter']);
    const [growth, starter] = report.segments!;
    expect(plain(starter!.periods, keys)).toEqual([
      ['2024-01-01', '50', '0', '0', '0', '0', '50'],
      ['2024-02-01', '50', '0', '0', '0', '50', '50'],
      ['2024-03-01', '0', '0', '0', '0', '0', '50'],
    ]);
    expect(plain(growth!.periods, keys)).toEqual([
      ['2024-01-01', '200', '0', '0', '0', '0', '200'],
      ['2024-02-01', '0', '0', '0', '200', '0', '400'],
      ['2024-03-01', '0', '0', '200', '0', '0', '200'],
    ]);
    expect(plain(report.periods, ['newMrr', 'expansionMrr', 'churnedMrr', 'endingMrr'])).toEqual([
      ['250', '0', '0', '250'],
      ['50', '150', '0', '450'],
      ['0', '0', '200', '250'],
    ]);
    // Customers: Starter 1 + 1 new − 1 out = 1, Growth 1 + 1 in = 2: the total's 3.
    expect(report.segments!.map((s) => s.periods[1]!.endingCustomers)).toEqual([2, 1]);
    expect([
      starter!.periods[1]!.transferredOutCustomers,
      growth!.periods[1]!.transferredInCustomers,
    ]).toEqual([1, 1]);
  });

  it('adds up to the total for the sample data: starting, ending, new, churned, reactivation; net expansion', () => {
    const data = generateSampleData({ customers: 120, months: 18 });
    const report = buildReport(data, { currency: data.currency, segments: 'include' });
    report.periods.forEach((total, index) => {
      const rows = report.segments!.map((segment) => segment.periods[index]!);
      for (const key of ['startingMrr', 'endingMrr', 'newMrr', 'churnedMrr', 'reactivationMrr'] as const) {
        const sum = rows.reduce((acc, row) => acc.plus(row[key]), total[key].minus(total[key]));
        expect(sum.equals(total[key]), `${key} ${total.start}`).toBe(true);
      }
      const net = rows.reduce(
        (acc, row) =>
          acc
            .plus(row.expansionMrr)
            .minus(row.contractionMrr)
            .plus(row.transferInMrr)
            .minus(row.transferOutMrr),
        total.endingMrr.minus(total.endingMrr),
      );
      expect(net.equals(total.expansionMrr.minus(total.contractionMrr)), total.start).toBe(true);
    });
  });

  it("books paidToFree 'contraction' as transfers between segments, or as contraction within one (the guide)", () => {
    // d pays 200 on Growth in January, then holds a free row (on a Free plan, or on Growth itself).
    const february = (freeSegment: string) =>
      segmentMrrMovements(
        [
          { customerId: 'd', start: '2024-01-01', end: '2024-02-01', mrr: 200, segment: 'Growth' },
          { customerId: 'd', start: '2024-02-01', mrr: 0, segment: freeSegment },
        ],
        { paidToFree: 'contraction', to: '2024-02-29' },
      ).segments.map(({ segment, periods }) => [
        segment,
        ...plain([periods[1]!], ['contractionMrr', 'transferInMrr', 'transferOutMrr', 'endingCustomers'])[0]!,
      ]);
    expect(february('Free')).toEqual([
      ['Free', '0', '0', '0', '1'],
      ['Growth', '0', '0', '200', '0'],
    ]);
    expect(february('Growth')).toEqual([['Growth', '200', '0', '0', '1']]);
  });

  it('names the row without a segment, and leaves segments null when not asked or from a movements table', () => {
    const error = errorOf(() =>
      buildReport(
        { subscriptions: [...subscriptions, { customerId: 'd', start: '2024-01-01', mrr: 1 }] },
        {
          segments: 'include',
        },
      ),
    );
    expect(error.path).toEqual(['subscriptions', 4, 'segment']);
    expect(buildReport({ subscriptions }).segments).toBeNull();
    const movements = mrrMovements(subscriptions, { to: '2024-03-31' }).periods;
    expect(buildReport({ movements }, { segments: 'include' }).segments).toBeNull();
    expect(errorOf(() => buildReport({ subscriptions }, { segments: 'yes' as never })).path).toEqual([
      'options',
      'segments',
    ]);
  });
});

describe('buildReport: currencies', () => {
  // berlin pays EUR 100 from Jan 15 and EUR 150 from Mar 10; EUR is 1.10 USD in January, 1.20 in February,
  // 1.00 from March.
  const subscriptions = [
    { customerId: 'berlin', start: '2024-01-15', end: '2024-03-10', mrr: 100, currency: 'EUR' },
    { customerId: 'berlin', start: '2024-03-10', mrr: 150, currency: 'EUR' },
  ];
  const rates = [
    { currency: 'EUR', date: '2024-01-01', rate: '1.10' },
    { currency: 'EUR', date: '2024-02-01', rate: '1.20' },
    { currency: 'EUR', date: '2024-03-01', rate: '1.00' },
  ];
  const keys = ['newMrr', 'expansionMrr', 'fxImpactMrr', 'endingMrr'];

  it('converts each row at its start rate under periodStart: expansion 150 × 1.00 − 100 × 1.10 = 40', () => {
    const report = buildReport(
      { subscriptions },
      { asOf: '2024-03-31', currency: { reporting: 'USD', rates } },
    );
    expect(report.currency).toEqual({ reporting: 'USD', rateDate: 'periodStart' });
    expect(plain(report.periods, keys)).toEqual([
      ['110', '0', '0', '110'],
      ['0', '0', '0', '110'],
      ['0', '40', '0', '150'],
    ]);
    expect(report.summary.mrr!.toString()).toBe('150');
  });

  it('revalues at each snapshot under snapshot: fx +10 then −20, expansion (150 − 100) × 1.00 = 50', () => {
    const currency = { reporting: 'USD', rates, rateDate: 'snapshot' } as const;
    const report = buildReport({ subscriptions }, { asOf: '2024-03-31', currency });
    expect(report.currency).toEqual({ reporting: 'USD', rateDate: 'snapshot' });
    expect(plain(report.periods, keys)).toEqual([
      ['110', '0', '0', '110'],
      ['0', '0', '10', '120'],
      ['0', '50', '-20', '150'],
    ]);
  });

  it('measures trailing NRR at the start rates, or in constant currency (the as-of rates) under snapshot', () => {
    // EUR 100 from 2023-01-01, EUR 150 from 2023-06-01; EUR is 1 USD, then 2 USD from 2023-06-01.
    // periodStart: 100 × 1 a year ago, 150 × 2 now: NRR 3. snapshot: both days at 2: 300 / 200 = 1.5, the EUR NRR.
    const rows = [
      { customerId: 'x', start: '2023-01-01', end: '2023-06-01', mrr: 100, currency: 'EUR' },
      { customerId: 'x', start: '2023-06-01', mrr: 150, currency: 'EUR' },
    ];
    const moves = [
      { currency: 'EUR', date: '2023-01-01', rate: 1 },
      { currency: 'EUR', date: '2023-06-01', rate: 2 },
    ];
    const asOf = '2024-01-31';
    const nrr = (rateDate: 'periodStart' | 'snapshot') =>
      buildReport(
        { subscriptions: rows },
        { asOf, currency: { reporting: 'USD', rates: moves, rateDate } },
      ).summary.trailingNetRevenueRetention!.toString();
    expect([nrr('periodStart'), nrr('snapshot')]).toEqual(['3', '1.5']);
  });

  it('equals the single-currency report on rows converted beforehand when rates never change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const data = generateSampleData({ seed, customers: 40, months: 12 });
        const constant = [{ currency: 'EUR', date: '2000-01-01', rate: '1.25' }];
        // In ten-thousandths of a dollar, exact: cents × 125 (EUR at 1.25) or cents × 100 (USD).
        const converted = data.subscriptions.map(({ currency, mrr, ...row }) => ({
          ...row,
          mrr: (BigInt(String(mrr).replace('.', '')) * (currency === 'EUR' ? 125n : 100n)).toString(),
        }));
        const scaled = buildReport({ ...data, subscriptions: converted });
        for (const rateDate of ['periodStart', 'snapshot'] as const) {
          const report = buildReport(data, { currency: { reporting: 'USD', rates: constant, rateDate } });
          // Every money figure of the scaled report is 10,000 times the converted one.
          expect(report.periods.map((row) => row.endingMrr.times(10_000).toString())).toEqual(
            scaled.periods.map((row) => row.endingMrr.toString()),
          );
          expect(report.summary.trailingNetRevenueRetention?.toString()).toBe(
            scaled.summary.trailingNetRevenueRetention?.toString(),
          );
        }
      }),
      { numRuns: 5 },
    );
  });

  it('names a row without a rate and rejects a currency option that is not an object', () => {
    const error = errorOf(() =>
      buildReport({ subscriptions }, { currency: { reporting: 'USD', rates: rates.slice(1) } }),
    );
    expect(error.code).toBe('missing_exchange_rate');
    expect(error.path).toEqual(['subscriptions', 0, 'currency']);
    expect(errorOf(() => buildReport({ subscriptions }, { currency: 5 as never })).path).toEqual([
      'options',
      'currency',
    ]);
  });
});
