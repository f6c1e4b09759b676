export * from './mrrMovementsDuckDb.js';
