import { rejectInput } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';
import type { DayColumn, IdColumn, MinorUnitsColumn } from '../../revenue/subscriptionPeriod.js';
import type { ArrowData, ArrowVector } from '../types.js';

// Type ids of apache-arrow's `Type` enum (stable since Arrow JS 1.0).
const DICTIONARY = -1;
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;
const DECIMAL = 7;
const DATE = 8;
const LARGE_UTF8 = 20;
const DATE_DAY = 0;
const MS_PER_DAY = 86_400_000;

/**
 * An Arrow column as a column of ids: integers as a typed array (copied once), strings as strings, and a null
 * as `null` in a string column (which the validator rejects at its row).
 *
 * @private
 */
export function arrowIds(vector: ArrowVector, path: InputPath): IdColumn | readonly (string | null)[] {
  const { typeId, bitWidth = 0, isSigned = true } = vector.type;
  if (typeId === INT && !hasNulls(vector)) {
    if (bitWidth === 64) {
      return isSigned ? concat(vector, BigInt64Array, path) : concat(vector, BigUint64Array, path);
    }
    return isSigned || bitWidth < 32 ? concat(vector, Int32Array, path) : concat(vector, Uint32Array, path);
  }
  if (typeId === INT) return mapValues(vector, path, (value) => String(value)) as (string | null)[];
  return arrowStrings(vector, path);
}

/**
 * An Arrow column as a column of dates: DATE32 as day numbers (an `Int32Array`, or a `Float64Array` with NaN
 * for nulls), DATE64 as milliseconds / 86,400,000 (a time of day is not a whole day, which the validator
 * rejects), integers as day numbers, strings as `'YYYY-MM-DD'`.
 *
 * @private
 */
export function arrowDays(vector: ArrowVector, path: InputPath): DayColumn | readonly (string | null)[] {
  const { typeId, unit } = vector.type;
  if (typeId === DATE && unit === DATE_DAY && !hasNulls(vector)) return concat(vector, Int32Array, path);
  if (typeId === DATE || typeId === INT) {
    const days = new Float64Array(vector.length);
    let row = 0;
    for (const data of vector.data) {
      const values = typedValues(data, path);
      for (let index = 0; index < data.length; index += 1, row += 1) {
        const value = Number(values[index]);
        days[row] = !isValid(data, index)
          ? Number.NaN
          : typeId === DATE && unit !== DATE_DAY
            ? value / MS_PER_DAY
            : value;
      }
    }
    return days;
  }
  return arrowStrings(vector, path);
}

/**
 * An Arrow column as the `mrr` column: DECIMAL as integer minor units with the column's scale (a
 * `BigInt64Array` when every value fits 64 bits), integers as minor units with scale 0, floats as numbers,
 * strings as decimal strings; a null stays `null` (rejected by the validator at its row).
 *
 * @private
 */
export function arrowAmounts(
  vector: ArrowVector,
  path: InputPath,
): MinorUnitsColumn | Float64Array | readonly (number | string | null)[] {
  const { typeId, bitWidth = 0, isSigned = true, scale = 0 } = vector.type;
  // A null stays null in a plain array, which the validator rejects at its row.
  if (typeId === DECIMAL) return { minorUnits: decimalUnits(vector, bitWidth, path) as BigInt64Array, scale };
  if (typeId === INT && !hasNulls(vector)) {
    if (bitWidth < 64) {
      const minorUnits =
        isSigned || bitWidth < 32 ? concat(vector, Int32Array, path) : concat(vector, Uint32Array, path);
      return { minorUnits, scale: 0 };
    }
    if (isSigned) return { minorUnits: concat(vector, BigInt64Array, path), scale: 0 };
  }
  if (typeId === INT) {
    return { minorUnits: mapValues(vector, path, (value) => value) as (number | bigint)[], scale: 0 };
  }
  if (typeId === FLOAT && !hasNulls(vector)) return concat(vector, Float64Array, path);
  if (typeId === FLOAT) return mapValues(vector, path, (value) => Number(value)) as (number | null)[];
  return arrowStrings(vector, path);
}

/**
 * An Arrow column of strings (UTF8, LARGE_UTF8, a dictionary of strings, or any type the vector's own `get`
 * renders as a string) as an array, `null` for nulls.
 *
 * @private
 */
export function arrowStrings(vector: ArrowVector, path: InputPath): (string | null)[] {
  const strings: (string | null)[] = new Array(vector.length);
  let row = 0;
  for (const data of vector.data) {
    const chunk = chunkStrings(data, vector, row, path);
    for (let index = 0; index < data.length; index += 1, row += 1) {
      strings[row] = isValid(data, index) ? chunk(index) : null;
    }
  }
  return strings;
}

function chunkStrings(
  data: ArrowData,
  vector: ArrowVector,
  first: number,
  path: InputPath,
): (index: number) => string | null {
  const { typeId } = data.type;
  if (typeId === DICTIONARY && data.dictionary) {
    const words = arrowStrings(data.dictionary, path);
    const keys = typedValues(data, path);
    return (index) => words[Number(keys[index])] ?? null;
  }
  if ((typeId === UTF8 || typeId === LARGE_UTF8) && data.values instanceof Uint8Array) {
    const offsets = data.valueOffsets as ArrayLike<number | bigint>;
    const bytes = data.values;
    const from = Number(offsets[0]);
    const to = Number(offsets[data.length]);
    // Ids and dates are ASCII: one decode of the whole chunk, then slices (byte offsets are character offsets).
    let ascii = true;
    for (let position = from; ascii && position < to; position += 1) ascii = bytes[position]! < 0x80;
    if (ascii) {
      const text = new TextDecoder().decode(bytes.subarray(from, to));
      return (index) => text.slice(Number(offsets[index]) - from, Number(offsets[index + 1]) - from);
    }
    const decoder = new TextDecoder();
    return (index) => decoder.decode(bytes.subarray(Number(offsets[index]), Number(offsets[index + 1])));
  }
  const get = (vector as { get?: unknown }).get;
  if (typeof get !== 'function')
    return rejectInput('invalid_type', path, 'an Arrow column of strings', vector);
  return (index) => {
    const value: unknown = get.call(vector, first + index);
    return value === null || value === undefined ? null : String(value);
  };
}

// DECIMAL values are little-endian 32-bit words, `bitWidth / 32` per value, two's complement.
function decimalUnits(
  vector: ArrowVector,
  bitWidth: number,
  path: InputPath,
): BigInt64Array | (bigint | null)[] {
  const words = bitWidth / 32;
  const units: (bigint | null)[] = new Array(vector.length);
  let fits = true;
  let row = 0;
  for (const data of vector.data) {
    const values = data.values;
    if (!(values instanceof Uint32Array) || !(words >= 2) || values.length < words * data.length) {
      return rejectInput('invalid_type', path, 'an Arrow DECIMAL column', vector);
    }
    for (let index = 0; index < data.length; index += 1, row += 1) {
      if (!isValid(data, index)) {
        units[row] = null;
        fits = false;
        continue;
      }
      let value = 0n;
      for (let word = words - 1; word >= 0; word -= 1) {
        value = (value << 32n) | BigInt(values[index * words + word]!);
      }
      if (values[index * words + words - 1]! >= 0x8000_0000) value -= 1n << BigInt(bitWidth);
      fits &&= value >= -(2n ** 63n) && value < 2n ** 63n;
      units[row] = value;
    }
  }
  return fits ? BigInt64Array.from(units as bigint[]) : units;
}

type TypedArrayClass<T> = { new (length: number): T; BYTES_PER_ELEMENT: number };

function concat<T extends { set(values: ArrayLike<never>, offset: number): void }>(
  vector: ArrowVector,
  Type: TypedArrayClass<T>,
  path: InputPath,
): T {
  const result = new Type(vector.length);
  let row = 0;
  for (const data of vector.data) {
    const values = typedValues(data, path);
    if (values.length < data.length) return rejectInput('invalid_type', path, 'an Arrow column', vector);
    const chunk = values.length === data.length ? values : (values as Int32Array).subarray(0, data.length);
    result.set(chunk as ArrayLike<never>, row);
    row += data.length;
  }
  return result;
}

function mapValues(
  vector: ArrowVector,
  path: InputPath,
  map: (value: number | bigint) => unknown,
): unknown[] {
  const result: unknown[] = new Array(vector.length);
  let row = 0;
  for (const data of vector.data) {
    const values = typedValues(data, path);
    for (let index = 0; index < data.length; index += 1, row += 1) {
      result[row] = isValid(data, index) ? map(values[index] as number | bigint) : null;
    }
  }
  return result;
}

function typedValues(data: ArrowData, path: InputPath): ArrayLike<number | bigint> {
  const values = data.values;
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) {
    return values as unknown as ArrayLike<number | bigint>;
  }
  return rejectInput('invalid_type', path, 'an Arrow column with a values buffer', values);
}

function hasNulls(vector: ArrowVector): boolean {
  return vector.data.some((data) => data.nullCount !== 0 && (data.nullBitmap?.length ?? 0) > 0);
}

// The validity bitmap is not sliced with the values: row `index` of a chunk is bit `offset + index`.
function isValid(data: ArrowData, index: number): boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || bitmap === undefined || bitmap === null || bitmap.length === 0) return true;
  const bit = data.offset + index;
  return ((bitmap[bit >> 3]! >> (bit & 7)) & 1) === 1;
}
