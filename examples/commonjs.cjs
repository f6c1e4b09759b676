// The CommonJS build: `require('customer-health')` works in plain Node scripts.
const assert = require('node:assert/strict');
const { normalizeToMrr, periodOf } = require('customer-health');

assert.equal(normalizeToMrr({ amount: 300, interval: 'quarter' }).toString(), '100');
assert.deepEqual(periodOf('2024-05-17', { granularity: 'quarter' }), {
  start: '2024-04-01',
  end: '2024-07-01',
});
console.log('CommonJS build ok');
