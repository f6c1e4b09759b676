import { MetricInputError } from '../../core/errors.js';
import type { InputPath } from '../../core/types.js';
import type { Interval, Scorecard } from '../types.js';

/**
 * Checks that ordered intervals tile the line without a gap or an overlap: each band's `max` equals the next
 * band's `min`, and exactly one of the two includes that shared point. Optionally the union must be exactly
 * `[domain[0], domain[1]]`. Errors name the offending band.
 *
 * @private
 */
export function assertContiguous(
  bands: readonly Interval[],
  path: InputPath,
  domain?: readonly [number, number],
): void {
  if (bands.length === 0) {
    throw new MetricInputError({
      code: 'empty_input',
      path,
      expected: 'at least one band',
      received: 'none',
    });
  }
  bands.forEach((band, index) => {
    const bandPath = [...path, index];
    const bounds = band.bounds ?? '[)';
    if (band.min === undefined && index > 0) {
      throw bandError(bandPath, 'min', 'a number (only the first band may be unbounded below)', 'undefined');
    }
    if (band.max === undefined && index < bands.length - 1) {
      throw bandError(bandPath, 'max', 'a number (only the last band may be unbounded above)', 'undefined');
    }
    if (band.min !== undefined && band.max !== undefined) {
      const point = band.min === band.max && bounds === '[]';
      if (band.max < band.min || (band.max === band.min && !point)) {
        throw bandError(bandPath, 'max', `greater than min (${band.min})`, String(band.max));
      }
    }
    const next = bands[index + 1];
    if (next === undefined || band.max === undefined || next.min === undefined) return;
    const closesHere = bounds.endsWith(']');
    const opensThere = (next.bounds ?? '[)').startsWith('[');
    const nextPath = [...path, index + 1];
    if (next.min > band.max || (next.min === band.max && !closesHere && !opensThere)) {
      throw new MetricInputError({
        code: 'invalid_config',
        path: [...nextPath, 'min'],
        expected: `to start where band ${index} ends (${band.max}) and include that point`,
        received: `${next.min}, leaving a gap`,
      });
    }
    if (next.min < band.max || (closesHere && opensThere)) {
      throw new MetricInputError({
        code: 'invalid_config',
        path: [...nextPath, 'min'],
        expected: `to start where band ${index} ends (${band.max}) without including a point it includes`,
        received: `${next.min}, overlapping band ${index}`,
      });
    }
  });
  if (domain === undefined) return;
  const first = bands[0]!;
  const last = bands[bands.length - 1]!;
  if (first.min !== domain[0] || !(first.bounds ?? '[)').startsWith('[')) {
    throw bandError([...path, 0], 'min', `${domain[0]}, included`, String(first.min));
  }
  if (last.max !== domain[1] || !(last.bounds ?? '[)').endsWith(']')) {
    throw bandError(
      [...path, bands.length - 1],
      'max',
      `${domain[1]}, included ('[]' or '(]')`,
      String(last.max),
    );
  }
}

/**
 * The index of the band containing `value`, or -1 when none does.
 *
 * @private
 */
export function bandIndexOf(bands: readonly Interval[], value: number): number {
  for (let index = 0; index < bands.length; index += 1) {
    const band = bands[index]!;
    const bounds = band.bounds ?? '[)';
    const aboveMin =
      band.min === undefined || (bounds.startsWith('[') ? value >= band.min : value > band.min);
    const belowMax = band.max === undefined || (bounds.endsWith(']') ? value <= band.max : value < band.max);
    if (aboveMin && belowMax) return index;
  }
  return -1;
}

/**
 * The label of the overall band holding a score.
 *
 * @private
 */
export function bandLabelOf(scorecard: Scorecard, score: number | null): string | null {
  if (score === null) return null;
  // defineScorecard made the bands cover [0, 100] and every score lies there.
  return scorecard.bands[bandIndexOf(scorecard.bands, score)]!.label;
}

function bandError(path: InputPath, field: string, expected: string, received: string): MetricInputError {
  return new MetricInputError({ code: 'invalid_config', path: [...path, field], expected, received });
}
