import { MetricInputError } from '../../core/errors.js';
import { editDistance } from '../../core/internal/editDistance.js';

/**
 * A header name as the readers compare it: lower case, without spaces, underscores and hyphens, so
 * `Customer ID`, `customer_id` and `customerId` are one name. @private
 */
export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The columns a header gives the fields of a reader, or the problems with it. @private */
export interface ColumnMatch<F extends string> {
  /** Field → the header's own spelling of its column. */
  readonly columns: Partial<Record<F, string>>;
  /** Field → the column's position in `names`. */
  readonly index: Partial<Record<F, number>>;
  /** Every problem found (duplicates, two aliases of one field, misspelt names, a named column missing). */
  readonly issues: MetricInputError[];
}

/**
 * Matches header `names` to fields: a name given in `chosen` (the caller's `columns` option) for its field,
 * else any of the field's `aliases`, compared by {@link normalizeColumnName}. Problems are collected, not thrown:
 * a name read for a field appearing twice (`mrr` and `MRR`), two aliases of one field (`start` and
 * `start_date`), a name in `chosen` that the header lacks, and an unknown name within a small edit distance of
 * an alias (`ned`, `end_dat`, `curency`: a misspelt column would silently be left out) unless `keep` names it
 * as data. `found` ends every message (`found: a, b, c`); `what` is `column` or `field`.
 *
 * @private
 */
export function matchColumns<F extends string>(
  names: readonly string[],
  aliases: Readonly<Record<F, readonly string[]>>,
  chosen: Readonly<Partial<Record<F, string>>>,
  keep: readonly string[],
  found: string,
  what: 'column' | 'field' = 'column',
): ColumnMatch<F> {
  const issues: MetricInputError[] = [];
  const columns: Partial<Record<F, string>> = {};
  const index: Partial<Record<F, number>> = {};
  const normalized = names.map(normalizeColumnName);
  const positions = new Map<string, number[]>();
  normalized.forEach((name, at) => {
    const list = positions.get(name);
    if (list === undefined) positions.set(name, [at]);
    else list.push(at);
  });
  const known = new Set<string>();
  const fields = Object.keys(aliases) as F[];
  for (const field of fields) {
    const wanted = chosen[field];
    const candidates = (wanted === undefined ? aliases[field] : [wanted]).map(normalizeColumnName);
    for (const alias of aliases[field]) known.add(normalizeColumnName(alias));
    if (wanted !== undefined) known.add(normalizeColumnName(wanted));
    const present = [...new Set(candidates)].filter((name) => positions.has(name));
    if (present.length === 0) {
      if (wanted !== undefined) {
        issues.push(
          new MetricInputError({
            code: 'missing_field',
            path: ['columns', field],
            expected: `a ${wanted} ${what} (the ${field} ${what} named)`,
            received: found,
            message: `the header has no ${wanted} ${what}, the ${field} ${what} named (${found})`,
          }),
        );
      }
      continue;
    }
    const spelled = present.flatMap((name) => positions.get(name)!.map((at) => names[at]!));
    if (spelled.length > 1) {
      const expected =
        present.length > 1
          ? `one ${aliases[field].join(' / ')} ${what}`
          : `each ${what} once (${what} names are compared ignoring case, spaces and underscores)`;
      const received = `both ${spelled.join(' and ')}`;
      issues.push(
        new MetricInputError({
          code: 'invalid_value',
          path: ['columns', field],
          expected,
          received,
          message: `the header must have ${expected}, received ${received} (${found})`,
        }),
      );
      continue;
    }
    const at = positions.get(present[0]!)![0]!;
    columns[field] = names[at]!;
    index[field] = at;
  }
  const kept = new Set(keep.map(normalizeColumnName));
  normalized.forEach((name, at) => {
    if (name === '' || known.has(name) || kept.has(name)) return;
    const near = [...known].find((alias) => resembles(name, alias));
    if (near === undefined) return;
    const field = fields.find((candidate) =>
      [...aliases[candidate], chosen[candidate] ?? ''].some((alias) => normalizeColumnName(alias) === near),
    )!;
    const nearName = [...aliases[field], chosen[field] ?? ''].find(
      (alias) => normalizeColumnName(alias) === near,
    )!;
    issues.push(
      new MetricInputError({
        code: 'unknown_field',
        path: ['columns', names[at]!],
        expected: `a ${what} name the reader knows, or the name in keepColumns if ${names[at]} is data`,
        received: names[at]!,
        message: `the header's ${names[at]} ${what} looks like a misspelt ${nearName} (the ${field} ${what}); rename it, or pass keepColumns: [${JSON.stringify(names[at])}] if it is other data (${found})`,
      }),
    );
  });
  return { columns, index, issues };
}

/**
 * Whether `name` is within a small edit distance of `alias` (optimal string alignment: insertions, deletions,
 * substitutions and swaps of neighbours): at most 2 edits, or 1 when either name has 4 characters or fewer
 * (`id` is 2 edits from `end`, and is a common data column).
 */
function resembles(name: string, alias: string): boolean {
  const limit = Math.min(name.length, alias.length) <= 4 ? 1 : 2;
  if (Math.abs(name.length - alias.length) > limit) return false;
  return editDistance(name, alias) <= limit;
}
