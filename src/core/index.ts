export * from './calendarDate.js';
export * from './decimal.js';
export * from './errors.js';
export * from './normalizeToMrr.js';
export * from './numeric.js';
export * from './options.js';
export * from './periods.js';
export * from './ratio.js';
