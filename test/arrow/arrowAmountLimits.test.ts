import { Decimal, makeData, makeVector, Table, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { mrrMovementsArrow } from '../../src/arrow/index.js';
import { MetricInputError } from '../../src/index.js';

// A DECIMAL(38, scale) column of 128-bit values, built from integer minor units (two's complement words).
function decimalVector(units: readonly bigint[], scale: number) {
  const words = new Uint32Array(4 * units.length);
  units.forEach((unit, index) => {
    let value = BigInt.asUintN(128, unit);
    for (let word = 0; word < 4; word += 1) {
      words[4 * index + word] = Number(value & 0xffff_ffffn);
      value >>= 32n;
    }
  });
  return makeVector(makeData({ type: new Decimal(scale, 38, 128), length: units.length, data: words }));
}

const table = (units: readonly bigint[]) =>
  new Table({
    customer_id: vectorFromArray(['a', 'b']),
    start_date: vectorFromArray(['2024-01-01', '2024-01-01']),
    mrr: decimalVector(units, 2),
  });

describe('customer-health/arrow: DECIMAL amounts are held to the input limits', () => {
  it('accepts a DECIMAL(38, 2) value just below 10^21', () => {
    const result = mrrMovementsArrow(table([1n, 10n ** 23n - 1n]), { from: '2024-01-01', to: '2024-01-01' });
    expect(result.periods[0]!.endingMrr.toFixed()).toBe('1000000000000000000000');
  });

  it('refuses a DECIMAL(38, 2) value of 10^21 or more as out_of_range at the column and row', () => {
    let error: unknown;
    try {
      mrrMovementsArrow(table([1n, 10n ** 36n]));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error).toMatchObject({ code: 'out_of_range', path: ['subscriptions', 'mrr', 1] });
  });
});
