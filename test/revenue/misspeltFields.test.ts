import { describe, expect, it } from 'vitest';
import { cohortRetention, mrrMovements, segmentMrrMovements } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

// A row field that is not a known field but is within a small edit distance of a known optional one the row
// lacks (`ned` for `end`) would be silently ignored: the subscription would never end. It is an error naming
// the field it resembles.
const row = { customerId: 'a', start: '2024-01-01', mrr: 10 };

describe('misspelt optional fields of subscription rows', () => {
  it.each([
    ['ned', 'end'],
    ['End', 'end'],
    ['ends', 'end'],
    ['curency', 'currency'],
    ['Currency', 'currency'],
    ['segmnet', 'segment'],
    ['subscriptionID', 'subscriptionId'],
    ['subscription_id', 'subscriptionId'],
  ])('%s is an unknown_field error naming %s', (field, known) => {
    const rows = [
      row,
      {
        ...row,
        customerId: 'b',
        [field]:
          field.startsWith('c') || field.startsWith('C')
            ? 'EUR'
            : field.startsWith('s') || field.startsWith('S')
              ? 'x'
              : '2024-03-01',
      },
    ];
    const error = errorOf(() => mrrMovements(rows));
    expect(error.code).toBe('unknown_field');
    expect(error.path).toEqual(['subscriptions', 1, field]);
    expect(error.message).toContain(`"${known}"`);
  });

  it('is reported by the other metrics reading rows, and among the issues of later bad rows', () => {
    const rows = [
      { ...row, ned: '2024-03-01' },
      { ...row, mrr: -1 },
      { ...row, customerId: 'c', ned: '2024-03-01' },
    ];
    const error = errorOf(() => mrrMovements(rows));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['subscriptions', 0, 'ned'],
      ['subscriptions', 1, 'mrr'],
      ['subscriptions', 2, 'ned'],
    ]);
    expect(errorOf(() => cohortRetention([{ ...row, ned: '2024-03-01' } as typeof row])).code).toBe(
      'unknown_field',
    );
    expect(
      errorOf(() => segmentMrrMovements([{ ...row, segment: 'x', ned: '2024-03-01' } as typeof row])).code,
    ).toBe('unknown_field');
  });

  it('other extra fields pass: far from every known field, or the field they resemble is there', () => {
    const extra = [
      { ...row, id: 7, plan: 'pro', amount: 10, interval: 'month', customer_name: 'A' },
      { ...row, customerId: 'b', end: '2024-03-01', ends: 'x', segment: 'S', segments: ['S'] },
    ];
    expect(mrrMovements(extra).periods.at(-1)!.endingMrr.toString()).toBe('10');
  });
});
