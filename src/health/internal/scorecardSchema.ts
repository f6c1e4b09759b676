import * as z from 'zod/mini';
import type { GroupConfig, ScorecardConfig, ScoringRule } from '../types.js';

// The casts below only drop zod's `| undefined` on optional fields (exactOptionalPropertyTypes).
// zod/mini carries no locale, so each message states what is expected in the words fromZodIssues keeps.
const weight = z
  .number({ error: 'Invalid input: a finite number >= 0' })
  .check(z.nonnegative({ error: 'Invalid input: a number >= 0' }));
const score = z
  .number({ error: 'Invalid input: a score between 0 and 100' })
  .check(
    z.gte(0, { error: 'Invalid input: a score between 0 and 100' }),
    z.lte(100, { error: 'Invalid input: a score between 0 and 100' }),
  );
const finite = z.number({ error: 'Invalid input: a finite number' });
const id = z
  .string({ error: 'Invalid input: a non-empty string' })
  .check(z.minLength(1, { error: 'Invalid input: a non-empty string' }));
const bounds = z.optional(
  z.enum(['[)', '(]', '[]', '()'], { error: "Invalid input: one of '[)', '(]', '[]', '()'" }),
);
const direction = z.enum(['higherIsBetter', 'lowerIsBetter'], {
  error: "Invalid input: 'higherIsBetter' or 'lowerIsBetter'",
});

/**
 * The zod/mini schema of a {@link ScoringRule} (shape and ranges only).
 *
 * @private
 */
export const ruleSchema: z.ZodMiniType<ScoringRule> = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('bands'),
      bands: z.array(z.strictObject({ min: z.optional(finite), max: z.optional(finite), bounds, score })),
    }),
    z.strictObject({
      type: z.literal('linear'),
      min: finite,
      max: finite,
      direction,
      worstScore: z.optional(score),
      bestScore: z.optional(score),
    }),
    z.strictObject({
      type: z.literal('categorical'),
      scores: z.record(z.string(), score),
    }),
    z.strictObject({
      type: z.literal('percentOfTarget'),
      target: z
        .number({ error: 'Invalid input: a number > 0' })
        .check(z.positive({ error: 'Invalid input: a number > 0' })),
      direction: z.optional(direction),
    }),
  ],
  { error: "Invalid input: a rule with type 'bands', 'linear', 'categorical' or 'percentOfTarget'" },
) as unknown as z.ZodMiniType<ScoringRule>;

const missing = z.optional(
  z.union([z.enum(['exclude', 'zero', 'fail']), z.strictObject({ neutral: score })], {
    error: "Invalid input: 'exclude', 'zero', 'fail' or { neutral: score }",
  }),
);

const measure = z.strictObject({ id, weight, rule: ruleSchema, missing });

const aggregation = z.optional(
  z.enum(['weightedMean', 'min'], { error: "Invalid input: 'weightedMean' or 'min'" }),
);

const group: z.ZodMiniType<GroupConfig> = z.strictObject({
  id,
  weight,
  aggregation,
  missing,
  measures: z.optional(z.array(measure)),
  get groups() {
    return z.optional(z.array(group));
  },
}) as unknown as z.ZodMiniType<GroupConfig>;

/**
 * The zod/mini schema of a {@link ScorecardConfig}: shapes and ranges only; cross-field rules (unique ids,
 * contiguous bands, non-zero group weights) are checked by `defineScorecard` so their errors can name the
 * offending entry.
 *
 * @private
 */
export const scorecardSchema: z.ZodMiniType<ScorecardConfig> = z.strictObject({
  id: z.optional(id),
  aggregation,
  missing,
  minimumCoverage: z.optional(
    z
      .number({ error: 'Invalid input: a share between 0 and 1' })
      .check(
        z.gte(0, { error: 'Invalid input: a share between 0 and 1' }),
        z.lte(1, { error: 'Invalid input: a share between 0 and 1' }),
      ),
  ),
  bands: z.optional(
    z.array(z.strictObject({ label: id, min: z.optional(finite), max: z.optional(finite), bounds })),
  ),
  measures: z.optional(z.array(measure)),
  groups: z.optional(z.array(group)),
}) as unknown as z.ZodMiniType<ScorecardConfig>;
