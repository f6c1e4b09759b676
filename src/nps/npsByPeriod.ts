import { toCalendarDate } from '../core/calendarDate.js';
import { assertArray, assertObject } from '../core/internal/options.js';
import { nextPeriodStart, resolvePeriodOptions, startOfPeriod } from '../core/internal/periodGrid.js';
import type { DateLike, IsoDate, Numeric, PeriodOptions } from '../core/types.js';
import { categorize, type Tally, tallyResult } from './internal/npsTally.js';
import type { NetPromoterScoreResult } from './types.js';

/**
 * One survey answer with the moment it was given.
 *
 * @category NPS
 */
export interface DatedNpsResponse {
  /** The 0–10 answer: an integer, as a number or a numeric string. */
  readonly score: Numeric;
  /** When it was answered: `'YYYY-MM-DD'` or a `Date` (read in the `timeZone` option). */
  readonly at: DateLike;
}

/**
 * The NPS of one reporting period, `start` inclusive and `end` exclusive.
 *
 * @category NPS
 */
export interface NpsPeriodResult extends NetPromoterScoreResult {
  /** First day of the period, `'YYYY-MM-DD'`. */
  readonly start: IsoDate;
  /** First day of the next period, `'YYYY-MM-DD'`. */
  readonly end: IsoDate;
}

/**
 * Net Promoter Score per reporting period (day, week, month, quarter or year), for a trend chart. Every period
 * from the first answer's to the last answer's is listed, so a gap in the survey shows as a period with
 * no responses rather than disappearing from the chart.
 *
 * Formula: for each period, score = (promoters − detractors) / responses × 100 over the answers dated in it.
 * Units: as {@link netPromoterScore}. Source: Reichheld (2003) categories; bucketing follows the library's
 * periods (`periodOf`), our convention (docs/nps.md).
 * Options: `granularity` (default `'month'`), `weekStartsOn` (default 1, Monday), `timeZone` (default `'UTC'`)
 * deciding the calendar day of a `Date`.
 * Edge cases: no responses gives an empty array; a period without answers has responses 0 and score and
 * shares null; a bad answer or date is a MetricInputError at `['responses', i, 'score']` or `['responses', i, 'at']`.
 *
 * @category NPS
 * @example
 * npsByPeriod([
 *   { score: 10, at: '2024-01-05' },
 *   { score: 2, at: '2024-03-20' },
 * ]).map((row) => [row.start, row.score === null ? null : row.score.toString()])
 * //=> [['2024-01-01', '100'], ['2024-02-01', null], ['2024-03-01', '-100']]
 */
export function npsByPeriod(
  responses: readonly DatedNpsResponse[],
  options: PeriodOptions = {},
): NpsPeriodResult[] {
  assertObject(options, ['options']);
  const resolved = resolvePeriodOptions(options);
  assertArray(responses, ['responses']);
  const tallies = new Map<IsoDate, Tally>();
  for (let index = 0; index < responses.length; index += 1) {
    const response: unknown = responses[index];
    assertObject(response, ['responses', index]);
    const category = categorize(response.score, ['responses', index, 'score']);
    const day = toCalendarDate(response.at, ['responses', index, 'at'], resolved.timeZone);
    const start = startOfPeriod(day, resolved);
    let tally = tallies.get(start);
    if (tally === undefined) {
      tally = { promoters: 0, passives: 0, detractors: 0 };
      tallies.set(start, tally);
    }
    tally[category] += 1;
  }
  if (tallies.size === 0) return [];
  // ISO dates sort chronologically as strings.
  const starts = [...tallies.keys()].sort();
  const last = starts[starts.length - 1] as IsoDate;
  const rows: NpsPeriodResult[] = [];
  for (let start = starts[0] as IsoDate; start <= last; ) {
    const end = nextPeriodStart(start, resolved.granularity);
    const tally = tallies.get(start) ?? { promoters: 0, passives: 0, detractors: 0 };
    rows.push({ start, end, ...tallyResult(tally) });
    start = end;
  }
  return rows;
}
