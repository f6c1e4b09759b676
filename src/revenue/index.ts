export * from './subscriptionPeriod.js';
