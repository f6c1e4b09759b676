import { describe, expect, it } from 'vitest';
import { portfolioHealth } from '../../src/index.js';

// 44 significant digits: a running sum at 40 digits rounds every partial sum.
const THIRD = '1000000.3333333333333333333333333333333333333';

describe('portfolioHealth adds MRR exactly (docs/core.md, "Limits and exactness")', () => {
  it('total, unscored and band MRR are exact sums', () => {
    const accounts = [
      { mrr: THIRD, score: 10 },
      { mrr: THIRD, score: 20 },
      { mrr: THIRD, score: 95 },
      { mrr: THIRD, score: null },
      { mrr: THIRD, score: null },
    ];
    const summary = portfolioHealth(accounts);
    expect(summary.mrr.toFixed()).toBe('5000001.6666666666666666666666666666666666665');
    expect(summary.unscored.mrr.toFixed()).toBe('2000000.6666666666666666666666666666666666666');
    expect(summary.mrrAtRisk.toFixed()).toBe('2000000.6666666666666666666666666666666666666');
  });
});
