import type { InputPath } from '../../core/types.js';
import type { GroupHealth, MeasureHealth } from '../measureHealth.js';
import { apportionContributions } from './apportionContributions.js';
import type { CompiledScorecard } from './compileScorecard.js';
import { roundedGroupScore } from './exactTreeScore.js';
import { createScratch, type HealthScratch, STATUS_NAMES } from './healthScratch.js';
import type { ActiveOverrides } from './resolveOverrides.js';
import { roundScore } from './scoreRule.js';
import { coverageOf, scoreTree } from './scoreTree.js';

/**
 * The numbers of one account's score, before they are dressed as a result.
 *
 * @private
 */
export interface HealthComputation {
  readonly computedScore: number | null;
  readonly coverage: number;
  readonly measures: MeasureHealth[];
  readonly groups: GroupHealth[];
}

/**
 * Scores one account in full: measure scores, group aggregation, effective weights, contributions apportioned in
 * micro-points so that they sum exactly to the computed score, coverage, and one result object per measure and
 * group. Errors name `[...rootPath, 'measures', id]`.
 *
 * @private
 */
export function computeHealth(
  compiled: CompiledScorecard,
  values: Readonly<Record<string, unknown>>,
  overrides: ActiveOverrides | undefined,
  rootPath: InputPath,
  scratch: HealthScratch = createScratch(compiled),
): HealthComputation {
  const { measures, groups } = compiled;
  const nM = measures.length;
  const nG = groups.length;
  const rootScore = scoreTree(compiled, values, overrides, rootPath, scratch);
  const { mScore, mStatus, raws, mWeight, mUnits, gScore, gWeight, gUnits } = scratch;
  const computedScore = Number.isNaN(rootScore)
    ? null
    : roundedGroupScore(compiled, scratch, overrides, 0, rootScore);
  mWeight.fill(0);
  gWeight.fill(0);
  mUnits.fill(0);
  gUnits.fill(0);
  if (computedScore !== null) apportionContributions(compiled, computedScore, scratch, overrides);

  // Locals, not module bindings, in the loops: some loaders turn every imported binding into a getter call.
  const names = STATUS_NAMES;
  const round = roundScore;
  const measureResults: MeasureHealth[] = new Array(nM);
  for (let m = 0; m < nM; m += 1) {
    const score = mScore[m]!;
    const defined = computedScore !== null && !Number.isNaN(score);
    measureResults[m] = {
      id: measures[m]!.config.id,
      raw: raws[m],
      score: Number.isNaN(score) ? null : score,
      weight: measures[m]!.config.weight,
      effectiveWeight: mWeight[m]!,
      contribution: defined ? mUnits[m]! / 1e6 : null,
      pointsLost: defined ? round(mWeight[m]! * (100 - score)) : null,
      status: names[mStatus[m]!]!,
    };
  }
  const groupResults: GroupHealth[] = new Array(nG - 1);
  for (let g = 1; g < nG; g += 1) {
    const score = gScore[g]!;
    const defined = computedScore !== null && !Number.isNaN(score);
    groupResults[g - 1] = {
      id: groups[g]!.id,
      score: Number.isNaN(score) ? null : roundedGroupScore(compiled, scratch, overrides, g, score),
      weight: groups[g]!.configuredWeight,
      effectiveWeight: gWeight[g]!,
      contribution: defined ? gUnits[g]! / 1e6 : null,
      pointsLost: defined ? round(gWeight[g]! * (100 - score)) : null,
      status: overrides?.groups[g] !== undefined ? 'overridden' : Number.isNaN(score) ? 'excluded' : 'scored',
    };
  }
  const coverage = coverageOf(compiled, scratch, overrides);
  return { computedScore, coverage, measures: measureResults, groups: groupResults };
}
