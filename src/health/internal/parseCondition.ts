import * as z from 'zod/mini';
import { MetricInputError } from '../../core/errors.js';
import { decimalText } from '../../core/internal/decimal.js';
import { parseWithSchema } from '../../core/internal/fromZodIssues.js';
import { assertArray, assertObject } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import { toDecimal } from '../../core/numeric.js';
import type { InputPath } from '../../core/types.js';
import type { Condition, ConditionValue } from '../types.js';

const OPERATORS = ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'exists'] as const;
const scalar = z.union([z.string(), z.number(), z.boolean()], {
  error: 'Invalid input: a string, a number or a boolean',
});
const bound = z.optional(z.number({ error: 'Invalid input: a finite number' }));
const fieldCondition = z
  .strictObject(
    {
      field: z
        .string({ error: 'Invalid input: a non-empty field name' })
        .check(z.minLength(1, { error: 'Invalid input: a non-empty field name' })),
      eq: z.optional(scalar),
      ne: z.optional(scalar),
      in: z.optional(z.array(scalar)),
      notIn: z.optional(z.array(scalar)),
      gt: bound,
      gte: bound,
      lt: bound,
      lte: bound,
      exists: z.optional(z.boolean({ error: 'Invalid input: true or false' })),
    },
    { error: `Invalid input: a field condition with field and operators among ${OPERATORS.join(', ')}` },
  )
  .check(
    z.refine((condition) => OPERATORS.some((operator) => condition[operator] !== undefined), {
      error: `Invalid input: at least one of ${OPERATORS.join(', ')}`,
    }),
  );

/**
 * Validates a condition, with errors under `path`: combinators are walked here so that an error names the exact
 * nested condition (`['condition', 'all', 1, 'gte']`); field conditions are checked by a zod/mini schema.
 *
 * @private
 */
export function parseCondition(condition: unknown, path: InputPath): Condition {
  assertObject(condition, path);
  for (const key of ['all', 'any', 'not'] as const) {
    if (!Object.hasOwn(condition, key)) continue;
    const extra = Object.keys(condition).find((name) => name !== key);
    if (extra !== undefined) {
      throw new MetricInputError({
        code: 'unknown_field',
        path: [...path, extra],
        expected: `nothing beside ${key}`,
        received: describeValue(condition[extra]),
      });
    }
    const inner = condition[key];
    if (key === 'not') return { not: parseCondition(inner, [...path, key]) };
    assertArray(inner, [...path, key]);
    const children = Array.from(inner, (child, index) => parseCondition(child, [...path, key, index]));
    return key === 'all' ? { all: children } : { any: children };
  }
  return parseWithSchema(fieldCondition, condition, path) as Condition;
}

/**
 * Evaluates a validated condition against an account.
 *
 * @private
 */
export function evaluateCondition(account: Readonly<Record<string, unknown>>, condition: Condition): boolean {
  if ('all' in condition) return condition.all.every((child) => evaluateCondition(account, child));
  if ('any' in condition) return condition.any.some((child) => evaluateCondition(account, child));
  if ('not' in condition) return !evaluateCondition(account, condition.not);
  const value = Object.hasOwn(account, condition.field) ? account[condition.field] : undefined;
  const missing = value === undefined || value === null;
  if (condition.exists !== undefined && condition.exists === missing) return false;
  if (condition.ne !== undefined && !missing && equals(value, condition.ne)) return false;
  if (condition.notIn?.some((candidate) => !missing && equals(value, candidate))) return false;
  if (condition.eq !== undefined && (missing || !equals(value, condition.eq))) return false;
  if (
    condition.in !== undefined &&
    (missing || !condition.in.some((candidate) => equals(value, candidate)))
  ) {
    return false;
  }
  const bounds = [condition.gt, condition.gte, condition.lt, condition.lte];
  if (bounds.every((bound) => bound === undefined)) return true;
  if (missing) return false;
  const number = toDecimal(value, ['account', condition.field]);
  return (
    (condition.gt === undefined || number.greaterThan(condition.gt)) &&
    (condition.gte === undefined || number.greaterThanOrEqualTo(condition.gte)) &&
    (condition.lt === undefined || number.lessThan(condition.lt)) &&
    (condition.lte === undefined || number.lessThanOrEqualTo(condition.lte))
  );
}

// A number in the condition equals any numeric account value of the same amount (1000, '1000', Decimal 1e3);
// strings and booleans must be identical.
function equals(value: unknown, expected: ConditionValue): boolean {
  if (typeof expected !== 'number') return value === expected;
  if (typeof value === 'number') return value === expected;
  if (typeof value !== 'string' && decimalText(value) === undefined) return false;
  try {
    return toDecimal(value).equals(expected);
  } catch {
    return false;
  }
}
