import { toCalendarDate, toDayNumber } from '../../core/calendarDate.js';
import { MetricInputError } from '../../core/errors.js';
import { assertArray, assertObject } from '../../core/internal/options.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import type { IsoDate } from '../../core/types.js';
import type { TimeToValueDuration, TimeToValueRecord, TimeToValueUnit } from '../timeToValueDurations.js';

/**
 * Validates time-to-value records and turns each into a duration: days from start to the value milestone
 * (reached on or before asOf) or to asOf (censored), divided by 7 for weeks. Every error names the record
 * index and field.
 *
 * @private
 */
export function toTimeToValueDurations(
  records: readonly TimeToValueRecord[],
  asOf: IsoDate,
  unit: TimeToValueUnit,
  timeZone: string | undefined,
): TimeToValueDuration[] {
  assertArray(records, ['records']);
  const asOfDay = toDayNumber(asOf);
  const seen = new Map<string, number>();
  return Array.from(records, (record: unknown, index) => {
    const path = ['records', index];
    assertObject(record, path);
    const { customerId, start, reachedValueAt } = record;
    if (typeof customerId !== 'string' || customerId === '') {
      throw new MetricInputError({
        code: 'invalid_type',
        path: [...path, 'customerId'],
        expected: 'a non-empty string',
        received: describeValue(customerId),
      });
    }
    const earlier = seen.get(customerId);
    if (earlier !== undefined) {
      throw new MetricInputError({
        code: 'invalid_value',
        path: [...path, 'customerId'],
        expected: `a customerId not used before (records[${earlier}] has it)`,
        received: describeValue(customerId),
        message: `records[${index}].customerId ${JSON.stringify(customerId)} repeats records[${earlier}]: each customer appears once`,
      });
    }
    seen.set(customerId, index);
    const startIso = toCalendarDate(start, [...path, 'start'], timeZone);
    if (startIso > asOf) {
      throw new MetricInputError({
        code: 'out_of_range',
        path: [...path, 'start'],
        expected: `a date on or before asOf (${asOf})`,
        received: describeValue(startIso),
        message: `records[${index}].start (${startIso}) is after asOf (${asOf})`,
      });
    }
    let endDay = asOfDay;
    let reached = false;
    if (reachedValueAt !== undefined && reachedValueAt !== null) {
      const reachedIso = toCalendarDate(reachedValueAt, [...path, 'reachedValueAt'], timeZone);
      if (reachedIso < startIso) {
        throw new MetricInputError({
          code: 'end_before_start',
          path: [...path, 'reachedValueAt'],
          expected: `a date on or after start (${startIso})`,
          received: describeValue(reachedIso),
          message: `records[${index}].reachedValueAt (${reachedIso}) is before start (${startIso})`,
        });
      }
      // Value reached after asOf was not known on asOf: the customer is censored there, as it was then.
      if (reachedIso <= asOf) {
        endDay = toDayNumber(reachedIso);
        reached = true;
      }
    }
    const days = endDay - toDayNumber(startIso);
    return { customerId, start: startIso, duration: unit === 'week' ? days / 7 : days, reached };
  });
}
