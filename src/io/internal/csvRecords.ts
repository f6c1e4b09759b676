import { MetricInputError } from '../../core/errors.js';

/** One record of a CSV text: its fields and the row a spreadsheet shows it on (1-based). @private */
export interface CsvRecord {
  readonly row: number;
  readonly fields: readonly string[];
}

/** The field separators the readers accept. @private */
export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Splits CSV text into records (RFC 4180): fields separated by `delimiter` (default a comma), records by CRLF,
 * LF or CR, a field in double quotes may hold delimiters, line breaks and doubled quotes (`""`). White space
 * around a field is dropped (inside quotes it is kept). A leading UTF-8 byte order mark is ignored. Row numbers
 * count records as a spreadsheet counts rows (a quoted line break does not start a new row; an empty line is an
 * empty row). A text that ends with a line break has no empty last record. Written here, without Node's Buffer,
 * so it runs in browsers and workers as it does in Node.
 *
 * Edge cases: a quote inside an unquoted field, text after a closing quote and an unclosed quote are
 * MetricInputErrors (`invalid_value`) naming the row: thrown at the first one, or, when `errors` is given,
 * pushed there (the bad record is left out and reading goes on at the next line), so every problem of a file
 * is reported in one round.
 *
 * @private
 */
export function csvRecords(
  text: string,
  delimiter: CsvDelimiter = ',',
  errors?: MetricInputError[],
): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return csvRecordsOf(source, delimiter, errors, 1, true).records;
}

/**
 * The records of `source` from row `firstRow` on, as {@link csvRecords} reads them. With `final` false the text
 * is a part of a longer one: a record that reaches its end (or ends in a CR that may be half of a CRLF) is left
 * for the next part, and `consumed` says where the records read end. @private
 */
export function csvRecordsOf(
  source: string,
  delimiter: CsvDelimiter,
  errors: MetricInputError[] | undefined,
  firstRow: number,
  final: boolean,
): { records: CsvRecord[]; consumed: number; row: number } {
  const records: CsvRecord[] = [];
  const length = source.length;
  const separator = delimiter.charCodeAt(0);
  // With a tab delimiter a tab is a separator, not white space around a field.
  const tabIsSpace = separator !== 9;
  let position = 0;
  let row = firstRow;
  let recordStart = 0;
  let errorsAtStart = 0;
  const fail = (expected: string, received: string): void => {
    const error = new MetricInputError({
      code: 'invalid_value',
      path: ['rows', row],
      expected,
      received,
      message: `row ${row} is not valid CSV: expected ${expected}, received ${received}`,
    });
    if (errors === undefined) throw error;
    errors.push(error);
  };
  const named = delimiter === '\t' ? 'a tab' : delimiter === ';' ? 'a semicolon' : 'a comma';
  while (position < length) {
    const fields: string[] = [];
    let endOfRecord = false;
    let bad = false;
    recordStart = position;
    errorsAtStart = errors?.length ?? 0;
    while (!endOfRecord) {
      // Skip white space before the field (not line breaks).
      for (let code = source.charCodeAt(position); code === 32 || (code === 9 && tabIsSpace); ) {
        position += 1;
        code = source.charCodeAt(position);
      }
      let value: string;
      if (source.charCodeAt(position) === 34) {
        position += 1;
        let quoted = '';
        let closed = true;
        for (;;) {
          const close = source.indexOf('"', position);
          if (close === -1 || (close + 1 >= length && !final)) {
            if (!final) {
              position = length;
              break;
            }
            fail('a closing quote for a quoted field', 'the end of the text');
            closed = false;
            position = length;
            break;
          }
          quoted += source.slice(position, close);
          if (source.charCodeAt(close + 1) === 34) {
            quoted += '"';
            position = close + 2;
          } else {
            position = close + 1;
            break;
          }
        }
        value = quoted;
        if (position >= length && !final) break;
        if (!closed) {
          bad = true;
          break;
        }
        for (let code = source.charCodeAt(position); code === 32 || (code === 9 && tabIsSpace); ) {
          position += 1;
          code = source.charCodeAt(position);
        }
        if (position < length && !isSeparator(source.charCodeAt(position), separator)) {
          fail(`${named} or a line break after a closing quote`, JSON.stringify(source[position]));
          bad = true;
        }
      } else {
        const start = position;
        let code = source.charCodeAt(position);
        while (position < length && code !== separator && code !== 10 && code !== 13) {
          if (code === 34 && !bad) {
            fail('a quote only around a whole field (write "" for a quote inside quotes)', '"');
            bad = true;
          }
          position += 1;
          code = source.charCodeAt(position);
        }
        value = source.slice(start, position).trim();
      }
      if (bad) {
        // Leave the record out: on to the next line break outside quotes.
        position = nextLine(source, position);
        break;
      }
      if (position >= length && !final) break;
      fields.push(value);
      if (position >= length) {
        endOfRecord = true;
      } else if (source.charCodeAt(position) === separator) {
        position += 1;
        // A delimiter as the very last character still ends with an empty field.
        if (position >= length && !final) break;
        if (position >= length) {
          fields.push('');
          endOfRecord = true;
        }
      } else {
        // A line break: CRLF, LF or CR (a CR at the end of a part may be half of a CRLF).
        if (position + 1 >= length && !final && source.charCodeAt(position) === 13) {
          position = length;
          break;
        }
        position += source.charCodeAt(position) === 13 && source.charCodeAt(position + 1) === 10 ? 2 : 1;
        endOfRecord = true;
      }
    }
    if (position >= length && !final && !endOfRecord) {
      // The record goes on in the next part: read it again from its start then.
      if (errors !== undefined) errors.length = errorsAtStart;
      return { records, consumed: recordStart, row };
    }
    if (!bad) records.push({ row, fields });
    row += 1;
  }
  return { records, consumed: position, row };
}

/**
 * The delimiter of a CSV text: of `,`, `;` and tab, the one found most often outside quotes on its first line
 * that holds anything but white space and delimiters (the header); a comma when none is (a one-column file) or
 * on a tie. German and French Excel write `;`, "Text (Tab delimited)" exports a tab.
 *
 * @private
 */
export function detectDelimiter(text: string): CsvDelimiter {
  return delimiterOf(text, true) ?? ',';
}

/**
 * {@link detectDelimiter} of a text that may go on (`final` false): null while the first line with content has
 * not ended. @private
 */
export function delimiterOf(text: string, final: boolean): CsvDelimiter | null {
  const length = text.length;
  let position = 0;
  while (position < length) {
    let commas = 0;
    let semicolons = 0;
    let tabs = 0;
    let content = false;
    let quoted = false;
    for (; position < length; position += 1) {
      const code = text.charCodeAt(position);
      if (code === 34) {
        quoted = !quoted;
        content = true;
      } else if (quoted) {
      } else if (code === 10 || code === 13) {
        break;
      } else if (code === 44) commas += 1;
      else if (code === 59) semicolons += 1;
      else if (code === 9) tabs += 1;
      else if (code !== 32 && code !== 0xfeff) content = true;
    }
    if (position >= length && !final) return null;
    position += 1;
    if (content) {
      if (semicolons > commas && semicolons >= tabs) return ';';
      if (tabs > commas && tabs > semicolons) return '\t';
      return ',';
    }
  }
  return final ? ',' : null;
}

function isSeparator(code: number, separator: number): boolean {
  return code === separator || code === 10 || code === 13;
}

// The position after the next line break outside quotes, from inside a bad record.
function nextLine(source: string, from: number): number {
  let position = from;
  let quoted = false;
  for (; position < source.length; position += 1) {
    const code = source.charCodeAt(position);
    if (code === 34) quoted = !quoted;
    else if (!quoted && (code === 10 || code === 13)) {
      return position + (code === 13 && source.charCodeAt(position + 1) === 10 ? 2 : 1);
    }
  }
  return position;
}
