import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportInput } from '../../src/io/index.js';
import { mrrMovements } from '../../src/revenue/mrrMovements.js';
import { sheetMrrMovements } from '../../src/spreadsheet/sheetMrrMovements.js';
import { subscriptionPeriods } from '../arbitraries.js';

// The same rows, with blank rows between them, give the same movements whether they come as CSV text through
// parseReportInput or as a spreadsheet range through =CH_MRR_MOVEMENTS: both skip a row whose cells are all empty
// or white space, and nothing else.
describe('blank rows are skipped the same way by the CSV reader and =CH_MRR_MOVEMENTS', () => {
  it('gives the same table for any rows with any blank rows between them', () => {
    const blankCells = fc.array(fc.constantFrom('', ' ', '  ', '\t'), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(
        subscriptionPeriods(5),
        fc.array(fc.option(blankCells, { nil: undefined }), { minLength: 30, maxLength: 30 }),
        (periods, blanks) => {
          const header = ['customer_id', 'subscription_id', 'start', 'end', 'mrr'];
          const range: string[][] = [header];
          periods.forEach((period, index) => {
            range.push([
              period.customerId,
              period.subscriptionId ?? '',
              String(period.start),
              period.end ? String(period.end) : '',
              String(period.mrr),
            ]);
            const blank = blanks[index % 30];
            if (blank !== undefined) range.push(blank);
          });
          const csv = range.map((cells) => cells.join(',')).join('\n');
          const parsed = parseReportInput(csv);
          expect(parsed.blankRowsSkipped).toBe(range.length - 1 - periods.length);
          const fromCsv = mrrMovements(parsed.input.subscriptions).periods;
          const fromSheet = sheetMrrMovements(range, 'month', 'text').slice(1);
          expect(fromSheet.map((row) => [row[0], row[8], row[15]])).toEqual(
            fromCsv.map((row) => [row.start, row.endingMrr.toNumber(), row.endingCustomers]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
