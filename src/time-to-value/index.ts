export * from './kaplanMeier.js';
export * from './survivalAt.js';
export * from './survivalQuantile.js';
export * from './timeToValue.js';
export * from './timeToValueDurations.js';
