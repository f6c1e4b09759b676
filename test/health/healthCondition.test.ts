import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Condition, matchesCondition, toDecimal } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';
import { accountArb, conditionArb } from './conditionArbitraries.js';

describe('matchesCondition: worked examples', () => {
  const account = { mrr: '1200', plan: 'pro', seats: 12, sponsor: false, churnRisk: null };
  it.each([
    [{ field: 'mrr', gte: 1000 }, true],
    [{ field: 'mrr', gt: 1200 }, false],
    [{ field: 'mrr', gte: 1000, lt: 1200 }, false],
    [{ field: 'mrr', lte: 1200, gt: 1199.99 }, true],
    [{ field: 'mrr', eq: 1200 }, true],
    [{ field: 'mrr', eq: '1200' }, true],
    [{ field: 'seats', eq: 12 }, true],
    [{ field: 'seats', in: [10, 12] }, true],
    [{ field: 'plan', eq: 12 }, false],
    [{ field: 'plan', in: ['enterprise'] }, false],
    [{ field: 'plan', notIn: ['free'] }, true],
    [{ field: 'plan', ne: 'pro' }, false],
    [{ field: 'sponsor', eq: false }, true],
    [{ field: 'sponsor', eq: 'false' }, false],
    [{ field: 'churnRisk', exists: false }, true],
    [{ field: 'churnRisk', ne: 'high' }, true],
    [{ field: 'churnRisk', notIn: ['high'] }, true],
    [{ field: 'churnRisk', eq: 'high' }, false],
    [{ field: 'churnRisk', gte: 0 }, false],
    [{ field: 'toString', exists: true }, false],
    [{ all: [] }, true],
    [{ any: [] }, false],
    [
      {
        any: [
          { field: 'plan', eq: 'free' },
          { field: 'seats', gt: 10 },
        ],
      },
      true,
    ],
    [
      {
        not: {
          all: [
            { field: 'plan', eq: 'pro' },
            { field: 'mrr', gte: 1000 },
          ],
        },
      },
      false,
    ],
  ] as const)('%j on the sample account is %s', (condition, expected) => {
    expect(matchesCondition(account, condition as Condition)).toBe(expected);
  });

  it('compares Decimals and decimal strings numerically', () => {
    expect(matchesCondition({ mrr: toDecimal('1e3') }, { field: 'mrr', eq: 1000 })).toBe(true);
    expect(matchesCondition({ mrr: '0.30' }, { field: 'mrr', eq: 0.3 })).toBe(true);
    expect(matchesCondition({ mrr: 'n/a' }, { field: 'mrr', eq: 1 })).toBe(false);
    expect(matchesCondition({ mrr: true }, { field: 'mrr', eq: 1 })).toBe(false);
  });
});

describe('matchesCondition: properties', () => {
  it('not negates, and all/any obey De Morgan', () => {
    fc.assert(
      fc.property(accountArb, conditionArb, conditionArb, (account, a, b) => {
        expect(matchesCondition(account, { not: a })).toBe(!matchesCondition(account, a));
        expect(matchesCondition(account, { all: [a, b] })).toBe(
          !matchesCondition(account, { any: [{ not: a }, { not: b }] }),
        );
        expect(matchesCondition(account, { any: [a, b] })).toBe(
          matchesCondition(account, a) || matchesCondition(account, b),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('survives a JSON round trip', () => {
    fc.assert(
      fc.property(accountArb, conditionArb, (account, condition) => {
        const copy = JSON.parse(JSON.stringify(condition)) as Condition;
        expect(matchesCondition(account, copy)).toBe(matchesCondition(account, condition));
      }),
      { numRuns: 100 },
    );
  });

  it('compares numbers as an oracle does, whatever form the value takes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (cents, bound) => {
          const value = cents / 100;
          for (const form of [value, String(value), toDecimal(value)]) {
            expect(matchesCondition({ x: form }, { field: 'x', gte: bound / 100 })).toBe(
              value >= bound / 100,
            );
            expect(matchesCondition({ x: form }, { field: 'x', lt: bound / 100 })).toBe(value < bound / 100);
            expect(matchesCondition({ x: form }, { field: 'x', eq: bound / 100 })).toBe(cents === bound);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('matchesCondition: bad input', () => {
  it.each([
    ['a condition without an operator', { field: 'mrr' }, 'invalid_config', ['condition']],
    ['an unknown operator', { field: 'mrr', above: 3 }, 'unknown_field', ['condition']],
    ['an empty field name', { field: '', eq: 1 }, 'out_of_range', ['condition', 'field']],
    [
      'a non-number bound, nested',
      {
        all: [
          { field: 'x', eq: 1 },
          { field: 'y', gte: 'a' },
        ],
      },
      'invalid_type',
      ['condition', 'all', 1, 'gte'],
    ],
    ['a non-array all', { all: { field: 'mrr', eq: 1 } }, 'invalid_type', ['condition', 'all']],
    ['a field beside a combinator', { any: [], field: 'x' }, 'unknown_field', ['condition', 'field']],
    ['a non-object not', { not: 3 }, 'invalid_type', ['condition', 'not']],
    ['a null condition', null, 'invalid_type', ['condition']],
  ] as const)('rejects %s', (_name, condition, code, path) => {
    expect(errorOf(() => matchesCondition({}, condition as never))).toMatchObject({ code, path });
  });

  it('rejects a non-numeric value under a numeric comparison, and a non-object account', () => {
    expect(errorOf(() => matchesCondition({ mrr: 'lots' }, { field: 'mrr', gte: 1 }))).toMatchObject({
      code: 'invalid_number',
      path: ['account', 'mrr'],
    });
    expect(errorOf(() => matchesCondition(null as never, { all: [] }))).toMatchObject({
      code: 'invalid_type',
      path: ['account'],
    });
  });
});
