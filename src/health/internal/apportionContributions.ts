import { apportionUnits } from './apportionUnits.js';
import type { CompiledScorecard } from './compileScorecard.js';
import type { HealthScratch } from './healthScratch.js';
import type { ActiveOverrides } from './resolveOverrides.js';

/**
 * Fills the scratch's effective weights (`mWeight`, `gWeight`) and contributions in micro-points (`mUnits`,
 * `gUnits`) for an account whose measure and group scores are in the scratch and whose computed score is
 * `score`: weights are distributed down the tree (a `min` group passes its whole weight to the child it picked),
 * then the rounded score is apportioned over the leaves so that the contributions sum to it exactly.
 *
 * @private
 */
export function apportionContributions(
  compiled: CompiledScorecard,
  score: number,
  scratch: HealthScratch,
  overrides: ActiveOverrides | undefined,
): void {
  distributeWeights(compiled, 0, 1, scratch, overrides);
  apportion(compiled, score, scratch, overrides);
}

function distributeWeights(
  compiled: CompiledScorecard,
  g: number,
  weight: number,
  scratch: HealthScratch,
  overrides: ActiveOverrides | undefined,
): void {
  scratch.gWeight[g] = weight;
  if (g > 0 && overrides?.groups[g] !== undefined) return;
  const group = compiled.groups[g]!;
  if (group.aggregation === 'min') {
    const pick = scratch.gPick[g]!;
    if (pick >= 0) scratch.mWeight[pick] = weight;
    else distributeWeights(compiled, -1 - pick, weight, scratch, overrides);
    return;
  }
  const total = scratch.gWeightSum[g]!;
  for (const m of group.measures) {
    if (!Number.isNaN(scratch.mScore[m]!))
      scratch.mWeight[m] = (weight * compiled.measures[m]!.weight) / total;
  }
  for (const child of group.groups) {
    if (Number.isNaN(scratch.gScore[child]!)) continue;
    distributeWeights(compiled, child, (weight * compiled.groups[child]!.weight) / total, scratch, overrides);
  }
}

// Largest-remainder apportionment of the rounded score, in integer micro-points, over the leaves (measures with
// weight, overridden groups with weight): the contributions then add up to the score exactly. Ties go to the
// earlier leaf.
function apportion(
  compiled: CompiledScorecard,
  score: number,
  scratch: HealthScratch,
  overrides: ActiveOverrides | undefined,
): void {
  const { leaves, exact, units, mWeight, gWeight, mScore, gScore, mUnits, gUnits } = scratch;
  let count = 0;
  let total = 0;
  for (let m = 0; m < mWeight.length; m += 1) {
    if (mWeight[m]! > 0) {
      leaves[count] = m;
      exact[count] = mWeight[m]! * mScore[m]! * 1e6;
      units[count] = Math.floor(exact[count]!);
      total += units[count]!;
      count += 1;
    }
  }
  for (let g = 1; g < gWeight.length; g += 1) {
    if (gWeight[g]! > 0 && overrides?.groups[g] !== undefined) {
      leaves[count] = -1 - g;
      exact[count] = gWeight[g]! * gScore[g]! * 1e6;
      units[count] = Math.floor(exact[count]!);
      total += units[count]!;
      count += 1;
    }
  }
  apportionUnits(exact, units, count, Math.round(score * 1e6) - total);
  for (let index = 0; index < count; index += 1) {
    const leaf = leaves[index]!;
    if (leaf >= 0) mUnits[leaf] = units[index]!;
    else gUnits[-1 - leaf] = units[index]!;
  }
  sumGroupUnits(compiled, 0, overrides, mUnits, gUnits);
}

function sumGroupUnits(
  compiled: CompiledScorecard,
  g: number,
  overrides: ActiveOverrides | undefined,
  mUnits: Float64Array,
  gUnits: Float64Array,
): number {
  if (g > 0 && overrides?.groups[g] !== undefined) return gUnits[g]!;
  const group = compiled.groups[g]!;
  let total = 0;
  for (const m of group.measures) total += mUnits[m]!;
  for (const child of group.groups) total += sumGroupUnits(compiled, child, overrides, mUnits, gUnits);
  gUnits[g] = total;
  return total;
}
