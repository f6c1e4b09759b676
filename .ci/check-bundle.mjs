// Tree-shaking and size budgets, measured the way a user's bundler sees the package: esbuild bundles a
// one-line import from the built ESM entry, minified, and we gzip the result.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const budgets = [
  // [what is imported, from, bundle decimal.js too?, budget in bytes min+gzip, strings that must NOT be in it]
  ['normalizeToMrr', './dist/index.js', true, 15_000, ['zod', 'startOfQuarter', 'listPeriods']],
  ['normalizeToMrr', './dist/index.js', false, 2_000, ['zod', 'startOfQuarter', 'listPeriods']],
  ['normalizeToMrr', './dist/core/index.js', true, 15_000, ['zod', 'startOfQuarter', 'listPeriods']],
  ['ratioOrNull', './dist/index.js', true, 1_000, ['zod', 'DecimalError']],
];

let failed = false;
for (const [name, from, withDecimal, budget, forbidden] of budgets) {
  const result = await build({
    stdin: { contents: `export { ${name} } from '${from}';`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    treeShaking: true,
    external: withDecimal ? [] : ['decimal.js'],
  });
  const code = result.outputFiles[0].text;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const leaked = forbidden.filter((text) => code.includes(text));
  const ok = gzipped <= budget && leaked.length === 0;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} import { ${name} } from '${from}'${withDecimal ? '' : ' (decimal.js external)'}: ${code.length} B min, ${gzipped} B min+gzip (budget ${budget})` +
      (leaked.length > 0 ? `; pulls in ${leaked.join(', ')}` : ''),
  );
}

const iife = readFileSync('dist/customer-health.global.js');
const iifeGzip = gzipSync(iife, { level: 9 }).length;
const IIFE_BUDGET = 120_000;
console.log(
  `${iifeGzip <= IIFE_BUDGET ? 'ok  ' : 'FAIL'} IIFE bundle: ${iife.length} B min, ${iifeGzip} B min+gzip (budget ${IIFE_BUDGET})`,
);
failed ||= iifeGzip > IIFE_BUDGET;
if (failed) process.exit(1);
