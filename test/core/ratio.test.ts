import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fromZodIssues, parseWithSchema } from '../../src/core/internal/fromZodIssues.js';
import { assertArray, assertObject, oneOf } from '../../src/core/internal/options.js';
import { ratioOrNull } from '../../src/core/internal/ratio.js';
import { MetricInputError, toDecimal } from '../../src/index.js';

describe('ratioOrNull', () => {
  it('is null over zero and the exact quotient otherwise', () => {
    expect(ratioOrNull(toDecimal(5), toDecimal(0))).toBeNull();
    expect(ratioOrNull(toDecimal(0), toDecimal(0))).toBeNull();
    expect(ratioOrNull(toDecimal(1), toDecimal(8))?.toString()).toBe('0.125');
  });

  it('times the denominator gives back the numerator (to 30 places)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer().filter((value) => value !== 0),
        (a, b) => {
          const quotient = ratioOrNull(toDecimal(a), toDecimal(b));
          expect(quotient!.times(b).minus(a).abs().lessThan('1e-25')).toBe(true);
        },
      ),
    );
  });
});

describe('options', () => {
  it('oneOf lists the choices', () => {
    expect(() => oneOf('x', ['a', 'b'], ['denominator'])).toThrow(
      'denominator must be one of "a", "b", received "x"',
    );
  });

  it('assertObject and assertArray name the field', () => {
    expect(() => assertObject(null, ['input'])).toThrow(MetricInputError);
    expect(() => assertObject([], ['input'])).toThrow(/an object/);
    expect(() => assertArray({}, ['rows'])).toThrow('rows must be an array, received an object');
    expect(() => assertObject({}, [])).not.toThrow();
  });
});

describe('zod issues become MetricInputError', () => {
  const schema = z.object({ groups: z.array(z.object({ weight: z.number().check(z.nonnegative()) })) });

  it('keeps the path and the received value', () => {
    let caught: unknown;
    try {
      parseWithSchema(schema, { groups: [{ weight: 1 }, { weight: -2 }] }, ['scorecard']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MetricInputError);
    expect(caught).toMatchObject({
      code: 'out_of_range',
      path: ['scorecard', 'groups', 1, 'weight'],
      received: '-2',
    });
  });

  it('returns the parsed data when valid', () => {
    expect(parseWithSchema(schema, { groups: [] })).toEqual({ groups: [] });
  });

  it('maps an empty issue list to a generic error rather than crashing', () => {
    expect(fromZodIssues([]).code).toBe('invalid_value');
  });
});
