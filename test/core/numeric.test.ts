import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { toCount, toUnitInterval } from '../../src/core/internal/numericInput.js';
import { type Decimal, toDecimal } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

describe('toDecimal', () => {
  it('reads numbers at their shortest decimal value, so 0.1 + 0.2 is exactly 0.3', () => {
    expect(toDecimal(0.1).plus(toDecimal(0.2)).toString()).toBe('0.3');
  });

  it('reads decimal strings, exponents and surrounding white space', () => {
    expect(toDecimal('19.99').toString()).toBe('19.99');
    expect(toDecimal(' 1e3 ').toString()).toBe('1000');
    expect(toDecimal('-0').toString()).toBe('0');
    expect(toDecimal(-0).isNegative()).toBe(false);
  });

  it('accepts a Decimal from the caller’s own decimal.js without touching its configuration', () => {
    const before = DecimalJs.precision;
    const theirs = new DecimalJs('1.1234567890123456789012345');
    expect(toDecimal(theirs).toString()).toBe('1.1234567890123456789012345');
    expect(DecimalJs.precision).toBe(before);
  });

  it('names the field and the problem for every kind of bad input', () => {
    expect(errorOf(() => toDecimal(Number.NaN, ['mrr'])).code).toBe('not_finite');
    expect(errorOf(() => toDecimal(Number.POSITIVE_INFINITY, ['mrr'])).code).toBe('not_finite');
    expect(errorOf(() => toDecimal('abc', ['rows', 2, 'mrr'])).message).toBe(
      'rows[2].mrr must be a decimal number such as "19.99", received "abc"',
    );
    expect(errorOf(() => toDecimal('0x10')).code).toBe('invalid_number');
    expect(errorOf(() => toDecimal('')).code).toBe('invalid_number');
    expect(errorOf(() => toDecimal('Infinity')).code).toBe('invalid_number');
    expect(errorOf(() => toDecimal(new DecimalJs(Number.NaN))).code).toBe('not_finite');
    expect(errorOf(() => toDecimal(true)).code).toBe('invalid_type');
    expect(errorOf(() => toDecimal(null)).received).toBe('null');
    expect(errorOf(() => toDecimal(undefined, ['x'])).received).toBe('undefined');
    expect(errorOf(() => toDecimal('1e99999999999999999')).code).toBe('not_finite');
  });

  it('enforces the sign it is asked for', () => {
    const negative = errorOf(() => toDecimal(-5, ['subscriptions', 3, 'mrr'], 'nonNegative'));
    expect(negative).toMatchObject({
      code: 'negative_amount',
      path: ['subscriptions', 3, 'mrr'],
      expected: 'a number >= 0',
      received: '-5',
    });
    expect(errorOf(() => toDecimal(0, ['n'], 'positive')).code).toBe('not_positive');
    expect(toDecimal(0, [], 'nonNegative').toString()).toBe('0');
  });

  it('round-trips any finite double within the limits exactly as JavaScript prints it, and refuses the others', () => {
    // The limits (docs/core.md): below 10^21 in magnitude, at most 60 decimal places.
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.double({ min: -1e20, max: 1e20, noNaN: true }),
        ),
        (value) => {
          const places = new DecimalJs(value).decimalPlaces();
          if (Math.abs(value) < 1e21 && places <= 60) {
            expect(toDecimal(value).toNumber()).toBe(value === 0 ? 0 : value);
          } else {
            expect(errorOf(() => toDecimal(value)).code).toBe('out_of_range');
          }
        },
      ),
    );
  });

  it('returns the exact Decimal type', () => {
    expectTypeOf(toDecimal(1)).toEqualTypeOf<Decimal>();
  });
});

describe('toUnitInterval', () => {
  it('accepts the closed interval [0, 1] and nothing else', () => {
    expect(toUnitInterval(0).toString()).toBe('0');
    expect(toUnitInterval('1').toString()).toBe('1');
    expect(errorOf(() => toUnitInterval(1.01, ['grossMargin'])).code).toBe('out_of_range');
    expect(errorOf(() => toUnitInterval(-0.01)).code).toBe('out_of_range');
  });
});

describe('toCount', () => {
  it('accepts whole numbers >= 0 and rejects the rest', () => {
    expect(toCount(0)).toBe(0);
    expect(toCount('12')).toBe(12);
    expect(errorOf(() => toCount(1.5, ['customers'])).code).toBe('not_integer');
    expect(errorOf(() => toCount(-1)).code).toBe('negative_amount');
    expect(errorOf(() => toCount(2 ** 60)).code).toBe('not_integer');
  });
});
