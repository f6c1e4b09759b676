import * as z from 'zod/mini';
import { toCalendarDate } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { parseWithSchema } from '../../core/internal/fromZodIssues.js';
import type { InputPath } from '../../core/types.js';
import type { HealthOverride } from '../healthOverride.js';

/**
 * The overrides that apply, as score arrays indexed like the compiled measures and groups.
 *
 * @private
 */
export interface ActiveOverrides {
  readonly measures: (number | undefined)[];
  readonly groups: (number | undefined)[];
  readonly account: number | undefined;
  readonly applied: HealthOverride[];
}

const score = z
  .number({ error: 'Invalid input: a score between 0 and 100' })
  .check(
    z.gte(0, { error: 'Invalid input: a score between 0 and 100' }),
    z.lte(100, { error: 'Invalid input: a score between 0 and 100' }),
  );

const reason = z
  .string({ error: 'Invalid input: a non-empty reason' })
  .check(z.minLength(1, { error: 'Invalid input: a non-empty reason' }));

const expiresAt = z.optional(z.union([z.string(), z.date()], { error: 'Invalid input: a date' }));

const overrideSchema: z.ZodMiniType<HealthOverride> = z.discriminatedUnion(
  'scope',
  [
    z.strictObject({ scope: z.enum(['measure', 'group']), id: z.string(), score, reason, expiresAt }),
    z.strictObject({ scope: z.literal('account'), score, reason, expiresAt }),
  ],
  { error: "Invalid input: an override with scope 'measure', 'group' or 'account'" },
) as unknown as z.ZodMiniType<HealthOverride>;

/**
 * Validates overrides and keeps those active on `asOf`. `asOf` is required as soon as one override has an
 * expiry, because this library never reads the clock.
 *
 * @private
 */
export function resolveOverrides(
  overrides: unknown,
  asOf: string | undefined,
  measureIndex: ReadonlyMap<string, number>,
  groupIndex: ReadonlyMap<string, number>,
  path: InputPath,
): ActiveOverrides {
  const list = parseWithSchema(z.array(overrideSchema), overrides, path);
  const active: ActiveOverrides = {
    measures: new Array(measureIndex.size).fill(undefined),
    groups: new Array(groupIndex.size).fill(undefined),
    account: undefined,
    applied: [],
  };
  let account: number | undefined;
  const seen = new Set<string>();
  list.forEach((override, index) => {
    const key = override.scope === 'account' ? 'account' : `${override.scope}:${override.id}`;
    if (seen.has(key)) {
      throw new MetricInputError({
        code: 'invalid_config',
        path: [...path, index],
        expected: 'one override per measure, group or account',
        received: `a second override for ${key}`,
      });
    }
    seen.add(key);
    let slot: number | undefined;
    if (override.scope !== 'account') {
      slot = (override.scope === 'measure' ? measureIndex : groupIndex).get(override.id);
      if (slot === undefined) {
        throw new MetricInputError({
          code: 'invalid_value',
          path: [...path, index, 'id'],
          expected: `the id of a ${override.scope} of the scorecard`,
          received: JSON.stringify(override.id),
        });
      }
    }
    if (override.expiresAt !== undefined) {
      const expiry = toCalendarDate(override.expiresAt, [...path, index, 'expiresAt']);
      if (asOf === undefined) {
        throw new MetricInputError({
          code: 'missing_field',
          path: ['options', 'asOf'],
          expected: 'the evaluation date, because an override has an expiry',
          received: 'undefined',
        });
      }
      if (asOf >= expiry) return;
    }
    if (override.scope === 'measure') active.measures[slot!] = override.score;
    else if (override.scope === 'group') active.groups[slot!] = override.score;
    else account = override.score;
    active.applied.push(override);
  });
  return { ...active, account };
}
