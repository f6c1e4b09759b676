import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { isoDayNumber } from '../../src/core/internal/isoDayNumber.js';
import { fromDayNumber, MetricInputError, toCalendarDate, toDayNumber } from '../../src/index.js';
import { IdIndex, idHash, LONG_PROBE } from '../../src/revenue/internal/idIndex.js';
import { normalizeSubscriptionPeriods } from '../../src/revenue/internal/normalizeSubscriptionPeriods.js';
import { OPEN_END, subscriptionColumns } from '../../src/revenue/internal/subscriptionColumns.js';
import type { SubscriptionPeriod } from '../../src/revenue/subscriptionPeriod.js';
import { subscriptionPeriods } from '../arbitraries.js';

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    return { code: error.code, path: error.path, message: error.message, expected: error.expected };
  }
}

// Rows the validator must judge: good rows and every kind of bad field, mixed in any order.
const badField = fc.constantFrom<[keyof SubscriptionPeriod | 'row', unknown]>(
  ['row', null],
  ['customerId', ''],
  ['customerId', 7],
  ['subscriptionId', 3],
  ['start', '2024-02-30'],
  ['start', 'soon'],
  ['end', '2020-01-01'],
  ['end', new Date(Number.NaN)],
  ['mrr', -1],
  ['mrr', Number.POSITIVE_INFINITY],
  ['mrr', 'ten'],
);
const judgedRows = fc
  .tuple(subscriptionPeriods(6), fc.array(fc.tuple(fc.nat(), badField), { maxLength: 2 }), fc.boolean())
  .map(([rows, damage, overlap]) => {
    const damaged: unknown[] = rows.map((row) => ({ ...row }));
    for (const [position, [field, value]] of damage) {
      if (damaged.length === 0) break;
      const at = position % damaged.length;
      damaged[at] = field === 'row' ? value : { ...(damaged[at] as object), [field]: value };
    }
    // Repeating a row with a subscriptionId makes an overlap (unless damage already failed it).
    if (overlap && rows.length > 0) damaged.push({ ...rows[0]!, customerId: 'zz' });
    return damaged as SubscriptionPeriod[];
  });

describe('subscriptionColumns', () => {
  it('stores each row as day numbers, id indexes and a distinct-amount index', () => {
    const columns = subscriptionColumns([
      { customerId: 'b', subscriptionId: 's', start: '1970-01-02', end: '1970-01-11', mrr: '9.99' },
      { customerId: 'a', start: '1970-01-05', end: null, mrr: '9.99' },
      { customerId: 'b', subscriptionId: 's', start: '1970-01-11', mrr: 5 },
    ]);
    expect(columns.customerIds).toEqual(['b', 'a']);
    expect([...columns.customer]).toEqual([0, 1, 0]);
    expect([...columns.startDay]).toEqual([1, 4, 10]);
    expect([...columns.endDay]).toEqual([10, OPEN_END, OPEN_END]);
    expect(columns.amounts.map(String)).toEqual(['9.99', '5']);
    expect([...columns.amount]).toEqual([0, 0, 1]);
  });

  it('gives every row its own amount when amounts change from row to row, table collisions included', () => {
    // More distinct amounts than the validator's table of recent amounts has slots (1,024), so some share a
    // slot; strings and numbers of one value stay distinct inputs of one value.
    const values: (number | string)[] = Array.from({ length: 3000 }, (_, n) => n * 0.01 + (n % 7) * 1000);
    values.push(5, '5', 1e20, 0.064, 0.128);
    const check = (amounts: readonly (number | string)[]) => {
      const columns = subscriptionColumns(
        amounts.map((mrr, row) => ({ customerId: `c${row % 7}`, start: '2024-01-01', mrr })),
      );
      amounts.forEach((mrr, row) => {
        expect(columns.amounts[columns.amount[row]!]!.equals(new Decimal(mrr))).toBe(true);
      });
    };
    fc.assert(fc.property(fc.array(fc.constantFrom(...values), { maxLength: 300 }), check), { numRuns: 100 });
    check([...values, ...values.slice().reverse(), ...values]);
  });

  it('reports the first overlap in input order of subscriptions, as the row-object validator did', () => {
    const error = outcome(() =>
      subscriptionColumns([
        { customerId: 'a', subscriptionId: 't', start: '2024-03-01', end: '2024-05-01', mrr: 1 },
        { customerId: 'a', subscriptionId: 's', start: '2024-02-01', end: '2024-04-01', mrr: 1 },
        { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-03-01', mrr: 1 },
        { customerId: 'a', subscriptionId: 't', start: '2024-01-01', end: '2024-04-01', mrr: 1 },
      ]),
    ) as { code: string; path: unknown[]; message: string };
    expect(error.code).toBe('overlapping_periods');
    expect(error.message).toBe(
      'subscriptions[3] overlaps subscriptions[0]: both are subscription "t" over the same dates',
    );
  });

  it('treats an empty subscriptionId as an id like any other', () => {
    // Regression: the empty string's hash once missed the int32 conversion and was never found again.
    expect(
      outcome(() =>
        subscriptionColumns([
          { customerId: 'a', subscriptionId: '', start: '2024-01-01', mrr: 1 },
          { customerId: 'b', subscriptionId: 'x', start: '2024-01-01', mrr: 1 },
          { customerId: 'a', subscriptionId: '', start: '2024-02-01', mrr: 1 },
        ]),
      ),
    ).toMatchObject({ code: 'overlapping_periods', path: ['subscriptions', 2, 'start'] });
  });

  it('sorts a long unordered subscription before checking it', () => {
    const days = Array.from({ length: 40 }, (_, index) => 39 - index);
    const rows = days.map((day) => ({
      customerId: 'a',
      subscriptionId: 's',
      start: fromDayNumber(19_700 + 10 * day),
      end: fromDayNumber(19_710 + 10 * day),
      mrr: 1,
    }));
    expect(subscriptionColumns(rows).length).toBe(40);
    const overlapping = [...rows, { ...rows[5]!, end: fromDayNumber(19_700 + 10 * 34 + 11) }];
    expect(outcome(() => subscriptionColumns(overlapping))).toMatchObject({
      code: 'overlapping_periods',
      path: ['subscriptions', 40, 'start'],
    });
  });

  it('accepts and rejects exactly the rows normalizeSubscriptionPeriods does, with the same errors', () => {
    fc.assert(
      fc.property(judgedRows, (rows) => {
        const columnar = outcome(() => {
          const columns = subscriptionColumns(rows);
          return Array.from({ length: columns.length }, (_, index) => [
            columns.customerIds[columns.customer[index]!],
            rows[index]!.subscriptionId,
            columns.startDay[index],
            columns.endDay[index] === OPEN_END ? null : columns.endDay[index],
            columns.amounts[columns.amount[index]!]!.toString(),
          ]);
        });
        const objects = outcome(() =>
          normalizeSubscriptionPeriods(rows).map((row) => [
            row.customerId,
            row.subscriptionId,
            row.startDay,
            row.endDay,
            row.mrr.toString(),
          ]),
        );
        expect(columnar).toEqual(objects);
        // And each kept row is what its input says, read independently.
        const kept = objects as { value?: unknown[][] };
        kept.value?.forEach((row, index) => {
          const input = rows[index]!;
          expect(row[2]).toBe(toDayNumber(toCalendarDate(input.start)));
          expect(new Decimal(row[4] as string).equals(new Decimal(input.mrr.toString()))).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('reads every valid ISO date like toDayNumber and rejects every string toCalendarDate rejects', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1000-01-01'), max: toDayNumber('9998-12-31') }), (day) => {
        expect(isoDayNumber(fromDayNumber(day))).toBe(toDayNumber(fromDayNumber(day)));
      }),
      { numRuns: 500 },
    );
    const dateLike = fc
      .tuple(
        fc.integer({ min: 0, max: 10_999 }),
        fc.integer({ min: 0, max: 19 }),
        fc.integer({ min: 0, max: 39 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 11 })), (text) => {
        let expected = Number.NaN;
        try {
          expected = toDayNumber(toCalendarDate(text));
        } catch (error) {
          expect(error).toBeInstanceOf(MetricInputError);
        }
        expect(isoDayNumber(text)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('IdIndex', () => {
  const numbering = (ids: readonly string[]) => {
    const index = new IdIndex();
    return { numbers: ids.map((id) => index.indexOf(id)), ids: index.ids };
  };
  const byMap = (ids: readonly string[]) => {
    const map = new Map<string, number>();
    const numbers = ids.map((id) => {
      if (!map.has(id)) map.set(id, map.size);
      return map.get(id)!;
    });
    return { numbers, ids: [...map.keys()] };
  };

  it('numbers ids in order of first appearance, like a Map, sorted or not', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 2000 }), fc.boolean(), (ids, sort) => {
        const input = sort ? [...ids].sort() : ids;
        expect(numbering(input)).toEqual(byMap(input));
      }),
      { numRuns: 100 },
    );
  });

  // The validator's way: indexOf while ids ascend, then the hashes of the rest and one indexAll.
  const deferredNumbering = (ids: readonly (string | undefined)[]) => {
    const index = new IdIndex();
    const numbers = new Int32Array(ids.length);
    let from = ids.length;
    ids.forEach((id, row) => {
      if (index.hashed) {
        from = Math.min(from, row);
        numbers[row] = id === undefined ? 12345 : idHash(id);
      } else numbers[row] = id === undefined ? -1 : index.indexOf(id);
    });
    index.indexAll(numbers, from, (row) => ids[row]);
    return { numbers: Array.from(numbers), ids: index.ids };
  };

  it('numbers a column after its hashes (indexAll) as indexOf one by one does, rows without an id -1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ maxLength: 3 }), { nil: undefined, freq: 5 }), { maxLength: 3000 }),
        fc.nat({ max: 3000 }),
        (ids, sortedPrefix) => {
          // An ascending prefix first (numbered without hashing), then ids in no order.
          const input = [...ids.slice(0, sortedPrefix).sort(), ...ids.slice(sortedPrefix)];
          const expected = byMap(input.filter((id): id is string => id !== undefined));
          const mapped = input.map((id) => (id === undefined ? -1 : expected.numbers.shift()!));
          expect(deferredNumbering(input)).toEqual({ numbers: mapped, ids: expected.ids });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('grows its table past its first size for ids in no order', () => {
    const ids = Array.from({ length: 3000 }, (_, n) => `cus_${(n * 7919) % 3000}`);
    const input = [...ids, ...ids.slice(0, 100).reverse()];
    expect(numbering(input)).toEqual(byMap(input));
  });

  it('falls back to a Map when ids collide, and still numbers them the same', () => {
    // FNV-1a, written out independently: ids whose hashes share their low 9 bits all probe the same slots.
    const fnv = (text: string) => {
      let hash = 0x811c9dc5;
      for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
      return hash;
    };
    const colliding: string[] = [];
    for (let n = 0; colliding.length < 2 * LONG_PROBE; n += 1) {
      if ((fnv(`id${n}`) & 511) === 0) colliding.push(`id${n}`);
    }
    const input = ['zz', ...colliding, ...colliding.slice(0, 5), 'id-new'];
    expect(numbering(input)).toEqual(byMap(input));
    expect(deferredNumbering(input)).toEqual(byMap(input));
    // Colliding ids given in order build the table only when one arrives out of order, then also fall back.
    const late = [...colliding].sort();
    const crowd = [...late, ...Array.from({ length: 300 }, (_, n) => `~${n}`), late[0]!];
    expect(numbering(crowd)).toEqual(byMap(crowd));
  });
});
