import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeSubscriptionPeriods } from '../../src/revenue/internal/normalizeSubscriptionPeriods.js';
import { generateSampleData, seededRandom } from '../../src/sample/index.js';

const CSV = new URL('../../examples/data/sample-subscriptions.csv', import.meta.url);
const RATES_CSV = new URL('../../examples/data/exchange-rates.csv', import.meta.url);

function toCsv(rows: ReturnType<typeof generateSampleData>['subscriptions']): string {
  const lines = ['customer_id,subscription_id,start_date,end_date,mrr,currency,plan'];
  for (const row of rows)
    lines.push(
      [row.customerId, row.subscriptionId, row.start, row.end ?? '', row.mrr, row.currency, row.segment].join(
        ',',
      ),
    );
  return `${lines.join('\n')}\n`;
}

function ratesCsv(rates: ReturnType<typeof generateSampleData>['currency']['rates']): string {
  return `${['currency,date,rate', ...rates.map((rate) => `${rate.currency},${rate.date},${rate.rate}`)].join('\n')}\n`;
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
    // Valid rows (dates, no overlaps), checked per currency: together they need the currency option.
    for (const currency of ['USD', 'EUR']) {
      const rows = data.subscriptions.filter((row) => row.currency === currency);
      expect(() => normalizeSubscriptionPeriods(rows)).not.toThrow();
    }
    const customers = new Set(data.subscriptions.map((row) => row.customerId));
    expect(customers.size).toBeGreaterThan(450);
    expect(data.subscriptions.some((row) => row.mrr === '0.00')).toBe(true);
    expect(data.subscriptions.some((row) => row.mrr === '165.83')).toBe(true);
    // 1790 EUR a year: 149.1666… a month, to cents.
    expect(data.subscriptions.some((row) => row.mrr === '149.17' && row.currency === 'EUR')).toBe(true);
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

  it('bills about a third of the customers in EUR, every row with a plan, and some customers change plan', () => {
    const data = generateSampleData();
    const customersIn = (currency: string) =>
      new Set(data.subscriptions.filter((row) => row.currency === currency).map((row) => row.customerId))
        .size;
    expect(customersIn('EUR')).toBeGreaterThan(100);
    expect(customersIn('USD')).toBeGreaterThan(250);
    expect(new Set(data.subscriptions.map((row) => row.segment))).toEqual(
      new Set(['Starter', 'Growth', 'Enterprise']),
    );
    // One currency per customer: a customer is billed in one market.
    const currencyOf = new Map<string, string>();
    for (const row of data.subscriptions) {
      expect(currencyOf.get(row.customerId) ?? row.currency).toBe(row.currency);
      currencyOf.set(row.customerId, row.currency!);
    }
    const plansOf = new Map<string, Set<string>>();
    for (const row of data.subscriptions) {
      plansOf.set(row.customerId, (plansOf.get(row.customerId) ?? new Set()).add(row.segment!));
    }
    expect([...plansOf.values()].filter((plans) => plans.size > 1).length).toBeGreaterThan(20);
  });

  it('gives one EUR rate a month, first day of each month to asOf, four decimals, near 1.08', () => {
    const { currency, asOf } = generateSampleData();
    expect(currency.reporting).toBe('USD');
    expect(currency.rates).toHaveLength(37);
    expect(currency.rates[0]).toEqual({ currency: 'EUR', date: '2023-11-01', rate: '1.0800' });
    expect(currency.rates.at(-1)!.date).toBe(asOf);
    for (const rate of currency.rates) {
      expect(rate.rate).toMatch(/^1\.\d{4}$/);
      expect(Math.abs(Number(rate.rate) - 1.08)).toBeLessThan(0.15);
    }
    expect(generateSampleData({ months: 2, customers: 3 }).currency.rates.map((rate) => rate.date)).toEqual([
      '2023-11-01',
      '2023-12-01',
      '2024-01-01',
    ]);
  });

  it('matches the committed CSV copies (regenerate with UPDATE_SAMPLE=1)', () => {
    const data = generateSampleData();
    const csv = toCsv(data.subscriptions);
    const rates = ratesCsv(data.currency.rates);
    if (process.env.UPDATE_SAMPLE === '1') {
      writeFileSync(CSV, csv);
      writeFileSync(RATES_CSV, rates);
    }
    expect(readFileSync(CSV, 'utf8')).toBe(csv);
    expect(readFileSync(RATES_CSV, 'utf8')).toBe(rates);
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
