import { Decimal } from '../../core/internal/decimal.js';
import { type ExchangeRates, missingExchangeRate } from './exchangeRates.js';
import type { MovementLayout } from './movementLayout.js';
import { bigintAmounts } from './scaledAmounts.js';
import { type SegmentSweepResult, segmentSweep } from './segmentSweep.js';
import type { SubscriptionColumns } from './subscriptionColumns.js';

/**
 * Runs {@link segmentSweep} on validated rows laid out with `keepInputRow`: without `rates` (no currencies, or
 * `rateDate: 'periodStart'`, whose callers convert the rows before the layout) with one constant rate; under
 * `'snapshot'` on native amounts with each currency's rate at every reported snapshot. `segmentOf` is indexed by
 * input row. `scale` is the number of decimal places of the sweep's integer sums.
 *
 * @private
 */
export function convertedSweep(
  columns: SubscriptionColumns,
  layout: MovementLayout,
  options: {
    /** The rates under `rateDate: 'snapshot'`; undefined for amounts already in the reporting currency. */
    readonly rates: ExchangeRates | undefined;
    readonly freeStaysCustomer: boolean;
    /** Each row's segment, or undefined for one segment. */
    readonly segmentOf: Int32Array | undefined;
    readonly segmentCount: number;
    readonly recordMovements: boolean;
  },
): { sweep: SegmentSweepResult; scale: number } {
  const { rates } = options;
  const { grid, inputRow } = layout;
  const snapshotCount = grid.boundaries.length;
  // The layout's rows are positions in customer order when it copied them: read input columns through inputRow.
  const byLayoutRow = (column: Int32Array) =>
    inputRow === undefined ? column : Int32Array.from(inputRow, (row) => column[row]!);
  const inputRowOf = (row: number) => (inputRow === undefined ? row : inputRow[row]!);
  const base = {
    customerCount: layout.customerIds.length,
    rowOffsets: layout.rowOffsets,
    first: layout.first,
    last: layout.last,
    snapshotCount,
    startSnapshot: grid.startSnapshot,
    freeStaysCustomer: options.freeStaysCustomer,
    segmentCount: options.segmentCount,
    segmentOf:
      options.segmentOf === undefined ? new Int32Array(columns.length) : byLayoutRow(options.segmentOf),
    recordMovements: options.recordMovements,
    amountOf: layout.amountOf,
  };
  if (rates === undefined) {
    const { scale, amounts } = bigintAmounts(columns.amounts);
    const sweep = segmentSweep({
      ...base,
      amounts,
      currencyOf: new Int32Array(columns.length),
      rates: [new Array<bigint>(snapshotCount).fill(1n)],
      missingRate: () => {
        throw new Error('a constant rate of 1 is never missing');
      },
    });
    return { sweep, scale };
  }

  // Slot 0 is the reporting currency (rate 1); slot k + 1 is columns.currencies[k], unless it is the reporting
  // currency itself.
  const slotOfCurrency = columns.currencies.map((code, index) => (code === rates.reporting ? 0 : index + 1));
  const currency = byLayoutRow(columns.currency);
  const currencyOf = new Int32Array(columns.length);
  for (let row = 0; row < columns.length; row += 1) {
    const code = currency[row]!;
    currencyOf[row] = code < 0 ? 0 : slotOfCurrency[code]!;
  }
  const snapshotDay = (snapshot: number) => grid.boundaries[snapshot]! - 1;
  const decimalRates: (Decimal | undefined)[][] = [
    new Array(snapshotCount).fill(new Decimal(1)),
    ...columns.currencies.map((code) =>
      Array.from({ length: snapshotCount }, (_, snapshot) =>
        snapshot < grid.startSnapshot ? undefined : rates.rateOn(code, snapshotDay(snapshot)),
      ),
    ),
  ];
  let rateScale = 0;
  for (const slotRates of decimalRates)
    for (const rate of slotRates)
      if (rate !== undefined) rateScale = Math.max(rateScale, rate.decimalPlaces());
  const factor = new Decimal(10).pow(rateScale);
  const integerRates = decimalRates.map((slotRates) =>
    slotRates.map((rate) => (rate === undefined ? 0n : BigInt(rate.times(factor).toFixed(0)))),
  );
  const { scale, amounts } = bigintAmounts(columns.amounts);
  const sweep = segmentSweep({
    ...base,
    amounts,
    currencyOf,
    rates: integerRates,
    missingRate: (row, snapshot) => {
      throw missingExchangeRate(
        inputRowOf(row),
        columns.currencies[currency[row]!]!,
        snapshotDay(snapshot),
        rates.reporting,
      );
    },
  });
  return { sweep, scale: scale + rateScale };
}
