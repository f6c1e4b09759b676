import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFileError, readInputFile } from '../../src/cli/readInputFile.js';
import { MetricInputError } from '../../src/core/errors.js';
import { decodeText } from '../../src/io/decodeText.js';
import { parseReportInput } from '../../src/io/parseReportInput.js';

const folder = mkdtempSync(join(tmpdir(), 'read-input-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const MIB = 1 << 20;

// A CSV of more than two parts of 1 MiB whose part boundaries fall inside a quoted field with a CRLF, between
// the CR and LF of a line break and inside a character of three bytes (€).
function csvAcrossParts(): Uint8Array {
  const encoder = new TextEncoder();
  const lines: string[] = ['customer_id,start_date,end_date,mrr,note'];
  let size = encoder.encode(`${lines[0]}\n`).length;
  const add = (line: string, end = '\n') => {
    lines.push(line + end);
    size += encoder.encode(line + end).length;
  };
  lines[0] += '\n';
  let n = 0;
  const fillTo = (target: number) => {
    while (size + 60 < target) add(`c${n++},2024-01-01,,10,plain`);
    // One more row, padded to end exactly at `target`.
    const base = `c${n++},2024-01-01,,10,`;
    const pad = target - size - encoder.encode(base).length;
    add(base + 'x'.repeat(pad - 1), '\n');
  };
  fillTo(MIB - 24);
  add('"q,1",2024-01-01,,10,"a\r\nb,""c"""', '\r\n'); // its quoted CR at MIB - 1, LF at MIB
  fillTo(2 * MIB - 22);
  add('crlf,2024-01-01,,11,z', '\r\n'); // CR at 2 MiB - 1, LF at 2 MiB
  fillTo(3 * MIB - 6);
  add('euro €,2024-01-01,,12,€€€€', '\r\n'); // the first € at 3 MiB - 1 … 3 MiB + 1
  add('f,2024-01-01,,1,', '');
  return encoder.encode(lines.join(''));
}

describe('readInputFile: a CSV file read in parts', () => {
  it('gives what parseReportInput gives for the whole text, across part boundaries', () => {
    const bytes = csvAcrossParts();
    const path = join(folder, 'parts.csv');
    writeFileSync(path, bytes);
    const read = readInputFile(path);
    const whole = parseReportInput(decodeText(readFileSync(path)), { format: 'csv' });
    expect(read).toEqual(whole);
    expect(read.input.subscriptions.some((row) => row.customerId === 'q,1')).toBe(true);
    expect(read.input.subscriptions.some((row) => row.customerId === 'euro €')).toBe(true);
  });

  it('every CRLF of the file cut at a part boundary reads as one line break', () => {
    // Rows of 16 bytes: the CR of every 65 536th row ends a part, its LF starts the next.
    const row = 'a,2024-01-01,1\r\n';
    const text = `customer_id,start_date,mrr${'\r\n'.padStart(7, ' ')}${row.repeat(3 * 65536)}`;
    expect((MIB - 1 - 33 - 14) % 16).toBe(0);
    const path = join(folder, 'crlf.csv');
    writeFileSync(path, text);
    const read = readInputFile(path);
    expect(read.blankRowsSkipped).toBe(0);
    expect(read.input.subscriptions).toHaveLength(3 * 65536);
    expect(read).toEqual(parseReportInput(text, { format: 'csv' }));
  });

  it('names the line and byte offset of a byte that is not UTF-8 in a later part, with the --encoding hint', () => {
    const head = `customer_id,start_date,mrr\n${'a,2024-01-01,1\n'.repeat(100_000)}`;
    const bytes = new Uint8Array([...new TextEncoder().encode(head), 0x4d, 0xfc, 0x0a]);
    const path = join(folder, 'latin.csv');
    writeFileSync(path, bytes);
    const offset = bytes.length - 2;
    expect(() => readInputFile(path)).toThrow(InputFileError);
    expect(() => readInputFile(path)).toThrow(
      `${path}, line 100002, byte offset ${offset}: byte 0xFC is not UTF-8; name the encoding it was saved in with --encoding`,
    );
    const latin = () => readInputFile(path, undefined, { encoding: 'latin1' });
    const whole = () => parseReportInput(decodeText(bytes, { encoding: 'latin1' }), { format: 'csv' });
    expect(latin).toThrow(MetricInputError);
    expect(latin).toThrow(/^row 100002, column start_date must be/);
    expect(() => latin()).toThrow(
      String(
        (() => {
          try {
            whole();
          } catch (error) {
            return (error as Error).message;
          }
        })(),
      ),
    );
  });
});
