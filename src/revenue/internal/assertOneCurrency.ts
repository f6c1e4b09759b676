import { MetricInputError } from '../../core/errors.js';
import { describeValue } from '../../core/internal/rejectInput.js';
import type { SubscriptionColumns } from './subscriptionColumns.js';

/**
 * Rejects rows in more than one currency (a row without `currency` counts as one more: the unnamed reporting
 * currency) where no `currency` option says how to convert them: summing euros and dollars would be a silently
 * wrong number. The error names the first row whose currency differs from the first row's.
 *
 * @private
 */
export function assertOneCurrency(
  columns: SubscriptionColumns,
  rootPath: readonly (string | number)[] = ['subscriptions'],
): void {
  const { currencies } = columns;
  // Without currencies the column is never read (the validator allocates it on first read).
  if (currencies.length === 0 || columns.length === 0) return;
  const currency = columns.currency;
  const first = currency[0]!;
  for (let row = 1; row < columns.length; row += 1) {
    if (currency[row] === first) continue;
    const name = (code: number) => (code < 0 ? 'no currency' : currencies[code]!);
    throw new MetricInputError({
      code: 'mixed_currencies',
      path: [...rootPath, row, 'currency'],
      expected: `${name(first)}, like ${rootPath.join('.')}[0], or the option currency: { reporting, rates } to convert`,
      received: currency[row]! < 0 ? 'undefined' : describeValue(currencies[currency[row]!]),
      message: `${rootPath.join('.')}[${row}] is in ${name(currency[row]!)} but ${rootPath.join('.')}[0] is in ${name(first)}: pass options.currency ({ reporting, rates }) to convert them into one currency`,
    });
  }
}
