/**
 * `customer-health/io`: from rows as people export them to the report as data. Node-free (no `fs`, no
 * `Buffer`): it takes text, so it runs in browsers, workers and edge functions as in Node.
 *
 * @packageDocumentation
 */
export { buildReport } from './buildReport.js';
export { type DecodeTextOptions, decodeText, type TextEncoding } from './decodeText.js';
export {
  EXCHANGE_RATE_COLUMN_ALIASES,
  type ParseExchangeRatesOptions,
  parseExchangeRates,
} from './parseExchangeRates.js';
export {
  type ParsedReportInput,
  type ParseReportInputOptions,
  parseReportInput,
  type ReportInputFormat,
} from './parseReportInput.js';
export { SUBSCRIPTION_COLUMN_ALIASES } from './subscriptionColumnAliases.js';
export type {
  Report,
  ReportChurnWindow,
  ReportHealth,
  ReportInput,
  ReportOptions,
  ReportPeriodRow,
  ReportSegment,
} from './types.js';
