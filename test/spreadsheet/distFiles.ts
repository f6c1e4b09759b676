import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** Reads a built file, or fails with the command that builds it (CI builds before it tests). */
export function readDist(path: string): string {
  const file = join(ROOT, 'dist', path);
  if (!existsSync(file)) {
    throw new Error(
      `dist/${path} is missing: run \`npm run build\` (tsup, then build:sheets) before these tests`,
    );
  }
  return readFileSync(file, 'utf8');
}
