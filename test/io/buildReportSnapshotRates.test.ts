import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/io/index.js';
import { errorOf } from '../support/errorOf.js';

describe("buildReport under rateDate 'snapshot'", () => {
  // €100 from January 10th; EUR is 1.1 from January 1st and 1.5 from February 20th.
  const subscriptions = [{ customerId: 'a', start: '2024-01-10', mrr: 100, currency: 'EUR', segment: 'Pro' }];
  const rates = [
    { currency: 'EUR', date: '2024-01-01', rate: '1.1' },
    { currency: 'EUR', date: '2024-02-20', rate: '1.5' },
  ];
  const currency = { reporting: 'USD', rates, rateDate: 'snapshot' } as const;

  it('values a partial last period at the rates in effect on the as-of day, not at a rate dated after it', () => {
    // As of February 10th the February period is partial: its MRR is €100 × 1.1 = $110, no fx impact yet.
    const report = buildReport({ subscriptions }, { asOf: '2024-02-10', currency, segments: 'include' });
    const february = report.periods.at(-1)!;
    expect(february.partial).toBe(true);
    expect([february.fxImpactMrr, february.endingMrr].map(String)).toEqual(['0', '110']);
    expect(String(report.summary.mrr)).toBe('110');
    expect(String(report.segments![0]!.periods.at(-1)!.endingMrr)).toBe('110');
  });

  it('a complete period still takes its last day’s rate', () => {
    const report = buildReport({ subscriptions }, { asOf: '2024-02-29', currency });
    expect([report.periods.at(-1)!.fxImpactMrr, report.periods.at(-1)!.endingMrr].map(String)).toEqual([
      '40',
      '150',
    ]);
  });

  it('a churn after a rate rise gives rates, not an error (starting 110, fx +10, churned 120)', () => {
    const report = buildReport(
      {
        subscriptions: [
          { customerId: 'a', start: '2024-01-10', end: '2024-02-15', mrr: 100, currency: 'EUR' },
        ],
      },
      {
        asOf: '2024-02-29',
        currency: {
          reporting: 'USD',
          rates: [
            { currency: 'EUR', date: '2024-01-01', rate: '1.1' },
            { currency: 'EUR', date: '2024-02-01', rate: '1.2' },
          ],
          rateDate: 'snapshot',
        },
      },
    );
    const february = report.periods.at(-1)!;
    expect([february.grossRevenueRetention, february.netRevenueRetention].map(String)).toEqual(['0', '0']);
    expect(String(february.grossRevenueChurnRate)).toBe('1');
  });

  it('an invalid rate dated after the as-of day is still named at its own index', () => {
    const bad = [...rates, { currency: 'EUR', date: '2024-03-01', rate: '-1' }];
    const error = errorOf(() =>
      buildReport({ subscriptions }, { asOf: '2024-02-10', currency: { ...currency, rates: bad } }),
    );
    expect(error.path).toEqual(['options', 'currency', 'rates', 2, 'rate']);
  });
});
