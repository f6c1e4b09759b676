import type { Numeric } from '../core/types.js';

/**
 * One subject of a survival analysis: how long it was watched, and whether the event (reaching value,
 * relapse, churn) happened at the end of that time (`true`) or the subject was still waiting (`false`,
 * right-censored).
 *
 * @category Time to value
 */
export interface SurvivalObservation {
  /** Time from the origin to the event or to the end of observation: a finite number >= 0. */
  readonly duration: Numeric;
  /** `true` if the event happened at `duration`; `false` if the subject was censored there. */
  readonly event: boolean;
}

/**
 * How the confidence interval of the survival curve is built (the names of R's `survfit(conf.type = …)`):
 * `'log-log'` is symmetric on log(−log S) and never leaves [0, 1]; `'log'` is symmetric on log S (R's
 * default); `'plain'` is S ± z·SE, clipped to [0, 1].
 *
 * @category Time to value
 */
export type SurvivalIntervalMethod = 'log-log' | 'log' | 'plain';

/**
 * Options of `kaplanMeier`.
 *
 * @category Time to value
 */
export interface KaplanMeierOptions {
  /** Two-sided confidence level, a number strictly between 0 and 1; default `0.95`. */
  readonly confidence?: number;
  /** How the interval is built (the same option name as the NPS intervals); default `'log-log'`. */
  readonly method?: SurvivalIntervalMethod;
}

/**
 * The Kaplan–Meier curve at one distinct observed time. Statistics are doubles (`number`): Greenwood's
 * variance and the interval need square roots, logarithms and normal quantiles.
 *
 * @category Time to value
 */
export interface KaplanMeierStep {
  /** The observed time (same units as the durations). */
  readonly time: number;
  /** Subjects with duration >= time (R's `n.risk`). */
  readonly atRisk: number;
  /** Events at exactly this time (R's `n.event`). */
  readonly events: number;
  /** Censorings at exactly this time (R's `n.censor`); they count as at risk for this time's events. */
  readonly censored: number;
  /** Estimated probability that the event has not happened by this time (inclusive), in [0, 1]. */
  readonly survival: number;
  /**
   * Greenwood standard error of `survival` itself (what R's `summary.survfit` prints as `std.err`),
   * S·√Σ d/(n(n−d)); null where survival is 0 (the last term divides by zero).
   */
  readonly standardError: number | null;
  /** Lower confidence bound of survival, in [0, 1]; null where survival is 0. */
  readonly lower: number | null;
  /** Upper confidence bound of survival, in [0, 1]; null where survival is 0. */
  readonly upper: number | null;
}

/**
 * A fitted Kaplan–Meier curve.
 *
 * @category Time to value
 */
export interface KaplanMeierResult {
  /** One step per distinct observed time (event or censoring), in increasing time, as R's `survfit` lists them. */
  readonly steps: readonly KaplanMeierStep[];
  /** Number of observations. */
  readonly observations: number;
  /** Total number of events. */
  readonly events: number;
  /** Total number of censored observations. */
  readonly censored: number;
  /** The confidence level the bounds were built for. */
  readonly confidence: number;
  /** The interval transform the bounds were built with. */
  readonly method: SurvivalIntervalMethod;
  /** Median time to event (R's rule, see `survivalQuantile`); null when survival never reaches 0.5. */
  readonly median: number | null;
}

/**
 * The part of a survival curve that quantiles and look-ups read: its steps, in increasing time.
 *
 * @category Time to value
 */
export interface SurvivalCurve {
  readonly steps: readonly Pick<KaplanMeierStep, 'time' | 'survival'>[];
}
