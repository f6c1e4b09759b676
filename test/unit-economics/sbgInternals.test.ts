import { describe, expect, it } from 'vitest';
import { sbgChurnProbability, sbgSurvival } from '../../src/index.js';
import { sbgLogLikelihood } from '../../src/unit-economics/internal/sbgInternals.js';

describe('sbgLogLikelihood (private)', () => {
  it('equals Σ lost_t ln P(T = t) + alive ln S(n) from the closed forms, including zero counts', () => {
    const params = { alpha: 0.9, beta: 2.3 };
    for (const [lost, alive] of [
      [[10, 0, 4], 7],
      [[3, 2, 1], 0],
    ] as const) {
      let expected = alive > 0 ? alive * Math.log(sbgSurvival(params, lost.length)) : 0;
      lost.forEach((count, i) => {
        expected += count * Math.log(sbgChurnProbability(params, i + 1));
      });
      expect(sbgLogLikelihood(params.alpha, params.beta, lost, alive)).toBeCloseTo(expected, 10);
    }
  });
});
