import { MetricInputError } from '../../core/errors.js';

/** One record of a CSV text: its fields and the row a spreadsheet shows it on (1-based). @private */
export interface CsvRecord {
  readonly row: number;
  readonly fields: readonly string[];
}

/**
 * Splits CSV text into records (RFC 4180): fields separated by commas, records by CRLF, LF or CR, a field in
 * double quotes may hold commas, line breaks and doubled quotes (`""`). White space around a field is dropped
 * (inside quotes it is kept). A leading UTF-8 byte order mark is ignored. Row numbers count records as a
 * spreadsheet counts rows (a quoted line break does not start a new row; an empty line is an empty row). A text
 * that ends with a line break has no empty last record. Written here, without Node's Buffer, so it runs in
 * browsers and workers as it does in Node.
 *
 * Edge cases: a quote inside an unquoted field, text after a closing quote and an unclosed quote are
 * MetricInputErrors (`invalid_value`) naming the row.
 *
 * @private
 */
export function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const length = source.length;
  let position = 0;
  let row = 1;
  while (position < length) {
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      // Skip white space before the field (not line breaks).
      while (position < length && (source[position] === ' ' || source[position] === '\t')) position += 1;
      let value: string;
      if (source[position] === '"') {
        position += 1;
        let quoted = '';
        for (;;) {
          const close = source.indexOf('"', position);
          if (close === -1) fail(row, 'a closing quote for a quoted field', 'the end of the text');
          quoted += source.slice(position, close);
          if (source[close + 1] === '"') {
            quoted += '"';
            position = close + 2;
          } else {
            position = close + 1;
            break;
          }
        }
        value = quoted;
        while (position < length && (source[position] === ' ' || source[position] === '\t')) position += 1;
        if (position < length && !isSeparator(source, position)) {
          fail(row, 'a comma or a line break after a closing quote', JSON.stringify(source[position]));
        }
      } else {
        const start = position;
        while (position < length && !isSeparator(source, position)) {
          if (source[position] === '"') {
            fail(row, 'a quote only around a whole field (write "" for a quote inside quotes)', '"');
          }
          position += 1;
        }
        value = source.slice(start, position).trim();
      }
      fields.push(value);
      if (position >= length) {
        endOfRecord = true;
      } else if (source[position] === ',') {
        position += 1;
        // A comma as the very last character still ends with an empty field.
        if (position >= length) {
          fields.push('');
          endOfRecord = true;
        }
      } else {
        // A line break: CRLF, LF or CR.
        position += source[position] === '\r' && source[position + 1] === '\n' ? 2 : 1;
        endOfRecord = true;
      }
    }
    records.push({ row, fields });
    row += 1;
  }
  return records;
}

function isSeparator(source: string, position: number): boolean {
  const character = source[position];
  return character === ',' || character === '\n' || character === '\r';
}

function fail(row: number, expected: string, received: string): never {
  throw new MetricInputError({
    code: 'invalid_value',
    path: ['rows', row],
    expected,
    received,
    message: `row ${row} is not valid CSV: expected ${expected}, received ${received}`,
  });
}
