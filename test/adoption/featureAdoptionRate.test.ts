import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, featureAdoptionRate } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

describe('featureAdoptionRate', () => {
  it('divides adopters by eligible users', () => {
    // 30 / 120 = 0.25; 120 / 120 = 1
    expect(featureAdoptionRate({ adopters: 30, eligibleUsers: 120 })?.toString()).toBe('0.25');
    expect(featureAdoptionRate({ adopters: '120', eligibleUsers: 120 })?.toString()).toBe('1');
  });

  it('is null with no eligible users', () => {
    expect(featureAdoptionRate({ adopters: 0, eligibleUsers: 0 })).toBeNull();
    expectTypeOf(featureAdoptionRate({ adopters: 0, eligibleUsers: 0 })).toEqualTypeOf<Decimal | null>();
  });

  it('rejects more adopters than eligible users and bad counts', () => {
    expect(errorOf(() => featureAdoptionRate({ adopters: 11, eligibleUsers: 10 }))).toMatchObject({
      code: 'out_of_range',
      path: ['adopters'],
      received: '11',
    });
    expect(errorOf(() => featureAdoptionRate({ adopters: 1, eligibleUsers: -10 })).path).toEqual([
      'eligibleUsers',
    ]);
    expect(errorOf(() => featureAdoptionRate({ adopters: 0.5, eligibleUsers: 10 })).code).toBe('not_integer');
    expect(errorOf(() => featureAdoptionRate([] as never)).code).toBe('invalid_type');
  });

  it('lies in [0, 1] and complements the non-adopters’ share', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 100_000 })
          .chain((eligible) => fc.tuple(fc.nat(eligible), fc.constant(eligible))),
        ([adopters, eligibleUsers]) => {
          const rate = featureAdoptionRate({ adopters, eligibleUsers })!;
          const rest = featureAdoptionRate({ adopters: eligibleUsers - adopters, eligibleUsers })!;
          expect(rate.greaterThanOrEqualTo(0) && rate.lessThanOrEqualTo(1)).toBe(true);
          expect(rate.plus(rest).minus(1).abs().lessThan('1e-35')).toBe(true);
        },
      ),
    );
  });
});
