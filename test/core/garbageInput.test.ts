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

// The caller's own code throwing (a getter, a Proxy trap) is the caller's exception: it propagates unchanged, as
// through JSON.stringify or Array.prototype.map. It is the one error besides MetricInputError a call may throw.
const CALLERS_OWN = new Error("the caller's getter threw");
/** Values that must never be read twice, copied or compared deeply: only their identity is kept in a snapshot. */
const HOSTILE = new WeakSet<object>();
function hostile<T extends object>(value: T): T {
  HOSTILE.add(value);
  return value;
}
const ROW_KEYS = [
  'customerId',
  'start',
  'end',
  'mrr',
  'score',
  'value',
  'steps',
  'time',
  'survival',
  'duration',
];
const throwingGetters = hostile(
  Object.defineProperties(
    {},
    Object.fromEntries(
      ROW_KEYS.map((key) => [
        key,
        {
          enumerable: true,
          get() {
            throw CALLERS_OWN;
          },
        },
      ]),
    ),
  ),
);
const throwingProxy = hostile(
  new Proxy([] as unknown[], {
    // Symbol keys answer, so fast-check can look for its clone method; every named property throws.
    get(_, key) {
      if (typeof key === 'symbol') return undefined;
      throw CALLERS_OWN;
    },
    has(_, key) {
      if (typeof key === 'symbol') return false;
      throw CALLERS_OWN;
    },
    ownKeys() {
      throw CALLERS_OWN;
    },
    getPrototypeOf() {
      throw CALLERS_OWN;
    },
    getOwnPropertyDescriptor() {
      throw CALLERS_OWN;
    },
  }),
);
const validRows = () => [
  { customerId: 'a', start: '2024-01-01', end: null, mrr: 10 },
  { customerId: 'b', start: '2024-02-01', end: '2024-03-01', mrr: '20.5' },
];
// A Proxy with no traps behaves as its target: it must give the target's answer.
const transparentProxy = hostile(new Proxy(validRows(), {}));
// Objects posing as decimal.js Decimals (a JSON copy of one): decimal.js's own isDecimal accepts them.
const posingDecimal = () => JSON.parse('{"toStringTag":"[object Decimal]","s":1,"e":11,"d":[1000,9]}');
const posingJunkDigits = () => JSON.parse('{"toStringTag":"[object Decimal]","s":1,"e":0,"d":["x"]}');
const HUGE_EXPONENTS = [
  '1e9000000000000000',
  '1e900000000000',
  '-1e900000000000',
  '1e-900000000000',
  '1e400',
];

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
  throwingGetters,
  throwingProxy,
  transparentProxy,
  [throwingGetters],
  [validRows()[0], throwingProxy],
  posingDecimal(),
  posingJunkDigits(),
  ...HUGE_EXPONENTS,
  // biome-ignore lint/suspicious/noSparseArray: a hole in the rows is junk the functions must report.
  [, validRows()[0]],
  validRows().map((row) => ({ ...row, mrr: posingDecimal() })),
  validRows().map((row) => ({ ...row, mrr: posingJunkDigits() })),
  ...HUGE_EXPONENTS.map((mrr) => validRows().map((row) => ({ ...row, mrr }))),
  {
    steps: [
      { time: 1e300, survival: 2 },
      { time: 0, survival: Number.NaN },
    ],
  },
  [{ duration: '1e400', event: true }],
  [{ duration: posingJunkDigits(), event: true }],
  { amount: '1e900000000000', interval: 'year' },
  { arpa: posingDecimal(), churnRate: ['1e-900000000000', '0.1'] },
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
    fc.dictionary(
      fc.constantFrom('customerId', 'start', 'end', 'mrr', 'score', 'value', 'date', 'duration'),
      special,
    ),
    {
      maxLength: 3,
    },
  ),
);

/** The first NaN or ±Infinity anywhere inside a result (numbers and Decimals of any constructor), or undefined. */
function nonFinite(value: unknown, seen = new Set<unknown>()): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : String(value);
  if (typeof value !== 'object' || value === null || seen.has(value) || HOSTILE.has(value)) return undefined;
  seen.add(value);
  const maybeDecimal = value as { isFinite?: unknown; toString(): string };
  if (typeof maybeDecimal.isFinite === 'function') {
    return (maybeDecimal.isFinite as () => boolean).call(value) ? undefined : maybeDecimal.toString();
  }
  const children =
    value instanceof Map
      ? [...value.keys(), ...value.values()]
      : value instanceof Set
        ? [...value]
        : Object.values(value);
  for (const child of children) {
    const found = nonFinite(child, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A text snapshot of a value, read through property descriptors so no getter runs: own keys (holes stay holes),
 * data values, accessors by identity, prototype, frozenness, a Date's time. Hostile values count by identity.
 */
function snapshot(value: unknown, ids: Map<unknown, number> = new Map()): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol') return idOf(value, ids);
    return String(value);
  }
  if (ids.has(value) || HOSTILE.has(value)) return idOf(value, ids);
  idOf(value, ids);
  const parts = [`proto ${idOf(Object.getPrototypeOf(value), ids)}`, `frozen ${Object.isFrozen(value)}`];
  if (value instanceof Date) parts.push(`time ${value.getTime()}`);
  if (value instanceof Map || value instanceof Set)
    parts.push(`entries ${snapshot([...value.entries()], ids)}`);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    const shown =
      'value' in descriptor
        ? snapshot(descriptor.value, ids)
        : `get ${idOf(descriptor.get, ids)} set ${idOf(descriptor.set, ids)}`;
    parts.push(`${typeof key === 'symbol' ? idOf(key, ids) : JSON.stringify(key)}: ${shown}`);
  }
  return `{${parts.join(', ')}}`;
}

const identities = new Map<unknown, number>();
function idOf(value: unknown, ids: Map<unknown, number>): string {
  if (!ids.has(value)) ids.set(value, ids.size);
  // A stable identity across snapshots: the same object reads the same before and after the call.
  if (!identities.has(value)) identities.set(value, identities.size);
  return `#${identities.get(value)}`;
}

// Each call must answer within this many milliseconds: a hang (a loop growing with an exponent) fails here.
const CALL_LIMIT_MS = 1000;

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

/** The values `name` may hand back as given; a hostile argument that throws when read gives none to compare. */
function passThrough(name: string, given: readonly unknown[]): unknown[] | undefined {
  try {
    return PASS_THROUGH[name]?.(given);
  } catch (error) {
    if (error !== CALLERS_OWN) throw error;
    return [];
  }
}

async function expectContract(
  name: string,
  outcome: () => unknown,
  givenValues?: readonly unknown[],
): Promise<void> {
  const started = performance.now();
  const timed = () => {
    const took = performance.now() - started;
    if (took > CALL_LIMIT_MS) throw new Error(`${name} took ${Math.round(took)} ms`);
  };
  let result: unknown;
  try {
    result = await outcome();
  } catch (error) {
    timed();
    if (!(error instanceof MetricInputError) && error !== CALLERS_OWN) throw error;
    return;
  }
  timed();
  if (givenValues !== undefined) {
    if (!givenValues.includes(result)) throw new Error(`${name} returned a value it was not given`);
    return;
  }
  const found = nonFinite(result);
  if (found !== undefined) throw new Error(`${name} returned ${found}`);
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
    '%s answers within a second, throws nothing but MetricInputError, changes no input, returns no NaN or Infinity',
    async (name, fn) => {
      const call = callWith[name];
      await fc.assert(
        fc.asyncProperty(fc.array(junk, { maxLength: 3 }), async (args) => {
          const given = call === undefined ? args : call(args[0], args[1]);
          const before = snapshot(given);
          await expectContract(name, () => fn(...given), passThrough(name, given));
          expect(snapshot(given), `${name} changed its input`).toBe(before);
        }),
        { numRuns: 60 },
      );
    },
  );
});
