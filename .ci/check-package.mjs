// Packs the package and checks what users would install: publint and @arethetypeswrong on the tarball,
// then the bundle-size and tree-shaking budgets on the built files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const directory = mkdtempSync(join(tmpdir(), 'customer-health-pack-'));
try {
  execFileSync('npm', ['pack', '--silent', '--pack-destination', directory], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = join(
    directory,
    readdirSync(directory).find((name) => name.endsWith('.tgz')),
  );
  console.log(`packed ${tarball}`);
  execFileSync('npx', ['publint', '--strict', tarball], { stdio: 'inherit' });
  // The strict profile checks every resolver: node10 (moduleResolution "node", served by typesVersions), node16
  // from CJS and from ESM, and bundler.
  execFileSync('npx', ['attw', tarball, '--profile', 'strict', '--exclude-entrypoints', './iife'], {
    stdio: 'inherit',
  });
} finally {
  rmSync(directory, { recursive: true, force: true });
}
execFileSync('node', ['.ci/check-bundle.mjs'], { stdio: 'inherit' });
