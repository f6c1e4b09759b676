import { MetricInputError } from '../../core/errors.js';
import { editDistance } from '../../core/internal/editDistance.js';
import { formatPath } from '../../core/internal/formatPath.js';
import { withIssues } from '../../core/internal/rowIssues.js';

/**
 * The parts of a report's input (`ReportInput`), and the two keys of the sample data (`generateSampleData`) that
 * are not parts: `asOf` and `currency` are carried so the sample (or a JSON file written from it) can be handed
 * over as it is, and are not read (the report's `options.asOf` and `options.currency` decide).
 */
const REPORT_KEYS = [
  'subscriptions',
  'movements',
  'monthlyMovements',
  'trailingRevenueRetention',
  'cohorts',
  'npsResponses',
  'onboarding',
  'salesAndMarketingSpend',
  'healthMeasures',
  'scorecard',
  'asOf',
  'currency',
] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set(REPORT_KEYS);
/** The parts a report reads only without subscriptions: tables computed elsewhere (e.g. by DuckDB). */
const COMPUTED_PARTS = ['movements', 'monthlyMovements', 'trailingRevenueRetention', 'cohorts'] as const;

/**
 * Throws `unknown_field` for every key of a report's input that is not one of its parts (nor the sample data's
 * `asOf` or `currency`): a misspelt part (`npsResponse`, `subscripions`) would otherwise be left out, and with it a
 * whole part of the report, without a word. The error names the part the key resembles (case-insensitive, at
 * most 2 edits, 1 when either name has 4 characters or fewer, the rule of misspelt columns), else lists the parts;
 * every unknown key is an issue of the one error. A part computed elsewhere (`movements`, `monthlyMovements`,
 * `trailingRevenueRetention`, `cohorts`) beside `subscriptions` is an `invalid_value` issue: the report computes
 * those from the subscriptions and would ignore it.
 *
 * @private
 */
export function assertReportKeys(input: object): void {
  const issues: MetricInputError[] = [];
  for (const key of Object.keys(input)) {
    if (KNOWN_KEYS.has(key)) continue;
    const near = REPORT_KEYS.find((known) => resembles(key.toLowerCase(), known.toLowerCase()));
    const list = REPORT_KEYS.map((known) => JSON.stringify(known)).join(', ');
    issues.push(
      new MetricInputError({
        code: 'unknown_field',
        path: [key],
        expected:
          near === undefined
            ? `one of ${list}`
            : `"${near}" (a part of the report's input; "${key}" is not one)`,
        received: JSON.stringify(key),
        message:
          near === undefined
            ? `${formatPath([key])} is not a part of the report's input (one of ${list}); read as it is, it would be ignored`
            : `${formatPath([key])} is not a part of the report's input: did you mean "${near}"? (read as it is, the report would leave that part out)`,
      }),
    );
  }
  // The parts computed elsewhere stand in for subscriptions; beside them they would be ignored.
  if ((input as { subscriptions?: unknown }).subscriptions !== undefined) {
    for (const part of COMPUTED_PARTS) {
      if ((input as Record<string, unknown>)[part] === undefined) continue;
      issues.push(
        new MetricInputError({
          code: 'invalid_value',
          path: [part],
          expected: `no ${part} beside subscriptions (the report computes it from the subscriptions)`,
          received: `${part} and subscriptions`,
          message: `${part} is given beside subscriptions, which the report computes it from, so it would be ignored: pass either subscriptions or the parts computed elsewhere (movements, monthlyMovements, trailingRevenueRetention, cohorts)`,
        }),
      );
    }
  }
  if (issues.length > 0) {
    throw withIssues(
      issues[0]!,
      issues.map((issue) => issue.issues[0]!),
    );
  }
}

// Whether `name` is within a small edit distance of `known` (both lower case): the rule of misspelt columns.
function resembles(name: string, known: string): boolean {
  const limit = Math.min(name.length, known.length) <= 4 ? 1 : 2;
  if (Math.abs(name.length - known.length) > limit) return false;
  return editDistance(name, known) <= limit;
}
