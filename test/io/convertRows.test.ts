import { describe, expect, it } from 'vitest';
import { MetricInputError, toDecimal } from '../../src/index.js';
import { convertRows } from '../../src/io/internal/convertRows.js';

const currency = (rate: string) => ({
  reporting: 'USD',
  rates: [{ currency: 'EUR', date: '2024-01-01', rate }],
});
const row = (mrr: string) => ({ customerId: 'a', start: '2024-01-10' as const, mrr, currency: 'EUR' });

describe('convertRows: a conversion to the reporting currency is exact', () => {
  it('keeps every digit of amount × rate (a 40-digit product would round)', () => {
    const [converted] = convertRows(
      [row('1000000.3333333333333333333333333333333333333')],
      currency('3'),
      '2024-06-30',
    );
    expect(toDecimal(converted!.mrr).toFixed()).toBe('3000000.9999999999999999999999999999999999999');
    expect(converted).not.toHaveProperty('currency');
  });

  it('an exact product with more than 60 decimal places is rounded to 60, the most an input may carry', () => {
    const amount = `0.${'1'.repeat(40)}`;
    const rate = `1.${'1'.repeat(30)}`;
    const [converted] = convertRows([row(amount)], currency(rate), '2024-06-30');
    // Exactly 0.1234567901234567901234567901234444444444320987654320987654320987654321 (70 places).
    expect(toDecimal(converted!.mrr).toFixed()).toBe(
      '0.123456790123456790123456790123444444444432098765432098765432',
    );
  });

  it('refuses a converted amount of 10^21 or more in the reporting currency, naming the row', () => {
    let error: unknown;
    try {
      convertRows([row('500000000000000000000')], currency('2'), '2024-06-30');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({ code: 'out_of_range', path: ['subscriptions', 0, 'mrr'] });
  });
});
