import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreHealth, scoreHealthMany } from '../../src/index.js';

describe('a scorecard of 200,000 measures', () => {
  it('is defined and scores without overflowing the call stack', { timeout: 60_000 }, () => {
    // Scores 0 … 99 repeating, equal weights: the mean is 49.5.
    const measures = Array.from({ length: 200_000 }, (_, i) => ({
      id: `m${i}`,
      weight: 1,
      rule: { type: 'linear' as const, min: 0, max: 100, direction: 'higherIsBetter' as const },
    }));
    const values = Object.fromEntries(measures.map((measure, i) => [measure.id, i % 100]));
    const card = defineScorecard({ measures });
    expect(scoreHealth(card, values).score).toBe(49.5);
    expect(scoreHealthMany(card, [{ measures: values }], { detail: 'summary' })[0]!.score).toBe(49.5);
  });
});
