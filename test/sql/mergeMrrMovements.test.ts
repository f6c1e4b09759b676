import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError, mrrMovements, type SubscriptionPeriod } from '../../src/index.js';
import { mergeMrrMovements } from '../../src/sql/index.js';
import { subscriptionPeriods } from '../arbitraries.js';
import { movementOptions, plainRows } from './engineEquality.js';

describe('mergeMrrMovements: worked examples', () => {
  it('adds two shards period by period', () => {
    const options = { from: '2024-01-01', to: '2024-03-31' };
    const a = mrrMovements([{ customerId: 'a', start: '2024-01-05', end: '2024-03-10', mrr: 100 }], options);
    const b = mrrMovements([{ customerId: 'b', start: '2024-02-10', mrr: 50 }], options);
    const merged = mergeMrrMovements([a.periods, b.periods]);
    // Jan: a new 100 → 100, 1 customer; Feb: b new 50 → 150, 2; Mar: a churns 100 → 50, 1.
    expect(
      merged.map((row) => [
        row.start,
        `${row.newMrr}`,
        `${row.churnedMrr}`,
        `${row.endingMrr}`,
        row.endingCustomers,
      ]),
    ).toEqual([
      ['2024-01-01', '100', '0', '100', 1],
      ['2024-02-01', '50', '0', '150', 2],
      ['2024-03-01', '0', '100', '50', 1],
    ]);
  });

  it('gives [] for no parts and skips empty shards', () => {
    expect(mergeMrrMovements([])).toEqual([]);
    const only = mrrMovements([{ customerId: 'a', start: '2024-01-05', mrr: 10 }]).periods;
    expect(plainRows(mergeMrrMovements([[], only, []]))).toEqual(plainRows(only));
  });
});

function shard(periods: readonly SubscriptionPeriod[], shards: number, salt: number): SubscriptionPeriod[][] {
  const parts: SubscriptionPeriod[][] = Array.from({ length: shards }, () => []);
  for (const row of periods) {
    const id = row.customerId;
    let hash = salt;
    for (let index = 0; index < id.length; index += 1) hash = (hash * 31 + id.charCodeAt(index)) >>> 0;
    parts[hash % shards]!.push(row);
  }
  return parts;
}

describe('mergeMrrMovements: properties', () => {
  it('merging the tables of customer shards gives the table of all customers, for any options', () => {
    fc.assert(
      fc.property(
        subscriptionPeriods(),
        movementOptions,
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        (periods, options, shards, salt) => {
          const whole = mrrMovements(periods, options).periods;
          // Every shard needs the whole table's range: a shard's own default range would differ.
          const range =
            whole.length === 0
              ? {}
              : { ...options, from: whole[0]!.start, to: whole[whole.length - 1]!.start };
          const parts = shard(periods, shards, salt).map(
            (part) => mrrMovements(part, { ...options, ...range }).periods,
          );
          expect(plainRows(mergeMrrMovements(parts))).toEqual(plainRows(whole));
        },
      ),
      { numRuns: 40 },
    );
  }, 20_000);

  it('is independent of the order of the parts', () => {
    fc.assert(
      fc.property(subscriptionPeriods(), fc.nat(), (periods, salt) => {
        const options = { from: '2023-01-01', to: '2025-06-30' };
        const parts = shard(periods, 3, salt).map((part) => mrrMovements(part, options).periods);
        expect(plainRows(mergeMrrMovements([...parts].reverse()))).toEqual(
          plainRows(mergeMrrMovements(parts)),
        );
      }),
      { numRuns: 50 },
    );
  });
});

/** `values` followed by one hole (a real one, not undefined): the length says one more element than there is. */
function withHole<T>(values: T[]): T[] {
  const holey = [...values];
  holey.length += 1;
  return holey;
}

describe('mergeMrrMovements: bad input', () => {
  const january = mrrMovements([{ customerId: 'a', start: '2024-01-05', mrr: 10 }], {
    to: '2024-02-15',
  }).periods;
  const shifted = mrrMovements([{ customerId: 'b', start: '2024-02-05', mrr: 10 }], {
    to: '2024-03-15',
  }).periods;

  it.each([
    [[january, january.slice(0, 1)], 'invalid_value', ['parts', 1]],
    [[january, shifted], 'invalid_value', ['parts', 1, 0, 'start']],
    [[january, [{ ...january[0]!, newMrr: -1 }, january[1]!]], 'negative_amount', ['parts', 1, 0, 'newMrr']],
    [
      [january, [{ ...january[0]!, endingCustomers: 1.5 }, january[1]!]],
      'not_integer',
      ['parts', 1, 0, 'endingCustomers'],
    ],
    [[january, ['row', 'row']], 'invalid_type', ['parts', 1, 0]],
    [['table'], 'invalid_type', ['parts', 0]],
    ['parts', 'invalid_type', ['parts']],
    // forEach and map skip holes: these merged a shorter table, or gave a null row, without a word.
    [[january, withHole(january.slice(0, 1))], 'invalid_type', ['parts', 1, 1]],
    [withHole([january]), 'invalid_type', ['parts', 1]],
    [
      [january, [{ ...january[0]!, start: '2024-01-32' }, january[1]!]],
      'invalid_date',
      ['parts', 1, 0, 'start'],
    ],
  ])('%j gives %s at %j', (parts, code, path) => {
    expect(() => mergeMrrMovements(parts as never)).toThrow(MetricInputError);
    expect(() => mergeMrrMovements(parts as never)).toThrow(expect.objectContaining({ code, path }));
  });
});
