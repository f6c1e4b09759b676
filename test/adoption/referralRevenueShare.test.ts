import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, referralRevenueShare } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

describe('referralRevenueShare', () => {
  it('divides referred new MRR by all new MRR, exactly', () => {
    // 1250.50 / 5002 = 0.25; 0.1 / 0.3 = 0.333… (no float error: 0.1 is read as exactly 0.1)
    expect(referralRevenueShare({ referredNewMrr: '1250.50', newMrr: 5002 })?.toString()).toBe('0.25');
    expect(referralRevenueShare({ referredNewMrr: 0.1, newMrr: 0.3 })?.toDecimalPlaces(6).toString()).toBe(
      '0.333333',
    );
  });

  it('is null with no new MRR', () => {
    expect(referralRevenueShare({ referredNewMrr: 0, newMrr: '0' })).toBeNull();
    expectTypeOf(referralRevenueShare({ referredNewMrr: 0, newMrr: 0 })).toEqualTypeOf<Decimal | null>();
  });

  it('rejects referred MRR above all new MRR and bad amounts', () => {
    expect(errorOf(() => referralRevenueShare({ referredNewMrr: 101, newMrr: 100 }))).toMatchObject({
      code: 'out_of_range',
      path: ['referredNewMrr'],
    });
    expect(errorOf(() => referralRevenueShare({ referredNewMrr: -1, newMrr: 100 })).code).toBe(
      'negative_amount',
    );
    expect(errorOf(() => referralRevenueShare({ referredNewMrr: 1, newMrr: 'n/a' })).path).toEqual([
      'newMrr',
    ]);
    expect(errorOf(() => referralRevenueShare(null as never)).code).toBe('invalid_type');
  });

  it('lies in [0, 1] and adds up over channels that split the new MRR', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        fc.integer({ min: 1, max: 1_000_000 }),
        (a, b, other) => {
          const total = (a + b + other) / 100;
          const shareA = referralRevenueShare({ referredNewMrr: a / 100, newMrr: total })!;
          const shareB = referralRevenueShare({ referredNewMrr: b / 100, newMrr: total })!;
          const both = referralRevenueShare({ referredNewMrr: (a + b) / 100, newMrr: total })!;
          expect(both.greaterThanOrEqualTo(0) && both.lessThanOrEqualTo(1)).toBe(true);
          expect(shareA.plus(shareB).minus(both).abs().lessThan('1e-35')).toBe(true);
        },
      ),
    );
  });
});
