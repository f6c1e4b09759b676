/**
 * Whether the tests that need a system program (Debian's chromium, PostgreSQL) are skipped: only outside CI and
 * only when the program is missing, with a warning that says how to install it. In CI (`CI=true`, which .ci/run
 * sets) a missing program is not skipped, so those tests fail loudly instead.
 */
export function skipWithout(program: string, present: boolean, install: string): boolean {
  if (present || process.env.CI === 'true') return false;
  console.warn(
    `customer-health: ${program} is not installed, so its tests are skipped (${install}); CI runs them.`,
  );
  return true;
}
