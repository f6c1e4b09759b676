import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { MetricInputError } from '../../src/index.js';

// "No other error escapes a metric": every public function of the package, called with arbitrary values (objects
// with odd prototypes, bigints, Dates, NaN, sparse arrays, nested garbage), either returns or throws a
// MetricInputError; never a TypeError, a RangeError or a decimal.js error. Functions marked @private are internal
// building blocks that take values the library has already validated, and are left out.
const SRC = join(import.meta.dirname, '../../src');
const privateNames = new Set<string>();
for (const entry of readdirSync(SRC, { recursive: true }) as string[]) {
  if (!entry.endsWith('.ts')) continue;
  const text = readFileSync(join(SRC, entry), 'utf8');
  for (const match of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:async )?function (\w+)/g)) {
    if (match[1]!.includes('@private')) privateNames.add(match[2]!);
  }
}

// Helpers for writing one's own metrics take, besides the value, the path the caller wants in the error (or the
// list of allowed options): those are the caller's code, not data, so only the data is arbitrary here.
const PATH = ['field'];
const callWith: Record<string, (value: unknown, other: unknown) => unknown[]> = {
  toDecimal: (value, sign) => [value, PATH, sign],
  toUnitInterval: (value) => [value, PATH],
  toCount: (value) => [value, PATH],
  toCalendarDate: (value, timeZone) => [value, PATH, timeZone],
  assertTimeZone: (value) => [value, PATH],
  quoteIdentifier: (value) => [value, PATH],
  oneOf: (value) => [value, ['a', 'b'], PATH],
};
// formatPath renders a path the library built; ratioOrNull divides two Decimals the library made. Both are
// documented as taking exactly that, and are exercised by every metric that uses them.
const takesLibraryValuesOnly = new Set(['formatPath', 'ratioOrNull']);

const functions = Object.entries(library).filter(
  ([name, value]) =>
    typeof value === 'function' &&
    /^[a-z]/.test(name) &&
    !privateNames.has(name) &&
    !takesLibraryValuesOnly.has(name),
) as [string, (...args: unknown[]) => unknown][];

const garbage = fc.anything({
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withSparseArray: true,
  maxDepth: 2,
});

describe('every public function, given garbage', () => {
  it('finds the public functions (the scan of @private works)', () => {
    expect(functions.length).toBeGreaterThan(60);
    expect(privateNames.has('apportionUnits')).toBe(true);
    expect(functions.map(([name]) => name)).toContain('mrrMovements');
  });

  it.each(functions.map(([name, fn]) => [name, fn] as const))(
    '%s throws nothing but MetricInputError',
    (name, fn) => {
      fc.assert(
        fc.property(fc.array(garbage, { maxLength: 3 }), (args) => {
          const call = callWith[name];
          try {
            fn(...(call === undefined ? args : call(args[0], args[1])));
          } catch (error) {
            if (!(error instanceof MetricInputError)) throw error;
          }
        }),
        { numRuns: 40 },
      );
    },
  );
});
