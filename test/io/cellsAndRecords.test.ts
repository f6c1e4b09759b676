import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { parseReportInput } from '../../src/io/index.js';
import { cellRules, cellText, readDay } from '../../src/io/internal/cellText.js';
import { csvRecords, csvRecordsOf, detectDelimiter } from '../../src/io/internal/csvRecords.js';
import { JsonNumber } from '../../src/io/internal/jsonText.js';

function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return error as MetricInputError;
  }
  throw new Error('expected a MetricInputError');
}

describe('cellText', () => {
  it('reads blank cells as undefined, numbers as their text, and refuses anything else', () => {
    expect([undefined, null, '', '  \t'].map(cellText)).toEqual([undefined, undefined, undefined, undefined]);
    expect(cellText(' a ')).toBe('a');
    expect(cellText(new JsonNumber('9007199254740993'))).toBe('9007199254740993');
    expect(cellText(0.25)).toBe('0.25');
    for (const value of [true, {}, [], Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = errorOf(() => cellText(value));
      expect(error.code).toBe('invalid_type');
      expect(error.expected).toBe('a text or a number');
    }
  });
});

describe('readDay', () => {
  const utc = cellRules('UTC', 'exclusive', 'plain');
  const inclusive = cellRules('UTC', 'inclusive', 'plain');
  const newYork = cellRules('America/New_York', 'exclusive', 'plain');

  it('reads a date-time with an offset on its day in the zone of the rules', () => {
    expect(readDay('2024-02-05T23:30:00-05:00', utc, false)).toBe('2024-02-06');
    expect(readDay('2024-02-05T23:30:00-05:00', newYork, false)).toBe('2024-02-05');
    expect(readDay('2024-02-06 02:00:00Z', newYork, false)).toBe('2024-02-05');
    expect(readDay('2024-02-06 02:00', newYork, false, 'Start (UTC)')).toBe('2024-02-05');
  });

  it('refuses an offset beyond 23:59, and a date-time whose day in the zone leaves the supported years', () => {
    for (const text of ['2024-02-05T10:00:00+24:00', '2024-02-05T10:00:00+05:60']) {
      expect(errorOf(() => readDay(text, utc, false)).code).toBe('invalid_date');
    }
    const late = errorOf(() => readDay('9998-12-31T23:00:00-05:00', utc, false));
    expect(late.code).toBe('invalid_date');
    expect(late.received).toBe('"9998-12-31T23:00:00-05:00"');
    expect(errorOf(() => readDay('1000-01-01T01:00:00+05:00', utc, false)).code).toBe('invalid_date');
    expect(readDay('9998-12-31T23:00:00+05:00', utc, false)).toBe('9998-12-31');
  });

  it("refuses an inclusive end on the last supported day: the day after it can't be read", () => {
    expect(readDay('9998-12-30', inclusive, true)).toBe('9998-12-31');
    const error = errorOf(() => readDay('9998-12-31', inclusive, true));
    expect(error.code).toBe('invalid_date');
    expect(error.expected).toBe(
      "a last paid day up to 9998-12-30 (endConvention 'inclusive' reads the day after it)",
    );
    expect(readDay('9998-12-31', inclusive, false)).toBe('9998-12-31');
  });
});

describe('csvRecords', () => {
  it('throws the first syntax error when no list of errors is given', () => {
    const error = errorOf(() => csvRecords('a,b\n"x"y,z\nq"r,s\n'));
    expect(error.path).toEqual(['rows', 2]);
    expect(error.message).toMatch(/^row 2 is not valid CSV: expected /);
  });

  it('reads with a comma by default', () => {
    expect(csvRecords('\uFEFFa,b\n1,"2,3"\n')).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['1', '2,3'] },
    ]);
  });

  it('leaves a record cut at the end of a part for the next part, also without a list of errors', () => {
    const part = csvRecordsOf('a,b\n1,"2\n', ',', undefined, 1, false);
    expect(part.records).toEqual([{ row: 1, fields: ['a', 'b'] }]);
    expect(part.consumed).toBe(4);
    expect(part.row).toBe(2);
  });

  it('detects a comma for a one-column text, and the most frequent delimiter otherwise', () => {
    expect(detectDelimiter('customer_id\na\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
  });
});

describe('parseReportInput: JSON without subscriptions, CSV without columns', () => {
  it('refuses a number, null, text or an object without a subscriptions array', () => {
    for (const [text, received] of [
      ['5', '5'],
      ['null', 'null'],
      ['"x"', '"x"'],
      ['{"subscriptions":{}}', 'an object'],
    ] as const) {
      const error = errorOf(() => parseReportInput(text, { format: 'json' }));
      expect(error.code).toBe('invalid_type');
      expect(error.path).toEqual([]);
      expect(error.message).toBe(
        `the JSON must hold an array of subscription periods or an object with "subscriptions", received ${received}`,
      );
    }
  });

  it('reports missing columns together with over-long rows in one error', () => {
    const error = errorOf(() => parseReportInput('foo,bar\na,b,c\n'));
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['missing_field', ['columns', 'customerId']],
      ['missing_field', ['columns', 'start']],
      ['missing_field', ['columns', 'mrr']],
      ['missing_field', ['columns', 'interval']],
      ['length_mismatch', ['rows', 2]],
    ]);
  });
});
