import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrFromMrr } from '../../src/core/arrFromMrr.js';
import { Decimal } from '../../src/core/internal/decimal.js';
import { normalizeToMrr } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

describe('arrFromMrr', () => {
  it('is 12 × MRR, exact (hand-computed)', () => {
    // 1499.95 × 12 = 17999.40; 166.666…67 × 12 rounds once back to 2000.
    expect(arrFromMrr('1499.95').toString()).toBe('17999.4');
    expect(arrFromMrr(normalizeToMrr({ amount: 2000, interval: 'year' })).toString()).toBe('2000');
    expect(arrFromMrr(0).toString()).toBe('0');
  });

  it('rejects negative and non-finite MRR', () => {
    expect(errorOf(() => arrFromMrr(-1))).toMatchObject({ code: 'negative_amount', path: ['mrr'] });
    expect(errorOf(() => arrFromMrr(Number.POSITIVE_INFINITY)).path).toEqual(['mrr']);
  });

  it('divides back to the MRR, for any amount in cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (cents) => {
        const mrr = new Decimal(cents).div(100);
        expect(arrFromMrr(mrr).div(12).eq(mrr)).toBe(true);
      }),
    );
  });
});
