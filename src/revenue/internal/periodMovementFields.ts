/**
 * The money fields of a `PeriodMovements` row, in table order: starting, the five movements, ending.
 *
 * @private
 */
export const PERIOD_MONEY_FIELDS = [
  'startingMrr',
  'newMrr',
  'expansionMrr',
  'contractionMrr',
  'churnedMrr',
  'reactivationMrr',
  'endingMrr',
] as const;

/**
 * The customer-count fields of a `PeriodMovements` row, in the same order as {@link PERIOD_MONEY_FIELDS}.
 *
 * @private
 */
export const PERIOD_COUNT_FIELDS = [
  'startingCustomers',
  'newCustomers',
  'expandedCustomers',
  'contractedCustomers',
  'churnedCustomers',
  'reactivatedCustomers',
  'endingCustomers',
] as const;
