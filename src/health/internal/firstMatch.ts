import { assertObject } from '../../core/internal/options.js';
import type { InputPath } from '../../core/types.js';
import type { Condition } from '../types.js';
import { evaluateCondition, parseCondition } from './parseCondition.js';

/**
 * The one first-match rule of segment lists (`chooseScorecard`, `assignCoverageTier`): every rule is validated
 * (an object, `checkRule`, then its `when` condition, at `[listName, index, …]`) before any is evaluated, and the
 * index of the first rule whose condition the account meets is returned, or -1 when none does. The caller has
 * checked that the account is an object and the list an array.
 *
 * @private
 */
export function firstMatch<R extends { readonly when: Condition }>(
  account: Readonly<Record<string, unknown>>,
  rules: readonly R[],
  listName: string,
  checkRule: (rule: R, path: InputPath) => void = () => {},
): number {
  const conditions = Array.from(rules, (rule, index) => {
    assertObject(rule, [listName, index]);
    checkRule(rule, [listName, index]);
    return parseCondition(rule.when, [listName, index, 'when']);
  });
  return conditions.findIndex((condition) => evaluateCondition(account, condition));
}
