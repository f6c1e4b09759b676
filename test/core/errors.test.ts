import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/core/internal/formatPath.js';
import { describeValue } from '../../src/core/internal/rejectInput.js';
import { MetricInputError } from '../../src/index.js';

describe('MetricInputError', () => {
  it('carries code, path, expected and received, and reads as a sentence', () => {
    const error = new MetricInputError({
      code: 'end_before_start',
      path: ['subscriptions', 12, 'end'],
      expected: 'a date after start',
      received: '"2024-01-01"',
      message: 'subscriptions[12].end (2024-01-01) is before start (2024-02-01)',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MetricInputError');
    expect(error.message).toBe('subscriptions[12].end (2024-01-01) is before start (2024-02-01)');
    expect(error.path).toEqual(['subscriptions', 12, 'end']);
  });

  it('formats paths like JavaScript', () => {
    expect(formatPath([])).toBe('input');
    expect(formatPath([0, 'mrr'])).toBe('[0].mrr');
    expect(formatPath(['a', 'b'])).toBe('a.b');
  });

  it('describes any received value without throwing', () => {
    expect(describeValue(new Date(Number.NaN))).toBe('Invalid Date');
    expect(describeValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(describeValue([1, 2])).toBe('an array of 2');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(new DecimalJs('1.5'))).toBe('1.5');
    expect(describeValue(10n)).toBe('10');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
  });
});
