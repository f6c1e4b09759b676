import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, licenseUtilization } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

describe('licenseUtilization', () => {
  it('divides active users by seats, and may exceed 1', () => {
    // 40 / 50 = 0.8; 60 / 50 = 1.2; 1 / 3 = 0.333…
    expect(licenseUtilization({ activeUsers: 40, seats: 50 })?.toString()).toBe('0.8');
    expect(licenseUtilization({ activeUsers: '60', seats: 50 })?.toString()).toBe('1.2');
    expect(licenseUtilization({ activeUsers: 1, seats: 3 })?.toDecimalPlaces(4).toString()).toBe('0.3333');
  });

  it('is null with no seats', () => {
    expect(licenseUtilization({ activeUsers: 0, seats: 0 })).toBeNull();
    expect(licenseUtilization({ activeUsers: 4, seats: 0 })).toBeNull();
    expectTypeOf(licenseUtilization({ activeUsers: 4, seats: 0 })).toEqualTypeOf<Decimal | null>();
  });

  it('names the bad count', () => {
    expect(errorOf(() => licenseUtilization({ activeUsers: -1, seats: 5 }))).toMatchObject({
      code: 'negative_amount',
      path: ['activeUsers'],
    });
    expect(errorOf(() => licenseUtilization({ activeUsers: 1, seats: 2.5 }))).toMatchObject({
      code: 'not_integer',
      path: ['seats'],
    });
    expect(errorOf(() => licenseUtilization(undefined as never)).code).toBe('invalid_type');
  });

  it('times the seats gives back the active users, and more active users never lowers it', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 10_000 }), fc.nat(100), (active, seats, more) => {
        const base = licenseUtilization({ activeUsers: active, seats })!;
        expect(base.times(seats).minus(active).abs().lessThan('1e-30')).toBe(true);
        expect(licenseUtilization({ activeUsers: active + more, seats })!.greaterThanOrEqualTo(base)).toBe(
          true,
        );
      }),
    );
  });
});
