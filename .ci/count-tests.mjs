// Prints `tests: N passed, N failed` summed over vitest JSON reports; a missing report counts as a failure.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTests === 0 || report.success === false) failed += report.numFailedTests === 0 ? 1 : 0;
  } catch {
    failed += 1;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
