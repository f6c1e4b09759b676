import { describeValue, type InputPath, MetricInputError } from '../core/errors.js';
import { apportionUnits } from './apportionUnits.js';
import type { ActiveOverrides } from './healthOverride.js';
import { bandIndexOf } from './scoreBand.js';
import type {
  GroupAggregation,
  GroupConfig,
  MeasureConfig,
  MissingPolicy,
  Scorecard,
  ScoringRule,
} from './scorecard.js';
import { roundScore, scoreRule } from './scoreMeasure.js';

/**
 * How a measure's score was obtained: from its raw value, imputed by the missing-data policy (`'zero'` or
 * `neutral`), excluded (missing under `'exclude'`), or set by an override.
 *
 * @category Health
 */
export type MeasureStatus = 'scored' | 'imputed' | 'excluded' | 'overridden';

/**
 * One measure in a health result.
 *
 * @category Health
 */
export interface MeasureHealth {
  readonly id: string;
  /** The raw value as given (undefined when missing). */
  readonly raw: unknown;
  /** Points 0–100 (6 decimals), or null when excluded. */
  readonly score: number | null;
  /** The configured weight. */
  readonly weight: number;
  /**
   * The measure's share of the overall score after renormalisation (product of normalised weights along its
   * path; 0 when excluded, when a `min` group did not pick it, or under an overridden group). A double.
   */
  readonly effectiveWeight: number;
  /** Points this measure adds to the computed score (6 decimals); the contributions sum to it exactly. */
  readonly contribution: number | null;
  /** effectiveWeight × (100 − score), rounded to 6 decimals: the points it costs. Largest = fix first. */
  readonly pointsLost: number | null;
  readonly status: MeasureStatus;
}

/**
 * One group in a health result.
 *
 * @category Health
 */
export interface GroupHealth {
  readonly id: string;
  /** The group's score (6 decimals), or null when none of its children had a score. */
  readonly score: number | null;
  readonly weight: number;
  /** The group's share of the overall score (a double). */
  readonly effectiveWeight: number;
  /** Sum of the contributions inside the group (or the override's own contribution). */
  readonly contribution: number | null;
  /** effectiveWeight × (100 − score), rounded to 6 decimals. */
  readonly pointsLost: number | null;
  readonly status: 'scored' | 'excluded' | 'overridden';
}

/**
 * A measure with its resolved policy and its share of the total weight when every measure is present.
 *
 * @private
 */
export interface CompiledMeasure {
  readonly config: MeasureConfig;
  readonly rule: ScoringRule;
  readonly missing: MissingPolicy;
  /** The weight times a power of two that brings its group's largest weight into [1, 2): exact, see below. */
  readonly weight: number;
  readonly nominal: number;
}

/**
 * A group with its children as indexes into the flat lists (the root is group 0).
 *
 * @private
 */
export interface CompiledGroup {
  readonly id: string;
  /** Scaled like {@link CompiledMeasure.weight}. */
  readonly weight: number;
  /** The weight as configured. */
  readonly configuredWeight: number;
  readonly aggregation: GroupAggregation;
  readonly measures: readonly number[];
  readonly groups: readonly number[];
  readonly nominal: number;
}

/**
 * A validated scorecard flattened for fast repeated scoring.
 *
 * @private
 */
export interface CompiledScorecard {
  readonly scorecard: Scorecard;
  readonly measures: readonly CompiledMeasure[];
  readonly groups: readonly CompiledGroup[];
  readonly measureIndex: ReadonlyMap<string, number>;
  readonly groupIndex: ReadonlyMap<string, number>;
}

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
 * Flattens a validated scorecard; groups are numbered depth-first with the root (the scorecard's top level) as 0.
 *
 * @private
 */
export function compileScorecard(scorecard: Scorecard): CompiledScorecard {
  const measures: CompiledMeasure[] = [];
  const groups: CompiledGroup[] = [];
  const measureIndex = new Map<string, number>();
  const groupIndex = new Map<string, number>();
  const visit = (group: GroupConfig, inherited: MissingPolicy, weight: number, nominal: number): number => {
    const slot = groups.length;
    groups.push(undefined as unknown as CompiledGroup);
    const missing = group.missing ?? inherited;
    const childMeasures = group.measures ?? [];
    const childGroups = group.groups ?? [];
    const total = [...childMeasures, ...childGroups].reduce((sum, child) => sum + child.weight, 0);
    // Scaling a group's weights by a power of two is exact in binary floating point, so the weighted mean is
    // unchanged, except that tiny (subnormal) weights no longer lose precision.
    const largest = Math.max(...[...childMeasures, ...childGroups].map((child) => child.weight));
    const exponent = -Math.floor(Math.log2(largest));
    const scaled = (weight: number): number =>
      weight * 2 ** Math.ceil(exponent / 2) * 2 ** Math.floor(exponent / 2);
    const measureSlots = childMeasures.map((measure) => {
      measureIndex.set(measure.id, measures.length);
      measures.push({
        config: measure,
        rule: measure.rule,
        missing: measure.missing ?? missing,
        weight: scaled(measure.weight),
        nominal: (nominal * measure.weight) / total,
      });
      return measures.length - 1;
    });
    const groupSlots = childGroups.map((child) =>
      visit(child, missing, scaled(child.weight), (nominal * child.weight) / total),
    );
    groups[slot] = {
      id: group.id,
      weight,
      configuredWeight: group.weight,
      aggregation: group.aggregation ?? 'weightedMean',
      measures: measureSlots,
      groups: groupSlots,
      nominal,
    };
    if (slot > 0) groupIndex.set(group.id, slot);
    return slot;
  };
  visit({ ...scorecard, id: '', weight: 1 }, scorecard.missing, 1, 1);
  return { scorecard, measures, groups, measureIndex, groupIndex };
}

/**
 * Working arrays for {@link computeHealth}, allocated once per scorecard and reused row after row so that bulk
 * scoring does not churn the garbage collector. NaN marks "no score".
 *
 * @private
 */
export interface HealthScratch {
  readonly mScore: Float64Array;
  readonly mWeight: Float64Array;
  readonly mUnits: Float64Array;
  readonly gScore: Float64Array;
  readonly gWeightSum: Float64Array;
  readonly gPick: Int32Array;
  readonly gWeight: Float64Array;
  readonly gUnits: Float64Array;
  readonly leaves: Int32Array;
  readonly exact: Float64Array;
  readonly units: Float64Array;
}

/**
 * Allocates the working arrays for a compiled scorecard.
 *
 * @private
 */
export function createScratch(compiled: CompiledScorecard): HealthScratch {
  const nM = compiled.measures.length;
  const nG = compiled.groups.length;
  return {
    mScore: new Float64Array(nM),
    mWeight: new Float64Array(nM),
    mUnits: new Float64Array(nM),
    gScore: new Float64Array(nG),
    gWeightSum: new Float64Array(nG),
    gPick: new Int32Array(nG),
    gWeight: new Float64Array(nG),
    gUnits: new Float64Array(nG),
    leaves: new Int32Array(nM + nG),
    exact: new Float64Array(nM + nG),
    units: new Float64Array(nM + nG),
  };
}

/**
 * Scores one account: measure scores, group aggregation, effective weights, contributions apportioned in
 * micro-points so that they sum exactly to the computed score, and coverage.
 *
 * @private
 */
export function computeHealth(
  compiled: CompiledScorecard,
  values: Readonly<Record<string, unknown>>,
  overrides: ActiveOverrides | undefined,
  path: InputPath,
  scratch: HealthScratch = createScratch(compiled),
): HealthComputation {
  const { measures, groups } = compiled;
  const nM = measures.length;
  const nG = groups.length;
  const { mScore, mWeight, mUnits, gScore, gWeightSum, gPick, gWeight, gUnits } = scratch;
  const mStatus: MeasureStatus[] = new Array(nM);
  const raws: unknown[] = new Array(nM);
  for (let m = 0; m < nM; m += 1) {
    const measure = measures[m]!;
    const id = measure.config.id;
    const raw = Object.hasOwn(values, id) ? values[id] : undefined;
    raws[m] = raw;
    const manual = overrides?.measures[m];
    let score: number;
    let status: MeasureStatus;
    if (raw === undefined || raw === null) {
      const policy = measure.missing;
      if (manual !== undefined || policy === 'exclude') {
        score = Number.NaN;
        status = 'excluded';
      } else if (policy === 'fail') {
        throw new MetricInputError({
          code: 'missing_field',
          path: [...path, id],
          expected: `a value for measure ${JSON.stringify(id)} (its missing-data policy is 'fail')`,
          received: describeValue(raw),
        });
      } else {
        score = policy === 'zero' ? 0 : policy.neutral;
        status = 'imputed';
      }
    } else {
      score = scoreAt(measure.rule, raw, path, id);
      status = 'scored';
    }
    if (manual !== undefined) {
      score = manual;
      status = 'overridden';
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

  const rootScore = gScore[0]!;
  const computedScore = Number.isNaN(rootScore) ? null : roundScore(rootScore);
  mWeight.fill(0);
  gWeight.fill(0);
  mUnits.fill(0);
  gUnits.fill(0);
  if (computedScore !== null) {
    distributeWeights(compiled, 0, 1, scratch, overrides);
    apportion(compiled, computedScore, scratch, overrides);
  }

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
      pointsLost: defined ? roundScore(mWeight[m]! * (100 - score)) : null,
      status: mStatus[m]!,
    };
  }
  const groupResults: GroupHealth[] = new Array(nG - 1);
  for (let g = 1; g < nG; g += 1) {
    const score = gScore[g]!;
    const defined = computedScore !== null && !Number.isNaN(score);
    groupResults[g - 1] = {
      id: groups[g]!.id,
      score: Number.isNaN(score) ? null : roundScore(score),
      weight: groups[g]!.configuredWeight,
      effectiveWeight: gWeight[g]!,
      contribution: defined ? gUnits[g]! / 1e6 : null,
      pointsLost: defined ? roundScore(gWeight[g]! * (100 - score)) : null,
      status: overrides?.groups[g] !== undefined ? 'overridden' : Number.isNaN(score) ? 'excluded' : 'scored',
    };
  }
  const coverage = Math.round(covered(compiled, 0, mStatus, overrides) * 1e12) / 1e12;
  return { computedScore, coverage, measures: measureResults, groups: groupResults };
}

// Scores with an empty path (no allocation on the hot path) and adds the measure's path only on error.
function scoreAt(rule: ScoringRule, raw: unknown, path: InputPath, id: string): number {
  try {
    return scoreRule(rule, raw, NO_PATH);
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    throw new MetricInputError({
      code: error.code,
      path: [...path, id],
      expected: error.expected,
      received: error.received,
    });
  }
}

const NO_PATH: InputPath = [];

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

function covered(
  compiled: CompiledScorecard,
  g: number,
  mStatus: readonly MeasureStatus[],
  overrides: ActiveOverrides | undefined,
): number {
  const group = compiled.groups[g]!;
  if (g > 0 && overrides?.groups[g] !== undefined) return group.nominal;
  let total = 0;
  for (const m of group.measures) {
    if (mStatus[m] === 'scored' || mStatus[m] === 'overridden') total += compiled.measures[m]!.nominal;
  }
  for (const child of group.groups) total += covered(compiled, child, mStatus, overrides);
  return total;
}

/**
 * The label of the overall band holding a score.
 *
 * @private
 */
export function bandLabelOf(scorecard: Scorecard, score: number | null): string | null {
  if (score === null) return null;
  // defineScorecard made the bands cover [0, 100] and every score lies there.
  return scorecard.bands[bandIndexOf(scorecard.bands, score)]!.label;
}
