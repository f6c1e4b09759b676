import { resolveDateRange } from '../../core/internal/periodGrid.js';

/**
 * The first and last day of a report as SQL expressions, from the optional `from` and `to` options: the range of
 * mrrMovements and cohortRetention, `from ?? min(first start, to)` and `to ?? max(latest start or end, from)`,
 * over the columns `first_day` and `last_day` of the query's data range (and `to_day`, the last day). Only
 * validated ISO dates reach the text, as DATE literals. The SQL builders have no `timeZone` option, so a `Date`
 * must be midnight UTC (the library's rule for a Date without a zone).
 *
 * @private
 */
export function reportRangeSql(options: { readonly from?: unknown; readonly to?: unknown }): {
  readonly fromDay: string;
  readonly toDay: string;
} {
  const { from, to } = resolveDateRange(options, undefined);
  const fromDate = from === undefined ? undefined : `DATE '${from}'`;
  const toDate = to === undefined ? undefined : `DATE '${to}'`;
  const toDay =
    toDate ??
    (fromDate === undefined
      ? 'last_day'
      : `CASE WHEN last_day IS NULL OR last_day < ${fromDate} THEN ${fromDate} ELSE last_day END`);
  const fromDay =
    fromDate ?? 'CASE WHEN first_day IS NULL OR to_day < first_day THEN to_day ELSE first_day END';
  return { fromDay, toDay };
}
