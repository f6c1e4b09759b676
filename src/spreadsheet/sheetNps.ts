import {
  type NetPromoterScoreIntervalMethod,
  type NetPromoterScoreResult,
  netPromoterScore,
  netPromoterScoreInterval,
} from '../index.js';
import { cellPosition, rangeCells, rangeWidth, scalarArgument, toSpreadsheetError } from './cellValues.js';
import { guarded } from './sheetResult.js';
import { notAvailable } from './spreadsheetError.js';

/**
 * `=CH_NPS(range)`: the Net Promoter Score of a range of 0–10 answers, blank cells ignored.
 *
 * Formula: (promoters − detractors) / responses × 100, by `netPromoterScore` (docs/nps.md).
 * Units: NPS points from -100 to 100, as the nearest double to the exact score.
 * Source: Reichheld (2003) via `netPromoterScore`; blank handling is our convention (docs/spreadsheets.md).
 * Edge cases: no answers is `#N/A`; text, a boolean or a number that is not a whole 0–10 is an error naming its
 * cell ("row 3 of the range: an answer must be an integer from 0 to 10, received "abc"").
 *
 * @category Spreadsheet
 * @private Reached through `=CH_NPS` in Google Sheets and `=CH.NPS` in Excel, not the package entry.
 */
export function sheetNps(scores: unknown): number {
  const score = tallyOf(scores).score;
  if (score === null) throw notAvailable('no answers in the range');
  return score.toNumber();
}

/**
 * `=CH_NPS_INTERVAL(range, [confidence], [method])`: the confidence interval of the NPS of a range of 0–10
 * answers, as one row of two cells: lower, upper.
 *
 * Formula: `netPromoterScoreInterval` (adjusted Wald by default, clamped to [-100, 100]; docs/nps.md).
 * Units: NPS points, doubles.
 * Source: Rocks (2016) and MeasuringU via `netPromoterScoreInterval`.
 * Edge cases: no answers is `#N/A`; bad answers are errors naming their cell; confidence must lie strictly
 * between 0 and 1 (default 0.95); method is `adjustedWald` (default) or `wald`.
 *
 * @category Spreadsheet
 * @private Reached through `=CH_NPS_INTERVAL` in Google Sheets and `=CH.NPS_INTERVAL` in Excel.
 */
export function sheetNpsInterval(scores: unknown, confidence?: unknown, method?: unknown): number[][] {
  const tally = tallyOf(scores);
  const level = scalarArgument(confidence, 'confidence');
  const kind = scalarArgument(method, 'method');
  const interval = guarded(() =>
    netPromoterScoreInterval(tally, {
      ...(level === undefined ? {} : { confidence: level as number }),
      ...(kind === undefined ? {} : { method: kind as NetPromoterScoreIntervalMethod }),
    }),
  );
  if (interval === null) throw notAvailable('no answers in the range');
  return [[interval.lower, interval.upper]];
}

// The library validates every answer; its error is rewritten to name the cell of the first bad one.
function tallyOf(scores: unknown): NetPromoterScoreResult {
  const cells = rangeCells(scores);
  try {
    return netPromoterScore(cells.map((cell) => cell.value) as number[]);
  } catch (error) {
    throw toSpreadsheetError(error, (failure) => {
      const cell = cells[failure.path[1] as number]!;
      const where = cellPosition(cell.row, cell.column, rangeWidth(scores));
      return `${where}: an answer must be ${failure.expected}, received ${failure.received}`;
    });
  }
}
