import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { type Jsonified, type ToJsonOptions, toJSON } from '../../src/core/toJSON.js';
import { MetricInputError, type MrrMovements, mrrMovements, netRevenueRetention } from '../../src/index.js';

describe('toJSON: worked examples', () => {
  it('rounds money to cents and ratios to 4 places by field name, as strings', () => {
    // 2000 a year / 12 = 166.666… → '166.67'; 1.0416666… → '1.0417'.
    const out = toJSON({
      endingMrr: new Decimal(2000).div(12),
      arpa: new Decimal('99.995'),
      netRevenueRetention: new Decimal(25).div(24),
      customers: 3,
      start: '2024-01-01',
      note: null,
    });
    // 99.995 is a tie: banker's rounding goes to the even cent, 100.00.
    expect(out).toEqual({
      endingMrr: '166.67',
      arpa: '100.00',
      netRevenueRetention: '1.0417',
      customers: 3,
      start: '2024-01-01',
      note: null,
    });
  });

  it("shows the banker's-rounding surprise and the half-up choice for display", () => {
    const value = { churnRate: new Decimal('0.125'), otherRate: new Decimal('0.135') };
    expect(toJSON(value, { ratio: 2 })).toEqual({ churnRate: '0.12', otherRate: '0.14' });
    expect(toJSON(value, { ratio: 2, rounding: 'halfUp' })).toEqual({ churnRate: '0.13', otherRate: '0.14' });
  });

  it('classifies arrays by their field, nests deeply, writes Dates as ISO strings and drops undefined', () => {
    const out = toJSON({
      amounts: [new Decimal('1.005'), new Decimal('2.015')],
      rows: [{ startingArr: new Decimal(1200), retention: null, at: new Date(Date.UTC(2024, 1, 1)) }],
      missing: undefined,
    });
    expect(out).toEqual({
      amounts: ['1.00', '2.02'],
      rows: [{ startingArr: '1200.00', retention: null, at: '2024-02-01T00:00:00.000Z' }],
    });
  });

  it('takes field overrides, exact digits and numbers', () => {
    const value = {
      score: new Decimal(1).div(3),
      cacPaybackMonths: new Decimal('7.456'),
      mrr: new Decimal('1e-30'),
    };
    expect(toJSON(value, { fields: { score: 'exact', cacPaybackMonths: 'money' } })).toEqual({
      score: '0.3333333333333333333333333333333333333333',
      cacPaybackMonths: '7.46',
      mrr: '0.00',
    });
    expect(toJSON(value, { as: 'number', money: 0 })).toEqual({
      score: 0.3333,
      cacPaybackMonths: 7.456,
      mrr: 0,
    });
  });

  it('serialises a whole mrrMovements result', () => {
    const result = mrrMovements([{ customerId: 'a', start: '2024-01-01', end: '2024-03-01', mrr: '1990' }]);
    const wire = JSON.parse(JSON.stringify(toJSON(result)));
    expect(wire.periods[0]).toMatchObject({ start: '2024-01-01', newMrr: '1990.00', endingMrr: '1990.00' });
    expect(wire.periods[1]).toMatchObject({ startingMrr: '1990.00', startingCustomers: 1 });
    // A ratio computed from a row: 1990 / 1990 = 1, written to 4 places.
    expect(toJSON({ netRevenueRetention: netRevenueRetention(result.periods[1]!) })).toEqual({
      netRevenueRetention: '1.0000',
    });
  });

  it('rejects bad options and non-finite values with MetricInputError', () => {
    const bad: [unknown, string, (string | number)[]][] = [
      [{ money: -1 }, 'invalid_option', ['options', 'money']],
      [{ ratio: 2.5 }, 'invalid_option', ['options', 'ratio']],
      [{ as: 'bigint' }, 'invalid_option', ['options', 'as']],
      [{ rounding: 'up' }, 'invalid_option', ['options', 'rounding']],
      [{ fields: { mrr: 'cents' } }, 'invalid_option', ['options', 'fields', 'mrr']],
      [{ places: 2 }, 'unknown_field', ['options', 'places']],
    ];
    for (const [options, code, path] of bad) {
      expect(() => toJSON({}, options as ToJsonOptions)).toThrow(expect.objectContaining({ code, path }));
    }
    expect(() => toJSON({ rows: [{ value: Number.NaN }] })).toThrow(
      expect.objectContaining({ code: 'not_finite', path: ['input', 'rows', 0, 'value'] }),
    );
    expect(() => toJSON({ mrr: new Decimal('1e400') }, { as: 'number' })).toThrow(MetricInputError);
  });
});

describe('toJSON: properties', () => {
  const decimals = fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 25 }))
    .map(([digits, scale]) => new Decimal(digits.toString()).div(new Decimal(10).pow(scale)));

  it('round-trips within half a unit of the last place, for any Decimal and places', () => {
    fc.assert(
      fc.property(
        decimals,
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom('halfEven', 'halfUp'),
        (value, places, rounding) => {
          const out = toJSON({ mrr: value }, { money: places, rounding: rounding as 'halfEven' | 'halfUp' });
          const back = new Decimal(out.mrr);
          expect(back.minus(value).abs().lte(new Decimal(10).pow(-places).div(2))).toBe(true);
        },
      ),
    );
  });

  it('writes strings without exponent notation and numbers that are finite, for any Decimal', () => {
    fc.assert(
      fc.property(
        decimals,
        fc.constantFrom<'money' | 'ratio' | 'exact'>('money', 'ratio', 'exact'),
        (value, kind) => {
          const text = toJSON({ value }, { fields: { value: kind } }).value;
          expect(text).toMatch(/^-?\d+(\.\d+)?$/);
          const number = toJSON({ value }, { fields: { value: kind }, as: 'number' }).value;
          expect(Number.isFinite(number)).toBe(true);
          expect(number).toBe(Number(text));
        },
      ),
    );
  });
});

describe('toJSON: types', () => {
  it('maps Decimal to string (or number), Date to string, keeps null, deeply', () => {
    type Row = MrrMovements['periods'][number];
    expectTypeOf<Jsonified<Row>['endingMrr']>().toEqualTypeOf<string>();
    expectTypeOf<Jsonified<Row, 'number'>['endingMrr']>().toEqualTypeOf<number>();
    expectTypeOf<Jsonified<{ nrr: Decimal | null }>['nrr']>().toEqualTypeOf<string | null>();
    expectTypeOf<Jsonified<Row>['start']>().toEqualTypeOf<string>();
    expectTypeOf<Jsonified<{ at: Date; list: readonly Decimal[] }>>().toEqualTypeOf<{
      at: string;
      list: string[];
    }>();
    const result = mrrMovements([{ customerId: 'a', start: '2024-01-01', mrr: 1 }]);
    expectTypeOf(toJSON(result).periods).toEqualTypeOf<Jsonified<Row>[]>();
    expectTypeOf(toJSON(result, { as: 'number' }).periods[0]!.endingMrr).toEqualTypeOf<number>();
  });
});
