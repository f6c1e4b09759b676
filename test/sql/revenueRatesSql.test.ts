import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/index.js';
import { type RevenueRatesSqlOptions, revenueRatesSql } from '../../src/sql/index.js';

const BASE = { dialect: 'postgres', source: 'movements' } as const;
const INJECTION = `x'; DROP TABLE movements; --`;

describe('revenueRatesSql: worked examples', () => {
  it('divides exactly and gives NULL for a zero denominator, in each dialect', () => {
    const postgres = revenueRatesSql(BASE);
    expect(postgres).toContain('CASE WHEN (starting_mrr) = 0 THEN NULL');
    expect(postgres).toContain('CASE WHEN (contraction_mrr + churned_mrr) = 0 THEN NULL');
    expect(postgres).toContain('div(');
    expect(postgres).toContain("CAST('0.000000000001' AS DECIMAL(38, 12))");
    const duck = revenueRatesSql({ ...BASE, dialect: 'duckdb', rateScale: 0 });
    expect(duck).toContain('AS HUGEINT');
    expect(duck).toContain("CAST('1' AS DECIMAL(38, 0))");
  });

  it('follows the convention options of the TypeScript rates', () => {
    const defaults = revenueRatesSql(BASE);
    expect(defaults).not.toContain('reactivation_mrr) /');
    expect(defaults).not.toContain('- expansion_mrr - reactivation_mrr');
    expect(defaults).not.toContain('churned_mrr + reactivation_mrr');
    expect(defaults).toContain('CAST(starting_customers AS NUMERIC))');
    const other = revenueRatesSql({
      ...BASE,
      customerChurnDenominator: 'startPlusNew',
      reactivation: 'include',
    });
    expect(other).toContain('(starting_customers + new_customers)');
    expect(other).toContain('- expansion_mrr - reactivation_mrr');
    expect(other).toContain('churned_mrr + reactivation_mrr');
  });
});

describe('revenueRatesSql: bad input', () => {
  it.each([
    [{ ...BASE, dialect: INJECTION }, 'invalid_option', ['options', 'dialect']],
    [{ ...BASE, source: INJECTION }, 'invalid_value', ['options', 'source']],
    [
      { ...BASE, customerChurnDenominator: INJECTION },
      'invalid_option',
      ['options', 'customerChurnDenominator'],
    ],
    [{ ...BASE, reactivation: INJECTION }, 'invalid_option', ['options', 'reactivation']],
    [{ ...BASE, reactivation: 'offset' }, 'invalid_option', ['options', 'reactivation']],
    [{ ...BASE, mrrScale: INJECTION }, 'invalid_number', ['options', 'mrrScale']],
    [{ ...BASE, rateScale: 30 }, 'out_of_range', ['options', 'rateScale']],
    [
      { ...BASE, netRevenueChurnReactivation: 'exclude' },
      'unknown_field',
      ['options', 'netRevenueChurnReactivation'],
    ],
  ])('%j gives %s at %j', (options, code, path) => {
    expect(() => revenueRatesSql(options as RevenueRatesSqlOptions)).toThrow(MetricInputError);
    expect(() => revenueRatesSql(options as RevenueRatesSqlOptions)).toThrow(
      expect.objectContaining({ code, path }),
    );
  });
});
