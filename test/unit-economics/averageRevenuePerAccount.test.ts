import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { averageRevenuePerAccount, type Decimal } from '../../src/index.js';
import { expectInputError } from './helpers.js';

describe('averageRevenuePerAccount', () => {
  it('divides MRR by customers', () => {
    // 25 000 / 250 = 100; 1000 / 3 = 333.33… (40 significant digits)
    expect(averageRevenuePerAccount({ mrr: 25000, customers: 250 })?.toString()).toBe('100');
    expect(averageRevenuePerAccount({ mrr: '1000', customers: '3' })?.toString()).toBe(
      '333.3333333333333333333333333333333333333',
    );
  });

  it('is null with no customers', () => {
    expect(averageRevenuePerAccount({ mrr: 0, customers: 0 })).toBeNull();
    expectTypeOf(averageRevenuePerAccount).returns.toEqualTypeOf<Decimal | null>();
  });

  it('times the customer count gives back the MRR, for any amounts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (cents, n) => {
          const arpa = averageRevenuePerAccount({ mrr: cents / 100, customers: n })!;
          expect(
            arpa
              .times(n)
              .minus(cents / 100)
              .abs()
              .lessThan('1e-30'),
          ).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects negative MRR and non-whole customer counts', () => {
    expectInputError(() => averageRevenuePerAccount({ mrr: -1, customers: 2 }), 'negative_amount', ['mrr']);
    expectInputError(() => averageRevenuePerAccount({ mrr: 1, customers: 2.5 }), 'not_integer', [
      'customers',
    ]);
    expectInputError(() => averageRevenuePerAccount(null as never), 'invalid_type', []);
  });
});
