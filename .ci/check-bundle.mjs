// Tree-shaking and size budgets, measured the way users see the built package (run after `npm run build`):
// esbuild bundles a one-line import from the built ESM entry, minified, and we gzip -9 the result.
// decimal.js alone is ~12 kB min+gzip, so a function that returns a Decimal cannot fit 1 kB with it; the
// budget of a one-function import is for our own code (decimal.js external), and the budget with decimal.js
// bundled is stated beside it. Prints one line per figure; exits 1 when a budget is exceeded.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const gzip = (text) => gzipSync(text, { level: 9 }).length;
let failed = false;

function report(what, bytes, gzipped, budget, leaked = []) {
  const ok = (budget === undefined || gzipped <= budget) && leaked.length === 0;
  failed ||= !ok;
  const limit = budget === undefined ? 'reported' : `budget ${budget}`;
  const leaks = leaked.length > 0 ? `; pulls in ${leaked.join(', ')}` : '';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${bytes} B min, ${gzipped} B min+gzip (${limit})${leaks}`);
}

for (const path of ['dist/index.js', 'dist/customer-health.global.js']) {
  if (!existsSync(path)) {
    console.error(`check-bundle: ${path} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}

const imports = [
  // [what is imported, from, bundle decimal.js too?, budget in bytes min+gzip, strings that must NOT be in it]
  // Issue #7: a one-function import such as netPromoterScore is at most 1,000 B of our own code; issue 17 added
  // MetricInputError.issues (a getter every bundle carries, +12 B), so the budget is 1,020 B. normalizeToMrr
  // also validates an options object and a billing interval, and is held to 1,100 B. Issue 25 made the one numeric
  // boundary every import carries refuse objects posing as Decimals (a Decimal of any decimal.js copy is re-read
  // from its checked digits) and numbers past the documented limits: +~750 B (1,845 and 1,618 B measured).
  ['normalizeToMrr', './dist/index.js', false, 1_900, ['zod', 'startOfQuarter', 'listPeriods']],
  ['normalizeToMrr', './dist/index.js', true, 15_000, ['zod', 'startOfQuarter', 'listPeriods']],
  ['normalizeToMrr', './dist/core/index.js', true, 15_000, ['zod', 'startOfQuarter', 'listPeriods']],
  ['netPromoterScore', './dist/index.js', false, 1_700, ['zod', 'listPeriods', 'normalCdf']],
  ['netPromoterScore', './dist/index.js', true, 15_000, ['zod', 'listPeriods', 'normalCdf']],
  // An import that needs no Decimal must not pull decimal.js in (ratioOrNull, measured here before, is internal
  // since issue 13: it trusted library-made Decimals and validated nothing).
  ['GRANULARITIES', './dist/index.js', true, 200, ['zod', 'DecimalError']],
  // Issue 13: scoring a health scorecard from the root entry (zod validates the scorecard once, in
  // defineScorecard). Measured 27,540 B min+gzip with decimal.js bundled; the budget adds ~10 %.
  [
    'scoreHealth, defineScorecard',
    './dist/index.js',
    true,
    30_000,
    ['listPeriods', 'normalCdf', 'fitNonNegativeLogistic'],
  ],
  // Issue 16: customer-health/arrow reads Arrow tables structurally: apache-arrow must never be bundled (it is
  // an optional peer), and the entry carries mrrMovements with it. Measured with decimal.js bundled; the budget
  // adds ~10 % (24,010 B measured; 27,031 B once mrrMovements carried the currency engine; 30,092 B once issue 25
  // added the numeric limits, the misspelt-field check and the work limits).
  ['mrrMovementsArrow', './dist/arrow/index.js', true, 31_500, ['apache-arrow', 'flatbuffers', 'zod']],
];
for (const [name, from, withDecimal, budget, forbidden] of imports) {
  const result = await build({
    stdin: { contents: `export { ${name} } from '${from}';`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'error',
    external: withDecimal ? [] : ['decimal.js'],
  });
  const code = result.outputFiles[0].text;
  const what = `import { ${name} } from '${from}'${withDecimal ? '' : ' (decimal.js external: our code only)'}`;
  report(
    what,
    code.length,
    gzip(code),
    budget,
    forbidden.filter((text) => code.includes(text)),
  );
}

const iife = readFileSync('dist/customer-health.global.js');
// 60 kB until 1.0, which added the columnar input of mrrMovements (its validator is in every bundle that has
// mrrMovements, ~1.9 kB min+gzip), segments and currencies in the engine (~2 kB) and in the SQL twins
// (segmentMrrMovementsSql and the currency SQL, ~4 kB): 68,099 B measured. Issue 25 (numeric and work limits,
// the SQL tokeniser, buildReport's checks of its parts, the reader's exact JSON and column matching): 73,680 B.
report('IIFE bundle dist/customer-health.global.js', iife.length, gzip(iife), 76_000);
for (const path of ['dist/sheets/customer-health.gs', 'dist/excel/functions.js']) {
  if (!existsSync(path)) continue;
  const text = readFileSync(path);
  report(path, text.length, gzip(text));
}
if (failed) process.exit(1);
