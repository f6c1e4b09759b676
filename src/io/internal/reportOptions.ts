import { MetricInputError } from '../../core/errors.js';
import { describeValue } from '../../core/internal/rejectInput.js';

/** A finite number > 0 at `['options', name]`. @private */
export function positiveNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', name],
      expected: 'a finite number > 0',
      received: describeValue(value),
    });
  }
  return value;
}

/** A whole number >= minimum at `['options', name]`. @private */
export function wholeNumber(value: unknown, name: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    throw new MetricInputError({
      code: 'out_of_range',
      path: ['options', name],
      expected: `a whole number >= ${minimum}`,
      received: describeValue(value),
    });
  }
  return value;
}
