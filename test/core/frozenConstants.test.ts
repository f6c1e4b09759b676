import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import { GRANULARITIES, listPeriods, MetricInputError } from '../../src/index.js';
import * as io from '../../src/io/index.js';
import * as spreadsheet from '../../src/spreadsheet/index.js';
import * as spreadsheetMovements from '../../src/spreadsheet/sheetMrrMovements.js';
import { SQL_DIALECTS, trailingRevenueRetentionSql } from '../../src/sql/index.js';
import { errorOf } from '../support/errorOf.js';

// Every array or object an entry point exports (or the spreadsheet glue reads) is a constant the library's own
// validation and defaults read: a caller must not be able to change it.
const EXPORTS: Record<string, unknown> = { ...root, ...io, ...spreadsheet, ...spreadsheetMovements };

function unfrozen(value: unknown, path: string, seen = new Set<unknown>()): string | undefined {
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (!Object.isFrozen(value)) return path;
  for (const [key, child] of Object.entries(value)) {
    const found = unfrozen(child, `${path}.${key}`, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('exported constants', () => {
  const constants = Object.entries(EXPORTS).filter(
    ([, value]) => typeof value === 'object' && value !== null,
  );

  it('finds the exported constants', () => {
    expect(constants.map(([name]) => name)).toEqual(
      expect.arrayContaining(['GRANULARITIES', 'SQL_DIALECTS', 'DEFAULT_HEALTH_BANDS', 'SAMPLE_SCORECARD']),
    );
  });

  it.each(constants)('%s is frozen all the way down', (name, value) => {
    expect(unfrozen(value, name)).toBeUndefined();
  });

  it('cannot be changed to widen what validation accepts', () => {
    expect(() => (GRANULARITIES as string[]).push('decade')).toThrow(TypeError);
    expect(() => {
      (SQL_DIALECTS as string[])[0] = 'mysql';
    }).toThrow(TypeError);
    expect(GRANULARITIES).toEqual(['day', 'week', 'month', 'quarter', 'year']);
    const error = errorOf(() => listPeriods('2024-01-01', '2024-02-01', { granularity: 'decade' as never }));
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error.path).toEqual(['options', 'granularity']);
    expect(() => trailingRevenueRetentionSql({ dialect: 'mysql' } as never)).toThrow(MetricInputError);
  });
});
