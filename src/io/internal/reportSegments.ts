import type { SubscriptionPeriod } from '../../revenue/subscriptionPeriod.js';
import type { SegmentMrrMovementsOptions } from '../../revenue/types.js';
import type { ReportSegment } from '../types.js';

/**
 * The report's per-segment tables: `segmentMrrMovements` over the rows known on the as-of day. @private
 */
export function reportSegments(
  rows: readonly SubscriptionPeriod[],
  options: SegmentMrrMovementsOptions,
): ReportSegment[] {
  void rows;
  void options;
  throw new Error('segmentMrrMovements lands with the engine');
}
