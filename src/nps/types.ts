import type { Decimal } from '../core/types.js';

/**
 * The outcome of an NPS survey: how many answers fell in each category, the shares, and the score.
 *
 * @category NPS
 */
export interface NetPromoterScoreResult {
  /** Net Promoter Score in points, from -100 to 100: promoter share minus detractor share, times 100; `null` with no responses. */
  readonly score: Decimal | null;
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
  /** All answers: promoters + passives + detractors. */
  readonly responses: number;
  /** promoters / responses, in [0, 1]; `null` with no responses. */
  readonly promoterShare: Decimal | null;
  /** passives / responses, in [0, 1]; `null` with no responses. */
  readonly passiveShare: Decimal | null;
  /** detractors / responses, in [0, 1]; `null` with no responses. */
  readonly detractorShare: Decimal | null;
}

/**
 * How an NPS interval is computed.
 *
 * - `'adjustedWald'` (the default): add ¾ to promoters, ¾ to detractors and 3 to the number of responses, then
 *   use the Wald formula; the interval is centred on that adjusted NPS (Rocks 2016; MeasuringU).
 * - `'wald'`: the plain Wald (normal approximation) interval around the observed NPS. Too narrow for small
 *   samples and of zero width when every answer falls in one category.
 *
 * @category NPS
 */
export type NetPromoterScoreIntervalMethod = 'wald' | 'adjustedWald';

/**
 * Options of `netPromoterScoreInterval` and `compareNetPromoterScores`.
 *
 * @category NPS
 */
export interface NetPromoterScoreIntervalOptions {
  /** Confidence level, strictly between 0 and 1; default `0.95`. */
  readonly confidence?: number;
  /** Interval method; default `'adjustedWald'`. */
  readonly method?: NetPromoterScoreIntervalMethod;
}

/**
 * A confidence interval for a Net Promoter Score. Every statistic is a `number` (a double), in NPS points.
 *
 * @category NPS
 */
export interface NetPromoterScoreInterval {
  /** The observed NPS, (promoters − detractors) / responses × 100, in points: the number to report and chart. */
  readonly score: number;
  /**
   * The centre of the interval, in points: `score` itself for `'wald'`; for `'adjustedWald'` the adjusted NPS
   * (promoters − detractors) / (responses + 3) × 100, pulled toward 0. A statistical device, not the NPS.
   */
  readonly adjustedCenter: number;
  /** Lower bound in points, never below -100. */
  readonly lower: number;
  /** Upper bound in points, never above 100. */
  readonly upper: number;
  /** z × standardError: the half-width before clamping, in points. */
  readonly marginOfError: number;
  /** Standard error of the (adjusted) NPS, in points. */
  readonly standardError: number;
  /** The method used. */
  readonly method: NetPromoterScoreIntervalMethod;
  /** The confidence level used. */
  readonly confidence: number;
  /** Whether a bound was cut to -100 or 100 because adjustedCenter ± marginOfError went past it. */
  readonly clamped: boolean;
}
