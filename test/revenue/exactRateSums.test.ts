import { describe, expect, it } from 'vitest';
import {
  grossRevenueChurnRate,
  grossRevenueRetention,
  netRevenueChurnRate,
  netRevenueRetention,
  quickRatio,
} from '../../src/index.js';

// 44 significant digits: a sum rounded at 40 digits is off in its 34th decimal place, which a ratio shows.
const THIRD = '1000000.3333333333333333333333333333333333333';
const TWO_THIRDS = '2000000.6666666666666666666666666666666666666';

describe('the rate functions add their inputs exactly, then divide once (docs/core.md, "Limits and exactness")', () => {
  it('netRevenueRetention', () => {
    const input = { startingMrr: TWO_THIRDS, expansionMrr: 0, contractionMrr: 0, churnedMrr: THIRD };
    expect(netRevenueRetention(input)?.toFixed()).toBe('0.5');
  });

  it('grossRevenueRetention', () => {
    const input = { startingMrr: TWO_THIRDS, contractionMrr: 0, churnedMrr: THIRD };
    expect(grossRevenueRetention(input)?.toFixed()).toBe('0.5');
  });

  it('netRevenueChurnRate', () => {
    const input = { startingMrr: TWO_THIRDS, expansionMrr: 0, contractionMrr: THIRD, churnedMrr: THIRD };
    expect(netRevenueChurnRate(input)?.toFixed()).toBe('1');
  });

  it('quickRatio', () => {
    const input = { newMrr: THIRD, expansionMrr: THIRD, contractionMrr: THIRD, churnedMrr: 0 };
    expect(quickRatio(input)?.toFixed()).toBe('2');
  });

  it('grossRevenueChurnRate accepts losses exactly equal to the starting MRR (a rounded sum exceeded it)', () => {
    const starting = `1000000.${'3'.repeat(32)}36666`;
    const churned = `1000000.${'3'.repeat(32)}36665`;
    const contraction = `0.${'0'.repeat(36)}1`;
    const input = { startingMrr: starting, churnedMrr: churned, contractionMrr: contraction };
    expect(grossRevenueChurnRate(input)?.toFixed()).toBe('1');
  });

  it('a revalued starting MRR (startingMrr + fxImpactMrr) is exact', () => {
    const input = { startingMrr: THIRD, fxImpactMrr: THIRD, contractionMrr: 0, churnedMrr: THIRD };
    expect(grossRevenueRetention(input)?.toFixed()).toBe('0.5');
  });
});
