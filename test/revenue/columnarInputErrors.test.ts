import { describe, expect, it } from 'vitest';
import { MetricInputError, mrrMovements, type SubscriptionPeriodColumns } from '../../src/index.js';
import { columnarSubscriptionColumns } from '../../src/revenue/internal/columnarSubscriptionColumns.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

const read = (input: unknown) => columnarSubscriptionColumns(input as SubscriptionPeriodColumns);

const valid = {
  customerId: ['a', 'b'],
  start: ['2024-01-01', '2024-02-01'],
  mrr: [10, 20],
};

describe('columnar input: ids', () => {
  it('numbers string ids that arrive out of ascending order in order of first appearance', () => {
    const columns = read({
      customerId: ['b', 'a', 'c', 'd', 'a', 'c'],
      start: Int32Array.of(0, 0, 0, 0, 40, 40),
      end: Int32Array.of(30, 30, 30, 30, 60, 60),
      mrr: Float64Array.of(1, 2, 3, 4, 5, 6),
    });
    expect(columns.customerIds).toEqual(['b', 'a', 'c', 'd']);
    expect(Array.from(columns.customer)).toEqual([0, 1, 2, 3, 1, 2]);
  });

  it('numbers integer ids that come back after another id to their first number', () => {
    const columns = read({
      customerId: Int32Array.of(7, 3, 7),
      start: Int32Array.of(0, 0, 40),
      end: Int32Array.of(30, 30, 60),
      mrr: [1, 2, 3],
    });
    expect(columns.customerIds).toEqual(['7', '3']);
    expect(Array.from(columns.customer)).toEqual([0, 1, 0]);
  });

  it('accepts a subscriptionId column with missing (undefined) entries', () => {
    const columns = read({ ...valid, customerId: ['a', 'a'], subscriptionId: [undefined, 's2'] });
    expect(columns.customerIds).toEqual(['a']);
    expect(columns.length).toBe(2);
  });

  it('refuses a NaN customer id in a typed column at its row', () => {
    expect(errorOf(() => read({ ...valid, customerId: Float64Array.of(1, Number.NaN) }))).toMatchObject({
      code: 'invalid_type',
      path: ['subscriptions', 'customerId', 1],
    });
  });

  it('refuses an infinite subscription id in a typed column at its row', () => {
    expect(
      errorOf(() => read({ ...valid, subscriptionId: Float64Array.of(1, Number.POSITIVE_INFINITY) })),
    ).toMatchObject({ code: 'invalid_type', path: ['subscriptions', 'subscriptionId', 1] });
  });

  it('reports a bad subscription id in a string column after an earlier row with none', () => {
    expect(errorOf(() => read({ ...valid, subscriptionId: [undefined, 5] }))).toMatchObject({
      code: 'invalid_type',
      path: ['subscriptions', 'subscriptionId', 1],
    });
  });

  it('passes on an error that is not a MetricInputError unchanged', () => {
    const customerId = ['a', 'b'];
    const failure = new RangeError('unreadable row');
    Object.defineProperty(customerId, 1, {
      get() {
        throw failure;
      },
    });
    expect(() => read({ ...valid, customerId })).toThrow(failure);
  });
});

describe('columnar input: minor units', () => {
  it('refuses Float32Array and BigUint64Array minor units as not an integer column', () => {
    for (const minorUnits of [Float32Array.of(1, 2), BigUint64Array.of(1n, 2n)]) {
      expect(errorOf(() => read({ ...valid, mrr: { minorUnits, scale: 2 } }))).toMatchObject({
        code: 'invalid_type',
        path: ['subscriptions', 'mrr', 'minorUnits'],
        expected: 'an integer column',
      });
    }
  });

  it('refuses a count of 10^(21 + scale) minor units as out of range, and accepts one less', () => {
    const limit = 10n ** 23n;
    expect(errorOf(() => read({ ...valid, mrr: { minorUnits: [1n, limit], scale: 2 } }))).toMatchObject({
      code: 'out_of_range',
      path: ['subscriptions', 'mrr', 1],
      expected: 'an integer count of minor units below 10^23 (10^21 at scale 2)',
    });
    const below = read({ ...valid, mrr: { minorUnits: [1n, limit - 1n], scale: 2 } });
    expect(below.amounts.map(String)).toEqual(['0.01', '999999999999999999999.99']);
  });

  it('accepts an unsafe but in-range number of minor units exactly', () => {
    const columns = read({ ...valid, mrr: { minorUnits: [2 ** 60, 1], scale: 4 } });
    expect(columns.amounts.map(String)).toEqual(['115292150460684.6976', '0.0001']);
  });

  it('refuses infinite, fractional and non-numeric minor units with their codes', () => {
    const cases: [unknown, string, string][] = [
      [Number.POSITIVE_INFINITY, 'not_finite', 'a finite integer count of minor units'],
      [1.5, 'not_integer', 'an integer count of minor units'],
      ['100', 'invalid_type', 'an integer count of minor units'],
    ];
    for (const [value, code, expected] of cases) {
      expect(
        errorOf(() => mrrMovements({ ...valid, mrr: { minorUnits: [100, value], scale: 2 } } as never)),
      ).toMatchObject({
        code,
        path: ['subscriptions', 'mrr', 1],
        expected,
      });
    }
  });
});
