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

/**
 * The signed money field of a `PeriodMovements` row: the revaluation of the previous position at new exchange
 * rates (zero without currencies or under `rateDate: 'periodStart'`). Kept apart from
 * {@link PERIOD_MONEY_FIELDS} because it may be negative.
 *
 * @private
 */
export const PERIOD_FX_FIELD = 'fxImpactMrr';
