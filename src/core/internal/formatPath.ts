import type { InputPath } from '../types.js';

/**
 * Renders a path the way a JavaScript reader writes it: `periods[12].end`; the empty path is `input`.
 *
 * @category Core
 * @example
 * formatPath(['groups', 1, 'measures', 0, 'weight'])
 * //=> 'groups[1].measures[0].weight'
 */
export function formatPath(path: InputPath): string {
  const parts = path.map((part, index) =>
    typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
  );
  return parts.join('') || 'input';
}
