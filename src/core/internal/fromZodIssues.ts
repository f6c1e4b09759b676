import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import { MAX_INPUT_ISSUES, MetricInputError } from '../errors.js';
import type { InputPath, MetricInputErrorCode } from '../types.js';
import { formatPath } from './formatPath.js';
import { describeValue } from './rejectInput.js';
import { withIssues } from './rowIssues.js';

const CODES: Readonly<Record<$ZodIssue['code'], MetricInputErrorCode>> = {
  invalid_type: 'invalid_type',
  too_big: 'out_of_range',
  too_small: 'out_of_range',
  invalid_format: 'invalid_value',
  not_multiple_of: 'invalid_value',
  unrecognized_keys: 'unknown_field',
  invalid_union: 'invalid_value',
  invalid_key: 'invalid_value',
  invalid_element: 'invalid_value',
  invalid_value: 'invalid_option',
  custom: 'invalid_config',
};

/**
 * Turns the issues zod reports into the library's {@link MetricInputError} (the first as its fields, all of them up
 * to MAX_INPUT_ISSUES in `issues`), with each issue's path appended to `rootPath`, so zod never leaks its own
 * error type to callers.
 *
 * @private
 */
export function fromZodIssues(issues: readonly $ZodIssue[], rootPath: InputPath = []): MetricInputError {
  if (issues.length <= 1) return fromZodIssue(issues[0], rootPath);
  const all = issues.slice(0, MAX_INPUT_ISSUES).map((issue) => fromZodIssue(issue, rootPath));
  return withIssues(
    all[0]!,
    all.map((error) => error.issues[0]!),
  );
}

function fromZodIssue(issue: $ZodIssue | undefined, rootPath: InputPath): MetricInputError {
  if (issue === undefined) {
    return new MetricInputError({
      code: 'invalid_value',
      path: rootPath,
      expected: 'a valid value',
      received: 'an invalid value',
    });
  }
  const path = [...rootPath, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
  const expected = issue.message.replace(/^Invalid input: /, '');
  return new MetricInputError({
    code: CODES[issue.code],
    path,
    expected,
    received: 'input' in issue ? describeValue(issue.input) : 'an invalid value',
    message: `${formatPath(path)}: ${issue.message}`,
  });
}

/**
 * Parses `value` with a zod (or zod/mini) schema, throwing a {@link MetricInputError} on the first problem.
 *
 * @private
 */
export function parseWithSchema<T>(schema: $ZodType<T>, value: unknown, rootPath: InputPath = []): T {
  const result = safeParse(schema, value, { reportInput: true });
  if (result.success) return result.data;
  throw fromZodIssues(result.error.issues, rootPath);
}
