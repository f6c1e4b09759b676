import { toCalendarDate, toDayNumber } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { assertObject } from '../../core/internal/options.js';
import { relocateError } from '../../core/internal/rejectInput.js';
import { withIssues } from '../../core/internal/rowIssues.js';
import type { IsoDate } from '../../core/types.js';
import { exchangeRates } from '../../revenue/internal/exchangeRates.js';
import type { SubscriptionPeriod } from '../../revenue/subscriptionPeriod.js';
import type { CurrencyOptions } from '../../revenue/types.js';

/**
 * The last day subscription periods cover, as a day number: the latest start or end date (an end date is the
 * first day without the subscription, a fact the data holds). Null without periods. The dates must already be
 * validated `'YYYY-MM-DD'` strings. @private
 */
export function lastDayOfPeriods(
  periods: readonly { readonly start: string; readonly end?: string | null }[],
): number | null {
  let last: number | null = null;
  for (const period of periods) {
    const start = toDayNumber(period.start);
    const latest =
      period.end === undefined || period.end === null ? start : Math.max(start, toDayNumber(period.end));
    if (last === null || latest > last) last = latest;
  }
  return last;
}

/**
 * Subscription periods as known on day `asOf` (a day number): a period starting after it is left out, and one
 * still active on it (ending after it) is open-ended, so the last snapshot of the movements table is the state
 * on `asOf`, not at the end of a period that runs on past it. `sourceIndex[i]` is the position in `periods` of
 * `known[i]`, to name the caller's row in an error. @private
 */
export function periodsKnownOn<
  T extends SubscriptionPeriod & { readonly start: string; readonly end?: string | null },
>(periods: readonly T[], asOf: number): { known: T[]; sourceIndex: number[] } {
  const known: T[] = [];
  const sourceIndex: number[] = [];
  periods.forEach((period, index) => {
    if (toDayNumber(period.start) > asOf) return;
    const end = period.end ?? null;
    known.push(end !== null && toDayNumber(end) > asOf ? { ...period, end: null } : period);
    sourceIndex.push(index);
  });
  return { known, sourceIndex };
}

/** A subscription period with its dates validated and written as 'YYYY-MM-DD' (read in UTC, as mrrMovements). @private */
export function datedPeriod(
  row: unknown,
  index: number,
): SubscriptionPeriod & { start: IsoDate; end: IsoDate | null } {
  assertObject(row, ['subscriptions', index]);
  const period = row as unknown as SubscriptionPeriod;
  return {
    ...period,
    start: toCalendarDate(period.start, ['subscriptions', index, 'start']),
    end:
      period.end === undefined || period.end === null
        ? null
        : toCalendarDate(period.end, ['subscriptions', index, 'end']),
  };
}

/**
 * mrrMovements names the rows it was given (`subscriptions[i]` of the rows known on the as-of day); the caller
 * gave `subscriptions[sourceIndex[i]]`. Every issue of the error is moved, not only the first.
 *
 * @private
 */
export function inCallerRows(error: unknown, sourceIndex: readonly number[]): unknown {
  if (!(error instanceof MetricInputError)) return error;
  const moved = error.issues.map((issue) => inCallerRow(new MetricInputError(issue), sourceIndex));
  return moved.length > 1
    ? withIssues(
        moved[0]!,
        moved.map((one) => one.issues[0]!),
      )
    : moved[0]!;
}

function inCallerRow(error: MetricInputError, sourceIndex: readonly number[]): MetricInputError {
  const [root, index, ...rest] = error.path;
  if (root !== 'subscriptions' || typeof index !== 'number') return error;
  return relocateError(error, ['subscriptions', sourceIndex[index] ?? index, ...rest]);
}

/**
 * The `currency` option as known on `asOf` under `rateDate: 'snapshot'`: rates dated after it are left out, so
 * a partial last period (whose snapshot day, its last day, lies after `asOf`) is valued at the rates in effect
 * on `asOf`, never at a rate published later; complete periods end on or before `asOf` and keep theirs. The
 * option is validated first (by the engine's own validator), so an error names the caller's rate rows. Any other
 * option, or none, is returned as it is.
 *
 * @private
 */
export function ratesKnownOn(
  currency: CurrencyOptions | undefined,
  asOf: IsoDate,
): CurrencyOptions | undefined {
  if (currency === undefined) return undefined;
  if (exchangeRates(currency, undefined).rateDate !== 'snapshot') return currency;
  const day = toDayNumber(asOf);
  const rates = Array.from(currency.rates).filter(
    (rate) => toDayNumber(toCalendarDate(rate.date, [])) <= day,
  );
  return { ...currency, rates };
}
