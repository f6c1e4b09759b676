import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/io/index.js';

describe('buildReport adds the sales and marketing spend exactly before dividing once', () => {
  it('CAC is the exact spend over new customers, rounded once (a 40-digit running sum rounds twice)', () => {
    // Spend 1.000000000000000000000000000000000000001 + 10^-43: rounded first at 40 digits, its quarter is the
    // tie …0025 (rounded to the even …002); exactly, it is just above the tie (…003).
    const subscriptions = ['a', 'b', 'c', 'd'].map((customerId) => ({
      customerId,
      start: '2024-03-01',
      mrr: 10,
    }));
    const report = buildReport(
      {
        subscriptions,
        salesAndMarketingSpend: [
          { month: '2024-03-01', amount: '1.000000000000000000000000000000000000001' },
          { month: '2024-03-01', amount: `0.${'0'.repeat(42)}1` },
        ],
      },
      { asOf: '2024-03-31' },
    );
    expect(report.summary.customerAcquisitionCost?.toFixed()).toBe(
      '0.2500000000000000000000000000000000000003',
    );
  });
});
