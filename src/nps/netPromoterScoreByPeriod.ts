import { fromDayNumber, toCalendarDate, toDayNumber } from '../core/calendarDate.js';
import { assertArray, assertKnownKeys, assertObject } from '../core/internal/options.js';
import { periodsBetween, resolvePeriodOptions, startOfPeriod } from '../core/internal/periodGrid.js';
import { withLaterRowIssues } from '../core/internal/rowIssues.js';
import { assertWeekInCalendar, firstWeekDay } from '../core/internal/weekCalendar.js';
import type { DateLike, IsoDate, Numeric, PeriodOptions } from '../core/types.js';
import { categorize, type Tally, tallyResult } from './internal/npsTally.js';
import type { NetPromoterScoreResult } from './types.js';

/**
 * One survey answer with the moment it was given.
 *
 * @category NPS
 */
export interface DatedNetPromoterScoreResponse {
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
export interface NetPromoterScorePeriod extends NetPromoterScoreResult {
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
 * Options: `granularity` (default `'month'`), `weekStartsOn` (default 1, Monday), `timeZone` (no default: see {@link DateLike})
 * deciding the calendar day of a `Date`.
 * Edge cases: no responses gives an empty array; a period without answers has responses 0 and score and
 * shares null; a bad answer or date is a MetricInputError at `['responses', i, 'score']` or `['responses', i, 'at']`,
 * as is (`out_of_range`, naming the first day accepted) a date whose week starts before 1000-01-01, the first
 * supported day, with weekly periods.
 *
 * @category NPS
 * @example
 * netPromoterScoreByPeriod([
 *   { score: 10, at: '2024-01-05' },
 *   { score: 2, at: '2024-03-20' },
 * ]).map((row) => [row.start, row.score === null ? null : row.score.toString()])
 * //=> [['2024-01-01', '100'], ['2024-02-01', null], ['2024-03-01', '-100']]
 */
export function netPromoterScoreByPeriod(
  responses: readonly DatedNetPromoterScoreResponse[],
  options: PeriodOptions = {},
): NetPromoterScorePeriod[] {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const resolved = resolvePeriodOptions(options);
  assertArray(responses, ['responses']);
  const tallies = new Map<IsoDate, Tally>();
  // Weekly periods need each answer's week to start within the calendar (from 1000-01-01 on).
  const firstWeek =
    resolved.granularity === 'week' ? fromDayNumber(firstWeekDay(resolved.weekStartsOn)) : undefined;
  const read = (index: number) => {
    const response: unknown = responses[index];
    assertObject(response, ['responses', index]);
    const category = categorize(response.score, ['responses', index, 'score']);
    const day = toCalendarDate(response.at, ['responses', index, 'at'], resolved.timeZone);
    // ISO dates compare as strings: a day before the first whole week is refused, not given to the grid.
    if (firstWeek !== undefined && day < firstWeek) {
      assertWeekInCalendar(toDayNumber(day), resolved, ['responses', index, 'at'], day);
    }
    return { category, day };
  };
  let index = 0;
  try {
    for (; index < responses.length; index += 1) {
      const { category, day } = read(index);
      const start = startOfPeriod(day, resolved);
      let tally = tallies.get(start);
      if (tally === undefined) {
        tally = { promoters: 0, passives: 0, detractors: 0 };
        tallies.set(start, tally);
      }
      tally[category] += 1;
    }
  } catch (error) {
    throw withLaterRowIssues(error, index, responses.length, read);
  }
  if (tallies.size === 0) return [];
  // ISO dates sort chronologically as strings.
  const starts = [...tallies.keys()].sort();
  const last = starts[starts.length - 1] as IsoDate;
  return periodsBetween(starts[0] as IsoDate, last, resolved).map(({ start, end }) => ({
    start,
    end,
    ...tallyResult(tallies.get(start) ?? { promoters: 0, passives: 0, detractors: 0 }),
  }));
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['granularity', 'weekStartsOn', 'timeZone']);
