import { assertObject } from '../core/internal/options.js';

import { evaluateCondition, parseCondition } from './internal/parseCondition.js';
/**
 * A value a condition compares with: a string, a number or a boolean (JSON scalars).
 *
 * @category Health
 */
export type ConditionValue = string | number | boolean;

/**
 * A test on one field of an account; every operator given must hold. Numbers compare numerically (the account's
 * value may be a number, a decimal string or a Decimal); strings and booleans compare exactly. A missing field
 * (absent, undefined or null) satisfies only `ne`, `notIn` and `exists: false`.
 *
 * @category Health
 */
export interface FieldCondition {
  /** The account's own property to read, e.g. `'mrr'` or `'plan'`. */
  readonly field: string;
  readonly eq?: ConditionValue;
  readonly ne?: ConditionValue;
  readonly in?: readonly ConditionValue[];
  readonly notIn?: readonly ConditionValue[];
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  /** true: the field has a value; false: it is missing. */
  readonly exists?: boolean;
}

/**
 * A declarative, JSON-serialisable rule over an account's fields: a {@link FieldCondition}, or `all` (every
 * condition holds; true when empty), `any` (at least one holds; false when empty) or `not`.
 *
 * @category Health
 */
export type Condition =
  | FieldCondition
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

/**
 * Whether an account satisfies a condition: the building block of segment rules (which scorecard, which coverage
 * model).
 *
 * Formula: a field condition holds when every operator it lists holds; `all` / `any` / `not` combine as in logic.
 * Units: none; a predicate.
 * Source: our condition language, in the spirit of Gainsight's and ChurnZero's segment rules (docs/health.md).
 * Edge cases: a missing field fails every operator except `ne`, `notIn` and `exists: false`; a non-numeric value
 * under `gt`/`gte`/`lt`/`lte` and an invalid condition are MetricInputErrors (`['account', field]`,
 * `['condition', …]`).
 *
 * @category Health
 * @example
 * matchesCondition({ mrr: '1200', plan: 'pro' }, { all: [{ field: 'mrr', gte: 1000 }, { field: 'plan', in: ['pro', 'enterprise'] }] })
 * //=> true
 * matchesCondition({ plan: 'free' }, { not: { field: 'plan', eq: 'free' } })
 * //=> false
 */
export function matchesCondition(account: Readonly<Record<string, unknown>>, condition: Condition): boolean {
  assertObject(account, ['account']);
  return evaluateCondition(account, parseCondition(condition, ['condition']));
}
