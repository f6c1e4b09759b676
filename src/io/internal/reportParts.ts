import { toCalendarDate } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { toCount } from '../../core/internal/numericInput.js';
import { assertArray, assertObject } from '../../core/internal/options.js';
import { rejectInput, relocateError } from '../../core/internal/rejectInput.js';
import { withIssues } from '../../core/internal/rowIssues.js';
import { toDecimal } from '../../core/numeric.js';
import type { InputPath } from '../../core/types.js';
import { customerChurnRate } from '../../revenue/customerChurnRate.js';
import { netRevenueRetention } from '../../revenue/netRevenueRetention.js';
import { quickRatio } from '../../revenue/quickRatio.js';
import { assertReportKeys } from './reportKeys.js';

/**
 * Validates every part of a report's input at `buildReport`'s boundary, so a part of the wrong shape (a JSON
 * object where a list belongs, a `null` row) is a MetricInputError naming its path, never a TypeError from
 * deep inside: each list is an array of objects, and the fields the report reads before handing a part to a
 * metric (dates, amounts, movement rows' money and counts, customer ids) are checked here. The metrics the parts
 * go to check the rest, and their errors are moved to the caller's path with {@link relocated}.
 *
 * @private
 */
export function assertReportParts(input: Record<string, unknown>): void {
  assertReportKeys(input);
  for (const part of ['movements', 'monthlyMovements'] as const) {
    const rows = input[part];
    if (rows === undefined) continue;
    assertRows(rows, [part]);
    rows.forEach((row, index) => {
      assertMovementRow(row, [part, index]);
    });
  }
  const trailing = input.trailingRevenueRetention;
  if (trailing !== undefined) {
    assertObject(trailing, ['trailingRevenueRetention']);
    for (const side of ['net', 'gross'] as const) {
      const result = trailing[side];
      const path = ['trailingRevenueRetention', side];
      assertObject(result, path);
      toCalendarDate(result.asOf, [...path, 'asOf']);
      if (result.value !== null) toDecimal(result.value, [...path, 'value']);
    }
  }
  if (input.cohorts !== undefined) {
    assertObject(input.cohorts, ['cohorts']);
    assertRows(input.cohorts.cohorts, ['cohorts', 'cohorts']);
  }
  if (input.npsResponses !== undefined) {
    assertRows(input.npsResponses, ['npsResponses']);
    input.npsResponses.forEach((row, index) => {
      toCalendarDate(row.at, ['npsResponses', index, 'at']);
    });
  }
  if (input.onboarding !== undefined) {
    assertRows(input.onboarding, ['onboarding']);
    input.onboarding.forEach((row, index) => {
      toCalendarDate(row.start, ['onboarding', index, 'start']);
    });
  }
  if (input.salesAndMarketingSpend !== undefined) {
    assertRows(input.salesAndMarketingSpend, ['salesAndMarketingSpend']);
    input.salesAndMarketingSpend.forEach((row, index) => {
      toCalendarDate(row.month, ['salesAndMarketingSpend', index, 'month']);
      toDecimal(row.amount, ['salesAndMarketingSpend', index, 'amount'], 'nonNegative');
    });
  }
  if (input.healthMeasures !== undefined) {
    assertRows(input.healthMeasures, ['healthMeasures']);
    input.healthMeasures.forEach((row, index) => {
      if (typeof row.customerId !== 'string' || row.customerId === '') {
        rejectInput(
          'invalid_value',
          ['healthMeasures', index, 'customerId'],
          'a non-empty string',
          row.customerId,
        );
      }
    });
  }
  if (input.scorecard !== undefined) assertObject(input.scorecard, ['scorecard']);
}

/**
 * The MetricInputError `error` with the path of every issue rewritten by `move` (a metric names its own
 * argument, `['scores', 3]`; the report's caller gave `['npsResponses', 7, 'score']`); anything else as it is.
 *
 * @private
 */
export function relocated(error: unknown, move: (path: InputPath) => InputPath): unknown {
  if (!(error instanceof MetricInputError)) return error;
  const moved = error.issues.map((issue) => {
    const one = new MetricInputError(issue);
    return relocateError(one, move(one.path));
  });
  return moved.length > 1
    ? withIssues(
        moved[0]!,
        moved.map((one) => one.issues[0]!),
      )
    : moved[0]!;
}

/** An array of objects at `path`. */
function assertRows(value: unknown, path: InputPath): asserts value is readonly Record<string, unknown>[] {
  assertArray(value, path);
  for (let index = 0; index < value.length; index += 1) assertObject(value[index], [...path, index]);
}

// A movements row: its dates, and (through the rate functions, which read every money and count field but the
// ending ones) its amounts and counts, at the caller's path.
function assertMovementRow(row: Record<string, unknown>, path: InputPath): void {
  toCalendarDate(row.start, [...path, 'start']);
  toCalendarDate(row.end, [...path, 'end']);
  toDecimal(row.endingMrr, [...path, 'endingMrr'], 'nonNegative');
  toCount(row.endingCustomers, [...path, 'endingCustomers']);
  toCount(row.newCustomers, [...path, 'newCustomers']);
  try {
    customerChurnRate(row as never);
    netRevenueRetention(row as never);
    quickRatio(row as never);
  } catch (error) {
    throw relocated(error, (inner) => [...path, ...inner]);
  }
}
