import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';

describe('the private Decimal clone', () => {
  it('is configured for 40 significant digits, banker’s rounding and plain notation', () => {
    expect(Decimal.precision).toBe(40);
    // Written as a literal in src so bundles need not read the constructor: it must stay HALF_EVEN.
    expect(Decimal.rounding).toBe(DecimalJs.ROUND_HALF_EVEN);
    expect(new Decimal('2.5').toDecimalPlaces(0).toString()).toBe('2');
    expect(new Decimal('3.5').toDecimalPlaces(0).toString()).toBe('4');
    expect(new Decimal('1e-30').toString()).toBe('0.000000000000000000000000000001');
    expect(new Decimal('1e30').toString()).toBe('1000000000000000000000000000000');
  });

  it('is not the global decimal.js constructor, whose configuration it leaves alone', () => {
    expect(Decimal).not.toBe(DecimalJs);
    expect(DecimalJs.precision).toBe(20);
    expect(DecimalJs.rounding).toBe(DecimalJs.ROUND_HALF_UP);
  });
});
