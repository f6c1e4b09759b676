import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { customerRoi, type Decimal } from '../../src/index.js';
import { expectInputError } from './helpers.js';

describe('customerRoi', () => {
  it('is the gain over the cost', () => {
    // (30 000 − 12 000) / 12 000 = 1.5; (900 − 1200) / 1200 = −0.25; (0 − 50) / 50 = −1
    expect(customerRoi({ valueRealized: 30000, cost: 12000 })?.toString()).toBe('1.5');
    expect(customerRoi({ valueRealized: 900, cost: 1200 })?.toString()).toBe('-0.25');
    expect(customerRoi({ valueRealized: 0, cost: 50 })?.toString()).toBe('-1');
  });

  it('is null when the customer paid nothing', () => {
    expect(customerRoi({ valueRealized: 10, cost: 0 })).toBeNull();
    expectTypeOf(customerRoi).returns.toEqualTypeOf<Decimal | null>();
  });

  it('is at least −1, and (1 + ROI) × cost is the value realised', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 1, max: 1e8 }), (value, cost) => {
        const roi = customerRoi({ valueRealized: value, cost })!;
        expect(roi.greaterThanOrEqualTo(-1)).toBe(true);
        expect(roi.plus(1).times(cost).minus(value).abs().lessThan('1e-25')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects negative value or cost', () => {
    expectInputError(() => customerRoi({ valueRealized: -1, cost: 1 }), 'negative_amount', ['valueRealized']);
    expectInputError(() => customerRoi({ valueRealized: 1, cost: '-2' }), 'negative_amount', ['cost']);
  });
});
