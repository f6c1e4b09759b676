import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import type { Decimal } from '../../src/core/internal/decimal.js';
import { customerChurnRate } from '../../src/revenue/customerChurnRate.js';
import { customerRetentionRate } from '../../src/revenue/customerRetentionRate.js';

const counts = fc
  .record({ starting: fc.nat({ max: 5000 }), newCustomers: fc.nat({ max: 5000 }), seed: fc.nat() })
  .map(({ starting, newCustomers, seed }) => ({
    startingCustomers: starting,
    newCustomers,
    churnedCustomers: starting === 0 ? 0 : seed % (starting + 1),
  }));

describe('customerRetentionRate: worked examples', () => {
  it('is the share of starting customers kept', () => {
    // (200 − 10) / 200 = 0.95
    expect(customerRetentionRate({ startingCustomers: 200, churnedCustomers: 10 })?.toString()).toBe('0.95');
    // 1 − 10 / 250 = 0.96
    expect(
      customerRetentionRate(
        { startingCustomers: 200, churnedCustomers: 10, newCustomers: 50 },
        { denominator: 'startPlusNew' },
      )?.toString(),
    ).toBe('0.96');
  });

  it('is null over zero customers and 1 when nobody left', () => {
    expect(customerRetentionRate({ startingCustomers: 0, churnedCustomers: 0 })).toBeNull();
    expect(customerRetentionRate({ startingCustomers: 7, churnedCustomers: 0 })?.toString()).toBe('1');
  });
});

describe('customerRetentionRate: published references', () => {
  it('ChartMogul standard example: 10 % churn is 90 % retention', () => {
    // help.chartmogul.com "Churn rate formulas": 100 at start, (12 − 1 − 1) churned → 10 % churn.
    expect(customerRetentionRate({ startingCustomers: 100, churnedCustomers: 10 })?.toString()).toBe('0.9');
  });
});

describe('customerRetentionRate: properties', () => {
  it('plus the churn rate is exactly 1, under both denominators', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom('start', 'startPlusNew' as const), (input, denominator) => {
        const churn = customerChurnRate(input, { denominator });
        const retention = customerRetentionRate(input, { denominator });
        if (churn === null) expect(retention).toBeNull();
        else expect(retention!.plus(churn).toString()).toBe('1');
      }),
      { numRuns: 200 },
    );
  });

  it('lies in [0, 1]', () => {
    fc.assert(
      fc.property(counts, (input) => {
        const retention = customerRetentionRate(input);
        if (retention !== null) {
          expect(retention.greaterThanOrEqualTo(0) && retention.lessThanOrEqualTo(1)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('customerRetentionRate: bad input', () => {
  it('reports the same errors as customerChurnRate', () => {
    expect(() => customerRetentionRate({ startingCustomers: 1, churnedCustomers: 2 })).toThrow(
      MetricInputError,
    );
    expect(() =>
      customerRetentionRate({ startingCustomers: 1, churnedCustomers: 0 }, { denominator: 'startPlusNew' }),
    ).toThrow(/newCustomers/);
  });
});

describe('customerRetentionRate: types', () => {
  it('promises Decimal | null', () => {
    expectTypeOf(customerRetentionRate).returns.toEqualTypeOf<Decimal | null>();
  });
});
