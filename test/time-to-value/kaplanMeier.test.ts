import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { normalQuantile } from '../../src/core/internal/normalDistribution.js';
import {
  type KaplanMeierResult,
  type KaplanMeierStep,
  kaplanMeier,
  type SurvivalObservation,
  toDecimal,
} from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

function relativeError(actual: number | null, expected: number): number {
  if (actual === null) return Number.POSITIVE_INFINITY;
  return Math.abs(actual - expected) / Math.max(1e-300, Math.abs(expected));
}

/** Integer durations 0–30 so that ties between events and censorings are common. */
const observationsArb: fc.Arbitrary<SurvivalObservation[]> = fc.array(
  fc.record({ duration: fc.integer({ min: 0, max: 30 }), event: fc.boolean() }),
  { maxLength: 40 },
);

describe('kaplanMeier: worked examples', () => {
  it('computes survival, Greenwood standard errors and log-log bounds by hand', () => {
    const curve = kaplanMeier([
      { duration: 2, event: true },
      { duration: 3, event: false },
      { duration: 5, event: true },
      { duration: 8, event: false },
    ]);
    // t=2: n=4, d=1 → S = 3/4, Σ = 1/(4·3) = 1/12, SE = 0.75·√(1/12)
    // t=3: one censoring → S unchanged; t=5: n=2, d=1 → S = 0.75·1/2 = 0.375, Σ = 1/12 + 1/(2·1) = 7/12
    expect(curve.steps.map((step) => [step.time, step.atRisk, step.events, step.censored])).toEqual([
      [2, 4, 1, 0],
      [3, 3, 0, 1],
      [5, 2, 1, 0],
      [8, 1, 0, 1],
    ]);
    expect(curve.steps.map((step) => step.survival)).toEqual([0.75, 0.75, 0.375, 0.375]);
    expect(curve.steps[0]!.standardError).toBeCloseTo(0.75 * Math.sqrt(1 / 12), 15);
    expect(curve.steps[2]!.standardError).toBeCloseTo(0.375 * Math.sqrt(7 / 12), 15);
    // log-log at t=2: z = 1.959964, half-width on log(−log S) = z·√(1/12)/(−ln 0.75)
    const z = normalQuantile(0.975);
    const half = (z * Math.sqrt(1 / 12)) / -Math.log(0.75);
    expect(curve.steps[0]!.lower).toBeCloseTo(0.75 ** Math.exp(half), 14);
    expect(curve.steps[0]!.upper).toBeCloseTo(0.75 ** Math.exp(-half), 14);
    expect(curve).toMatchObject({
      observations: 4,
      events: 2,
      censored: 2,
      confidence: 0.95,
      method: 'log-log',
    });
    expect(curve.median).toBe(5);
  });

  it('counts a censoring tied with an event as still at risk for that event, and leaves nulls where S = 0', () => {
    const curve = kaplanMeier([
      { duration: 3, event: true },
      { duration: 3, event: false },
      { duration: 4, event: true },
    ]);
    // t=3: n=3 (the censored subject included), d=1 → S = 2/3; t=4: n=1, d=1 → S = 0
    expect(curve.steps.map((step) => [step.time, step.atRisk, step.events, step.censored])).toEqual([
      [3, 3, 1, 1],
      [4, 1, 1, 0],
    ]);
    expect(curve.steps[0]!.survival).toBeCloseTo(2 / 3, 15);
    expect(curve.steps[1]).toMatchObject({ survival: 0, standardError: null, lower: null, upper: null });
  });

  it('reports [1, 1] with a zero standard error before the first event, for every interval type', () => {
    for (const method of ['log-log', 'log', 'plain'] as const) {
      const curve = kaplanMeier(
        [
          { duration: 1, event: false },
          { duration: 2, event: true },
          { duration: 3, event: true },
        ],
        { method },
      );
      expect(curve.steps[0]).toMatchObject({ survival: 1, standardError: 0, lower: 1, upper: 1 });
    }
  });

  it('shows why "a censoring after the last event changes nothing before it" does not hold literally', () => {
    // {1 event}: n=1 at t=1 → S(1) = 0. Add a subject censored at 5: n=2 at t=1 → S(1) = 1/2. The new subject
    // was at risk at t=1, so it belongs in the denominator; what stays unchanged is covered by the properties below.
    expect(kaplanMeier([{ duration: 1, event: true }]).steps[0]!.survival).toBe(0);
    const extended = kaplanMeier([
      { duration: 1, event: true },
      { duration: 5, event: false },
    ]);
    expect(extended.steps.map((step) => step.survival)).toEqual([0.5, 0.5]);
  });

  it('gives an empty curve and a null median for no observations; accepts strings and Decimals', () => {
    expect(kaplanMeier([])).toMatchObject({ steps: [], observations: 0, events: 0, median: null });
    const curve = kaplanMeier([
      { duration: '1.5', event: true },
      { duration: toDecimal('2.5'), event: false },
    ]);
    expect(curve.steps.map((step) => step.time)).toEqual([1.5, 2.5]);
  });

  it('narrows the interval when the confidence level is lower', () => {
    const data = [1, 2, 3, 4, 5, 6].map((duration) => ({ duration, event: duration % 2 === 0 }));
    const wide = kaplanMeier(data, { confidence: 0.99 }).steps[3]!;
    const narrow = kaplanMeier(data, { confidence: 0.8 }).steps[3]!;
    expect(narrow.lower!).toBeGreaterThan(wide.lower!);
    expect(narrow.upper!).toBeLessThan(wide.upper!);
  });
});

describe('kaplanMeier: published reference (Freireich et al. 1963, 6-MP arm)', () => {
  // Remission weeks of the 21 6-MP patients (+ = censored): 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23
  // 25+ 32+ 32+ 34+ 35+, as in R's KMsurv::drug6mp (columns t2, relapse; Klein & Moeschberger 1997) read from
  // the Rdatasets CSV. Textbook product-limit values: S(6)=0.857, S(7)=0.807, S(10)=0.753, S(13)=0.690,
  // S(16)=0.627, S(22)=0.538, S(23)=0.448; median 23.
  const times = [10, 7, 32, 23, 22, 6, 16, 34, 32, 25, 11, 20, 19, 6, 17, 35, 6, 13, 9, 6, 10];
  const relapse = [1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0];
  const data = times.map((duration, index) => ({ duration, event: relapse[index] === 1 }));

  // Computed here with a one-off python3 script (scipy 1.17, z = norm.ppf(0.975)) from the definitions R's
  // survival package uses: for each distinct t, S *= (n−d)/n and g += d/(n(n−d)) (events only); std.err = S·√g
  // (summary.survfit's scale); survfit_confint with conf.int = 0.95, ulimit = TRUE: log-log
  // exp(−exp(log(−log S) ± z·√g/|log S|)), log exp(log S ∓ z·√g) capped at 1, plain S ∓ z·S·√g in [0, 1].
  // Printed with repr().
  // [time, n.risk, n.event, n.censor, surv, std.err, lower, upper] with conf.type = "log-log"
  const LOG_LOG: [number, number, number, number, number, number, number, number][] = [
    [6, 21, 3, 1, 0.8571428571428571, 0.07636035483212125, 0.6197179552659838, 0.951551747646997],
    [7, 17, 1, 0, 0.8067226890756302, 0.08693528518005719, 0.5631465646222333, 0.9228090192028804],
    [9, 16, 0, 1, 0.8067226890756302, 0.08693528518005719, 0.5631465646222333, 0.9228090192028804],
    [10, 15, 1, 1, 0.7529411764705881, 0.0963496529943205, 0.5031995107999564, 0.8893618351692655],
    [11, 13, 0, 1, 0.7529411764705881, 0.0963496529943205, 0.5031995107999564, 0.8893618351692655],
    [13, 12, 1, 0, 0.6901960784313724, 0.10681470777500982, 0.4316102224861839, 0.8490659633494507],
    [16, 11, 1, 0, 0.6274509803921567, 0.11405386525675253, 0.36751085598750194, 0.8049121894718412],
    [17, 10, 0, 1, 0.6274509803921567, 0.11405386525675253, 0.36751085598750194, 0.8049121894718412],
    [19, 9, 0, 1, 0.6274509803921567, 0.11405386525675253, 0.36751085598750194, 0.8049121894718412],
    [20, 8, 0, 1, 0.6274509803921567, 0.11405386525675253, 0.36751085598750194, 0.8049121894718412],
    [22, 7, 1, 0, 0.53781512605042, 0.12823375169303397, 0.267778936767135, 0.7467907176353944],
    [23, 6, 1, 0, 0.4481792717086834, 0.13459145675576042, 0.18805200595923235, 0.6801426284952413],
    [25, 5, 0, 1, 0.4481792717086834, 0.13459145675576042, 0.18805200595923235, 0.6801426284952413],
    [32, 4, 0, 2, 0.4481792717086834, 0.13459145675576042, 0.18805200595923235, 0.6801426284952413],
    [34, 2, 0, 1, 0.4481792717086834, 0.13459145675576042, 0.18805200595923235, 0.6801426284952413],
    [35, 1, 0, 1, 0.4481792717086834, 0.13459145675576042, 0.18805200595923235, 0.6801426284952413],
  ];
  // [time, lower, upper] for conf.type = "log" and "plain" at the event times, same script.
  const LOG: [number, number, number][] = [
    [6, 0.7198170839162704, 1],
    [7, 0.6531242184621711, 0.9964436759086591],
    [13, 0.5096130991017802, 0.9347691955361301],
    [23, 0.2487882268176596, 0.8073720455290772],
  ];
  const PLAIN: [number, number, number][] = [
    [6, 0.7074793118252004, 1],
    [16, 0.40390951219133764, 0.8509924485929758],
    [22, 0.28648159112962124, 0.7891486609712188],
    [23, 0.1843848638406128, 0.711973679576754],
  ];

  it('matches the textbook survival values to three decimals and the median of 23 weeks', () => {
    const curve = kaplanMeier(data);
    const at = (time: number) => curve.steps.find((step) => step.time === time)!.survival;
    const textbook: [number, number][] = [
      [6, 0.857],
      [7, 0.807],
      [10, 0.753],
      [13, 0.69],
      [16, 0.627],
      [22, 0.538],
      [23, 0.448],
    ];
    for (const [time, survival] of textbook) expect(at(time)).toBeCloseTo(survival, 3);
    expect(curve.median).toBe(23);
  });

  it("matches R's survfit table (log-log) to 1e-12", () => {
    const curve = kaplanMeier(data, { method: 'log-log' });
    expect(curve.steps).toHaveLength(LOG_LOG.length);
    LOG_LOG.forEach(([time, atRisk, events, censored, survival, standardError, lower, upper], index) => {
      const step = curve.steps[index]!;
      expect([step.time, step.atRisk, step.events, step.censored]).toEqual([time, atRisk, events, censored]);
      expect(relativeError(step.survival, survival)).toBeLessThan(1e-12);
      expect(relativeError(step.standardError, standardError)).toBeLessThan(1e-12);
      expect(relativeError(step.lower, lower)).toBeLessThan(1e-12);
      expect(relativeError(step.upper, upper)).toBeLessThan(1e-12);
    });
  });

  it("matches R's log and plain intervals to 1e-12", () => {
    for (const [method, table] of [
      ['log', LOG],
      ['plain', PLAIN],
    ] as const) {
      const curve = kaplanMeier(data, { method });
      for (const [time, lower, upper] of table) {
        const step = curve.steps.find((candidate) => candidate.time === time)!;
        expect(relativeError(step.lower, lower)).toBeLessThan(1e-12);
        expect(relativeError(step.upper, upper)).toBeLessThan(1e-12);
      }
    }
  });
});

/** Brute force: for each distinct time, recount the risk set and multiply the factors of every event time <= t. */
function slowKaplanMeier(observations: readonly SurvivalObservation[]) {
  const rows = observations.map((row) => ({ duration: Number(row.duration), event: row.event }));
  const distinct = [...new Set(rows.map((row) => row.duration))].sort((a, b) => a - b);
  return distinct.map((time) => {
    let survival = 1;
    let greenwood = 0;
    for (const u of distinct.filter((candidate) => candidate <= time)) {
      const n = rows.filter((row) => row.duration >= u).length;
      const d = rows.filter((row) => row.duration === u && row.event).length;
      survival *= 1 - d / n;
      if (d > 0 && d < n) greenwood += d / (n * (n - d));
    }
    return {
      time,
      atRisk: rows.filter((row) => row.duration >= time).length,
      events: rows.filter((row) => row.duration === time && row.event).length,
      censored: rows.filter((row) => row.duration === time && !row.event).length,
      survival,
      standardError: survival === 0 ? null : survival * Math.sqrt(greenwood),
    };
  });
}

describe('kaplanMeier: properties', () => {
  it('agrees with a brute-force product limit recomputed at every distinct time', () => {
    fc.assert(
      fc.property(observationsArb, (observations) => {
        const oracle = slowKaplanMeier(observations);
        const steps = kaplanMeier(observations).steps;
        expect(steps.map((step) => [step.time, step.atRisk, step.events, step.censored])).toEqual(
          oracle.map((step) => [step.time, step.atRisk, step.events, step.censored]),
        );
        steps.forEach((step, index) => {
          const expected = oracle[index]!;
          expect(step.survival).toBeCloseTo(expected.survival, 12);
          if (expected.standardError === null) expect(step.standardError).toBeNull();
          else expect(step.standardError).toBeCloseTo(expected.standardError, 12);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('equals the empirical survival function when nothing is censored', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }), (durations) => {
        const curve = kaplanMeier(durations.map((duration) => ({ duration, event: true })));
        for (const step of curve.steps) {
          const beyond = durations.filter((duration) => duration > step.time).length;
          expect(step.survival).toBeCloseTo(beyond / durations.length, 12);
        }
        const sorted = [...durations].sort((a, b) => a - b);
        const middle = sorted.length / 2;
        const median =
          sorted.length % 2 === 1 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
        expect(curve.median).toBe(median);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps survival non-increasing within [0, 1] and every bound around it within [0, 1]', () => {
    fc.assert(
      fc.property(
        observationsArb,
        fc.constantFrom('log-log', 'log', 'plain' as const),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (observations, method, confidence) => {
          const steps = kaplanMeier(observations, { method, confidence }).steps;
          let previous = 1;
          for (const step of steps) {
            expect(step.survival).toBeLessThanOrEqual(previous);
            expect(step.survival).toBeGreaterThanOrEqual(0);
            previous = step.survival;
            if (step.survival === 0) {
              expect([step.lower, step.upper, step.standardError]).toEqual([null, null, null]);
              continue;
            }
            expect(step.lower!).toBeGreaterThanOrEqual(0);
            expect(step.lower!).toBeLessThanOrEqual(step.survival + 1e-15);
            expect(step.upper!).toBeGreaterThanOrEqual(step.survival - 1e-15);
            expect(step.upper!).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(
        observationsArb.chain((observations) =>
          fc.tuple(
            fc.constant(observations),
            fc.shuffledSubarray(observations, { minLength: observations.length }),
          ),
        ),
        ([observations, shuffled]) => {
          expect(kaplanMeier(shuffled)).toEqual(kaplanMeier(observations));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('at any time t, depends only on what happened up to t: moving a later duration elsewhere beyond t changes nothing up to t', () => {
    fc.assert(
      fc.property(
        observationsArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        (observations, cut, shift, event) => {
          const changed = observations.map((row) =>
            Number(row.duration) > cut ? { duration: Number(row.duration) + shift, event } : row,
          );
          const upToCut = (result: KaplanMeierResult) => result.steps.filter((step) => step.time <= cut);
          const original = kaplanMeier(observations);
          const modified = kaplanMeier(changed);
          expect(upToCut(modified)).toEqual(upToCut(original));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a censoring before the first event changes no survival value at any event time', () => {
    fc.assert(
      fc.property(observationsArb, (observations) => {
        const eventTimes = observations.filter((row) => row.event).map((row) => Number(row.duration));
        fc.pre(eventTimes.length > 0 && Math.min(...eventTimes) >= 1);
        const early = Math.min(...eventTimes) - 0.5;
        const atEvents = (result: KaplanMeierResult) =>
          result.steps.filter((step) => step.events > 0).map((step) => [step.time, step.survival]);
        expect(atEvents(kaplanMeier([...observations, { duration: early, event: false }]))).toEqual(
          atEvents(kaplanMeier(observations)),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('kaplanMeier: bad input', () => {
  it('names the field of every kind of bad input', () => {
    expect(errorOf(() => kaplanMeier('x' as never))).toMatchObject({
      code: 'invalid_type',
      path: ['observations'],
    });
    expect(errorOf(() => kaplanMeier([null as never]))).toMatchObject({
      code: 'invalid_type',
      path: ['observations', 0],
    });
    expect(
      errorOf(() =>
        kaplanMeier([
          { duration: 1, event: true },
          { duration: -1, event: true },
        ]),
      ),
    ).toMatchObject({ code: 'negative_amount', path: ['observations', 1, 'duration'] });
    expect(errorOf(() => kaplanMeier([{ duration: Number.NaN, event: true }]))).toMatchObject({
      code: 'not_finite',
      path: ['observations', 0, 'duration'],
    });
    expect(errorOf(() => kaplanMeier([{ duration: 'soon', event: true }]))).toMatchObject({
      code: 'invalid_number',
      path: ['observations', 0, 'duration'],
    });
    expect(errorOf(() => kaplanMeier([{ duration: 1, event: 'yes' as never }]))).toMatchObject({
      code: 'invalid_type',
      path: ['observations', 0, 'event'],
    });
    expect(errorOf(() => kaplanMeier([], { confidence: 1 }))).toMatchObject({
      code: 'out_of_range',
      path: ['options', 'confidence'],
    });
    expect(errorOf(() => kaplanMeier([], { confidence: 0 }))).toMatchObject({ code: 'out_of_range' });
    expect(errorOf(() => kaplanMeier([], { method: 'logit' as never }))).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'method'],
    });
    expect(errorOf(() => kaplanMeier([], null as never))).toMatchObject({
      code: 'invalid_type',
      path: ['options'],
    });
  });

  it('promises doubles for statistics and null where they are undefined', () => {
    expectTypeOf(kaplanMeier).returns.toEqualTypeOf<KaplanMeierResult>();
    expectTypeOf<KaplanMeierStep['survival']>().toEqualTypeOf<number>();
    expectTypeOf<KaplanMeierStep['standardError']>().toEqualTypeOf<number | null>();
    expectTypeOf<KaplanMeierResult['median']>().toEqualTypeOf<number | null>();
  });
});
