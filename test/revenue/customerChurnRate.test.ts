import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { customerChurnRate } from '../../src/revenue/customerChurnRate.js';
import { errorOf } from '../support/errorOf.js';

/** One customer of a period: was it paying at the start, did it join in the period, is it gone at the end. */
interface Customer {
  readonly atStart: boolean;
  readonly gone: boolean;
}

// Snapshot semantics as mrrMovements counts them: a customer who joined in the period and left again is never
// seen, so a churned customer is always one of the starting customers.
const customers = fc.array(
  fc.record({ atStart: fc.boolean(), gone: fc.boolean() }).filter((c) => c.atStart || !c.gone),
  { maxLength: 60 },
);

function countsOf(list: readonly Customer[]) {
  return {
    startingCustomers: list.filter((c) => c.atStart).length,
    churnedCustomers: list.filter((c) => c.atStart && c.gone).length,
    newCustomers: list.filter((c) => !c.atStart).length,
  };
}

describe('customerChurnRate: worked examples', () => {
  it('divides churned customers by the customers at the start by default', () => {
    // 10 churned of 200 at the start: 10 / 200 = 0.05
    expect(customerChurnRate({ startingCustomers: 200, churnedCustomers: 10 })?.toString()).toBe('0.05');
  });

  it("divides by the start plus new customers under 'startPlusNew'", () => {
    // 10 / (200 + 50) = 10 / 250 = 0.04
    const rate = customerChurnRate(
      { startingCustomers: 200, churnedCustomers: 10, newCustomers: 50 },
      { denominator: 'startPlusNew' },
    );
    expect(rate?.toString()).toBe('0.04');
  });

  it('keeps thirds exact to 40 significant digits', () => {
    // 1 / 3
    expect(customerChurnRate({ startingCustomers: 3, churnedCustomers: 1 })?.toString()).toBe(
      `0.${'3'.repeat(40)}`,
    );
  });

  it('ignores new customers under the default denominator and is null over zero customers', () => {
    expect(
      customerChurnRate({ startingCustomers: 40, churnedCustomers: 4, newCustomers: 1000 })?.toString(),
    ).toBe('0.1');
    expect(customerChurnRate({ startingCustomers: 0, churnedCustomers: 0 })).toBeNull();
    expect(
      customerChurnRate(
        { startingCustomers: 0, churnedCustomers: 0, newCustomers: 0 },
        { denominator: 'startPlusNew' },
      ),
    ).toBeNull();
  });

  it('accepts a period row of mrrMovements as it is, with Decimal amounts and extra fields', () => {
    const row = {
      start: '2024-03-01',
      end: '2024-04-01',
      startingMrr: new Decimal('1000'),
      endingMrr: new Decimal('990'),
      startingCustomers: 20,
      newCustomers: 5,
      churnedCustomers: 2,
      reactivatedCustomers: 0,
      endingCustomers: 23,
    };
    // 2 / 20 = 0.1; 2 / 25 = 0.08
    expect(customerChurnRate(row)?.toString()).toBe('0.1');
    expect(customerChurnRate(row, { denominator: 'startPlusNew' })?.toString()).toBe('0.08');
  });

  it('reads counts given as strings and Decimals', () => {
    expect(customerChurnRate({ startingCustomers: '80', churnedCustomers: new Decimal(6) })?.toString()).toBe(
      '0.075',
    );
  });
});

describe('customerChurnRate: published references', () => {
  it('ChartMogul standard formula: 100 at start, 12 churned of whom 1 reactivated and 1 joined in the period → 10 %', () => {
    // help.chartmogul.com "Churn rate formulas" (article 207340419), Customer Churn Rate, Standard (B2B):
    // churned in the period, excluding customers who joined and churned or churned and reactivated in it,
    // over customers at the start: (12 − 1 − 1) / 100 = 10 %. Our input takes the churn count after those
    // exclusions, which is what mrrMovements' snapshots count.
    expect(customerChurnRate({ startingCustomers: 100, churnedCustomers: 12 - 1 - 1 })?.toString()).toBe(
      '0.1',
    );
  });
});

describe('customerChurnRate: properties', () => {
  it('lies in [0, 1] under both denominators, for any customers', () => {
    fc.assert(
      fc.property(customers, (list) => {
        const counts = countsOf(list);
        for (const denominator of ['start', 'startPlusNew'] as const) {
          const rate = customerChurnRate(counts, { denominator });
          if (rate !== null) {
            expect(rate.greaterThanOrEqualTo(0)).toBe(true);
            expect(rate.lessThanOrEqualTo(1)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is never higher with the start-plus-new denominator than with the start denominator', () => {
    fc.assert(
      fc.property(customers, (list) => {
        const counts = countsOf(list);
        const start = customerChurnRate(counts);
        const startPlusNew = customerChurnRate(counts, { denominator: 'startPlusNew' });
        if (start !== null && startPlusNew !== null) {
          expect(startPlusNew.lessThanOrEqualTo(start)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with counting customer by customer (slow oracle), and does not depend on their order', () => {
    fc.assert(
      fc.property(customers, (list) => {
        let atStart = 0;
        let lost = 0;
        for (const customer of [...list].reverse()) {
          if (customer.atStart) atStart += 1;
          if (customer.atStart && customer.gone) lost += 1;
        }
        const rate = customerChurnRate(countsOf(list));
        if (atStart === 0) {
          expect(rate).toBeNull();
        } else {
          expect(rate!.times(atStart).minus(lost).abs().lessThan('1e-35')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never falls when one more starting customer churns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), (starting, seed) => {
        const churned = seed % starting;
        const before = customerChurnRate({ startingCustomers: starting, churnedCustomers: churned })!;
        const after = customerChurnRate({ startingCustomers: starting, churnedCustomers: churned + 1 })!;
        expect(after.greaterThan(before)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('customerChurnRate: bad input', () => {
  it('rejects churn larger than its denominator', () => {
    expect(errorOf(() => customerChurnRate({ startingCustomers: 5, churnedCustomers: 6 }))).toMatchObject({
      code: 'out_of_range',
      path: ['churnedCustomers'],
      received: '6',
    });
    expect(
      errorOf(() =>
        customerChurnRate(
          { startingCustomers: 5, churnedCustomers: 8, newCustomers: 2 },
          { denominator: 'startPlusNew' },
        ),
      ),
    ).toMatchObject({ code: 'out_of_range', path: ['churnedCustomers'] });
    expect(() =>
      customerChurnRate(
        { startingCustomers: 5, churnedCustomers: 7, newCustomers: 2 },
        { denominator: 'startPlusNew' },
      ),
    ).not.toThrow();
  });

  it("needs newCustomers under 'startPlusNew'", () => {
    expect(
      errorOf(() =>
        customerChurnRate({ startingCustomers: 5, churnedCustomers: 1 }, { denominator: 'startPlusNew' }),
      ),
    ).toMatchObject({ code: 'missing_field', path: ['newCustomers'] });
  });

  it('rejects negative, fractional and non-numeric counts, naming the field', () => {
    expect(errorOf(() => customerChurnRate({ startingCustomers: -1, churnedCustomers: 0 }))).toMatchObject({
      code: 'negative_amount',
      path: ['startingCustomers'],
    });
    expect(errorOf(() => customerChurnRate({ startingCustomers: 10, churnedCustomers: 1.5 }))).toMatchObject({
      code: 'not_integer',
      path: ['churnedCustomers'],
    });
    expect(
      errorOf(() => customerChurnRate({ startingCustomers: 10, churnedCustomers: 1, newCustomers: 'x' })),
    ).toMatchObject({ code: 'invalid_number', path: ['newCustomers'] });
    expect(
      errorOf(() => customerChurnRate({ startingCustomers: Number.NaN, churnedCustomers: 1 })),
    ).toMatchObject({ code: 'not_finite', path: ['startingCustomers'] });
  });

  it('rejects an unknown denominator and a non-object input', () => {
    expect(
      errorOf(() =>
        customerChurnRate(
          { startingCustomers: 10, churnedCustomers: 1 },
          { denominator: 'end' as unknown as 'start' },
        ),
      ),
    ).toMatchObject({ code: 'invalid_option', path: ['options', 'denominator'] });
    expect(errorOf(() => customerChurnRate(null as never)).code).toBe('invalid_type');
    expect(
      errorOf(() => customerChurnRate({ startingCustomers: 1, churnedCustomers: 0 }, null as never)),
    ).toMatchObject({ code: 'invalid_type', path: ['options'] });
  });
});

describe('customerChurnRate: types', () => {
  it('promises Decimal | null', () => {
    expectTypeOf(customerChurnRate).returns.toEqualTypeOf<Decimal | null>();
  });
});
