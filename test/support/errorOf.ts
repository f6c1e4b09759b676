import { MetricInputError } from '../../src/core/errors.js';

/** Runs `run` and returns the MetricInputError it throws; fails the test if it throws nothing or something else. */
export function errorOf(run: () => unknown): MetricInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricInputError) return error;
    throw error;
  }
  throw new Error('expected a MetricInputError');
}
