import { expect } from 'vitest';
import { MetricInputError } from '../../src/index.js';

/** Asserts that `run` throws a MetricInputError with this code and path. */
export function expectInputError(run: () => unknown, code: string, path: readonly (string | number)[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(MetricInputError);
  expect(caught).toMatchObject({ code, path });
}
