import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as adoption from '../../src/adoption/index.js';
import * as arrow from '../../src/arrow/index.js';
import * as core from '../../src/core/index.js';
import * as duckdb from '../../src/duckdb/index.js';
import * as health from '../../src/health/index.js';
import * as root from '../../src/index.js';
import { MetricInputError } from '../../src/index.js';
import * as io from '../../src/io/index.js';
import * as nps from '../../src/nps/index.js';
import * as revenue from '../../src/revenue/index.js';
import * as sample from '../../src/sample/index.js';
import * as sql from '../../src/sql/index.js';
import * as timeToValue from '../../src/time-to-value/index.js';
import * as unitEconomics from '../../src/unit-economics/index.js';

// "No other error escapes a metric": every function exported by every entry point of the package (the root and
// each subpath of package.json's `exports`), called with junk (null, NaN, ±Infinity, wrong types, '__proto__',
// huge numbers, malformed rows, objects with odd prototypes, bigints, Dates, sparse arrays, nested garbage),
// either throws a MetricInputError or returns a result holding no NaN and no ±Infinity, and returns at all.
// Nothing is filtered by a doc tag: whatever an index exports is public and keeps the contract.
const ENTRIES: Record<string, Record<string, unknown>> = {
  'customer-health': root,
  'customer-health/core': core,
  'customer-health/revenue': revenue,
  'customer-health/unit-economics': unitEconomics,
  'customer-health/nps': nps,
  'customer-health/time-to-value': timeToValue,
  'customer-health/adoption': adoption,
  'customer-health/health': health,
  'customer-health/sample': sample,
  'customer-health/sql': sql,
  'customer-health/duckdb': duckdb,
  'customer-health/io': io,
  'customer-health/arrow': arrow,
};

// Exceptions, each with its reason:
// - MetricInputError is the class the contract throws; it is constructed by the library, and is not a function
//   to call (calling a class without `new` is a TypeError by the language).
const NOT_CALLED = new Set(['MetricInputError']);
// - toDecimal, toCalendarDate and quoteIdentifier take, besides the value, the path the caller wants named in the
//   error (and toDecimal a sign): that is the caller's code, not data, so only the value (and the time zone of
//   toCalendarDate, which is data) is junk here. Every other argument of every other function is junk.
const PATH = ['field'];
const callWith: Record<string, (value: unknown, other: unknown) => unknown[]> = {
  toDecimal: (value) => [value, PATH],
  toCalendarDate: (value, timeZone) => [value, PATH, timeZone],
  quoteIdentifier: (value) => [value, PATH],
};

const functions = new Map<string, (...args: unknown[]) => unknown>();
for (const [entry, exports] of Object.entries(ENTRIES)) {
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value === 'function' && !NOT_CALLED.has(name)) {
      functions.set(name, value as (...args: unknown[]) => unknown);
      if (!(name in root) && entry === 'customer-health') throw new Error(`${name} is not in the root`);
    }
  }
}

const special = fc.constantFrom<unknown>(
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  -0,
  '__proto__',
  'constructor',
  '1e999999',
  '-1e999999',
  'NaN',
  '',
  [],
  {},
  [null],
  [{}],
  [{ customerId: null, start: '2024-13-45', end: 'x', mrr: Number.NaN }],
  [{ customerId: 'a', start: '2024-01-01', end: null, mrr: 1e300 }],
  [{ __proto__: null, score: Number.POSITIVE_INFINITY }],
  JSON.parse('{"__proto__": {"polluted": true}, "granularity": "month"}'),
  { granularity: 'week', weekStartsOn: 99, timeZone: 'Mars/Olympus' },
);
const junk = fc.oneof(
  special,
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withSparseArray: true,
    maxDepth: 2,
  }),
  fc.array(
    fc.dictionary(fc.constantFrom('customerId', 'start', 'end', 'mrr', 'score', 'value', 'date'), special),
    {
      maxLength: 3,
    },
  ),
);

/** The first NaN or ±Infinity inside a result (numbers and Decimals of any constructor), or undefined. */
function nonFinite(value: unknown, seen = new Set<unknown>(), depth = 0): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : String(value);
  if (typeof value !== 'object' || value === null || seen.has(value) || depth > 6) return undefined;
  seen.add(value);
  const maybeDecimal = value as { isFinite?: unknown; toString(): string };
  if (typeof maybeDecimal.isFinite === 'function') {
    return (maybeDecimal.isFinite as () => boolean).call(value) ? undefined : maybeDecimal.toString();
  }
  const children = value instanceof Map ? [...value.values()] : Object.values(value);
  for (const child of children) {
    const found = nonFinite(child, seen, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

// chooseScorecard returns one of the scorecards it was given, unchanged (its documented contract), so junk given as
// a scorecard may come back as it is: for it the check is that the result is one of those very values.
const PASS_THROUGH: Record<string, (args: readonly unknown[]) => unknown[]> = {
  chooseScorecard: (args) => [
    args[2],
    ...(Array.isArray(args[1])
      ? args[1].map((segment) => (segment as { scorecard?: unknown })?.scorecard)
      : []),
  ],
};

function expectContract(
  name: string,
  outcome: () => unknown,
  givenValues?: readonly unknown[],
): void | Promise<void> {
  let result: unknown;
  try {
    result = outcome();
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    return;
  }
  const check = (value: unknown) => {
    if (givenValues !== undefined) {
      if (!givenValues.includes(value)) throw new Error(`${name} returned a value it was not given`);
      return;
    }
    const found = nonFinite(value);
    if (found !== undefined) throw new Error(`${name} returned ${found}`);
  };
  if (result instanceof Promise) {
    return result.then(check, (error: unknown) => {
      if (!(error instanceof MetricInputError)) throw error;
    });
  }
  check(result);
}

describe('every function exported by an entry point, given junk', () => {
  it('finds the exported functions of every entry point', () => {
    expect(functions.size).toBeGreaterThan(60);
    expect([...functions.keys()]).toEqual(expect.arrayContaining(['mrrMovements', 'mrrMovementsDuckDb']));
  });

  it('covers every entry point of package.json with types', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
      exports: Record<string, string | { import?: { types?: string } }>;
    };
    const typed = Object.entries(manifest.exports)
      .filter(([, target]) => typeof target === 'object' && target.import?.types !== undefined)
      .map(([key]) => (key === '.' ? 'customer-health' : `customer-health/${key.slice(2)}`));
    expect(Object.keys(ENTRIES).sort()).toEqual(typed.sort());
  });

  it.each([...functions])(
    '%s throws nothing but MetricInputError and never returns NaN or Infinity',
    async (name, fn) => {
      const call = callWith[name];
      await fc.assert(
        fc.asyncProperty(fc.array(junk, { maxLength: 3 }), async (args) => {
          const given = call === undefined ? args : call(args[0], args[1]);
          await expectContract(name, () => fn(...given), PASS_THROUGH[name]?.(given));
        }),
        { numRuns: 60 },
      );
    },
  );
});
