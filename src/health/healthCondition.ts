import { assertObject } from '../core/internal/options.js';

import { evaluateCondition, parseCondition } from './internal/parseCondition.js';

import type { Condition } from './types.js';
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
