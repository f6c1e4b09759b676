import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeSubscriptionPeriods } from '../../src/revenue/internal/normalizeSubscriptionPeriods.js';
import { generateSampleData, seededRandom } from '../../src/sample/index.js';

const CSV = new URL('../../examples/data/sample-subscriptions.csv', import.meta.url);

function toCsv(rows: ReturnType<typeof generateSampleData>['subscriptions']): string {
  const lines = ['customer_id,subscription_id,start_date,end_date,mrr'];
  for (const row of rows)
    lines.push([row.customerId, row.subscriptionId, row.start, row.end ?? '', row.mrr].join(','));
  return `${lines.join('\n')}\n`;
}

describe('generateSampleData', () => {
  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    expect(generateSampleData({ customers: 50 })).toEqual(generateSampleData({ customers: 50 }));
    expect(generateSampleData({ customers: 50, seed: 1 })).not.toEqual(
      generateSampleData({ customers: 50, seed: 2 }),
    );
  });

  it('produces valid subscription periods with the variety the metrics need', () => {
    const data = generateSampleData();
    expect(data.asOf).toBe('2026-11-01');
    expect(() => normalizeSubscriptionPeriods(data.subscriptions)).not.toThrow();
    const customers = new Set(data.subscriptions.map((row) => row.customerId));
    expect(customers.size).toBeGreaterThan(450);
    expect(data.subscriptions.some((row) => row.mrr === '0.00')).toBe(true);
    expect(data.subscriptions.some((row) => row.mrr === '165.83')).toBe(true);
    expect(data.subscriptions.some((row) => row.subscriptionId?.endsWith('_sub2'))).toBe(true);
    expect(data.subscriptions.some((row) => row.subscriptionId?.endsWith('_seats'))).toBe(true);
    expect(data.subscriptions.every((row) => row.start < data.asOf)).toBe(true);
    expect(
      data.npsResponses.every((row) => Number.isInteger(row.score) && row.score >= 0 && row.score <= 10),
    ).toBe(true);
    expect(data.onboarding.some((row) => row.reachedValueAt === null)).toBe(true);
    expect(
      data.onboarding.every((row) => row.reachedValueAt === null || row.reachedValueAt >= row.start),
    ).toBe(true);
    expect(data.salesAndMarketingSpend).toHaveLength(36);
  });

  it('matches the committed CSV copy (regenerate with UPDATE_SAMPLE=1)', () => {
    const csv = toCsv(generateSampleData().subscriptions);
    if (process.env.UPDATE_SAMPLE === '1') writeFileSync(CSV, csv);
    expect(readFileSync(CSV, 'utf8')).toBe(csv);
  });
});

describe('seededRandom', () => {
  it('draws from [0, 1) with a roughly uniform mean', () => {
    const random = seededRandom(7);
    let sum = 0;
    for (let index = 0; index < 10_000; index += 1) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
      sum += value;
    }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
  });
});
