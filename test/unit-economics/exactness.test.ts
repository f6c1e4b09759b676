import { describe, expect, it } from 'vitest';
import { cohortCacPayback, lifetimeValue } from '../../src/index.js';

describe('unit economics keep exact inputs exact', () => {
  it('lifetimeValue divides once: a churn series averaging 0.4/3 gives 750, not 750.0…03', () => {
    // 100 / ((0.1 + 0.2 + 0.1) / 3) = 100 × 3 / 0.4 = 750 exactly.
    expect(lifetimeValue({ arpa: 100, churnRate: ['0.1', '0.2', '0.1'] })!.toString()).toBe('750');
    expect(
      lifetimeValue(
        { arpa: 100, churnRate: ['0.5', '0.1', '0.2', '0.1'] },
        { trailingPeriods: 3 },
      )!.toString(),
    ).toBe('750');
  });

  it('lifetimeValue compares the cap with the mean churn exactly', () => {
    // mean churn 0.4/3: expected lifetime 7.5 periods; a cap of 7.5 is not below it, a cap of 7.4 is.
    expect(
      lifetimeValue({ arpa: 100, churnRate: ['0.1', '0.2', '0.1'] }, { maxLifetimeMonths: 7.5 })!.toString(),
    ).toBe('750');
    expect(
      lifetimeValue({ arpa: 100, churnRate: ['0.1', '0.2', '0.1'] }, { maxLifetimeMonths: 7.4 })!.toString(),
    ).toBe('740');
  });

  it('cohortCacPayback reaches the cost on the exact period when the profits have many decimals', () => {
    const third = '0.3333333333333333333333333333333333333333333';
    const rest = '0.6666666666666666666666666666666666666666667';
    // 1000 + third + rest = 1001 exactly: paid back in period 3, not never (a 40-digit sum falls short).
    expect(cohortCacPayback({ cac: 1001, grossProfitByPeriod: [1000, third, rest] })).toBe(3);
    // 1000.000…001 × 0.5 = 500.000…0005 exactly (43 digits), the cost: paid back in period 1; a 40-digit product
    // rounds it to 500, short of the cost.
    const cost = '500.0000000000000000000000000000000000000005';
    const mrr = '1000.000000000000000000000000000000000000001';
    expect(cohortCacPayback({ cac: cost, mrrByPeriod: [mrr], grossMargin: '0.5' })).toBe(1);
  });
});
