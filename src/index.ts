/**
 * customer-health: the exact, proven definitions of customer-success and subscription metrics.
 *
 * Every export is a free function or a type; nothing runs at import, so bundlers keep only what you use.
 *
 * @packageDocumentation
 * @document ../docs/core.md
 * @document ../docs/revenue-movements.md
 * @document ../docs/revenue-rates.md
 * @document ../docs/revenue-cohorts.md
 * @document ../docs/unit-economics.md
 * @document ../docs/nps.md
 * @document ../docs/time-to-value.md
 * @document ../docs/adoption.md
 * @document ../docs/health.md
 * @document ../docs/sql.md
 * @document ../docs/spreadsheets.md
 * @document ../docs/notebooks.md
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
