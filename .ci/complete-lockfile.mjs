// The registry this project is built against serves only the packages of this platform (linux-x64), so
// `npm install` leaves the optional platform packages of other platforms (e.g. @rollup/rollup-darwin-arm64)
// out of package-lock.json, and `npm ci` then refuses the lock as out of sync with package.json (the same
// symptom as npm/cli#8805). This adds an entry for each missing optional package (name, version, optional);
// `npm ci` skips an optional package it cannot install. Run it after every `npm install`:
// `node .ci/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));

function resolves(fromPath, name) {
  let base = fromPath;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

const missing = new Map();
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (!resolves(path, name)) {
      const previous = missing.get(name);
      // A package needed by any non-dev parent is not dev-only.
      missing.set(name, { version, dev: (previous?.dev ?? true) && entry.dev === true });
    }
  }
}

for (const [name, { version, dev }] of missing) {
  lock.packages[`node_modules/${name}`] = { version, ...(dev ? { dev: true } : {}), optional: true };
  console.log(`added ${name}@${version}`);
}

const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${missing.size} missing optional entries added`);
