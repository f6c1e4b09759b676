import { toCalendarDate } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { assertObject } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';
import type { HealthOverride } from '../healthOverride.js';
import type { HealthScore, HealthSummary, ScoreChange } from '../types.js';
import { bandLabelOf } from './bandIndexOf.js';
import type { CompiledScorecard } from './compileScorecard.js';
import { computeHealth } from './computeHealth.js';
import { roundedGroupScore } from './exactTreeScore.js';
import type { HealthScratch } from './healthScratch.js';
import { type ActiveOverrides, resolveOverrides } from './resolveOverrides.js';
import { roundScore } from './scoreRule.js';
import { coverageOf, scoreTree } from './scoreTree.js';

/**
 * What one row of bulk scoring may carry besides its measures.
 *
 * @private
 */
export interface RowOptions {
  readonly previous?: unknown;
  readonly overrides?: unknown;
}

/**
 * Reads the optional evaluation date once.
 *
 * @private
 */
export function resolveAsOf(asOf: unknown): string | undefined {
  return asOf === undefined ? undefined : toCalendarDate(asOf, ['options', 'asOf']);
}

/**
 * Scores one account with a compiled scorecard; `rootPath` prefixes error paths (`['rows', 7]` in bulk).
 *
 * @private
 */
export function scoreCompiled(
  compiled: CompiledScorecard,
  measures: unknown,
  options: RowOptions,
  asOf: string | undefined,
  rootPath: InputPath,
  scratch?: HealthScratch,
): HealthScore {
  const overrides = checkRow(compiled, measures, options, asOf, rootPath);
  const computed = computeHealth(compiled, measures as Values, overrides, rootPath, scratch);
  const { computedScore, coverage } = computed;
  const account = overrides?.account;
  const score = reportedScore(compiled, account, computedScore, coverage);
  const previous = options.previous;
  let trend: ScoreChange | null = null;
  if (score !== null && typeof previous === 'number') {
    const change = roundScore(score - previous);
    trend = { previous, change, direction: change > 0 ? 'up' : change < 0 ? 'down' : 'flat' };
  }
  return {
    score,
    computedScore,
    band: bandLabelOf(compiled.scorecard, score),
    coverage,
    groups: computed.groups,
    measures: computed.measures,
    overridden: account !== undefined,
    overrides: overrides?.applied ?? NO_OVERRIDES,
    trend,
  };
}

/**
 * Scores one account down to its {@link HealthSummary}: the same validation and the same arithmetic as
 * {@link scoreCompiled}, but no contributions and no per-measure or per-group objects, so a bulk run allocates one
 * small object per account.
 *
 * @private
 */
export function summarizeCompiled(
  compiled: CompiledScorecard,
  measures: unknown,
  options: RowOptions,
  asOf: string | undefined,
  rootPath: InputPath,
  scratch: HealthScratch,
): HealthSummary {
  const overrides = checkRow(compiled, measures, options, asOf, rootPath);
  const rootScore = scoreTree(compiled, measures as Values, overrides, rootPath, scratch);
  const computedScore = Number.isNaN(rootScore)
    ? null
    : roundedGroupScore(compiled, scratch, overrides, 0, rootScore);
  const coverage = coverageOf(compiled, scratch, overrides);
  const score = reportedScore(compiled, overrides?.account, computedScore, coverage);
  return { score, computedScore, band: bandLabelOf(compiled.scorecard, score), coverage };
}

// One frozen empty list shared by every result without active overrides: a portfolio allocates none.
const NO_OVERRIDES: readonly HealthOverride[] = Object.freeze([]);

// checkRow has made sure the measures are a plain object.
type Values = Readonly<Record<string, unknown>>;

// Validates what is not a measure value (the measures object, previous, overrides) before any scoring. Paths are
// built only when an error is thrown, so a valid row allocates nothing here.
function checkRow(
  compiled: CompiledScorecard,
  measures: unknown,
  options: RowOptions,
  asOf: string | undefined,
  rootPath: InputPath,
): ActiveOverrides | undefined {
  if (typeof measures !== 'object' || measures === null || Array.isArray(measures)) {
    assertObject(measures, [...rootPath, 'measures']);
  }
  const previous = options.previous;
  if (
    previous !== undefined &&
    previous !== null &&
    (typeof previous !== 'number' || !(previous >= 0 && previous <= 100))
  ) {
    throw new MetricInputError({
      code: typeof previous === 'number' ? 'out_of_range' : 'invalid_type',
      path: [...rootPath, 'previous'],
      expected: 'a score between 0 and 100, or null',
      received: describeValue(previous),
    });
  }
  return options.overrides === undefined
    ? undefined
    : resolveOverrides(options.overrides, asOf, compiled.measureIndex, compiled.groupIndex, [
        ...rootPath,
        'overrides',
      ]);
}

// The account override wins; otherwise the computed score, unless coverage is below the scorecard's minimum.
function reportedScore(
  compiled: CompiledScorecard,
  account: number | undefined,
  computedScore: number | null,
  coverage: number,
): number | null {
  if (account !== undefined) return account;
  return computedScore !== null && coverage >= compiled.scorecard.minimumCoverage ? computedScore : null;
}
