import { Decimal } from '../../core/internal/decimal.js';
import { convertAtPeriodStart } from './convertAtPeriodStart.js';
import { type ExchangeRates, missingExchangeRate } from './exchangeRates.js';
import type { MovementLayout } from './movementLayout.js';
import { bigintAmounts } from './scaledAmounts.js';
import { type SegmentSweepResult, segmentSweep } from './segmentSweep.js';
import type { SubscriptionColumns } from './subscriptionColumns.js';

/**
 * Runs {@link segmentSweep} on validated rows: under `rateDate: 'periodStart'` (or without currencies) on amounts
 * converted once per row, with one constant rate; under `'snapshot'` on native amounts with each currency's rate
 * at every reported snapshot. `scale` is the number of decimal places of the sweep's integer sums.
 *
 * @private
 */
export function convertedSweep(
  columns: SubscriptionColumns,
  layout: MovementLayout,
  options: {
    readonly rates: ExchangeRates | undefined;
    readonly freeStaysCustomer: boolean;
    /** Each row's segment, or undefined for one segment. */
    readonly segmentOf: Int32Array | undefined;
    readonly segmentCount: number;
    readonly recordMovements: boolean;
  },
): { sweep: SegmentSweepResult; scale: number } {
  const { rates } = options;
  const { grid } = layout;
  const snapshotCount = grid.boundaries.length;
  const base = {
    customerCount: layout.customerIds.length,
    rowOffsets: layout.rowOffsets,
    rowOrder: layout.rowOrder,
    first: layout.first,
    last: layout.last,
    snapshotCount,
    startSnapshot: grid.startSnapshot,
    freeStaysCustomer: options.freeStaysCustomer,
    segmentCount: options.segmentCount,
    segmentOf: options.segmentOf ?? new Int32Array(columns.length),
    recordMovements: options.recordMovements,
  };
  if (rates === undefined || rates.rateDate === 'periodStart') {
    const converted = rates === undefined ? columns : convertAtPeriodStart(columns, rates);
    const { scale, amounts } = bigintAmounts(converted.amounts);
    const sweep = segmentSweep({
      ...base,
      amounts,
      amountOf: converted.amount,
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
  const currencyOf = new Int32Array(columns.length);
  for (let row = 0; row < columns.length; row += 1) {
    const code = columns.currency[row]!;
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
    amountOf: columns.amount,
    currencyOf,
    rates: integerRates,
    missingRate: (row, snapshot) => {
      throw missingExchangeRate(
        row,
        columns.currencies[columns.currency[row]!]!,
        snapshotDay(snapshot),
        rates.reporting,
      );
    },
  });
  return { sweep, scale: scale + rateScale };
}
