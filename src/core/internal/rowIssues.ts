import { MAX_INPUT_ISSUES, MetricInputError } from '../errors.js';
import type { MetricInputIssue } from '../types.js';

/**
 * The error `first`, thrown while reading row `failedAt`, extended with the first problem of every later bad row
 * found by `checkRow`: the loop keeps its fast path, and only a failing input pays for the second pass. Anything that is not a
 * {@link MetricInputError} is returned as it is.
 *
 * @private
 */
export function withLaterRowIssues(
  first: unknown,
  failedAt: number,
  rowCount: number,
  checkRow: (index: number) => unknown,
): unknown {
  if (!(first instanceof MetricInputError)) return first;
  const issues = [first.issues[0]!];
  for (let index = failedAt + 1; index < rowCount && issues.length < MAX_INPUT_ISSUES; index += 1) {
    try {
      checkRow(index);
    } catch (error) {
      if (!(error instanceof MetricInputError)) return error;
      issues.push(error.issues[0]!);
    }
  }
  return issues.length > 1 ? withIssues(first, issues) : first;
}

/**
 * A copy of `first` (same code, path, expected, received and message) whose `issues` are `issues`, the first
 * of which must be `first`'s own.
 *
 * @private
 */
export function withIssues(first: MetricInputError, issues: readonly MetricInputIssue[]): MetricInputError {
  const { code, path, expected, received, message } = first;
  const error = new MetricInputError({ code, path, expected, received, message });
  return Object.defineProperty(error, 'issues', { value: issues.slice(0, MAX_INPUT_ISSUES) });
}
