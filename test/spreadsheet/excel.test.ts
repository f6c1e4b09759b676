import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { mrrMovements, netPromoterScore } from '../../src/index.js';
import { readDist } from './distFiles.js';

// dist/excel/functions.js runs in a bare context with a stub of Office's CustomFunctions runtime that records
// each `associate` call; dist/excel/functions.json is checked against the custom-functions metadata rules
// (docs/spreadsheets.md cites them).
interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    result: { type?: string; dimensionality: string };
    parameters: {
      name: string;
      description: string;
      type: string;
      dimensionality: string;
      optional?: boolean;
    }[];
  }[];
}
class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const registered = new Map<string, (...args: unknown[]) => unknown>();
const sandbox = vm.createContext({
  console: { log: () => undefined },
  CustomFunctions: {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
    Error: OfficeError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  },
});
vm.runInContext(readDist('excel/functions.js'), sandbox, { filename: 'functions.js' });
const metadata = JSON.parse(readDist('excel/functions.json')) as Metadata;
const excel = (id: string) => registered.get(id)!;

function officeError(call: () => unknown): OfficeError {
  try {
    call();
  } catch (error) {
    return error as OfficeError;
  }
  throw new Error('expected an Office error');
}

describe('dist/excel/functions.js and functions.json', () => {
  it('registers exactly the ids the metadata lists', () => {
    expect([...registered.keys()].sort()).toEqual(metadata.functions.map((fn) => fn.id).sort());
    expect(registered.size).toBe(9);
  });

  it('follows the metadata rules: ids of A-Z, 0-9, _ and ., names from 3 characters, known types', () => {
    for (const fn of metadata.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(fn.name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(fn.description.length).toBeGreaterThan(0);
      expect(['scalar', 'matrix']).toContain(fn.result.dimensionality);
      expect(['number', 'any']).toContain(fn.result.type);
      let sawOptional = false;
      for (const parameter of fn.parameters) {
        expect(['boolean', 'number', 'string', 'any']).toContain(parameter.type);
        expect(['scalar', 'matrix']).toContain(parameter.dimensionality);
        expect(parameter.name.length).toBeLessThanOrEqual(64);
        expect(parameter.description.length).toBeLessThanOrEqual(512);
        // An optional argument may not come before a required one.
        if (parameter.optional === true) sawOptional = true;
        else expect(sawOptional, `${fn.id} ${parameter.name}`).toBe(false);
      }
    }
  });

  it('CH.NPS with Excel blanks (null) equals netPromoterScore; bad text is #VALUE! naming the cell', () => {
    expect(excel('CH.NPS')([[10], [null], [9], [3]])).toBe(netPromoterScore([10, 9, 3]).score!.toNumber());
    const error = officeError(() => excel('CH.NPS')([[10], ['n/a']]));
    expect(error).toBeInstanceOf(OfficeError);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^row 2 of the range: an answer must be/);
  });

  it('an undefined result is #N/A; an omitted optional argument (null) takes its default', () => {
    const error = officeError(() => excel('CH.NRR')(0, 0, 0, 0));
    expect([error.code, error.message]).toEqual([
      '#N/A',
      '#N/A: net revenue retention is undefined when startingMrr is 0',
    ]);
    expect(excel('CH.LTV')(100, 0.05, null)).toBe(2000);
    expect(excel('CH.NORMALIZE_MRR')(90, 'quarter', null)).toBe(30);
  });

  it('CH.MRR_MOVEMENTS reads Excel date serials and writes serials (45292 = 2024-01-01)', () => {
    const table = excel('CH.MRR_MOVEMENTS')([
      ['a', null, 45301, 45352, 100],
      ['b', null, 45323, null, 50],
    ]) as unknown[][];
    const library = mrrMovements([
      { customerId: 'a', start: '2024-01-10', end: '2024-03-01', mrr: 100 },
      { customerId: 'b', start: '2024-02-01', mrr: 50 },
    ]).periods;
    expect(table).toHaveLength(library.length + 1);
    expect(table[1]!.slice(0, 2)).toEqual([45292, 45322]);
    expect(table[2]!.slice(0, 3)).toEqual([45323, 45351, 100]);
    expect(table.at(-1)![8]).toBe(library.at(-1)!.endingMrr.toNumber());
    expect(officeError(() => excel('CH.MRR_MOVEMENTS')([['a', null, 12, null, 1]])).message).toBe(
      "row 1 of the range: start must be a date, 'YYYY-MM-DD' text or a date serial >= 61 (1900-03-01), received 12",
    );
  });
});
