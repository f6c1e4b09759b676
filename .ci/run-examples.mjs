// Runs every examples/*.ts against the BUILT package (they import 'customer-health', resolved through the
// package's own exports map), so the examples prove what a user installing the tarball gets. Each example
// asserts what it prints; any non-zero exit fails the run. tsx would otherwise apply tsconfig.json's `paths`
// (which point 'customer-health' at src/ for the type checker): .ci/examples.tsconfig.json clears them.
// examples/data/generate-data.ts is not an example: it wrote the committed data files, so it is run into a
// temporary directory instead and every file it writes must equal the committed one (the data stay reproducible).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GENERATOR = 'data/generate-data.ts';
const files = readdirSync('examples', { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.ts') || name.endsWith('.mjs') || name.endsWith('.cjs'))
  .filter((name) => !name.startsWith('data/'))
  .sort();
let failed = 0;
const run = (label, args, check = () => {}) => {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TSX_TSCONFIG_PATH: '.ci/examples.tsconfig.json' },
    });
    check();
    console.log(`ok   ${label}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${label}`);
    console.log(String(error.stdout ?? error.message ?? ''));
  }
};
for (const file of files) run(`examples/${file}`, [`examples/${file}`]);

const directory = mkdtempSync(join(tmpdir(), 'customer-health-examples-data-'));
run(
  `examples/${GENERATOR} (regenerated data equal the committed files)`,
  [`examples/${GENERATOR}`, directory],
  () => {
    const written = readdirSync(directory);
    if (written.length === 0) throw new Error('the generator wrote no file');
    for (const name of written) {
      if (!readFileSync(join(directory, name)).equals(readFileSync(join('examples/data', name)))) {
        throw new Error(
          `examples/data/${name} differs from what ${GENERATOR} writes: regenerate and commit it`,
        );
      }
    }
  },
);
rmSync(directory, { recursive: true, force: true });

const total = files.length + 1;
console.log(`examples: ${total - failed} passed, ${failed} failed`);
if (failed > 0 || files.length === 0) process.exit(1);
