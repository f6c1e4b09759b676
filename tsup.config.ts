import { defineConfig } from 'tsup';

// One entry per area so `customer-health/<area>` imports only that area; `splitting` shares code between them.
const areas = [
  'core',
  'revenue',
  'unit-economics',
  'nps',
  'time-to-value',
  'adoption',
  'health',
  'sample',
  'sql',
  // From rows as exported (CSV/JSON text) to the report as data; Node-free.
  'io',
];
const entries: Record<string, string> = { index: 'src/index.ts' };
for (const area of areas) entries[`${area}/index`] = `src/${area}/index.ts`;
// `customer-health/duckdb` only: the optional peer @duckdb/node-api stays external and is loaded by nothing else.
entries['duckdb/index'] = 'src/duckdb/index.ts';
// `customer-health/arrow`: reads Apache Arrow tables structurally; the optional peer apache-arrow is never loaded.
entries['arrow/index'] = 'src/arrow/index.ts';

export default defineConfig([
  {
    entry: entries,
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    treeshake: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    outDir: 'dist',
    external: ['@duckdb/node-api', 'apache-arrow'],
  },
  {
    // The `customer-health` command (bin): Node only, ESM, with its shebang.
    entry: { cli: 'src/cli/customerHealth.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // DuckDB (an optional peer) is imported dynamically by --engine duckdb: splitting keeps it in a chunk
    // that is loaded only then, so the command runs without it installed.
    splitting: true,
    external: ['@duckdb/node-api'],
    outDir: 'dist',
    dts: false,
    clean: false,
  },
  {
    // The self-contained bundle for spreadsheets and notebooks: dependencies inlined, one global.
    entry: { 'customer-health': 'src/index.ts' },
    format: ['iife'],
    globalName: 'CustomerHealth',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    noExternal: [/.*/],
    outDir: 'dist',
    dts: false,
    clean: false,
  },
]);
