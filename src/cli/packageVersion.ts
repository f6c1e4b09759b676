import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of the installed customer-health package: read from the nearest package.json named
 * `customer-health` above this module (src/cli in the repository, dist once built and installed).
 *
 * @private
 */
export function packageVersion(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (manifest.name === 'customer-health' && typeof manifest.version === 'string')
        return manifest.version;
    } catch {
      // No package.json here (or not ours): look in the folder above.
    }
    const parent = dirname(folder);
    if (parent === folder) return 'unknown';
    folder = parent;
  }
}
