// Runs every examples/*.ts against the BUILT package (they import 'customer-health', resolved through the
// package's own exports map), so the examples prove what a user installing the tarball gets. Each example
// asserts what it prints; any non-zero exit fails the run.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const files = readdirSync('examples', { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.ts') || name.endsWith('.mjs') || name.endsWith('.cjs'))
  .sort();
let failed = 0;
for (const file of files) {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', `examples/${file}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    console.log(`ok   examples/${file}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL examples/${file}`);
    console.log(String(error.stdout ?? ''));
  }
}
console.log(`examples: ${files.length - failed} passed, ${failed} failed`);
if (failed > 0 || files.length === 0) process.exit(1);
