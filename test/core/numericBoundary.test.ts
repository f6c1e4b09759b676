import { createRequire } from 'node:module';
import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, exactSum } from '../../src/core/internal/decimal.js';
import {
  MAX_DECIMAL_PLACES,
  MAX_MAGNITUDE,
  toCount,
  toUnitInterval,
} from '../../src/core/internal/numericInput.js';
import { toJSON } from '../../src/core/toJSON.js';
import { MetricInputError, mrrMovements, toCalendarDate, toDecimal } from '../../src/index.js';
import { quoteIdentifier } from '../../src/sql/index.js';
import { errorOf } from '../support/errorOf.js';

// The CommonJS copy of decimal.js: a real Decimal with another prototype than the ESM copy the library uses.
const CommonJsDecimal = createRequire(import.meta.url)('decimal.js') as typeof DecimalJs;

/** How long `run` takes, in milliseconds. */
function elapsed(run: () => unknown): number {
  const start = performance.now();
  try {
    run();
  } catch {
    // Only the time matters here.
  }
  return performance.now() - start;
}

describe('only a real Decimal is a Decimal', () => {
  it('refuses a plain object that copies decimal.js fields and its toStringTag (a JSON copy)', () => {
    const posing = JSON.parse('{"toStringTag":"[object Decimal]","s":1,"e":0,"d":[1,2,3]}');
    const error = errorOf(() => toDecimal(posing, ['mrr']));
    expect(error.code).toBe('invalid_type');
    expect(error.path).toEqual(['mrr']);
    expect(error.received).toBe('an object');
    expect(errorOf(() => toDecimal({ ...posing, __proto__: null })).code).toBe('invalid_type');
  });

  it('refuses a posing object with junk digits at once instead of hanging', () => {
    const posing = JSON.parse('{"toStringTag":"[object Decimal]","s":1,"e":0,"d":["x"]}');
    expect(elapsed(() => toDecimal(posing))).toBeLessThan(200);
    expect(errorOf(() => toDecimal(posing)).code).toBe('invalid_type');
  });

  it('does not let an object posing as a Decimal into mrrMovements (it read as 100000000009)', () => {
    const posing = JSON.parse('{"toStringTag":"[object Decimal]","s":1,"e":11,"d":[1000,9]}');
    const rows = [{ customerId: 'a', start: '2024-01-01', mrr: posing }];
    const error = errorOf(() => mrrMovements(rows, { granularity: 'month' }));
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error.path).toEqual(['subscriptions', 0, 'mrr']);
  });

  it('refuses an object made from Decimal.prototype whose fields are junk', () => {
    const forged = Object.create(Object.getPrototypeOf(new Decimal(1))) as Record<string, unknown>;
    Object.assign(forged, { s: 1, e: 0, d: ['12345678'] });
    expect(elapsed(() => toDecimal(forged))).toBeLessThan(200);
    expect(errorOf(() => toDecimal(forged)).code).toBe('invalid_type');
    const huge = Object.create(Object.getPrototypeOf(new Decimal(1))) as Record<string, unknown>;
    Object.assign(huge, { s: 1, e: 9e15, d: [1] });
    expect(errorOf(() => toDecimal(huge)).code).toBe('out_of_range');
  });

  it('accepts a real Decimal of the ESM and of the CommonJS copy of decimal.js, read from its digits', () => {
    expect(Object.getPrototypeOf(new CommonJsDecimal(1))).not.toBe(Object.getPrototypeOf(new DecimalJs(1)));
    expect(toDecimal(new CommonJsDecimal('1234.5678')).toString()).toBe('1234.5678');
    expect(toDecimal(new DecimalJs('-0.000123')).toString()).toBe('-0.000123');
    expect(toDecimal(new CommonJsDecimal('1e20')).toString()).toBe('100000000000000000000');
    expect(errorOf(() => toDecimal(new CommonJsDecimal(Number.NaN))).code).toBe('not_finite');
    expect(errorOf(() => toDecimal(new CommonJsDecimal('-Infinity'))).code).toBe('not_finite');
    const result = toDecimal(new CommonJsDecimal('2.5'));
    expect(result).toBeInstanceOf(Decimal);
  });

  it('writes a posing object as the object it is in toJSON, and a real foreign Decimal as its value', () => {
    const posing = JSON.parse('{"toStringTag":"[object Decimal]","s":1,"e":0,"d":[5]}');
    expect(toJSON({ mrr: posing })).toEqual({ mrr: { toStringTag: '[object Decimal]', s: 1, e: 0, d: [5] } });
    expect(toJSON({ mrr: new CommonJsDecimal('12.345') })).toEqual({ mrr: '12.34' });
  });

  it('describes a throwing Proxy without throwing anything but a MetricInputError', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('get');
        },
        getPrototypeOf() {
          throw new Error('getPrototypeOf');
        },
      },
    );
    expect(errorOf(() => toDecimal(hostile, ['x'])).received).toBe('an object');
  });
});

describe('the limits of a numeric input', () => {
  it('refuses a huge exponent at once, naming the field, in toDecimal and in mrrMovements', () => {
    for (const text of ['1e9000000000000000', '1e900000000000', '1e21', '-1e21', '1e400']) {
      expect(elapsed(() => toDecimal(text))).toBeLessThan(100);
      expect(errorOf(() => toDecimal(text, ['mrr'])).code).toMatch(/out_of_range|not_finite/);
    }
    expect(errorOf(() => toDecimal('1e900000000000', ['mrr'])).message).toBe(
      'mrr must be a number below 10^21 in magnitude, received "1e900000000000"',
    );
    const rows = [{ customerId: 'a', start: '2024-01-01', mrr: '1e900000000000' }];
    expect(elapsed(() => mrrMovements(rows, { granularity: 'month' }))).toBeLessThan(1000);
    expect(errorOf(() => mrrMovements(rows, { granularity: 'month' })).path).toEqual([
      'subscriptions',
      0,
      'mrr',
    ]);
  });

  it('refuses numbers at or past 10^21 and Infinity (1e400 as a number), and accepts just below', () => {
    expect(errorOf(() => toDecimal(1e21)).code).toBe('out_of_range');
    expect(errorOf(() => toDecimal(-1e300)).code).toBe('out_of_range');
    expect(errorOf(() => toDecimal(Number('1e400'))).code).toBe('not_finite');
    expect(toDecimal(999999999999999900000).toString()).toBe('999999999999999900000');
    expect(toDecimal('999999999999999999999.5').toString()).toBe('999999999999999999999.5');
    expect(MAX_MAGNITUDE).toBe(1e21);
  });

  it('refuses more than 60 decimal places, and a tiny exponent that underflows, instead of rounding them away', () => {
    expect(MAX_DECIMAL_PLACES).toBe(60);
    expect(toDecimal(`0.${'0'.repeat(59)}1`).toString()).toBe('1e-60');
    expect(errorOf(() => toDecimal(`0.${'0'.repeat(60)}1`)).code).toBe('out_of_range');
    expect(errorOf(() => toDecimal('1e-9000000000000000')).code).toBe('out_of_range');
    expect(errorOf(() => toDecimal(1e-70)).code).toBe('out_of_range');
    expect(toDecimal('0e-9000000000000000').toString()).toBe('0');
  });

  it('keeps counts and shares inside their own ranges', () => {
    expect(toCount(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(errorOf(() => toCount('1e900000000')).code).toBe('out_of_range');
    expect(errorOf(() => toUnitInterval('1e-9000000000000000')).code).toBe('out_of_range');
  });
});

describe('the path argument of toDecimal, toCalendarDate and quoteIdentifier', () => {
  it.each([
    null,
    'mrr',
    42,
    {},
    [null],
    [{}],
    [-1],
    [1.5],
    [Symbol('x')],
    Array.from({ length: 65 }, () => 'x'),
  ])('refuses %s as a path with a MetricInputError', (path) => {
    for (const call of [
      () => toDecimal(Number.NaN, path as never),
      () => toCalendarDate('x', path as never),
      () => quoteIdentifier(1, path as never),
    ]) {
      const error = errorOf(call);
      expect(error.code).toBe('invalid_type');
      expect(error.path).toEqual(['path']);
    }
  });

  it('refuses an unknown sign', () => {
    expect(errorOf(() => toDecimal(1, [], 'negative' as never)).path).toEqual(['sign']);
  });
});

describe('exact sums', () => {
  // Inputs at the limits: up to 21 integer digits and 60 decimal places, either sign.
  const atTheLimit = fc
    .tuple(fc.bigInt({ min: -(10n ** 81n) + 1n, max: 10n ** 81n - 1n }), fc.integer({ min: 0, max: 60 }))
    .map(([units, places]) => {
      // units × 10^-60, shortened to `places` places: still below 10^21 with at most 60 places.
      const scaled = (units / 10n ** BigInt(60 - places)) * 10n ** BigInt(60 - places);
      return scaled;
    });

  function text(units: bigint): string {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(61, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -60)}.${digits.slice(-60)}`;
  }

  it('adds any inputs at the limits exactly, as a bigint oracle does', () => {
    fc.assert(
      fc.property(
        fc.array(atTheLimit, { minLength: 1, maxLength: 40 }),
        fc.array(atTheLimit),
        (added, subtracted) => {
          const oracle = added.reduce((sum, x) => sum + x, 0n) - subtracted.reduce((sum, x) => sum + x, 0n);
          const sum = exactSum(
            added.map((x) => toDecimal(text(x))),
            subtracted.map((x) => toDecimal(text(x))),
          );
          expect(sum.equals(new Decimal(text(oracle)))).toBe(true);
          expect(sum).toBeInstanceOf(Decimal);
        },
      ),
    );
  });

  it('holds a sum of 2^53 of the largest inputs: its 97 digits fit the precision of the exact sum', () => {
    const largest = 10n ** 81n - 1n;
    // 2^53 copies, added by doubling: every step is a sum of two sums of accepted inputs.
    let sum = toDecimal(text(largest));
    for (let step = 0; step < 53; step += 1) sum = exactSum([sum, sum]);
    expect(sum.toFixed(60)).toBe(text(largest * 2n ** 53n));
    expect((largest * 2n ** 53n).toString().length).toBe(97);
  });

  it('keeps the digits a 40-digit plus would round: 165.8333…3 + 10000', () => {
    const customer = toDecimal('165.8333333333333333333333333333333333333');
    expect(customer.plus(10000).toString()).not.toBe('10165.8333333333333333333333333333333333333');
    expect(exactSum([customer, toDecimal(10000)]).toString()).toBe(
      '10165.8333333333333333333333333333333333333',
    );
  });
});

describe('exact sums in the movements table', () => {
  it('ends a period at the exact sum of its amounts, however many decimals they have (normalizeToMrr)', () => {
    const rows = [
      { customerId: 'a', start: '2024-01-01', mrr: '165.8333333333333333333333333333333333333' },
      { customerId: 'b', start: '2024-01-01', mrr: '10000' },
    ];
    const [first, second] = mrrMovements(rows, {
      granularity: 'month',
      from: '2024-01-01',
      to: '2024-02-01',
    }).periods;
    expect(first!.newMrr.toString()).toBe('10165.8333333333333333333333333333333333333');
    expect(first!.endingMrr.toString()).toBe('10165.8333333333333333333333333333333333333');
    expect(second!.startingMrr.equals(first!.endingMrr)).toBe(true);
  });
});

describe('a real Decimal with very many digits', () => {
  it('is refused as past the limits, named as what it is', () => {
    const long = new Decimal('1'.repeat(500));
    const error = errorOf(() => toDecimal(long, ['mrr']));
    expect(error.code).toBe('out_of_range');
    expect(error.received).toBe('a Decimal of more than 448 digits');
    expect(errorOf(() => toJSON({ mrr: long })).code).toBe('out_of_range');
  });
});
