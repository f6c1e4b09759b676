// Bundle budgets of issue 7, measured as a user's bundler and a spreadsheet see the built package (run after
// `npm run build`): esbuild bundles a one-function import from dist/index.js, minified, then gzip -9.
//   1. import { netPromoterScore }, decimal.js external (our code only)        budget   1,000 B min+gzip
//   2. import { netPromoterScore }, everything bundled (decimal.js included)    budget  15,000 B min+gzip
//      decimal.js alone is ~12 kB gzip, so no one-function import that returns a Decimal fits 1 KB with it.
//   3. dist/customer-health.global.js, the full IIFE bundle                    budget 125,000 B min+gzip
//   4. dist/sheets/customer-health.gs and dist/excel/functions.js              reported (IIFE + ~13 kB wrappers)
// Prints one line per figure and exits 1 when a budget is exceeded.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const KB = 1000;
const gzip = (text) => gzipSync(text, { level: 9 }).length;
let failed = false;

function report(what, bytes, gzipped, budget) {
  const ok = budget === undefined || gzipped <= budget;
  failed ||= !ok;
  const limit = budget === undefined ? 'reported' : `budget ${budget} B`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${bytes} B min, ${gzipped} B min+gzip (${limit})`);
}

for (const path of ['dist/index.js', 'dist/customer-health.global.js', 'dist/sheets/customer-health.gs']) {
  if (!existsSync(path)) {
    console.error(`check-budgets: ${path} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

for (const [withDecimal, budget] of [
  [false, 1 * KB],
  [true, 15 * KB],
]) {
  const result = await build({
    stdin: {
      contents: "export { netPromoterScore } from './dist/index.js';",
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    external: withDecimal ? [] : ['decimal.js'],
  });
  const code = result.outputFiles[0].text;
  const what = `import { netPromoterScore } from 'customer-health'${withDecimal ? ' (decimal.js bundled)' : ' (decimal.js external: our code only)'}`;
  report(what, code.length, gzip(code), budget);
}

const iife = readFileSync('dist/customer-health.global.js');
report('IIFE bundle dist/customer-health.global.js', iife.length, gzip(iife), 125 * KB);
for (const path of ['dist/sheets/customer-health.gs', 'dist/excel/functions.js']) {
  if (!existsSync(path)) continue;
  const text = readFileSync(path);
  report(path, text.length, gzip(text));
}
if (failed) process.exit(1);
