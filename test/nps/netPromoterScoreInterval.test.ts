import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netPromoterScore, netPromoterScoreInterval } from '../../src/index.js';
import { seededRandom } from '../../src/sample/seededRandom.js';
import { errorOf } from '../support/errorOf.js';

const counts = fc.record({
  promoters: fc.integer({ min: 0, max: 500 }),
  passives: fc.integer({ min: 0, max: 500 }),
  detractors: fc.integer({ min: 0, max: 500 }),
});
const nonEmptyCounts = counts.filter((c) => c.promoters + c.passives + c.detractors > 0);
const method = fc.constantFrom('wald' as const, 'adjustedWald' as const);

describe('netPromoterScoreInterval: worked examples', () => {
  it('gives the Wald margin ±15.31 for 50 promoters, 30 passives, 20 detractors', () => {
    // p₊ = 0.5, p₋ = 0.2, NPS = 0.3; SE = √((0.5 + 0.2 − 0.3²) / 100) = √0.0061 = 0.078102
    // margin = 1.959964 × 0.078102 × 100 = 15.3078
    const ci = netPromoterScoreInterval({ promoters: 50, passives: 30, detractors: 20 }, { method: 'wald' })!;
    expect(ci.score).toBe(30);
    expect(ci.standardError).toBeCloseTo(7.8102, 4);
    expect(ci.marginOfError.toFixed(2)).toBe('15.31');
    expect(ci.lower).toBeCloseTo(14.6922, 4);
    expect(ci.upper).toBeCloseTo(45.3078, 4);
    expect(ci).toMatchObject({ method: 'wald', confidence: 0.95, clamped: false });
  });

  it('centres the adjusted-Wald interval on the adjusted NPS (the default method)', () => {
    // n' = 103, p₊' = 50.75 / 103, p₋' = 20.75 / 103, NPS' = 30 / 103 = 0.291262
    // var = 71.5 / 103 − (30 / 103)² = 0.694175 − 0.084834 = 0.609341; SE = √(0.609341 / 103) = 0.076915
    const ci = netPromoterScoreInterval({ promoters: 50, passives: 30, detractors: 20 })!;
    expect(ci.method).toBe('adjustedWald');
    expect(ci.adjustedCenter).toBeCloseTo(29.1262, 4);
    // the observed NPS stays the score: (50 − 20) / 100 × 100 = 30
    expect(ci.score).toBe(30);
    expect(ci.standardError).toBeCloseTo(7.6915, 4);
  });

  it('gives a zero-width Wald interval when every answer is a promoter (why adjusted Wald is the default)', () => {
    const ci = netPromoterScoreInterval({ promoters: 5, passives: 0, detractors: 0 }, { method: 'wald' })!;
    expect(ci).toMatchObject({ score: 100, lower: 100, upper: 100, standardError: 0, clamped: false });
  });

  it('accepts a netPromoterScore result as input', () => {
    const result = netPromoterScore([10, 10, 9, 8, 7, 3]);
    expect(netPromoterScoreInterval(result)).toEqual(
      netPromoterScoreInterval({ promoters: 3, passives: 2, detractors: 1 }),
    );
  });

  it('accepts the 0–10 answers themselves, as netPromoterScore does', () => {
    // 10, 9, 9 promoters; 8, 7 passives; 3 a detractor: score (3 − 1) / 6 × 100 = 33.33…,
    // adjusted centre (3.75 − 1.75) / 9 × 100 = 22.22…
    const ci = netPromoterScoreInterval([10, 9, 9, 8, 7, '3'])!;
    expect(ci).toEqual(netPromoterScoreInterval({ promoters: 3, passives: 2, detractors: 1 }));
    expect(ci.score).toBeCloseTo(33.3333333, 6);
    expect(ci.adjustedCenter).toBeCloseTo(22.2222222, 6);
    expect(netPromoterScoreInterval([])).toBeNull();
  });

  it('is null with no responses', () => {
    expect(netPromoterScoreInterval({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
    expect(netPromoterScoreInterval(netPromoterScore([]), { method: 'wald' })).toBeNull();
  });
});

describe('netPromoterScoreInterval: reference values computed with scipy 1.17', () => {
  // python3: k = 0.75 (adjusted) or 0; n = P + A + D + 4k; p = (P + k) / n; d = (D + k) / n;
  // se = sqrt((p + d − (p − d)²) / n); z = scipy.stats.norm.ppf((1 + conf) / 2); bounds = 100·(p − d ∓ z·se)
  const cases = [
    {
      counts: [50, 30, 20],
      confidence: 0.95,
      method: 'wald',
      expected: [30, 7.8102496759, 15.307808075, 14.692191925, 45.307808075],
    },
    {
      counts: [50, 30, 20],
      confidence: 0.95,
      method: 'adjustedWald',
      expected: [29.1262135922, 7.6915104218, 15.0750834135, 14.0511301788, 44.2012970057],
    },
    {
      counts: [50, 30, 20],
      confidence: 0.9,
      method: 'adjustedWald',
      expected: [29.1262135922, 7.6915104218, 12.6514088141, 16.4748047782, 41.7776224063],
    },
    {
      counts: [5, 3, 2],
      confidence: 0.95,
      method: 'adjustedWald',
      expected: [23.0769230769, 21.494037026, 42.1275384533, -19.0506153764, 65.2044615302],
    },
    {
      counts: [120, 45, 35],
      confidence: 0.95,
      method: 'adjustedWald',
      expected: [41.8719211823, 5.4166782317, 10.61649425, 31.2554269322, 52.4884154323],
    },
    {
      counts: [120, 45, 35],
      confidence: 0.99,
      method: 'adjustedWald',
      expected: [41.8719211823, 5.4166782317, 13.9524385172, 27.9194826651, 55.8243596995],
    },
  ] as const;
  for (const {
    counts: [promoters, passives, detractors],
    confidence,
    method: m,
    expected,
  } of cases) {
    it(`${m} ${promoters}/${passives}/${detractors} at ${confidence}`, () => {
      const ci = netPromoterScoreInterval({ promoters, passives, detractors }, { confidence, method: m })!;
      const [score, standardError, marginOfError, lower, upper] = expected;
      expect(ci.adjustedCenter).toBeCloseTo(score, 8);
      expect(ci.standardError).toBeCloseTo(standardError, 8);
      expect(ci.marginOfError).toBeCloseTo(marginOfError, 8);
      expect(ci.lower).toBeCloseTo(lower, 8);
      expect(ci.upper).toBeCloseTo(upper, 8);
    });
  }

  it('clamps and says so when the interval passes 100 (9/0/1 and 5/0/0, adjusted Wald)', () => {
    // scipy: 9/0/1 → 61.5384615385 ± 38.664831326, raw upper 100.2032928645
    const high = netPromoterScoreInterval({ promoters: 9, passives: 0, detractors: 1 })!;
    expect(high).toMatchObject({ upper: 100, clamped: true });
    expect(high.lower).toBeCloseTo(22.8736302124, 8);
    // scipy: 5/0/0 → 62.5 ± 45.0085469658, raw upper 107.5085469658
    const all = netPromoterScoreInterval({ promoters: 5, passives: 0, detractors: 0 })!;
    expect(all).toMatchObject({ adjustedCenter: 62.5, score: 100, upper: 100, clamped: true });
    expect(all.marginOfError).toBeCloseTo(45.0085469658, 8);
    const low = netPromoterScoreInterval({ promoters: 0, passives: 0, detractors: 5 })!;
    expect(low).toMatchObject({ adjustedCenter: -62.5, score: -100, lower: -100, clamped: true });
  });
});

describe('netPromoterScoreInterval: coverage', () => {
  // True distribution 70 % promoters, 20 % passives, 10 % detractors (NPS 60), n = 20.
  // Exact coverage by enumerating every trinomial outcome, computed with scipy 1.17
  // (scipy.stats.multinomial.pmf): adjusted Wald 0.9610, Wald 0.9069.
  const truth = { promoter: 0.7, passive: 0.2, detractor: 0.1, n: 20, nps: 60 };

  function covers(promoters: number, passives: number, detractors: number, m: 'wald' | 'adjustedWald') {
    const ci = netPromoterScoreInterval({ promoters, passives, detractors }, { method: m })!;
    return ci.lower <= truth.nps && truth.nps <= ci.upper;
  }

  it('has the exact coverage scipy computes, by enumeration of all outcomes (independent oracle)', () => {
    const logFactorial = [0];
    for (let k = 1; k <= truth.n; k += 1) logFactorial.push(logFactorial[k - 1]! + Math.log(k));
    const coverage = { wald: 0, adjustedWald: 0 };
    for (let promoters = 0; promoters <= truth.n; promoters += 1) {
      for (let detractors = 0; promoters + detractors <= truth.n; detractors += 1) {
        const passives = truth.n - promoters - detractors;
        const probability = Math.exp(
          logFactorial[truth.n]! -
            logFactorial[promoters]! -
            logFactorial[passives]! -
            logFactorial[detractors]! +
            promoters * Math.log(truth.promoter) +
            passives * Math.log(truth.passive) +
            detractors * Math.log(truth.detractor),
        );
        if (covers(promoters, passives, detractors, 'wald')) coverage.wald += probability;
        if (covers(promoters, passives, detractors, 'adjustedWald')) coverage.adjustedWald += probability;
      }
    }
    expect(coverage.adjustedWald).toBeCloseTo(0.961, 3);
    expect(coverage.wald).toBeCloseTo(0.9069, 3);
  });

  it('covers the true NPS in about 95 % of 2000 simulated surveys (seeded), better than plain Wald', () => {
    const random = seededRandom(20_240_501);
    const samples = 2000;
    let adjusted = 0;
    let wald = 0;
    for (let sample = 0; sample < samples; sample += 1) {
      let promoters = 0;
      let detractors = 0;
      for (let i = 0; i < truth.n; i += 1) {
        const u = random();
        if (u < truth.promoter) promoters += 1;
        else if (u >= 1 - truth.detractor) detractors += 1;
      }
      const passives = truth.n - promoters - detractors;
      if (covers(promoters, passives, detractors, 'adjustedWald')) adjusted += 1;
      if (covers(promoters, passives, detractors, 'wald')) wald += 1;
    }
    // Measured with this seed: adjusted Wald 0.9655, Wald 0.9200.
    // Tolerances: within 0.025 of the nominal 0.95, and within 0.02 (four binomial standard errors of a
    // 2000-sample proportion, √(0.95 × 0.05 / 2000) = 0.0049) of the exact coverage enumerated above.
    expect(Math.abs(adjusted / samples - 0.95)).toBeLessThan(0.025);
    expect(Math.abs(adjusted / samples - 0.961)).toBeLessThan(0.02);
    expect(Math.abs(wald / samples - 0.9069)).toBeLessThan(0.02);
    expect(adjusted).toBeGreaterThan(wald);
  });
});

describe('netPromoterScoreInterval: bad input', () => {
  it('rejects a confidence outside (0, 1) or not a number', () => {
    const input = { promoters: 5, passives: 3, detractors: 2 };
    for (const confidence of [0, 1, 1.5, -0.1]) {
      expect(errorOf(() => netPromoterScoreInterval(input, { confidence }))).toMatchObject({
        code: 'out_of_range',
        path: ['options', 'confidence'],
      });
    }
    expect(errorOf(() => netPromoterScoreInterval(input, { confidence: Number.NaN })).code).toBe(
      'not_finite',
    );
    expect(errorOf(() => netPromoterScoreInterval(input, { confidence: '95%' as never })).code).toBe(
      'invalid_number',
    );
  });

  it('rejects an unknown method, bad options and bad counts', () => {
    const input = { promoters: 5, passives: 3, detractors: 2 };
    expect(errorOf(() => netPromoterScoreInterval(input, { method: 'wilson' as never }))).toMatchObject({
      code: 'invalid_option',
      path: ['options', 'method'],
    });
    expect(errorOf(() => netPromoterScoreInterval(input, null as never))).toMatchObject({
      code: 'invalid_type',
      path: ['options'],
    });
    expect(errorOf(() => netPromoterScoreInterval({ ...input, detractors: -2 }))).toMatchObject({
      code: 'negative_amount',
      path: ['detractors'],
    });
    expect(errorOf(() => netPromoterScoreInterval([10, 11, 3]))).toMatchObject({
      code: 'out_of_range',
      path: ['scores', 1],
    });
    expect(errorOf(() => netPromoterScoreInterval([9, 7.5]))).toMatchObject({
      code: 'not_integer',
      path: ['scores', 1],
    });
    expect(errorOf(() => netPromoterScoreInterval('9, 10' as never))).toMatchObject({
      code: 'invalid_type',
      path: [],
    });
  });
});

describe('netPromoterScoreInterval: properties', () => {
  it('keeps the bounds within [-100, 100], around the centre, and clamped says whether they were cut', () => {
    fc.assert(
      fc.property(
        nonEmptyCounts,
        method,
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (c, m, confidence) => {
          const ci = netPromoterScoreInterval(c, { method: m, confidence })!;
          expect(ci.lower).toBeGreaterThanOrEqual(-100);
          expect(ci.upper).toBeLessThanOrEqual(100);
          expect(ci.lower).toBeLessThanOrEqual(ci.adjustedCenter);
          expect(ci.adjustedCenter).toBeLessThanOrEqual(ci.upper);
          const cut =
            ci.adjustedCenter - ci.marginOfError < -100 || ci.adjustedCenter + ci.marginOfError > 100;
          expect(ci.clamped).toBe(cut);
          if (!cut) expect(ci.upper - ci.lower).toBeCloseTo(2 * ci.marginOfError, 9);
        },
      ),
    );
  });

  it('reports the observed NPS as score under either method, so score is what netPromoterScore gives', () => {
    fc.assert(
      fc.property(nonEmptyCounts, method, (c, m) => {
        const ci = netPromoterScoreInterval(c, { method: m })!;
        expect(ci.score).toBeCloseTo(netScore(c), 10);
      }),
    );
  });

  it('contains the observed NPS with the Wald method', () => {
    fc.assert(
      fc.property(nonEmptyCounts, (c) => {
        const observed = netScore(c);
        const ci = netPromoterScoreInterval(c, { method: 'wald' })!;
        expect(ci.score).toBeCloseTo(observed, 10);
        expect(ci.adjustedCenter).toBe(ci.score);
        expect(ci.lower).toBeLessThanOrEqual(observed + 1e-9);
        expect(ci.upper).toBeGreaterThanOrEqual(observed - 1e-9);
      }),
    );
  });

  it('narrows as the sample grows with the same proportions', () => {
    fc.assert(
      fc.property(nonEmptyCounts, method, fc.integer({ min: 2, max: 10 }), (c, m, factor) => {
        const small = netPromoterScoreInterval(c, { method: m })!;
        const large = netPromoterScoreInterval(
          {
            promoters: c.promoters * factor,
            passives: c.passives * factor,
            detractors: c.detractors * factor,
          },
          { method: m },
        )!;
        if (small.standardError === 0) expect(large.standardError).toBe(0);
        else expect(large.marginOfError).toBeLessThan(small.marginOfError);
      }),
    );
  });

  it('widens as the confidence rises', () => {
    fc.assert(
      fc.property(nonEmptyCounts, method, (c, m) => {
        const ninety = netPromoterScoreInterval(c, { method: m, confidence: 0.9 })!;
        const ninetyNine = netPromoterScoreInterval(c, { method: m, confidence: 0.99 })!;
        expect(ninetyNine.marginOfError).toBeGreaterThanOrEqual(ninety.marginOfError);
      }),
    );
  });
});

function netScore(c: { promoters: number; passives: number; detractors: number }): number {
  return ((c.promoters - c.detractors) / (c.promoters + c.passives + c.detractors)) * 100;
}
