import { MetricInputError } from '../../core/errors.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';
import type { ScoringRule } from '../types.js';
import type { CompiledScorecard } from './compileScorecard.js';
import { EXCLUDED, type HealthScratch, IMPUTED, OVERRIDDEN, SCORED } from './healthScratch.js';
import type { ActiveOverrides } from './resolveOverrides.js';
import { scoreRule } from './scoreRule.js';

/**
 * Scores one account's tree into the scratch: each measure's raw value, score (NaN when excluded) and status
 * code, then each group's score bottom-up (weighted mean over the children with a score, or the picked minimum).
 * Returns the unrounded top-level score, NaN when nothing had a score. Errors name
 * `[...rootPath, 'measures', id]`; nothing is allocated unless one is thrown.
 *
 * @private
 */
export function scoreTree(
  compiled: CompiledScorecard,
  values: Readonly<Record<string, unknown>>,
  overrides: ActiveOverrides | undefined,
  rootPath: InputPath,
  scratch: HealthScratch,
): number {
  const { measures, groups } = compiled;
  const nM = measures.length;
  const nG = groups.length;
  const { mScore, mStatus, raws, gScore, gWeightSum, gPick } = scratch;
  for (let m = 0; m < nM; m += 1) {
    const measure = measures[m]!;
    const id = measure.config.id;
    const raw = Object.hasOwn(values, id) ? values[id] : undefined;
    raws[m] = raw;
    const manual = overrides?.measures[m];
    let score: number;
    let status: number;
    if (raw === undefined || raw === null) {
      const policy = measure.missing;
      if (manual !== undefined || policy === 'exclude') {
        score = Number.NaN;
        status = EXCLUDED;
      } else if (policy === 'fail') {
        throw new MetricInputError({
          code: 'missing_field',
          path: [...rootPath, 'measures', id],
          expected: `a value for measure ${JSON.stringify(id)} (its missing-data policy is 'fail')`,
          received: describeValue(raw),
        });
      } else {
        score = policy === 'zero' ? 0 : policy.neutral;
        status = IMPUTED;
      }
    } else {
      score = scoreAt(measure.rule, raw, rootPath, id);
      status = SCORED;
    }
    if (manual !== undefined) {
      score = manual;
      status = OVERRIDDEN;
    }
    mScore[m] = score;
    mStatus[m] = status;
  }

  gScore.fill(Number.NaN);
  for (let g = nG - 1; g >= 0; g -= 1) {
    const manual = g === 0 ? undefined : overrides?.groups[g];
    if (manual !== undefined) {
      gScore[g] = manual;
      continue;
    }
    const group = groups[g]!;
    if (group.aggregation === 'weightedMean') {
      let weightSum = 0;
      let sum = 0;
      for (const m of group.measures) {
        const score = mScore[m]!;
        if (Number.isNaN(score)) continue;
        const weight = measures[m]!.weight;
        weightSum += weight;
        sum += weight * score;
      }
      for (const child of group.groups) {
        const score = gScore[child]!;
        if (Number.isNaN(score)) continue;
        const weight = groups[child]!.weight;
        weightSum += weight;
        sum += weight * score;
      }
      gWeightSum[g] = weightSum;
      gScore[g] = weightSum > 0 ? sum / weightSum : Number.NaN;
    } else {
      let best = Number.NaN;
      let pick = 0;
      for (const m of group.measures) {
        const score = mScore[m]!;
        if (Number.isNaN(score) || measures[m]!.weight === 0) continue;
        if (Number.isNaN(best) || score < best) {
          best = score;
          pick = m;
        }
      }
      for (const child of group.groups) {
        const score = gScore[child]!;
        if (Number.isNaN(score) || groups[child]!.weight === 0) continue;
        if (Number.isNaN(best) || score < best) {
          best = score;
          pick = -1 - child;
        }
      }
      gPick[g] = pick;
      gScore[g] = best;
    }
  }

  return gScore[0]!;
}

/**
 * The share of the total configured weight (normalised down the tree, ignoring `min` picks) held by measures
 * that had data or an override, or by overridden groups; rounded to 12 decimals so that 10 × 0.1 is exactly 1.
 * Reads the statuses left by {@link scoreTree}.
 *
 * @private
 */
export function coverageOf(
  compiled: CompiledScorecard,
  scratch: HealthScratch,
  overrides: ActiveOverrides | undefined,
): number {
  return Math.round(covered(compiled, 0, scratch.mStatus, overrides) * 1e12) / 1e12;
}

// Scores with an empty path (no allocation on the hot path) and adds the measure's path only on error.
function scoreAt(rule: ScoringRule, raw: unknown, path: InputPath, id: string): number {
  try {
    return scoreRule(rule, raw, NO_PATH);
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    throw new MetricInputError({
      code: error.code,
      path: [...path, 'measures', id],
      expected: error.expected,
      received: error.received,
    });
  }
}

const NO_PATH: InputPath = [];

function covered(
  compiled: CompiledScorecard,
  g: number,
  mStatus: Uint8Array,
  overrides: ActiveOverrides | undefined,
): number {
  const group = compiled.groups[g]!;
  if (g > 0 && overrides?.groups[g] !== undefined) return group.nominal;
  let total = 0;
  for (const m of group.measures) {
    const status = mStatus[m];
    if (status === SCORED || status === OVERRIDDEN) total += compiled.measures[m]!.nominal;
  }
  for (const child of group.groups) total += covered(compiled, child, mStatus, overrides);
  return total;
}
