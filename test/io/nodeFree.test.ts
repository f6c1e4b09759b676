import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// customer-health/io takes text so it runs where there is no Node: bundled for the browser with nothing marked
// external, it must resolve (no `node:` module, no Node-only package) and use no Node global.
describe('customer-health/io is Node-free', () => {
  it('bundles for the browser without Node modules, Buffer or process', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../src/io/index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('function parseReportInput');
    expect(code).not.toMatch(/\bBuffer\b|\bprocess\.|require\(|from "node:/);
  });
});
