import { expect } from 'vitest';
import { errorOf } from '../support/errorOf.js';

/** Asserts that `run` throws a MetricInputError with this code and path. */
export function expectInputError(run: () => unknown, code: string, path: readonly (string | number)[]): void {
  expect(errorOf(run)).toMatchObject({ code, path });
}
