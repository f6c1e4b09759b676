import * as z from 'zod/mini';
import { MetricInputError } from '../../core/errors.js';
import { parseWithSchema } from '../../core/internal/fromZodIssues.js';
import type { InputPath } from '../../core/types.js';
import { DEFAULT_HEALTH_BANDS } from '../scorecard.js';
import type { HealthBand } from '../types.js';
import { assertContiguous } from './bandIndexOf.js';

const finite = z.number({ error: 'Invalid input: a finite number' });
const bandsSchema = z.array(
  z.strictObject({
    label: z
      .string({ error: 'Invalid input: a non-empty string' })
      .check(z.minLength(1, { error: 'Invalid input: a non-empty string' })),
    min: z.optional(finite),
    max: z.optional(finite),
    bounds: z.optional(
      z.enum(['[)', '(]', '[]', '()'], { error: "Invalid input: one of '[)', '(]', '[]', '()'" }),
    ),
  }),
  { error: 'Invalid input: an array of bands' },
) as unknown as z.ZodMiniType<HealthBand[]>;

/**
 * Validates optional overall bands the way `defineScorecard` does (shape, contiguous over exactly [0, 100],
 * unique labels) and returns them, or {@link DEFAULT_HEALTH_BANDS} when omitted.
 *
 * @private
 */
export function resolveHealthBands(bands: unknown, path: InputPath): readonly HealthBand[] {
  if (bands === undefined) return DEFAULT_HEALTH_BANDS;
  const parsed = parseWithSchema(bandsSchema, bands, path);
  assertContiguous(parsed, path, [0, 100]);
  const labels = new Set<string>();
  parsed.forEach((band, index) => {
    if (labels.has(band.label)) {
      throw new MetricInputError({
        code: 'invalid_config',
        path: [...path, index, 'label'],
        expected: 'a label used only once',
        received: JSON.stringify(band.label),
      });
    }
    labels.add(band.label);
  });
  return parsed;
}
