import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { customerAcquisitionCost, type Decimal } from '../../src/index.js';
import { expectInputError } from './helpers.js';

describe('customerAcquisitionCost', () => {
  it('divides spend by new customers', () => {
    // 770 000 / 1000 = 770; 1000 / 8 = 125
    expect(customerAcquisitionCost({ salesAndMarketingSpend: 770000, newCustomers: 1000 })?.toString()).toBe(
      '770',
    );
    expect(customerAcquisitionCost({ salesAndMarketingSpend: '1000', newCustomers: 8 })?.toString()).toBe(
      '125',
    );
  });

  it('is null with no new customers', () => {
    expect(customerAcquisitionCost({ salesAndMarketingSpend: 5000, newCustomers: 0 })).toBeNull();
    expectTypeOf(customerAcquisitionCost).returns.toEqualTypeOf<Decimal | null>();
  });

  it('grows with spend and shrinks with customers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (a, b, n) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const cheap = customerAcquisitionCost({ salesAndMarketingSpend: low, newCustomers: n })!;
          const dear = customerAcquisitionCost({ salesAndMarketingSpend: high, newCustomers: n })!;
          const moreCustomers = customerAcquisitionCost({
            salesAndMarketingSpend: high,
            newCustomers: n + 1,
          })!;
          expect(cheap.lessThanOrEqualTo(dear)).toBe(true);
          expect(moreCustomers.lessThanOrEqualTo(dear)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects negative spend and fractional customers', () => {
    expectInputError(
      () => customerAcquisitionCost({ salesAndMarketingSpend: -1, newCustomers: 1 }),
      'negative_amount',
      ['salesAndMarketingSpend'],
    );
    expectInputError(
      () => customerAcquisitionCost({ salesAndMarketingSpend: 1, newCustomers: 1.5 }),
      'not_integer',
      ['newCustomers'],
    );
  });
});
