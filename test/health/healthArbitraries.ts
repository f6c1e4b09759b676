import fc from 'fast-check';
import type { GroupConfig, MeasureConfig, ScorecardConfig } from '../../src/index.js';

// Random scorecards: measures with linear or percent-of-target rules, nested groups (depth ≤ 2), mean or min
// aggregation, every level with a positive total weight.

interface MeasureSpec {
  readonly weight: number;
  readonly direction: 'higherIsBetter' | 'lowerIsBetter';
  readonly kind: 'linear' | 'percentOfTarget';
  readonly min: number;
  readonly span: number;
}
interface LevelSpec {
  readonly aggregation: 'weightedMean' | 'min';
  readonly weight: number;
  readonly measures: readonly MeasureSpec[];
  readonly groups: readonly LevelSpec[];
}

const measureSpec: fc.Arbitrary<MeasureSpec> = fc.record({
  weight: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 2 ** -20, max: 50, noNaN: true })),
  direction: fc.constantFrom('higherIsBetter' as const, 'lowerIsBetter' as const),
  kind: fc.constantFrom('linear' as const, 'percentOfTarget' as const),
  min: fc.integer({ min: -50, max: 50 }),
  span: fc.integer({ min: 1, max: 200 }),
});

const aggregation = fc.oneof(
  { weight: 3, arbitrary: fc.constant('weightedMean' as const) },
  { weight: 1, arbitrary: fc.constant('min' as const) },
);

const leafLevel: fc.Arbitrary<LevelSpec> = fc.record({
  aggregation,
  weight: fc.integer({ min: 0, max: 10 }),
  measures: fc.array(measureSpec, { minLength: 1, maxLength: 3 }),
  groups: fc.constant([]),
});
const midLevel: fc.Arbitrary<LevelSpec> = fc.record({
  aggregation,
  weight: fc.integer({ min: 0, max: 10 }),
  measures: fc.array(measureSpec, { minLength: 1, maxLength: 3 }),
  groups: fc.array(leafLevel, { maxLength: 1 }),
});
const rootLevel: fc.Arbitrary<LevelSpec> = fc.record({
  aggregation,
  weight: fc.constant(1),
  measures: fc.array(measureSpec, { minLength: 1, maxLength: 4 }),
  groups: fc.array(midLevel, { maxLength: 2 }),
});

function build(level: LevelSpec, next: { id: number }): Omit<GroupConfig, 'id'> {
  const measures: MeasureConfig[] = level.measures.map((spec) => ({
    id: `m${next.id++}`,
    weight: spec.weight,
    rule:
      spec.kind === 'linear'
        ? { type: 'linear', min: spec.min, max: spec.min + spec.span, direction: spec.direction }
        : { type: 'percentOfTarget', target: spec.span, direction: spec.direction },
  }));
  const groups: GroupConfig[] = level.groups.map((child) => ({ id: `g${next.id++}`, ...build(child, next) }));
  const all = [...measures, ...groups];
  if (all.every((child) => child.weight === 0)) {
    const [first] = all;
    if (first !== undefined) Object.assign(first, { weight: 1 });
  }
  return { weight: level.weight, aggregation: level.aggregation, measures, groups };
}

/** A random valid scorecard config. */
export const scorecardArb: fc.Arbitrary<ScorecardConfig> = rootLevel.map((level) => {
  const { measures, groups, aggregation: rootAggregation } = build(level, { id: 0 });
  return { aggregation: rootAggregation ?? 'weightedMean', measures: measures ?? [], groups: groups ?? [] };
});

/** Every measure config in a scorecard, depth first. */
export function allMeasures(group: {
  readonly measures?: readonly MeasureConfig[];
  readonly groups?: readonly GroupConfig[];
}): MeasureConfig[] {
  return [...(group.measures ?? []), ...(group.groups ?? []).flatMap(allMeasures)];
}

/** Raw values for a scorecard's measures: a non-negative number or missing (undefined). */
export function valuesArb(card: ScorecardConfig): fc.Arbitrary<Record<string, number | undefined>> {
  const ids = allMeasures(card).map((measure) => measure.id);
  return fc
    .tuple(...ids.map(() => fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined, freq: 4 })))
    .map((values) => Object.fromEntries(ids.map((id, index) => [id, values[index]])));
}
