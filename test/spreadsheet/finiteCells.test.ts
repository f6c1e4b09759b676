import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import { toCellNumber } from '../../src/spreadsheet/cellValues.js';
import { SpreadsheetError } from '../../src/spreadsheet/spreadsheetError.js';
import {
  callSpreadsheetFunction,
  SPREADSHEET_FUNCTIONS,
} from '../../src/spreadsheet/spreadsheetFunctions.js';

/** Every number inside a result, however deep. */
function numbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbers);
  return [];
}

const huge = fc.constantFrom<unknown>(
  '1e400',
  1e300,
  -1e300,
  '1e21',
  1e21,
  '9'.repeat(400),
  Number.MAX_VALUE,
  '1e-400',
);
const cell = fc.oneof(huge, fc.double(), fc.constantFrom<unknown>(0.5, 1, 12, 'year', 'month', ''));
const range = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 });

describe('spreadsheet functions never put a non-finite number in a cell', () => {
  it('a result past the largest double is a SpreadsheetError, not Infinity', () => {
    expect(() => toCellNumber(new Decimal('1e400'))).toThrow(SpreadsheetError);
    expect(toCellNumber(new Decimal('-0'))).toBe(0);
  });

  it('refuses 1e400 (text or number) in a cell rather than returning Infinity', () => {
    expect(() => callSpreadsheetFunction('NORMALIZE_MRR', 'sheets', ['1e400', 'year'])).toThrow(
      SpreadsheetError,
    );
    expect(() => callSpreadsheetFunction('LTV', 'sheets', ['1e400', 0.5])).toThrow(SpreadsheetError);
    expect(() => callSpreadsheetFunction('CAC_PAYBACK', 'sheets', [1e300, '1e-400'])).toThrow(
      SpreadsheetError,
    );
  });

  it.each(SPREADSHEET_FUNCTIONS.map((entry) => [entry.name, entry.parameters.length] as const))(
    '%s returns finite numbers or throws a SpreadsheetError, for huge and tiny cells',
    (name, arity) => {
      fc.assert(
        fc.property(fc.array(fc.oneof(cell, range), { minLength: arity, maxLength: arity }), (args) => {
          let result: unknown;
          try {
            result = callSpreadsheetFunction(name, 'sheets', args);
          } catch (error) {
            expect(error).toBeInstanceOf(SpreadsheetError);
            return;
          }
          for (const value of numbers(result)) expect(Number.isFinite(value)).toBe(true);
        }),
        { numRuns: 80 },
      );
    },
  );
});
