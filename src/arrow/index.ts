// customer-health/arrow: Apache Arrow tables in, through the columnar form of mrrMovements. apache-arrow is an
// optional peer dependency, typed structurally here and never imported at run time.
export { arrowSubscriptionColumns } from './arrowSubscriptionColumns.js';
export type { MrrMovementsArrowOptions } from './mrrMovementsArrow.js';
export { mrrMovementsArrow } from './mrrMovementsArrow.js';
export type {
  ArrowColumnNames,
  ArrowData,
  ArrowTable,
  ArrowType,
  ArrowVector,
} from './types.js';
