import { describe, expect, it } from 'vitest';
import { svgNumber } from '../../src/cli/svgNumber.js';
import { Decimal } from '../../src/core/internal/decimal.js';

describe('svgNumber', () => {
  it('rounds half-even to 0.01 px without exponent, trailing zeros or negative zero', () => {
    expect(svgNumber(12)).toBe('12');
    expect(svgNumber(new Decimal('12.345'))).toBe('12.34');
    expect(svgNumber(new Decimal('12.355'))).toBe('12.36');
    expect(svgNumber(new Decimal('1e-9'))).toBe('0');
    expect(svgNumber(new Decimal('-0.001'))).toBe('0');
    expect(svgNumber(new Decimal('123456789012345678901234.5'))).toBe('123456789012345678901234.5');
    expect(svgNumber(-3.5)).toBe('-3.5');
  });
});
