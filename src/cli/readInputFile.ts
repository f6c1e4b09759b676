import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SubscriptionPeriod } from '../revenue/subscriptionPeriod.js';
import type { ReportInput } from './buildReport.js';

/** The parsed file, with how to name a row and a column of it in messages. @private */
export interface InputFile extends ReportInput {
  readonly rowNumberOf: (index: number) => number;
  readonly columnNameOf: (field: string) => string;
}

/** A problem with an input file, worded for the terminal (file, row, column). @private */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
}

/** Header names accepted for each field: ours, snake_case, and the dbt MRR playbook's. @private */
export const subscriptionColumnAliases: Readonly<Record<keyof SubscriptionPeriod, readonly string[]>> = {
  customerId: ['customerId', 'customer_id'],
  subscriptionId: ['subscriptionId', 'subscription_id'],
  start: ['start', 'start_date', 'startDate'],
  end: ['end', 'end_date', 'endDate'],
  mrr: ['mrr', 'monthly_amount', 'monthlyAmount'],
};

/**
 * Reads subscription periods from a CSV file (header row; columns customer_id, subscription_id (optional),
 * start_date, end_date (empty = active), mrr — or the camelCase / dbt playbook names), or a JSON file holding
 * either an array of periods or an object shaped like the built-in sample data. Parsing uses csv-parse
 * (RFC 4180 quoting); validation of the rows is the library's own, after this.
 *
 * @private
 */
export function readInputFile(file: string): InputFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (file.toLowerCase().endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new InputFileError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const input = (Array.isArray(data) ? { subscriptions: data } : data) as ReportInput;
    if (typeof input !== 'object' || input === null || !Array.isArray(input.subscriptions)) {
      throw new InputFileError(
        `${file} must hold an array of subscription periods or an object with "subscriptions"`,
      );
    }
    return { ...input, rowNumberOf: (index) => index, columnNameOf: (field) => field };
  }
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new InputFileError(`${file} is not valid CSV: ${(error as Error).message}`);
  }
  const headers = records.length === 0 ? [] : Object.keys(records[0]!);
  const column = (field: keyof SubscriptionPeriod) =>
    subscriptionColumnAliases[field].find((name) => headers.includes(name));
  for (const field of ['customerId', 'start', 'mrr'] as const) {
    if (records.length > 0 && column(field) === undefined) {
      throw new InputFileError(
        `${file} has no ${subscriptionColumnAliases[field].join(' / ')} column (found: ${headers.join(', ')})`,
      );
    }
  }
  const subscriptionColumn = column('subscriptionId');
  const endColumn = column('end');
  const subscriptions = records.map((record): SubscriptionPeriod => {
    const end = endColumn === undefined ? '' : (record[endColumn] ?? '');
    return {
      customerId: record[column('customerId')!] ?? '',
      ...(subscriptionColumn === undefined || record[subscriptionColumn] === ''
        ? {}
        : { subscriptionId: record[subscriptionColumn] }),
      start: record[column('start')!] ?? '',
      end: end === '' ? null : end,
      mrr: record[column('mrr')!] ?? '',
    };
  });
  // Row numbers as a spreadsheet shows them: the header is row 1.
  return {
    subscriptions,
    rowNumberOf: (index) => index + 2,
    columnNameOf: (field) => column(field as keyof SubscriptionPeriod) ?? field,
  };
}
