import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalAt, survivalQuantile } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const good = {
  steps: [
    { time: 1, survival: 0.8 },
    { time: 2, survival: 0.5 },
  ],
};

describe('survivalAt and survivalQuantile refuse a malformed curve', () => {
  const cases: [string, unknown, string, (string | number)[]][] = [
    ['a step that is not an object', { steps: [null] }, 'invalid_type', ['curve', 'steps', 0]],
    [
      'a hole in a sparse array',
      // biome-ignore lint/suspicious/noSparseArray: the hole is the point.
      { steps: [, { time: 1, survival: 0.5 }] },
      'invalid_type',
      ['curve', 'steps', 0],
    ],
    [
      'a time as text',
      { steps: [{ time: '1', survival: 0.5 }] },
      'invalid_type',
      ['curve', 'steps', 0, 'time'],
    ],
    [
      'a NaN time',
      { steps: [{ time: Number.NaN, survival: 0.5 }] },
      'not_finite',
      ['curve', 'steps', 0, 'time'],
    ],
    [
      'a negative time',
      { steps: [{ time: -1, survival: 0.5 }] },
      'out_of_range',
      ['curve', 'steps', 0, 'time'],
    ],
    [
      'a huge time',
      { steps: [{ time: 1e300, survival: 0.5 }] },
      'out_of_range',
      ['curve', 'steps', 0, 'time'],
    ],
    [
      'times out of order',
      {
        steps: [
          { time: 2, survival: 0.8 },
          { time: 1, survival: 0.5 },
        ],
      },
      'not_monotonic',
      ['curve', 'steps', 1, 'time'],
    ],
    [
      'a repeated time',
      {
        steps: [
          { time: 2, survival: 0.8 },
          { time: 2, survival: 0.5 },
        ],
      },
      'not_monotonic',
      ['curve', 'steps', 1, 'time'],
    ],
    [
      'a survival above 1',
      { steps: [{ time: 1, survival: 1.5 }] },
      'out_of_range',
      ['curve', 'steps', 0, 'survival'],
    ],
    [
      'a negative survival',
      { steps: [{ time: 1, survival: -0.1 }] },
      'out_of_range',
      ['curve', 'steps', 0, 'survival'],
    ],
    [
      'an Infinity survival',
      { steps: [{ time: 1, survival: Infinity }] },
      'out_of_range',
      ['curve', 'steps', 0, 'survival'],
    ],
    ['a missing survival', { steps: [{ time: 1 }] }, 'invalid_type', ['curve', 'steps', 0, 'survival']],
    [
      'a survival that rises',
      {
        steps: [
          { time: 1, survival: 0.5 },
          { time: 2, survival: 0.8 },
        ],
      },
      'not_monotonic',
      ['curve', 'steps', 1, 'survival'],
    ],
  ];

  it.each(cases)('%s', (_, curve, code, path) => {
    for (const call of [() => survivalAt(curve as never, 1), () => survivalQuantile(curve as never, 0.5)]) {
      const error = errorOf(call);
      expect(error.code).toBe(code);
      expect(error.path).toEqual(path);
    }
  });

  it('still reads a well-formed curve and the curves kaplanMeier returns', () => {
    expect(survivalAt(good, 1.5)).toBe(0.8);
    expect(survivalQuantile(good, 0.5)).toBe(2);
    const curve = kaplanMeier([
      { duration: 0, event: true },
      { duration: 3, event: false },
      { duration: 3, event: true },
    ]);
    expect(survivalAt(curve, 0)).toBeCloseTo(2 / 3, 15);
  });
});

describe('kaplanMeier never returns a non-finite number', () => {
  it('refuses a duration past 10^21 (1e400 read as Infinity before)', () => {
    expect(errorOf(() => kaplanMeier([{ duration: '1e400', event: true }])).path).toEqual([
      'observations',
      0,
      'duration',
    ]);
    expect(errorOf(() => kaplanMeier([{ duration: 1e300, event: true }])).code).toBe('out_of_range');
  });

  it('refuses a confidence that is 1 as a double (it gave an interval of ±Infinity)', () => {
    const error = errorOf(() =>
      kaplanMeier(
        [
          { duration: 1, event: true },
          { duration: 2, event: true },
          { duration: 3, event: false },
        ],
        { confidence: '0.99999999999999999' as never },
      ),
    );
    expect(error.code).toBe('out_of_range');
    expect(error.path).toEqual(['options', 'confidence']);
  });
});
