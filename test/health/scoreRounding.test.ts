import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/internal/decimal.js';
import {
  defineScorecard,
  type GroupConfig,
  type MeasureConfig,
  scoreHealth,
  scoreHealthMany,
} from '../../src/index.js';

// The score is documented as the weighted mean rounded half-up to 6 decimals: at an exact half tie the floating
// point mean (one bit low) used to round down.
const rule = { type: 'linear', min: 0, max: 100, direction: 'higherIsBetter' } as const;

describe('health scores round the exact weighted mean half-up', () => {
  it('rounds an exact half tie up: (37.390738 + 92.032097) / 2 = 64.7114175 → 64.711418', () => {
    const card = defineScorecard({
      measures: [
        { id: 'a', weight: 1, rule },
        { id: 'b', weight: 1, rule },
      ],
    });
    expect(scoreHealth(card, { a: 37.390738, b: 92.032097 }).score).toBe(64.711418);
    expect(
      scoreHealthMany(card, [{ measures: { a: 37.390738, b: 92.032097 } }], { detail: 'summary' })[0]!.score,
    ).toBe(64.711418);
  });

  it('rounds a tie of decimal weights and of a nested group exactly', () => {
    // (0.1 × 9.633394 + 0.1 × 82.502259) / 0.2 = 46.0678265 → 46.067827, inside a group of weight 3 next to a
    // measure of weight 0 scoring 0.
    const card = defineScorecard({
      measures: [{ id: 'z', weight: 0, rule }],
      groups: [
        {
          id: 'g',
          weight: 3,
          measures: [
            { id: 'a', weight: 0.1, rule },
            { id: 'b', weight: 0.1, rule },
          ],
        },
      ],
    });
    const health = scoreHealth(card, { z: 0, a: 9.633394, b: 82.502259 });
    expect(health.score).toBe(46.067827);
    expect(health.groups[0]!.score).toBe(46.067827);
  });

  // An exact oracle: the mean of the decimals as written, as a fraction of big integers, rounded half-up.
  const fraction = (value: number): [bigint, bigint] => {
    const text = new Decimal(value).toFixed();
    const [whole, decimals = ''] = text.split('.');
    return [BigInt(whole! + decimals), 10n ** BigInt(decimals.length)];
  };
  const oracle = (group: GroupConfig, values: Record<string, number>): [bigint, bigint] | undefined => {
    let num = 0n;
    let den = 1n;
    let weightNum = 0n;
    let weightDen = 1n;
    const children: [number, [bigint, bigint] | undefined][] = [
      ...(group.measures ?? []).map((m): [number, [bigint, bigint] | undefined] => [
        m.weight,
        values[m.id] === undefined ? undefined : fraction(values[m.id]!),
      ]),
      ...(group.groups ?? []).map((g): [number, [bigint, bigint] | undefined] => [
        g.weight,
        oracle(g, values),
      ]),
    ];
    let any = false;
    for (const [weight, score] of children) {
      if (score === undefined) continue;
      any = true;
      const [wn, wd] = fraction(weight);
      const [sn, sd] = score;
      num = num * wd * sd + wn * sn * den;
      den = den * wd * sd;
      weightNum = weightNum * wd + wn * weightDen;
      weightDen = weightDen * wd;
    }
    if (!any || weightNum === 0n) return undefined;
    return [num * weightDen, den * weightNum];
  };
  const rounded = ([num, den]: [bigint, bigint]) => Number((2n * num * 1_000_000n + den) / (2n * den)) / 1e6;

  // Scores in micro-points, often with an odd last digit, weights small integers or tenths: ties are common.
  const micro = fc.integer({ min: 0, max: 100_000_000 }).map((units) => units / 1e6);
  const weight = fc.oneof(
    fc.integer({ min: 0, max: 6 }),
    fc.integer({ min: 1, max: 9 }).map((n) => n / 10),
  );
  const measureList = (prefix: string) =>
    fc
      .array(fc.tuple(weight, fc.option(micro, { nil: undefined })), { minLength: 1, maxLength: 4 })
      .map((list) =>
        list.map(([w, value], i) => ({
          config: { id: `${prefix}${i}`, weight: w, rule } as MeasureConfig,
          value,
        })),
      );

  it('equals the exact oracle for any nested scorecard and values', () => {
    fc.assert(
      fc.property(
        measureList('m'),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), measureList('x')), { maxLength: 2 }),
        (top, nested) => {
          const groups = nested.map(([w, list], g) => ({
            id: `g${g}`,
            weight: w,
            measures: list.map((m) => ({ ...m.config, id: `g${g}${m.config.id}` })),
          }));
          const config = { measures: top.map((m) => m.config), groups, missing: 'exclude' as const };
          const values: Record<string, number> = {};
          for (const m of top) if (m.value !== undefined) values[m.config.id] = m.value;
          nested.forEach(([, list], g) => {
            for (const m of list) if (m.value !== undefined) values[`g${g}${m.config.id}`] = m.value;
          });
          let card: ReturnType<typeof defineScorecard>;
          try {
            card = defineScorecard(config);
          } catch {
            return; // a level whose weights sum to 0 is refused by design
          }
          const exact = oracle({ id: '', weight: 1, measures: config.measures, groups }, values);
          const health = scoreHealth(card, values);
          expect(health.computedScore).toBe(exact === undefined ? null : rounded(exact));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
