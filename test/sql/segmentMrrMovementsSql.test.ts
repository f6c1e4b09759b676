import { describe, expect, it } from 'vitest';
import { segmentMrrMovementsSql } from '../../src/sql/index.js';
import { errorOf } from '../support/errorOf.js';

const BASE = { dialect: 'duckdb', source: 'subscriptions' } as const;
const INJECTION = `x"; DROP TABLE subscriptions; --`;

describe('segmentMrrMovementsSql: generated SQL', () => {
  it('puts the total (segment NULL) first, reads the segment column quoted, and refuses NULL segments', () => {
    const sql = segmentMrrMovementsSql({ ...BASE, columns: { segment: 'plan' } });
    expect(sql.startsWith('SELECT CAST(NULL AS VARCHAR) AS segment')).toBe(true);
    expect(sql).toContain('CASE WHEN "plan" IS NULL THEN');
    expect(sql).toContain("error('missing_segment: a row of customer '");
    expect(sql).toContain('ORDER BY segment NULLS FIRST, period_start');
    const postgres = segmentMrrMovementsSql({ ...BASE, dialect: 'postgres' });
    expect(postgres).toContain('CASE WHEN "segment" IS NULL THEN CAST(');
    expect(postgres).not.toContain('error(');
  });
});

describe('segmentMrrMovementsSql: bad input', () => {
  it.each([
    [{ ...BASE, columns: { segment: INJECTION } }, 'invalid_value', ['options', 'columns', 'segment']],
    [{ ...BASE, columns: { plan: 'x' } }, 'unknown_field', ['options', 'columns', 'plan']],
    [{ ...BASE, columns: { currency: 'ccy' } }, 'unknown_field', ['options', 'columns', 'currency']],
    [{ ...BASE, detail: 'summary' }, 'unknown_field', ['options', 'detail']],
    [
      { ...BASE, currency: { reporting: 'USD', rates: INJECTION } },
      'invalid_value',
      ['options', 'currency', 'rates'],
    ],
    [{ ...BASE, paidToFree: 'free' }, 'invalid_option', ['options', 'paidToFree']],
  ])('%j gives %s at %j', (options, code, path) => {
    expect(errorOf(() => segmentMrrMovementsSql(options as never))).toMatchObject({ code, path });
  });
});
