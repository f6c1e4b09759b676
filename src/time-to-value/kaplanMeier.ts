import { MetricInputError } from '../core/errors.js';
import { normalQuantile } from '../core/internal/normalDistribution.js';
import { assertArray, assertKnownKeys, assertObject } from '../core/internal/options.js';
import { describeValue } from '../core/internal/rejectInput.js';
import { toDecimal } from '../core/numeric.js';
import type { InputPath } from '../core/types.js';
import { resolveKaplanMeierOptions } from './internal/resolveKaplanMeierOptions.js';
import { survivalQuantile } from './survivalQuantile.js';
import type {
  KaplanMeierOptions,
  KaplanMeierResult,
  KaplanMeierStep,
  SurvivalIntervalMethod,
  SurvivalObservation,
} from './types.js';
/**
 * The Kaplan–Meier (product-limit) estimate of a survival curve from right-censored durations, with
 * Greenwood standard errors and a pointwise confidence interval: the honest way to summarise "time until X"
 * when some subjects have not had X yet.
 *
 * Formula: S(t) = Π over event times tᵢ <= t of (1 − dᵢ/nᵢ), nᵢ = subjects with duration >= tᵢ, dᵢ = events
 * at tᵢ (an event and a censoring at the same time: the event comes first, so the censored subject is still
 * at risk). Greenwood: σ²(t) = Σ dᵢ/(nᵢ(nᵢ − dᵢ)) is the variance of log S; the reported standard error is
 * S·σ. Intervals with z = Φ⁻¹(1 − (1 − confidence)/2): log-log lower, upper = exp(−exp(log(−log S) ± z·σ/|log S|));
 * log S·exp(∓z·σ) capped at 1; plain S ∓ z·S·σ clipped to [0, 1].
 * Units: times in the units of the durations; survival a probability (double).
 * Source: Kaplan & Meier (1958), Greenwood (1926); intervals and the median rule as R's survival package
 * (`survfit`, `quantile.survfit`), checked on the Freireich (1963) 6-MP data (docs/time-to-value.md).
 * Edge cases: no observations gives no steps and a null median; where S = 1 (no event yet) the standard
 * error is 0 and the interval [1, 1] (R prints NA for log-log there); where S = 0 the standard error and the
 * bounds are null. A negative or non-finite duration, a non-boolean event, a confidence outside (0, 1) or
 * an unknown interval method is a {@link MetricInputError}.
 *
 * @category Time to value
 * @example
 * const curve = kaplanMeier([
 *   { duration: 2, event: true },
 *   { duration: 3, event: false },
 *   { duration: 5, event: true },
 *   { duration: 8, event: false },
 * ])
 * curve.steps.map((step) => [step.time, step.atRisk, step.survival])
 * //=> [[2, 4, 0.75], [3, 3, 0.75], [5, 2, 0.375], [8, 1, 0.375]]
 * curve.median
 * //=> 5
 */
export function kaplanMeier(
  observations: readonly SurvivalObservation[],
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  assertObject(options, ['options']);
  assertKnownKeys(options, OPTION_KEYS, ['options']);
  const { confidence, method } = resolveKaplanMeierOptions(options);
  const rows = validateObservations(observations);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const steps = productLimit(rows, z, method);
  const events = rows.reduce((sum, row) => sum + (row.event ? 1 : 0), 0);
  return {
    steps,
    observations: rows.length,
    events,
    censored: rows.length - events,
    confidence,
    method,
    median: survivalQuantile({ steps }, 0.5),
  };
}

interface Observation {
  readonly duration: number;
  readonly event: boolean;
}

function validateObservations(
  observations: readonly SurvivalObservation[],
  rootPath: InputPath = ['observations'],
): Observation[] {
  assertArray(observations, rootPath);
  // Array.from, not map, so a hole in a sparse array is reported rather than skipped.
  return Array.from(observations, (row: unknown, index) => {
    const path = [...rootPath, index];
    assertObject(row, path);
    if (typeof row.event !== 'boolean') {
      throw new MetricInputError({
        code: 'invalid_type',
        path: [...path, 'event'],
        expected: 'true (event happened) or false (censored)',
        received: describeValue(row.event),
      });
    }
    return {
      duration: toDecimal(row.duration, [...path, 'duration'], 'nonNegative').toNumber(),
      event: row.event,
    };
  });
}

function productLimit(
  rows: readonly Observation[],
  z: number,
  method: SurvivalIntervalMethod,
): KaplanMeierStep[] {
  const sorted = [...rows].sort((a, b) => a.duration - b.duration);
  const steps: KaplanMeierStep[] = [];
  let survival = 1;
  let greenwood = 0;
  let position = 0;
  while (position < sorted.length) {
    const time = sorted[position]!.duration;
    const atRisk = sorted.length - position;
    let events = 0;
    let censored = 0;
    while (position < sorted.length && sorted[position]!.duration === time) {
      if (sorted[position]!.event) events += 1;
      else censored += 1;
      position += 1;
    }
    // Only event times multiply: S·n/n is not always S in floating point.
    if (events > 0) {
      survival = (survival * (atRisk - events)) / atRisk;
      if (events < atRisk) greenwood += events / (atRisk * (atRisk - events));
    }
    steps.push({ time, atRisk, events, censored, survival, ...interval(survival, greenwood, z, method) });
  }
  return steps;
}

function interval(
  survival: number,
  greenwood: number,
  z: number,
  method: SurvivalIntervalMethod,
): Pick<KaplanMeierStep, 'standardError' | 'lower' | 'upper'> {
  if (survival === 0) return { standardError: null, lower: null, upper: null };
  const sigma = Math.sqrt(greenwood);
  const standardError = survival * sigma;
  if (sigma === 0) return { standardError, lower: survival, upper: survival };
  switch (method) {
    case 'log-log': {
      const logSurvival = Math.log(survival);
      const center = Math.log(-logSurvival);
      const half = (z * sigma) / -logSurvival;
      return {
        standardError,
        lower: Math.exp(-Math.exp(center + half)),
        upper: Math.exp(-Math.exp(center - half)),
      };
    }
    case 'log':
      return {
        standardError,
        lower: survival * Math.exp(-z * sigma),
        upper: Math.min(1, survival * Math.exp(z * sigma)),
      };
    case 'plain':
      return {
        standardError,
        lower: Math.max(0, survival - z * standardError),
        upper: Math.min(1, survival + z * standardError),
      };
  }
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['confidence', 'method']);
