import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_ISSUES, MetricInputError } from '../../src/core/errors.js';
import { parseExchangeRates, parseReportInput } from '../../src/io/index.js';
import { subscriptionPeriods } from '../arbitraries.js';

// Issue #25 (H3): the reader reads text exactly as people export it, or refuses it with every problem at once.

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return error as MetricInputError;
  }
  throw new Error('expected a MetricInputError');
}

const messages = (run: () => unknown): string[] => errorOf(run).issues.map((issue) => issue.message);

describe('JSON numbers are read exactly', () => {
  it('keeps ids beyond 2^53 apart and money to its last digit', () => {
    const parsed = parseReportInput(
      '[{"customerId":9007199254740993,"start":"2024-01-01","mrr":100.00000000000000001},' +
        '{"customerId":9007199254740992,"start":"2024-01-01","mrr":1E+2}]',
    );
    expect(parsed.input.subscriptions.map((row) => [row.customerId, row.mrr])).toEqual([
      ['9007199254740993', '100.00000000000000001'],
      ['9007199254740992', '1E+2'],
    ]);
    // Numbers are handed on as text, never as an object that could pass for a Decimal.
    for (const row of parsed.input.subscriptions) expect(typeof row.mrr).toBe('string');
    expect(
      parseExchangeRates('[{"currency":"EUR","date":"2024-01-01","rate":1.00000000000000000001}]'),
    ).toEqual([{ currency: 'EUR', date: '2024-01-01', rate: '1.00000000000000000001' }]);
  });

  it('passes the other parts of the input on as plain numbers, or as text when a double would round them', () => {
    const parsed = parseReportInput(
      '{"subscriptions":[],"npsResponses":[{"at":"2024-01-02","score":9,"big":12345678901234567890,"x":0.1}]}',
    );
    expect(parsed.input.npsResponses).toEqual([
      { at: '2024-01-02', score: 9, big: '12345678901234567890', x: 0.1 },
    ]);
  });

  it('reads what JSON.parse reads, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify({ subscriptions: [], npsResponses: [value] });
        const parsed = parseReportInput(text, { format: 'json' });
        // Every number JSON.stringify writes is its shortest text, so a double holds it exactly.
        expect(parsed.input.npsResponses).toEqual(JSON.parse(text).npsResponses);
      }),
      { numRuns: 300 },
    );
  });

  it('is strict (RFC 8259) and says where the text is wrong', () => {
    for (const text of [
      '[1,]',
      '[01]',
      '[NaN]',
      "['a']",
      '[1] x',
      '{"a":1,}',
      '[.5]',
      '[1.]',
      '["\t"]',
      '[',
    ]) {
      expect(errorOf(() => parseReportInput(text, { format: 'json' })).message).toMatch(
        /^not valid JSON: .* at line 1, column \d+/,
      );
    }
    expect(errorOf(() => parseReportInput('[\n  {"a": tru}\n]')).message).toContain('line 2, column 9');
  });

  it('refuses deep nesting with a message instead of overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(errorOf(() => parseReportInput(deep)).message).toContain('at most 512 nested arrays and objects');
  });

  it('keeps __proto__ as plain data and refuses a key given twice', () => {
    const parsed = parseReportInput(
      '{"subscriptions":[{"customerId":"a","start":"2024-01-01","mrr":1,"__proto__":{"polluted":true}}],' +
        '"npsResponses":[{"__proto__":{"polluted":true}}]}',
    );
    // Changed (issue #25): a top-level __proto__ is not a part of the report's input, so it is refused by name
    // (test/io/reportInputKeys.test.ts) instead of being dropped; nested ones stay plain data.
    expect(
      errorOf(() => parseReportInput('{"subscriptions":[],"__proto__":{"polluted":true}}')).path,
    ).toEqual(['__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.input)).toBe(Object.prototype);
    const response = parsed.input.npsResponses![0] as object;
    expect(Object.getPrototypeOf(response)).toBe(Object.prototype);
    expect(Object.hasOwn(response, '__proto__')).toBe(true);
    expect(
      errorOf(() => parseReportInput('[{"customerId":"a","start":"2024-01-01","mrr":1,"mrr":2}]')).message,
    ).toContain('each key once per object ("mrr" is given twice)');
  });

  it('refuses an object, an array or true where a cell is expected', () => {
    expect(
      messages(() =>
        parseReportInput(
          '[{"customerId":"a","start":"2024-01-01","mrr":{"d":[1],"e":0,"s":1}},{"customerId":true,"start":"2024-01-01","mrr":1}]',
        ),
      ),
    ).toEqual([
      'subscriptions[0].mrr must be a text or a number, received an object',
      'subscriptions[1].customerId must be a text or a number, received true',
    ]);
  });
});

describe('column names', () => {
  it('refuses a column given twice, in any spelling', () => {
    expect(messages(() => parseReportInput('customer_id,start,mrr,mrr\na,2024-01-01,1,2\n'))).toEqual([
      'the header must have each column once (column names are compared ignoring case, spaces and underscores), received both mrr and mrr (found: customer_id, start, mrr, mrr)',
    ]);
    expect(errorOf(() => parseReportInput('customer_id,start,MRR,mrr\na,2024-01-01,1,2\n')).path).toEqual([
      'columns',
      'mrr',
    ]);
    expect(
      errorOf(() => parseReportInput('[{"customerId":"a","customer_id":"b","start":"2024-01-01","mrr":1}]'))
        .message,
    ).toContain('received both customerId and customer_id');
  });

  it('refuses a column that looks like a misspelt known one, unless keepColumns says it is data', () => {
    const cases: [string, string, string][] = [
      ['ned', 'end', 'end'],
      ['end_dat', 'end', 'end'],
      ['curency', 'currency', 'currency'],
      ['segmnt', 'segment', 'segment'],
      ['Subscripton ID', 'subscription_id', 'subscriptionId'],
    ];
    for (const [column, near, field] of cases) {
      const text = `customer_id,start,mrr,${column}\na,2024-01-01,1,x\n`;
      const error = errorOf(() => parseReportInput(text));
      expect(error.code).toBe('unknown_field');
      expect(error.message).toContain(`the header's ${column} column looks like a misspelt `);
      expect(error.message).toContain(`(the ${field} column)`);
      expect(error.message).toMatch(new RegExp(`misspelt ${near}|misspelt \\w+`));
      expect(parseReportInput(text, { keepColumns: [column] }).input.subscriptions).toHaveLength(1);
    }
    // Data columns of a Stripe export are not mistaken for misspellings.
    const stripe =
      'id,Customer ID,Customer Email,Plan,Product,Quantity,Currency,Interval,Amount,Status,Created (UTC),Start (UTC),Current Period Start (UTC),Current Period End (UTC),Canceled At (UTC),Ended At (UTC)\n' +
      'sub_1,cus_1,a@example.com,pro,Pro,1,usd,month,49.00,active,2024-01-01 09:00,2024-01-01 09:00,2024-01-01 09:00,2024-02-01 09:00,,\n';
    const [row] = parseReportInput(stripe, { keepColumns: ['Quantity'] }).input.subscriptions;
    expect({ ...row, mrr: String(row!.mrr) }).toEqual({
      customerId: 'cus_1',
      start: '2024-01-01',
      end: null,
      mrr: '49',
      currency: 'USD',
    });
    // Stripe's Amount is per unit: with a Quantity column beside it, MRR would be wrong by that factor.
    expect(errorOf(() => parseReportInput(stripe)).message).toMatch(
      /^the header has a Quantity column beside Amount: a billing export's amount is per unit/,
    );
    expect(
      errorOf(() => parseReportInput('[{"customerId":"a","start":"2024-01-01","mrr":1,"curency":"EUR"}]'))
        .message,
    ).toContain("the header's curency field looks like a misspelt currency");
  });

  it('matches names ignoring case, spaces and underscores, with the aliases of billing exports', () => {
    const parsed = parseReportInput(
      'Customer ID,Subscription ID,Start Date,Ended At (UTC),MRR\na,s1,2024-01-01,2024-03-01,10\n',
    );
    expect(parsed.columns).toEqual({
      customerId: 'Customer ID',
      subscriptionId: 'Subscription ID',
      start: 'Start Date',
      end: 'Ended At (UTC)',
      mrr: 'MRR',
    });
    expect(parseReportInput('customer,started_at,ended_at,mrr\na,2024-01-01,,1\n').columns).toMatchObject({
      customerId: 'customer',
      start: 'started_at',
      end: 'ended_at',
    });
  });

  it('reads other names through the columns option, and lists every missing column at once', () => {
    const parsed = parseReportInput('id,Kunde,Beginn,MRR\ns1,a,2024-01-01,5\n', {
      columns: { subscriptionId: 'id', customerId: 'kunde', start: 'Beginn' },
    });
    expect(parsed.input.subscriptions).toEqual([
      { customerId: 'a', subscriptionId: 's1', start: '2024-01-01', end: null, mrr: '5' },
    ]);
    const error = errorOf(() => parseReportInput('x,y\n1,2\n', { columns: { customerId: 'Kunde' } }));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['columns', 'customerId'],
      ['columns', 'start'],
      ['columns', 'mrr'],
      ['columns', 'interval'],
    ]);
    expect(error.message).toBe('the header has no Kunde column, the customerId column named (found: x, y)');
  });
});

describe('delimiters, dates, end convention and number formats', () => {
  it('detects a semicolon or a tab from the header, outside quotes, or takes the option', () => {
    const rows = (text: string, options = {}) =>
      parseReportInput(text, options).input.subscriptions.map((row) => [row.customerId, row.mrr]);
    expect(rows('customer_id;start;mrr\n"a,b";2024-01-01;1.5\n')).toEqual([['a,b', '1.5']]);
    expect(rows('customer_id\tstart\tmrr\na b\t2024-01-01\t2\n')).toEqual([['a b', '2']]);
    expect(
      rows('"customer;id",customer_id,start,mrr\nx,a,2024-01-01,3\n', { keepColumns: ['customer;id'] }),
    ).toEqual([['a', '3']]);
    expect(rows('customer_id;start;mrr\na;2024-01-01;4\n', { delimiter: ';' })).toEqual([['a', '4']]);
    expect(errorOf(() => parseReportInput('a', { delimiter: '|' as ',' })).path).toEqual([
      'options',
      'delimiter',
    ]);
  });

  it('reads the same rows whatever the delimiter, detected or given, for any subscriptions', () => {
    fc.assert(
      fc.property(
        subscriptionPeriods(6),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        (periods, delimiter, given) => {
          const cell = (value: string) =>
            /[",;\t\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
          const lines = ['customer_id,subscription_id,start_date,end_date,mrr'.replaceAll(',', delimiter)];
          for (const period of periods) {
            lines.push(
              [
                period.customerId,
                period.subscriptionId ?? '',
                period.start,
                period.end ?? '',
                String(period.mrr),
              ]
                .map((value) => cell(String(value)))
                .join(delimiter),
            );
          }
          const parsed = parseReportInput(lines.join('\n'), given ? { delimiter } : {});
          expect(
            parsed.input.subscriptions.map((row) => [row.customerId, row.start, row.end, String(row.mrr)]),
          ).toEqual(
            periods.map((row) => [row.customerId.trim(), row.start, row.end ?? null, String(row.mrr)]),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads a date-time with an offset on its calendar day in timeZone (default UTC)', () => {
    const start = (value: string, options = {}) =>
      parseReportInput(`customer_id,start,mrr\na,${value},1\n`, options).input.subscriptions[0]!.start;
    expect(start('2024-02-05T23:30:00-05:00')).toBe('2024-02-06');
    expect(start('2024-02-05T23:30:00-05:00', { timeZone: 'America/New_York' })).toBe('2024-02-05');
    expect(start('2024-02-05 10:00:00Z')).toBe('2024-02-05');
    expect(start('2024-02-05T20:00:00.123Z', { timeZone: 'Asia/Tokyo' })).toBe('2024-02-06');
    expect(start('2024-02-05T20:00+0100', { timeZone: 'Asia/Tokyo' })).toBe('2024-02-06');
    // Without an offset it is a local time of the zone: its date is its day.
    expect(start('2024-02-05T23:30:00', { timeZone: 'Pacific/Kiritimati' })).toBe('2024-02-05');
    expect(start('2024-02-05 00:10', { timeZone: 'America/Los_Angeles' })).toBe('2024-02-05');
    // A header ending in (UTC), as Stripe's export writes it, says its times without an offset are UTC.
    const stripe = 'Customer ID,Start (UTC),Ended At (UTC),mrr\na,2024-02-05 02:00,2024-03-05 04:59,1\n';
    expect(parseReportInput(stripe, { timeZone: 'America/New_York' }).input.subscriptions[0]).toMatchObject({
      start: '2024-02-04',
      end: '2024-03-04',
    });
    expect(parseReportInput(stripe).input.subscriptions[0]).toMatchObject({
      start: '2024-02-05',
      end: '2024-03-05',
    });
    for (const bad of ['2024-2-5', '2024/02/05', '05.02.2024', '2024-02-05T25:00:00Z', '2024-02-30T10:00Z']) {
      expect(errorOf(() => start(bad)).message).toBe(
        `row 2, column start must be a calendar date 'YYYY-MM-DD' between 1000-01-01 and 9998-12-31, or an ISO 8601 date-time such as 2024-02-05T10:00:00Z, received ${JSON.stringify(bad)}`,
      );
    }
    for (const timeZone of ['Mars/Olympus', '', 5]) {
      expect(errorOf(() => start('2024-01-01', { timeZone })).path).toEqual(['options', 'timeZone']);
    }
  });

  it("reads an end as the last paid day under endConvention 'inclusive'", () => {
    const text =
      'customer_id,start,end,mrr\na,2024-01-01,2024-01-31,1\nb,2024-01-01,2024-02-29T18:00:00Z,1\n';
    expect(parseReportInput(text).input.subscriptions.map((row) => row.end)).toEqual([
      '2024-01-31',
      '2024-02-29',
    ]);
    expect(
      parseReportInput(text, { endConvention: 'inclusive' }).input.subscriptions.map((row) => row.end),
    ).toEqual(['2024-02-01', '2024-03-01']);
    expect(errorOf(() => parseReportInput(text, { endConvention: 'last' as 'inclusive' })).path).toEqual([
      'options',
      'endConvention',
    ]);
  });

  it('refuses formatted money with a hint, or reads it under numberFormat, strictly', () => {
    const text = 'customer_id,start,mrr\na,2024-01-01,"$1,200.00"\nb,2024-01-01,USD 1200\nc,2024-01-01,1.5\n';
    expect(messages(() => parseReportInput(text))).toEqual([
      `row 2, column mrr must be a plain decimal number >= 0 such as 1200.5 (for amounts written like $1,200.00 pass numberFormat: '1,234.56', like 1.200,00 € numberFormat: '1.234,56'), received "$1,200.00"`,
      expect.stringContaining('row 3, column mrr must be a plain decimal number'),
    ]);
    expect(
      parseReportInput(text, { numberFormat: '1,234.56' }).input.subscriptions.map((row) => row.mrr),
    ).toEqual(['1200.00', '1200', '1.5']);
    expect(
      parseReportInput('customer_id;start;mrr\na;2024-01-01;1.200,50 €\nb;2024-01-01;EUR 7,5\n', {
        numberFormat: '1.234,56',
      }).input.subscriptions.map((row) => row.mrr),
    ).toEqual(['1200.50', '7.5']);
    for (const bad of ['1,20.00', '1,2345', '$$5', '1.200,50', '12,000.5.0']) {
      expect(
        errorOf(() =>
          parseReportInput(`customer_id,start,mrr\na,2024-01-01,"${bad}"\n`, { numberFormat: '1,234.56' }),
        ).message,
      ).toContain('must be an amount >= 0 written as 1,234.56');
    }
    expect(errorOf(() => parseReportInput('', { numberFormat: '1 234,56' as 'plain' })).path).toEqual([
      'options',
      'numberFormat',
    ]);
  });
});

describe('every problem in one round', () => {
  it('lists malformed CSV, long rows and bad cells together, by spreadsheet row', () => {
    const text =
      'customer_id,start,mrr\n' +
      'a,2024-01-01,-1\n' + // row 2: a rule
      'b"x,2024-01-01,1\n' + // row 3: malformed
      'c,2024-01-01,1,extra\n' + // row 4: too many cells
      'd,2024/01/01,1\n' + // row 5: a rule
      'e,2024-01-01,1\n';
    const error = errorOf(() => parseReportInput(text));
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'row 2, column mrr must be a number >= 0, received "-1"',
      'row 3 is not valid CSV: expected a quote only around a whole field (write "" for a quote inside quotes), received "',
      "row 4 has 4 cells, more than the header's 3",
      expect.stringMatching(/^row 5, column start must be a calendar date/),
    ]);
    for (const issue of error.issues) expect(issue.message).not.toMatch(/subscriptions\[/);
  });

  it('lists header problems with malformed rows, and stops at MAX_INPUT_ISSUES', () => {
    expect(messages(() => parseReportInput('customer_id,start\n"a,2024-01-01\n'))).toEqual([
      expect.stringContaining('the header has no mrr'),
      expect.stringContaining('the header has no interval'),
      'row 2 is not valid CSV: expected a closing quote for a quoted field, received the end of the text',
    ]);
    const many = `customer_id,start,mrr\n${'a,x,1\n'.repeat(MAX_INPUT_ISSUES + 50)}`;
    expect(errorOf(() => parseReportInput(many)).issues).toHaveLength(MAX_INPUT_ISSUES);
  });
});

describe('options are strict', () => {
  it('refuses unknown keys and bad values', () => {
    const bad: [object, (string | number)[]][] = [
      [{ column: {} }, ['options', 'column']],
      [{ columns: { customer: 'x' } }, ['options', 'columns', 'customer']],
      [{ columns: { start: '' } }, ['options', 'columns', 'start']],
      [{ columns: 'x' }, ['options', 'columns']],
      [{ keepColumns: 'x' }, ['options', 'keepColumns']],
      [{ keepColumns: ['ok', 3] }, ['options', 'keepColumns', 1]],
      [{ segmentColumn: 'plan', columns: { segment: 'region' } }, ['options', 'columns', 'segment']],
    ];
    for (const [options, path] of bad) {
      expect(errorOf(() => parseReportInput('customer_id,start,mrr\n', options as never)).path).toEqual(path);
    }
    expect(errorOf(() => parseExchangeRates('currency,date,rate\n', { timeZone: 'UTC' } as never)).code).toBe(
      'unknown_field',
    );
  });
});

describe('parseExchangeRates reads exports the same way', () => {
  it('detects the delimiter, refuses duplicate and misspelt columns, an empty file, and lists every problem', () => {
    expect(parseExchangeRates('Currency;Date;Rate\neur;2024-01-01;1.09\n')).toEqual([
      { currency: 'EUR', date: '2024-01-01', rate: '1.09' },
    ]);
    expect(errorOf(() => parseExchangeRates('currency,date,rate,Rate\n')).message).toContain(
      'received both rate and Rate',
    );
    expect(
      errorOf(() => parseExchangeRates('curency,date,rate\n')).issues.map((issue) => issue.message),
    ).toEqual([
      `the header's curency column looks like a misspelt currency (the currency column); rename it, or pass keepColumns: ["curency"] if it is other data (found: curency, date, rate)`,
      'the header has no currency / currency_code / currencyCode column (found: curency, date, rate)',
    ]);
    expect(
      parseExchangeRates('currency,date,rate,rates\nEUR,2024-01-01,1,x\n', { keepColumns: ['rates'] }),
    ).toHaveLength(1);
    expect(errorOf(() => parseExchangeRates(',,\n\n')).code).toBe('empty_input');
    expect(
      messages(() => parseExchangeRates('currency,date,rate\nEUR,2024-01-01,0\nEUR,"2024-02-01\n')),
    ).toEqual([
      'row 2, column rate must be a number > 0, received "0"',
      'row 3 is not valid CSV: expected a closing quote for a quoted field, received the end of the text',
    ]);
  });
});
