import { MetricInputError } from '../../core/errors.js';
import { assertArray } from '../../core/internal/options.js';
import { rejectInput } from '../../core/internal/rejectInput.js';
import type { InputPath } from '../../core/types.js';

/**
 * Checks the churn outcomes that go with a list of accounts: a non-empty list (`empty_input` at `accountsPath`),
 * then one boolean per account at `['churned', i]` (`length_mismatch`, `invalid_type`).
 *
 * @private
 */
export function assertChurnOutcomes(
  churned: unknown,
  accounts: readonly unknown[],
  accountsPath: InputPath,
  perWhat: string,
): asserts churned is readonly boolean[] {
  assertArray(churned, ['churned']);
  if (accounts.length === 0) {
    throw new MetricInputError({
      code: 'empty_input',
      path: accountsPath,
      expected: 'at least one account',
      received: 'an empty array',
    });
  }
  if (churned.length !== accounts.length) {
    throw new MetricInputError({
      code: 'length_mismatch',
      path: ['churned'],
      expected: `${accounts.length} outcomes, one per ${perWhat}`,
      received: `${churned.length}`,
    });
  }
  // An index loop, not forEach, so a hole in a sparse array is reported rather than skipped.
  for (let index = 0; index < churned.length; index += 1) {
    if (typeof churned[index] !== 'boolean') {
      rejectInput('invalid_type', ['churned', index], 'true or false', churned[index]);
    }
  }
}
