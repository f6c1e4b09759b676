import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal, decimalText } from '../../src/core/internal/decimal.js';
import { describeValue } from '../../src/core/internal/rejectInput.js';

// A real Decimal whose internal fields were overwritten (as a buggy or hostile caller could): decimalText reads
// the fields, never trusts them.
function tampered(value: Decimal | DecimalJs, fields: Record<string, unknown>): unknown {
  return Object.assign(value, fields);
}

describe('decimalText: infinities and malformed fields', () => {
  it('writes +Infinity of this copy and of another copy of decimal.js as Infinity', () => {
    expect(decimalText(new Decimal(Number.POSITIVE_INFINITY))).toBe('Infinity');
    expect(decimalText(new DecimalJs(Number.POSITIVE_INFINITY))).toBe('Infinity');
    expect(describeValue(new Decimal(Number.POSITIVE_INFINITY))).toBe('Infinity');
  });

  it('gives undefined for a Decimal with no digits and a sign that is neither ±1 nor NaN', () => {
    expect(decimalText(tampered(new Decimal(Number.POSITIVE_INFINITY), { s: 2 }))).toBeUndefined();
    expect(describeValue(tampered(new Decimal(Number.POSITIVE_INFINITY), { s: 2 }))).toBe('an object');
  });

  it('gives undefined for digits with a bad sign, a bad exponent, or digits that are not an array', () => {
    expect(decimalText(tampered(new Decimal(5), { s: 0 }))).toBeUndefined();
    expect(decimalText(tampered(new Decimal(5), { e: 0.5 }))).toBeUndefined();
    expect(decimalText(tampered(new Decimal(5), { d: '5' }))).toBeUndefined();
    expect(decimalText(tampered(new Decimal(5), { s: -1 }))).toBe('-5.0e0');
  });

  it('gives undefined for an empty digit array', () => {
    expect(decimalText(tampered(new Decimal(5), { d: [] }))).toBeUndefined();
  });
});
