import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { parseReportInput } from '../../src/io/index.js';
import { subscriptionPeriods } from '../arbitraries.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return error as MetricInputError;
  }
  throw new Error('expected a MetricInputError');
}

describe('parseReportInput: CSV as spreadsheets write it', () => {
  it('reads the snake_case header, an empty end as still active, and numbers rows as a spreadsheet does', () => {
    const parsed = parseReportInput(
      'customer_id,subscription_id,start_date,end_date,mrr\r\na,a1,2024-01-01,,100\r\nb,,2024-01-05,2024-03-01,49.90\r\n',
    );
    expect(parsed.format).toBe('csv');
    expect(parsed.input.subscriptions).toEqual([
      { customerId: 'a', subscriptionId: 'a1', start: '2024-01-01', end: null, mrr: '100' },
      { customerId: 'b', start: '2024-01-05', end: '2024-03-01', mrr: '49.90' },
    ]);
    expect(parsed.rowNumbers).toEqual([2, 3]);
    expect(parsed.blankRowsSkipped).toBe(0);
    expect(parsed.columns).toMatchObject({ customerId: 'customer_id', mrr: 'mrr', end: 'end_date' });
  });

  it('ignores a byte order mark and skips rows of only commas or spaces, counting them (header is row 1)', () => {
    // Rows: 1 header, 2 a, 3 ",,,," (blank), 4 empty line (blank), 5 " , ,\t, ," (blank), 6 b, 7 ",,,,".
    const text =
      '\uFEFFcustomer_id,start_date,end_date,mrr\na,2024-01-01,,10\n,,,\n\n , ,\t, \nb,2024-02-01,,-1\n,,,\n';
    const error = errorOf(() => parseReportInput(text));
    // b's bad amount is on spreadsheet row 6: the blank rows before it still count.
    expect(error.message).toBe('row 6, column mrr must be a number >= 0, received "-1"');
    expect(error.path).toEqual(['subscriptions', 1, 'mrr']);
    const parsed = parseReportInput(text.replace('-1', '20'));
    expect(parsed.blankRowsSkipped).toBe(4);
    expect(parsed.rowNumbers).toEqual([2, 6]);
    expect(parsed.input.subscriptions.map((row) => row.customerId)).toEqual(['a', 'b']);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks as one row', () => {
    const parsed = parseReportInput(
      'customerId,start,mrr\n"Acme, Inc.",2024-01-01,1\n"The ""Best""\nCo",2024-01-01,2\nzeta,2024-01-01,3',
    );
    expect(parsed.input.subscriptions.map((row) => row.customerId)).toEqual([
      'Acme, Inc.',
      'The "Best"\nCo',
      'zeta',
    ]);
    expect(parsed.rowNumbers).toEqual([2, 3, 4]);
  });

  it('normalises amount + interval (+ interval_count) through normalizeToMrr', () => {
    const parsed = parseReportInput(
      'customer_id,start_date,end_date,amount,interval,interval_count\na,2024-01-01,,1200,year,\nb,2024-01-01,,90,Monthly,3\nc,2024-01-01,,52,weekly,\n',
    );
    // 1200 / 12 = 100; 90 every 3 months = 30; 52 a week × 52 / 12 = 225.333…
    expect(parsed.input.subscriptions.map((row) => String(row.mrr))).toEqual([
      '100',
      '30',
      '225.3333333333333333333333333333333333333',
    ]);
    expect(parsed.columns).toMatchObject({
      amount: 'amount',
      interval: 'interval',
      intervalCount: 'interval_count',
    });
  });

  it('names the row and column of every kind of bad cell', () => {
    const header = 'customer_id,start_date,end_date,amount,interval,interval_count\n';
    const cases: [string, string][] = [
      [' ,2024-01-01,,1,month,', 'row 2, column customer_id must be a non-empty text, received ""'],
      ['a,2024-02-30,,1,month,', 'row 2, column start_date must be'],
      ['a,2024-01-01,soon,1,month,', 'row 2, column end_date must be'],
      ['a,2024-01-01,,ten,month,', 'row 2, column amount must be'],
      ['a,2024-01-01,,1,fortnight,', 'row 2, column interval must be one of day, daily'],
      [
        'a,2024-01-01,,1,month,1.5',
        'row 2, column interval_count must be a whole number >= 1, received "1.5"',
      ],
    ];
    for (const [row, message] of cases) {
      expect(errorOf(() => parseReportInput(header + row)).message).toContain(message);
    }
  });

  it('explains a header it cannot use', () => {
    // Every missing column at once (customer, start and mrr), not only the first.
    expect(errorOf(() => parseReportInput('who,when\na,2024-01-01\n')).issues.map((i) => i.message)).toEqual([
      'the header has no customerId / customer_id / customer / Customer ID column (found: who, when)',
      'the header has no start / start_date / startDate / started_at / Start (UTC) column (found: who, when)',
      'the header has no mrr / monthly_amount / monthlyAmount column (or amount + interval) (found: who, when)',
      'the header has no interval / billing_interval / billingInterval column (the billing interval of amount) (found: who, when)',
    ]);
    expect(errorOf(() => parseReportInput('customer_id,start,mrr,amount,interval\n')).message).toContain(
      'either an mrr column or amount + interval columns, received both mrr and amount',
    );
    expect(errorOf(() => parseReportInput('customer_id,start,amount\n')).message).toContain(
      'no interval / billing_interval / billingInterval column',
    );
    expect(errorOf(() => parseReportInput('customer_id,start,start_date,mrr\n')).message).toContain(
      'received both start and start_date',
    );
    expect(errorOf(() => parseReportInput('customer_id,start,mrr\na,2024-01-01,1,surplus\n')).message).toBe(
      "row 2 has 4 cells, more than the header's 3",
    );
  });

  it('explains malformed CSV with its row', () => {
    expect(errorOf(() => parseReportInput('customer_id,start,mrr\na,2024-01-01,"1\n')).message).toContain(
      'row 2 is not valid CSV: expected a closing quote',
    );
    expect(errorOf(() => parseReportInput('customer_id,start,mrr\na"b,2024-01-01,1\n')).message).toContain(
      'row 2 is not valid CSV',
    );
    expect(errorOf(() => parseReportInput('customer_id,start,mrr\n"a"b,2024-01-01,1\n')).message).toContain(
      'row 2 is not valid CSV: expected a comma or a line break after a closing quote',
    );
  });

  // Changed (issue #25): an empty file or one of only blank rows was an empty report, so a truncated or wrongly
  // exported file passed silently; it has no header, so it is an error. A header without rows is still empty.
  it('refuses an empty text or blank rows only, and gives no subscriptions for a header only', () => {
    for (const text of ['', '\n\n', ' \r\n', ',,\n,,\n', '\uFEFF']) {
      const error = errorOf(() => parseReportInput(text));
      expect(error.code).toBe('empty_input');
      expect(error.message).toMatch(/^the CSV has no header row/);
    }
    expect(parseReportInput('customer_id,start,mrr\n').input.subscriptions).toEqual([]);
    expect(parseReportInput(',,\ncustomer_id,start,mrr\n,,\n')).toMatchObject({
      blankRowsSkipped: 2,
      rowNumbers: [],
    });
  });

  it('reads back any subscriptions written as CSV, with any quoting, line endings, BOM and blank rows', () => {
    const layout = fc.record({
      bom: fc.boolean(),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
      quoteAll: fc.boolean(),
      blankAfter: fc.array(fc.nat({ max: 2 }), { minLength: 40, maxLength: 40 }),
      finalNewline: fc.boolean(),
    });
    fc.assert(
      fc.property(
        subscriptionPeriods(6),
        layout,
        (periods, { bom, newline, quoteAll, blankAfter, finalNewline }) => {
          const cell = (value: string) =>
            quoteAll || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
          const lines = ['customer_id,subscription_id,start_date,end_date,mrr'];
          const expectedRows: number[] = [];
          let blanks = 0;
          periods.forEach((period, index) => {
            lines.push(
              [
                period.customerId,
                period.subscriptionId ?? '',
                period.start,
                period.end ?? '',
                String(period.mrr),
              ]
                .map((value) => cell(String(value)))
                .join(','),
            );
            expectedRows.push(lines.length);
            for (let blank = 0; blank < (blankAfter[index % 40] ?? 0); blank += 1) {
              lines.push(blank === 0 ? ',,,,' : ' ,  , , ,');
              blanks += 1;
            }
          });
          const text = `${bom ? '\uFEFF' : ''}${lines.join(newline)}${finalNewline ? newline : ''}`;
          const parsed = parseReportInput(text);
          expect(parsed.blankRowsSkipped).toBe(blanks);
          expect(parsed.rowNumbers).toEqual(expectedRows);
          expect(
            parsed.input.subscriptions.map((row) => [
              row.customerId,
              row.subscriptionId,
              row.start,
              row.end,
              String(row.mrr),
            ]),
          ).toEqual(
            periods.map((row) => [
              row.customerId,
              row.subscriptionId,
              row.start,
              row.end ?? null,
              String(row.mrr),
            ]),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('parseReportInput: JSON', () => {
  it('accepts a byte order mark, an array or the sample-data object, and snake_case fields', () => {
    const array = parseReportInput('\uFEFF[{"customer_id":1001,"start_date":"2024-01-01","mrr":10}]');
    expect(array.format).toBe('json');
    // Changed (issue #25): a JSON number is handed on as its source text, never as a double that may round.
    expect(array.input.subscriptions).toEqual([
      { customerId: '1001', start: '2024-01-01', end: null, mrr: '10' },
    ]);
    const object = parseReportInput(
      JSON.stringify({
        subscriptions: [{ customerId: 'a', start: '2024-01-01', mrr: '5' }],
        npsResponses: [{ at: '2024-01-02', score: 9 }],
      }),
    );
    expect(object.input.npsResponses).toEqual([{ at: '2024-01-02', score: 9 }]);
  });

  it('skips objects of only blank values, counts them, and names bad rows by their index', () => {
    const text = JSON.stringify([
      { customerId: 'a', start: '2024-01-01', mrr: 1 },
      { customerId: '', start: ' ', mrr: null },
      { customerId: 'b', start: '2024-02-30', mrr: 1 },
    ]);
    const error = errorOf(() => parseReportInput(text));
    expect(error.message).toContain('subscriptions[2].start must be');
    expect(error.path).toEqual(['subscriptions', 1, 'start']);
    const parsed = parseReportInput(text.replace('2024-02-30', '2024-02-01'));
    expect(parsed).toMatchObject({ blankRowsSkipped: 1, rowNumbers: [0, 2] });
  });

  it('explains invalid JSON and the wrong shape', () => {
    expect(errorOf(() => parseReportInput('{', { format: 'json' })).message).toMatch(/^not valid JSON: /);
    expect(errorOf(() => parseReportInput('{"rows": []}')).message).toContain('"subscriptions"');
    expect(errorOf(() => parseReportInput('[1]')).path).toEqual(['subscriptions', 0]);
    expect(errorOf(() => parseReportInput('x', { format: 'xml' as 'csv' })).path).toEqual([
      'options',
      'format',
    ]);
    expect(errorOf(() => parseReportInput(42 as unknown as string)).code).toBe('invalid_type');
  });
});

describe('parseReportInput: currency and segment columns', () => {
  it('reads a currency column in capitals and the named segment column; blank currency is the reporting one', () => {
    const parsed = parseReportInput(
      'customer_id,start_date,mrr,currency_code,plan\na,2024-01-01,49,usd,Starter\nb,2024-01-01,45, EUR ,Growth\nc,2024-01-01,10,,Starter\n',
      { segmentColumn: 'plan' },
    );
    expect(parsed.input.subscriptions).toEqual([
      { customerId: 'a', start: '2024-01-01', end: null, mrr: '49', currency: 'USD', segment: 'Starter' },
      { customerId: 'b', start: '2024-01-01', end: null, mrr: '45', currency: 'EUR', segment: 'Growth' },
      { customerId: 'c', start: '2024-01-01', end: null, mrr: '10', segment: 'Starter' },
    ]);
    expect(parsed.columns).toMatchObject({ currency: 'currency_code', segment: 'plan' });
    // Without the option a column named segment is read; a blank one is then no segment.
    const plain = parseReportInput('customerId,start,mrr,segment\na,2024-01-01,1,EU\nb,2024-01-01,1,\n');
    expect(plain.input.subscriptions.map((row) => row.segment)).toEqual(['EU', undefined]);
    // Without either, no row has a segment even if a plan column is there.
    expect(
      parseReportInput('customerId,start,mrr,plan\na,2024-01-01,1,x\n').input.subscriptions[0],
    ).not.toHaveProperty('segment');
  });

  it('reads currency and the segment field from JSON rows', () => {
    const parsed = parseReportInput(
      JSON.stringify([{ customerId: 'a', start: '2024-01-01', mrr: 5, currencyCode: 'gbp', region: 'UK' }]),
      { segmentColumn: 'region' },
    );
    expect(parsed.input.subscriptions[0]).toMatchObject({ currency: 'GBP', segment: 'UK' });
  });

  it('names the row and column of a bad currency or a blank segment, every bad row at once', () => {
    const error = errorOf(() =>
      parseReportInput(
        'customer_id,start_date,mrr,currency,plan\na,2024-01-01,1,EURO,Starter\nb,2024-01-01,1,EUR,\nc,2024-01-01,1,1,x\n',
        { segmentColumn: 'plan' },
      ),
    );
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'row 2, column currency must be an ISO 4217 currency code (three letters, e.g. USD), received "EURO"',
      'row 3, column plan must be a non-empty text, received ""',
      'row 4, column currency must be an ISO 4217 currency code (three letters, e.g. USD), received "1"',
    ]);
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['subscriptions', 0, 'currency'],
      ['subscriptions', 1, 'segment'],
      ['subscriptions', 2, 'currency'],
    ]);
    const json = errorOf(() =>
      parseReportInput('[{"customerId":"a","start":"2024-01-01","mrr":1,"currency":12}]'),
    );
    expect(json.message).toBe(
      'subscriptions[0].currency must be an ISO 4217 currency code (three letters, e.g. USD), received 12',
    );
  });

  it('rejects a segment column the header lacks, a bad segmentColumn option and unknown options', () => {
    expect(
      errorOf(() => parseReportInput('customer_id,start,mrr\na,2024-01-01,1\n', { segmentColumn: 'plan' }))
        .message,
    ).toBe('the header has no plan column, the segment column named (found: customer_id, start, mrr)');
    for (const bad of ['', '  ', 7, null]) {
      expect(errorOf(() => parseReportInput('', { segmentColumn: bad as string })).path).toEqual([
        'options',
        'segmentColumn',
      ]);
    }
    expect(errorOf(() => parseReportInput('', { segment: 'plan' } as never)).code).toBe('unknown_field');
  });
});
