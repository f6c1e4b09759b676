import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Decimal, lifetimeValue, ltvToCacRatio } from '../../src/index.js';
import { expectInputError } from './helpers.js';

describe('ltvToCacRatio', () => {
  it('divides LTV by CAC', () => {
    // ChartMogul's LTV example (2000) against a CAC of 500: 2000 / 500 = 4
    const ltv = lifetimeValue({ arpa: 100, churnRate: 0.05 })!;
    expect(ltvToCacRatio({ ltv, cac: 500 })?.toString()).toBe('4');
    expect(ltvToCacRatio({ ltv: '1500', cac: '500' })?.toString()).toBe('3');
  });

  it('is null when CAC is zero', () => {
    expect(ltvToCacRatio({ ltv: 100, cac: 0 })).toBeNull();
    expectTypeOf(ltvToCacRatio).returns.toEqualTypeOf<Decimal | null>();
  });

  it('times CAC gives back LTV', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (ltv, cac) => {
        const ratio = ltvToCacRatio({ ltv, cac })!;
        expect(ratio.times(cac).minus(ltv).abs().lessThan('1e-25')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects negative inputs', () => {
    expectInputError(() => ltvToCacRatio({ ltv: -1, cac: 1 }), 'negative_amount', ['ltv']);
    expectInputError(() => ltvToCacRatio({ ltv: 1, cac: -1 }), 'negative_amount', ['cac']);
  });
});
