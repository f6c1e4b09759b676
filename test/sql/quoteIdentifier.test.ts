import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/index.js';
import { quoteIdentifier } from '../../src/sql/index.js';

describe('quoteIdentifier', () => {
  it('quotes plain and dotted names part by part, in any script', () => {
    expect(quoteIdentifier('mrr')).toBe('"mrr"');
    expect(quoteIdentifier('warehouse.analytics.subscriptions')).toBe(
      '"warehouse"."analytics"."subscriptions"',
    );
    expect(quoteIdentifier('顧客_id', ['column'])).toBe('"顧客_id"');
    expect(quoteIdentifier('select')).toBe('"select"');
  });

  it.each([['a"b'], ["a'b"], ['a b'], ['1abc'], [''], ['a..b'], ['a.b.c.d'], ['x'.repeat(64)]])(
    'refuses %j',
    (name) => {
      expect(() => quoteIdentifier(name, ['columns', 'mrr'])).toThrow(MetricInputError);
      try {
        quoteIdentifier(name, ['columns', 'mrr']);
      } catch (error) {
        expect(error).toMatchObject({ code: 'invalid_value', path: ['columns', 'mrr'] });
      }
    },
  );

  it('refuses a dot when the name is a single column', () => {
    expect(() => quoteIdentifier('a.b', ['column'], false)).toThrow(/letters, digits/);
  });

  it('refuses a non-string with invalid_type', () => {
    expect(() => quoteIdentifier(7)).toThrow(
      expect.objectContaining({ code: 'invalid_type', path: ['name'] }),
    );
  });
});
