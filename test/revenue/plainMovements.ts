import type { MrrMovements } from '../../src/index.js';
import { PERIOD_COUNT_FIELDS, PERIOD_MONEY_FIELDS } from '../../src/revenue/internal/periodMovementFields.js';

/** A movements result as plain strings and numbers, so two results (or a result and an oracle) compare exactly. */
export interface PlainTable {
  /** `[start, end, ...money as strings, ...counts]` per period. */
  readonly periods: (string | number)[][];
  /** One line per customer movement. */
  readonly customers: string[];
}

/** {@link PlainTable} of a result of `mrrMovements`. */
export function plainTable(table: MrrMovements): PlainTable {
  return {
    periods: table.periods.map((row) => [
      row.start,
      row.end,
      ...PERIOD_MONEY_FIELDS.map((field) => row[field].toString()),
      ...PERIOD_COUNT_FIELDS.map((field) => row[field]),
    ]),
    customers: table.customers.map(
      (move) =>
        `${move.periodStart} ${move.customerId} ${move.type} ${move.previousMrr} ${move.currentMrr} ${move.amount}`,
    ),
  };
}
