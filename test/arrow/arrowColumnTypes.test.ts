import {
  Decimal,
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
  Table,
  Uint8,
  Uint32,
  Uint64,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowSubscriptionColumns } from '../../src/arrow/index.js';
import type { ArrowTable, ArrowVector } from '../../src/arrow/types.js';
import { MetricInputError } from '../../src/index.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}

// Two rows of valid string customers, start dates and float MRR; `extra` replaces or adds columns.
function table(extra: Record<string, unknown>) {
  return new Table({
    customer_id: vectorFromArray(['a', 'b']),
    start_date: vectorFromArray(['2024-01-01', '2024-02-01']),
    mrr: vectorFromArray([1, 2], new Float64()),
    ...extra,
  } as never);
}

// A table-like object whose columns are hand-made vectors (shapes apache-arrow itself never produces).
function fakeTable(columns: Record<string, unknown>, numRows = 2): ArrowTable {
  const base: Record<string, unknown> = {
    customer_id: vectorFromArray(['a', 'b']),
    start_date: vectorFromArray(['2024-01-01', '2024-02-01']),
    mrr: vectorFromArray([1, 2], new Float64()),
  };
  const all = { ...base, ...columns };
  return { numRows, getChild: (name: string) => (all[name] ?? null) as ArrowVector | null };
}

type FakeType = { typeId: number; bitWidth?: number; isSigned?: boolean; scale?: number };

function fakeVector(type: FakeType, chunk: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const length = (chunk.length as number | undefined) ?? 2;
  return { length, type, data: [{ type, offset: 0, length, nullCount: 0, ...chunk }], ...extra };
}

describe('arrowSubscriptionColumns: integer id columns', () => {
  it('reads Int32, Uint8, Uint32 and Uint64 ids without nulls as typed arrays', () => {
    expect(
      arrowSubscriptionColumns(table({ customer_id: vectorFromArray([7, -3], new Int32()) })).customerId,
    ).toEqual(Int32Array.of(7, -3));
    expect(
      arrowSubscriptionColumns(table({ customer_id: vectorFromArray([7, 255], new Uint8()) })).customerId,
    ).toEqual(Int32Array.of(7, 255));
    const uint32 = arrowSubscriptionColumns(
      table({ customer_id: vectorFromArray([7, 4_000_000_000], new Uint32()) }),
    );
    expect(uint32.customerId).toEqual(Uint32Array.of(7, 4_000_000_000));
    const uint64 = arrowSubscriptionColumns(
      table({ customer_id: vectorFromArray([7n, 2n ** 64n - 1n], new Uint64()) }),
    );
    expect(uint64.customerId).toEqual(BigUint64Array.of(7n, 2n ** 64n - 1n));
  });

  it('reads an integer id column with a null as strings with null at its row', () => {
    const columns = arrowSubscriptionColumns(table({ customer_id: vectorFromArray([7, null], new Int32()) }));
    expect(columns.customerId).toEqual(['7', null]);
  });

  it('reads a float id column through the vector get as strings', () => {
    const columns = arrowSubscriptionColumns(
      table({ customer_id: vectorFromArray([1.5, 2], new Float64()) }),
    );
    expect(columns.customerId).toEqual(['1.5', '2']);
  });
});

describe('arrowSubscriptionColumns: integer and decimal mrr columns', () => {
  it('reads Int32, Uint8, Uint32 and Int64 MRR as minor units with scale 0', () => {
    expect(arrowSubscriptionColumns(table({ mrr: vectorFromArray([5, 7], new Int32()) })).mrr).toEqual({
      minorUnits: Int32Array.of(5, 7),
      scale: 0,
    });
    expect(arrowSubscriptionColumns(table({ mrr: vectorFromArray([5, 200], new Uint8()) })).mrr).toEqual({
      minorUnits: Int32Array.of(5, 200),
      scale: 0,
    });
    expect(
      arrowSubscriptionColumns(table({ mrr: vectorFromArray([5, 4_000_000_000], new Uint32()) })).mrr,
    ).toEqual({
      minorUnits: Uint32Array.of(5, 4_000_000_000),
      scale: 0,
    });
    expect(
      arrowSubscriptionColumns(table({ mrr: vectorFromArray([5n, 2n ** 62n], new Int64()) })).mrr,
    ).toEqual({
      minorUnits: BigInt64Array.of(5n, 2n ** 62n),
      scale: 0,
    });
  });

  it('reads Uint64 MRR (which may not fit a signed 64-bit array) and integers with nulls as plain arrays', () => {
    expect(
      arrowSubscriptionColumns(table({ mrr: vectorFromArray([5n, 2n ** 64n - 1n], new Uint64()) })).mrr,
    ).toEqual({
      minorUnits: [5n, 2n ** 64n - 1n],
      scale: 0,
    });
    expect(arrowSubscriptionColumns(table({ mrr: vectorFromArray([5, null], new Int32()) })).mrr).toEqual({
      minorUnits: [5, null],
      scale: 0,
    });
  });

  it('reads a DECIMAL column with a null as a plain array with null at its row', () => {
    const words = Uint32Array.of(1999, 0, 0, 0, 0, 0, 0, 0);
    const data = makeData({
      type: new Decimal(2, 18, 128),
      length: 2,
      data: words,
      nullCount: 1,
      nullBitmap: Uint8Array.of(0b01),
    });
    expect(arrowSubscriptionColumns(table({ mrr: makeVector(data) })).mrr).toEqual({
      minorUnits: [1999n, null],
      scale: 2,
    });
  });

  it('refuses a DECIMAL column whose values are not 32-bit words, are too narrow, or are too short', () => {
    const decimal = { typeId: 7, bitWidth: 128, scale: 2 };
    const cases = [
      fakeVector(decimal, { values: new Float64Array(8) }),
      fakeVector({ ...decimal, bitWidth: 32 }, { values: new Uint32Array(2) }),
      fakeVector(decimal, { values: new Uint32Array(7) }),
    ];
    for (const mrr of cases) {
      expect(errorOf(() => arrowSubscriptionColumns(fakeTable({ mrr })))).toMatchObject({
        code: 'invalid_type',
        path: ['table', 'mrr'],
        expected: 'an Arrow DECIMAL column',
      });
    }
  });
});

describe('arrowSubscriptionColumns: strings', () => {
  it('reads non-ASCII UTF-8 labels and turns a null label into undefined', () => {
    const columns = arrowSubscriptionColumns(
      table({
        currency: vectorFromArray(['EUR', null], new Utf8()),
        segment: vectorFromArray(['Zürich', '東京'], new Utf8()),
      }),
    );
    expect(columns.currency).toEqual(['EUR', undefined]);
    expect(columns.segment).toEqual(['Zürich', '東京']);
  });

  it('reads a dictionary key outside its dictionary as null', () => {
    const dictionary = vectorFromArray(['s1']);
    const type = { typeId: -1 };
    const subscription_id = fakeVector(type, { values: Int32Array.of(0, 5), dictionary });
    expect(arrowSubscriptionColumns(fakeTable({ subscription_id })).subscriptionId).toEqual(['s1', null]);
  });

  it('reads a value the vector get gives as undefined as null', () => {
    const customer_id = fakeVector({ typeId: 6 }, { values: new Uint8Array(1) }, { get: () => undefined });
    expect(arrowSubscriptionColumns(fakeTable({ customer_id })).customerId).toEqual([null, null]);
  });

  it('refuses a column of another type that has no get method', () => {
    const customer_id = fakeVector({ typeId: 6 }, { values: new Uint8Array(1) });
    expect(errorOf(() => arrowSubscriptionColumns(fakeTable({ customer_id })))).toMatchObject({
      code: 'invalid_type',
      path: ['table', 'customer_id'],
      expected: 'an Arrow column of strings',
    });
  });
});

describe('arrowSubscriptionColumns: malformed buffers and columns', () => {
  it('refuses an integer column whose values buffer is shorter than the chunk', () => {
    const customer_id = fakeVector({ typeId: 2, bitWidth: 32 }, { values: Int32Array.of(1) });
    expect(errorOf(() => arrowSubscriptionColumns(fakeTable({ customer_id })))).toMatchObject({
      code: 'invalid_type',
      path: ['table', 'customer_id'],
      expected: 'an Arrow column',
    });
  });

  it('refuses an integer column whose values are a plain array or a DataView', () => {
    for (const values of [[1, 2], new DataView(new ArrayBuffer(8))]) {
      const start_date = fakeVector({ typeId: 2, bitWidth: 32 }, { values });
      expect(errorOf(() => arrowSubscriptionColumns(fakeTable({ start_date })))).toMatchObject({
        code: 'invalid_type',
        path: ['table', 'start_date'],
        expected: 'an Arrow column with a values buffer',
      });
    }
  });

  it('treats a chunk that counts nulls but has no validity bitmap as having none', () => {
    const mrr = fakeVector({ typeId: 2, bitWidth: 32 }, { values: Int32Array.of(3, 4), nullCount: 1 });
    expect(arrowSubscriptionColumns(fakeTable({ mrr })).mrr).toEqual({
      minorUnits: Int32Array.of(3, 4),
      scale: 0,
    });
  });

  it('refuses a column name that is not a string', () => {
    expect(errorOf(() => arrowSubscriptionColumns(table({}), { customerId: 5 as never }))).toMatchObject({
      code: 'invalid_type',
      path: ['columns', 'customerId'],
      expected: 'a column name',
    });
  });

  it('refuses a column that is not a vector of the table length', () => {
    const shorter = vectorFromArray(['a']);
    for (const customer_id of [shorter, 'a column']) {
      expect(errorOf(() => arrowSubscriptionColumns(fakeTable({ customer_id })))).toMatchObject({
        code: 'invalid_type',
        path: ['table', 'customer_id'],
        expected: 'an Arrow column of 2 values',
      });
    }
  });
});
