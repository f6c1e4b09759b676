import type {
  GroupAggregation,
  GroupConfig,
  MeasureConfig,
  MissingPolicy,
  Scorecard,
  ScoringRule,
} from '../types.js';

/**
 * A measure with its resolved policy and its share of the total weight when every measure is present.
 *
 * @private
 */
export interface CompiledMeasure {
  readonly config: MeasureConfig;
  readonly rule: ScoringRule;
  readonly missing: MissingPolicy;
  /** The weight times a power of two that brings its group's largest weight into [1, 2): exact, see compileScorecard. */
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
    // Loops, not a spread into Math.max: a group of 200,000 measures would overflow the call stack.
    let total = 0;
    let largest = Number.NEGATIVE_INFINITY;
    for (const children of [childMeasures, childGroups]) {
      for (const child of children) {
        total += child.weight;
        if (child.weight > largest) largest = child.weight;
      }
    }
    // Scaling a group's weights by a power of two is exact in binary floating point, so the weighted mean is
    // unchanged, except that tiny (subnormal) weights no longer lose precision.
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

const COMPILED: unique symbol = Symbol('customer-health: compiled scorecard');
type Branded = Scorecard & { readonly [COMPILED]?: CompiledScorecard };

/**
 * Brands a scorecard `defineScorecard` has just validated: attaches its compiled form under a symbol no one else
 * holds, then freezes it deeply, so the compiled form always matches the scorecard and scoring can trust it.
 *
 * @private
 */
export function brandScorecard(scorecard: Scorecard): Scorecard {
  Object.defineProperty(scorecard, COMPILED, { value: compileScorecard(scorecard) });
  return deepFreeze(scorecard);
}

/**
 * The compiled form of a branded scorecard (made by `defineScorecard`), or undefined for any other value.
 *
 * @private
 */
export function compiledOf(value: unknown): CompiledScorecard | undefined {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, COMPILED)
    ? (value as Branded)[COMPILED]
    : undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
