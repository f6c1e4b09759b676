/**
 * customer-health: the exact, proven definitions of customer-success and subscription metrics.
 *
 * Every export is a free function or a type; nothing runs at import, so bundlers keep only what you use.
 *
 * @packageDocumentation
 */
export * from './adoption/index.js';
export * from './core/index.js';
export * from './health/index.js';
export * from './nps/index.js';
export * from './revenue/index.js';
export * from './sample/index.js';
export * from './sql/index.js';
export * from './time-to-value/index.js';
export * from './unit-economics/index.js';
