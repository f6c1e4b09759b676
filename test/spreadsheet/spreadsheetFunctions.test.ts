import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mrrMovements, netPromoterScore } from '../../src/index.js';
import {
  cellPosition,
  isBlank,
  rangeCells,
  rangeWidth,
  readDateCell,
  scalarArgument,
  toSpreadsheetError,
  writeDateCell,
} from '../../src/spreadsheet/cellValues.js';
import { callSpreadsheetFunction, SPREADSHEET_FUNCTIONS } from '../../src/spreadsheet/index.js';
import {
  FX_IMPACT_COLUMN,
  MRR_MOVEMENTS_HEADER,
  sheetMrrMovements,
} from '../../src/spreadsheet/sheetMrrMovements.js';
import { SpreadsheetError } from '../../src/spreadsheet/spreadsheetError.js';

// The wrappers in Node, straight from src (the bundle tests in this folder run the same code as generated).
function cellError(call: () => unknown): SpreadsheetError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SpreadsheetError);
    return error as SpreadsheetError;
  }
  throw new Error('expected a SpreadsheetError');
}

describe('cell values', () => {
  it('treats "", null, undefined and white space as blank, and nothing else', () => {
    expect(['', null, undefined, '  '].map(isBlank)).toEqual([true, true, true, true]);
    expect([0, 'x', false].map(isBlank)).toEqual([false, false, false]);
  });

  it('unwraps a 1×1 range, turns a blank into undefined and rejects a wider range', () => {
    expect(scalarArgument([[5]], 'x')).toBe(5);
    expect(scalarArgument([7], 'x')).toBe(7);
    expect(scalarArgument([['']], 'x')).toBeUndefined();
    expect(cellError(() => scalarArgument([[1], [2]], 'cac')).message).toBe(
      'cac must be a single cell, received a range of 2×1',
    );
  });

  it('lists non-blank cells with 1-based positions; a single value is a 1×1 range', () => {
    expect(rangeCells([[1, ''], ['', 2], 3])).toEqual([
      { value: 1, row: 1, column: 1 },
      { value: 2, row: 2, column: 2 },
      { value: 3, row: 3, column: 1 },
    ]);
    expect(rangeCells(9)).toEqual([{ value: 9, row: 1, column: 1 }]);
    expect([rangeWidth(9), rangeWidth([[1], [1, 2, 3]]), rangeWidth([]), rangeWidth([5, [1, 2]])]).toEqual([
      1, 3, 0, 2,
    ]);
    expect(cellPosition(3, 1, 1)).toBe('row 3 of the range');
    expect(cellPosition(3, 2, 4)).toBe('row 3, column 2 of the range');
  });

  it('reads dates by the calendar day shown: local fields of a Date, serials from 1899-12-30, text as is', () => {
    expect(readDateCell(new Date(2024, 1, 29), 'start')).toBe('2024-02-29');
    expect(readDateCell(new Date(2024, 1, 29, 23, 59), 'start')).toBe('2024-02-29');
    // 45292 − 25569 = 19723 days after 1970-01-01 = 2024-01-01; a time of day (0.75) is dropped.
    expect(readDateCell(45292.75, 'start')).toBe('2024-01-01');
    expect(readDateCell(' 2024-01-05 ', 'start')).toBe('2024-01-05');
    expect(readDateCell(true, 'start')).toBe(true);
    const invalid = new Date(Number.NaN);
    expect(readDateCell(invalid, 'start')).toBe(invalid);
    expect(cellError(() => readDateCell(60, 'end')).message).toMatch(/^end must be a date, .* received 60$/);
    expect(cellError(() => readDateCell(Number.POSITIVE_INFINITY, 'end')).message).toMatch(
      /received Infinity$/,
    );
  });

  it('writes dates as local-midnight Dates, serials or ISO text, and reads its own writing back', () => {
    const date = writeDateCell('2024-03-31', 'date') as Date;
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([2024, 2, 31, 0]);
    expect(writeDateCell('2024-01-01', 'serial')).toBe(45292);
    expect(writeDateCell('2024-01-01', 'text')).toBe('2024-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const iso = readDateCell(serial, 'start') as string;
        expect(writeDateCell(iso, 'serial')).toBe(serial);
        expect(readDateCell(writeDateCell(iso, 'date'), 'start')).toBe(iso);
      }),
      { numRuns: 200 },
    );
  });

  it('passes errors that are not the library’s through unchanged', () => {
    const other = new TypeError('boom');
    expect(toSpreadsheetError(other)).toBe(other);
  });
});

describe('callSpreadsheetFunction', () => {
  it('runs every listed function by name', () => {
    expect(SPREADSHEET_FUNCTIONS.map((fn) => fn.name)).toEqual([
      'NPS',
      'NPS_INTERVAL',
      'CUSTOMER_CHURN',
      'NRR',
      'GRR',
      'LTV',
      'CAC_PAYBACK',
      'NORMALIZE_MRR',
      'MRR_MOVEMENTS',
    ]);
    expect(callSpreadsheetFunction('NPS', 'sheets', [[[10], [0], [9]]])).toBeCloseTo(100 / 3, 12);
    expect(callSpreadsheetFunction('GRR', 'sheets', [100, 5, 5])).toBe(0.9);
    expect(callSpreadsheetFunction('CAC_PAYBACK', 'excel', [1200, 100])).toBe(12);
    // 1200 / (100 × 0.5) = 24 months.
    expect(callSpreadsheetFunction('CAC_PAYBACK', 'excel', [1200, 100, 0.5])).toBe(24);
    expect(callSpreadsheetFunction('CUSTOMER_CHURN', 'sheets', [[[40]], 2])).toBe(0.05);
  });

  it('rejects an unknown name and too many arguments', () => {
    expect(cellError(() => callSpreadsheetFunction('NOPE', 'sheets', [])).message).toBe(
      'unknown function NOPE',
    );
    expect(cellError(() => callSpreadsheetFunction('GRR', 'sheets', [1, 2, 3, 4])).message).toBe(
      'GRR takes at most 3 arguments, received 4',
    );
  });

  it('shows #N/A for every undefined result and names bad arguments', () => {
    const undefinedCalls: [string, unknown[]][] = [
      ['NPS', [[['']]]],
      ['NPS_INTERVAL', [[['']]]],
      ['CUSTOMER_CHURN', [0, 0]],
      ['NRR', [0, 0, 0, 0]],
      ['GRR', [0, 0, 0]],
      ['LTV', [100, 0]],
      ['CAC_PAYBACK', [100, 0]],
    ];
    for (const [name, args] of undefinedCalls) {
      const error = cellError(() => callSpreadsheetFunction(name, 'sheets', args));
      expect([error.kind, error.message.startsWith('#N/A: ')], name).toEqual(['notAvailable', true]);
    }
    expect(
      cellError(() => callSpreadsheetFunction('NORMALIZE_MRR', 'sheets', [10, 'fortnight'])).message,
    ).toMatch(/^interval must be one of/);
    expect(cellError(() => callSpreadsheetFunction('NORMALIZE_MRR', 'sheets', [10, 'week', 1.5])).kind).toBe(
      'invalidValue',
    );
    expect(cellError(() => callSpreadsheetFunction('NORMALIZE_MRR', 'sheets', [10, 7])).message).toMatch(
      /^interval must be one of/,
    );
    expect(cellError(() => callSpreadsheetFunction('NRR', 'sheets', [100, '', 1, 1])).message).toBe(
      'expansionMrr is blank: a value is required',
    );
    expect(cellError(() => callSpreadsheetFunction('LTV', 'sheets', [100, [[''], ['']]])).message).toBe(
      'churnRate is blank: a value is required',
    );
    expect(cellError(() => callSpreadsheetFunction('LTV', 'sheets', [100, [[0.1, 2]]])).message).toMatch(
      /^row 1, column 2 of the range: churnRate must be a number between 0 and 1/,
    );
    expect(cellError(() => callSpreadsheetFunction('LTV', 'sheets', [100, 0.1, 1.5])).message).toMatch(
      /^grossMargin must be/,
    );
    expect(cellError(() => callSpreadsheetFunction('NPS_INTERVAL', 'sheets', [[[9]], 1.5])).message).toMatch(
      /^options\.confidence|^confidence/,
    );
  });

  it('writes MRR_MOVEMENTS dates as Date for Sheets and as serials for Excel', () => {
    const range = [['a', '', '2024-01-10', '', 10]];
    const sheets = callSpreadsheetFunction('MRR_MOVEMENTS', 'sheets', [range]) as unknown[][];
    const excel = callSpreadsheetFunction('MRR_MOVEMENTS', 'excel', [range, ' Month ']) as unknown[][];
    expect(Object.prototype.toString.call(sheets[1]![0])).toBe('[object Date]');
    expect(excel[1]!.slice(0, 2)).toEqual([45292, 45322]);
    expect(sheetMrrMovements(range, undefined, 'text')[1]!.slice(0, 2)).toEqual(['2024-01-01', '2024-01-31']);
  });
});

describe('sheetMrrMovements', () => {
  it('skips a header row only when its mrr cell reads "mrr", and keeps numeric ids as text ids', () => {
    const rows = [
      ['id', 'sub', 'from', 'to', ' MRR '],
      [42, 7, '2024-01-01', '2024-02-01', 10],
      [42, 8, '2024-01-15', '', 5],
    ];
    const table = sheetMrrMovements(rows, 'month', 'text');
    const expected = mrrMovements([
      { customerId: '42', subscriptionId: '7', start: '2024-01-01', end: '2024-02-01', mrr: 10 },
      { customerId: '42', subscriptionId: '8', start: '2024-01-15', mrr: 5 },
    ]).periods;
    expect(table.slice(1).map((row) => row[8])).toEqual(
      expected.map((period) => period.endingMrr.toNumber()),
    );
    expect(sheetMrrMovements([], undefined, 'text')).toEqual([[...MRR_MOVEMENTS_HEADER]]);
    expect(sheetMrrMovements([[''], ['']], undefined, 'text')).toEqual([[...MRR_MOVEMENTS_HEADER]]);
  });

  it('names the row of blank and bad cells, overlapping periods and an end before its start', () => {
    const error = (rows: unknown[][]) => cellError(() => sheetMrrMovements(rows, undefined, 'text')).message;
    expect(error([['', '', '2024-01-01', '', 1]])).toBe('row 1 of the range: customer_id is blank');
    expect(error([['a', '', '', '', 1]])).toBe('row 1 of the range: start is blank');
    expect(error([['a', '', 30, '', 1]])).toMatch(/^row 1 of the range: start must be a date/);
    expect(error([['a', '', '2024-02-01', '2024-01-01', 1]])).toMatch(/^row 1 of the range: end must be/);
    expect(
      error([
        ['a', 's', '2024-01-01', '2024-03-01', 1],
        ['', '', '', '', ''],
        ['a', 's', '2024-02-01', '', 1],
      ]),
    ).toMatch(/^row 3 of the range: start must be/);
    expect(error([[true, '', '2024-01-01', '', 1]])).toMatch(/^row 1 of the range: customer_id must be/);
    expect(error([['a', '', '2024-01-01', '', -1]])).toBe(
      'row 1 of the range: mrr must be a number >= 0, received -1',
    );
  });

  it('returns one row per period whose MRR equals the library, for any subscriptions', () => {
    const row = fc
      .tuple(
        fc.constantFrom('a', 'b', 'c'),
        fc.integer({ min: 19723, max: 19723 + 200 }),
        fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
        fc.integer({ min: 0, max: 50_000 }),
      )
      .map(([customer, startDay, length, cents]) => ({
        customerId: customer,
        start: writeDateCell(new Date(startDay * 86_400_000).toISOString().slice(0, 10), 'text') as string,
        end: length === null ? null : new Date((startDay + length) * 86_400_000).toISOString().slice(0, 10),
        mrr: cents / 100,
      }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (periods) => {
        const range = periods.map((p) => [p.customerId, '', p.start, p.end ?? '', p.mrr]);
        const table = sheetMrrMovements(range, undefined, 'text');
        const expected = mrrMovements(periods).periods;
        expect(table.slice(1).map((r) => [r[0], r[6], r[8]])).toEqual(
          expected.map((p) => [p.start, p.churnedMrr.toNumber(), p.endingMrr.toNumber()]),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('rejects an unknown granularity by name', () => {
    const range = [['a', '', '2024-01-01', '', 1]];
    expect(cellError(() => sheetMrrMovements(range, 'fortnight')).message).toMatch(
      /^granularity must be one of/,
    );
    expect(cellError(() => sheetMrrMovements(range, 7)).message).toMatch(/^granularity must be one of/);
  });

  it('rejects a range narrower than its five columns', () => {
    expect(cellError(() => sheetMrrMovements([['a', '', '2024-01-01', 1]])).message).toBe(
      'the range must have 5 columns (customer_id, subscription_id, start, end, mrr), received 4',
    );
  });

  it('names the cell of a bad NPS answer and passes the interval options through', () => {
    expect(
      cellError(() =>
        callSpreadsheetFunction('NPS', 'sheets', [
          [
            [9, ''],
            ['', 7.5],
          ],
        ]),
      ).message,
    ).toBe('row 2, column 2 of the range: an answer must be an integer from 0 to 10, received 7.5');
    const wald = callSpreadsheetFunction('NPS_INTERVAL', 'sheets', [[[10], [0]], 0.9, 'wald']) as number[][];
    // Wald at n = 2, p+ = p- = 0.5: NPS 0, SE = sqrt((1 − 0) / 2) ≈ 0.7071 → ±1.645 × 70.71 points, clamped to ±100.
    expect(wald).toEqual([[-100, 100]]);
    expect(
      cellError(() => callSpreadsheetFunction('NPS_INTERVAL', 'sheets', [[[9]], '', 'exact'])).message,
    ).toMatch(/method/);
  });

  it('agrees with netPromoterScore through the NPS function for numeric text answers', () => {
    expect(callSpreadsheetFunction('NPS', 'sheets', [[['9'], ['10'], ['3']]])).toBe(
      netPromoterScore(['9', '10', '3']).score!.toNumber(),
    );
  });
});

describe('sheetMrrMovements with currencies: arguments', () => {
  const range = [['a', '', '2024-01-01', '', 100, 'EUR']];

  it('ignores a sixth column without rates, as before', () => {
    const table = sheetMrrMovements([['a', '', '2024-01-10', '', 10, 'whatever']], undefined, 'text');
    expect(table[0]).toEqual([...MRR_MOVEMENTS_HEADER]);
    expect(table[1]![8]).toBe(10);
  });

  it('names the row of the rates range of a blank or bad rate cell, and the missing arguments', () => {
    const error = (...args: unknown[]) =>
      cellError(() => callSpreadsheetFunction('MRR_MOVEMENTS', 'sheets', [range, '', ...args])).message;
    expect(
      error(
        [
          ['currency', 'date', 'rate'],
          ['EUR', '', 1.1],
        ],
        'USD',
      ),
    ).toBe('row 2 of the rates range: date is blank');
    expect(error([['EUR', 30, 1.1]], 'USD')).toMatch(/^row 1 of the rates range: date must be a date/);
    expect(error([['EUR', '2024-01-01', 1.1]])).toBe(
      'reportingCurrency is blank: the currency the rates convert into (e.g. USD) is required',
    );
    expect(error('', 'USD')).toBe('reportingCurrency and rateDate need a rates range (currency, date, rate)');
    expect(error([[''], ['']], '', 'snapshot')).toBe(
      'reportingCurrency and rateDate need a rates range (currency, date, rate)',
    );
    expect(error([['EUR', '2024-01-01', 1.1]], [['USD', 'EUR']])).toBe(
      'reportingCurrency must be a single cell, received a range of 1×2',
    );
  });
});

describe('sheetMrrMovements with currencies: conversion', () => {
  // The guide's worked example: a pays EUR 100 from Jan 15 and EUR 150 from Mar 10, b pays USD 50 (blank: the
  // reporting currency); EUR is 1.10 USD in January, 1.20 in February, 1.00 from March.
  const range = [
    ['customer_id', 'subscription_id', 'start', 'end', 'mrr', 'currency'],
    ['a', '', '2024-01-15', '2024-03-10', 100, ' eur '],
    ['a', '', '2024-03-10', '', 150, 'EUR'],
    ['b', '', '2024-01-01', '', 50, ''],
  ];
  const rates = [
    ['currency', 'date', 'rate'],
    ['EUR', '2024-01-01', 1.1],
    ['EUR', '2024-02-01', 1.2],
    ['', '', ''],
    ['EUR', '2024-03-01', 1],
  ];

  it('converts at each row start (periodStart) or revalues per snapshot, with an fx_impact_mrr column', () => {
    const periodStart = sheetMrrMovements(range, 'month', 'text', rates, 'usd');
    expect(periodStart[0]).toEqual([...MRR_MOVEMENTS_HEADER, FX_IMPACT_COLUMN]);
    // Jan 50 + 100 × 1.10 = 160; Feb unchanged; Mar 50 + 150 × 1.00 = 200 (expansion 150 − 110 = 40).
    expect(periodStart.slice(1).map((row) => [row[4], row[8], row[16]])).toEqual([
      [0, 160, 0],
      [0, 160, 0],
      [40, 200, 0],
    ]);
    const snapshot = callSpreadsheetFunction('MRR_MOVEMENTS', 'excel', [
      range,
      '',
      rates,
      'USD',
      'snapshot',
    ]) as unknown[][];
    // fx: 100 × (1.20 − 1.10) = 10 in February, 100 × (1.00 − 1.20) = −20 in March; expansion (150 − 100) × 1.00.
    expect(snapshot.slice(1).map((row) => [row[4], row[8], row[16]])).toEqual([
      [0, 160, 0],
      [0, 170, 10],
      [50, 200, -20],
    ]);
  });

  it('names the subscriptions row without a rate in effect and a bad rateDate', () => {
    const late = [['EUR', '2024-02-01', 1.2]];
    expect(cellError(() => sheetMrrMovements(range, '', 'text', late, 'USD')).message).toMatch(
      /^row 2 of the range: /,
    );
    expect(cellError(() => sheetMrrMovements(range, '', 'text', rates, 'USD', 'daily')).message).toMatch(
      /^rateDate must be /,
    );
  });
});
