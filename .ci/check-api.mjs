// API report (issue 13): one committed report per entry point of package.json's `exports`, written by
// @microsoft/api-extractor from the built declarations (run after `npm run build`). `node .ci/check-api.mjs`
// fails when the public surface differs from api/<entry>.api.md; `--update` (npm run api:update) rewrites them.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const update = process.argv.includes('--update');
// Every entry point of package.json's `exports` that has types, so a new entry cannot be left out of the report.
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = Object.fromEntries(
  Object.entries(manifest.exports)
    .filter(([, target]) => typeof target === 'object' && target.import?.types !== undefined)
    .map(([key, target]) => [key === '.' ? 'index' : key.slice(2), target.import.types.replace(/^\.\//, '')]),
);
const tempFolder = join(root, '.ci/out/api');
mkdirSync(tempFolder, { recursive: true });

let failed = false;
for (const [name, dts] of Object.entries(entries)) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: join(root, dts),
      bundledPackages: [],
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'es2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            strict: true,
          },
          files: [join(root, dts)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: name,
        reportFolder: join(root, 'api'),
        reportTempFolder: tempFolder,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          // Release tags (@public/@beta) are not used: everything an entry exports is public.
          'ae-missing-release-tag': { logLevel: 'none' },
          // Members (fields of an input type) are documented by their type's doc comment.
          'ae-undocumented': { logLevel: 'none' },
          // A subpath entry links to and uses types of other areas, exported by their own entry and the root.
          'ae-unresolved-link': { logLevel: 'none' },
          'ae-forgotten-export': { logLevel: name === 'index' ? 'warning' : 'none' },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: join(root, 'api', `${name}.json`),
    packageJsonFullPath: join(root, 'package.json'),
  });
  const result = Extractor.invoke(config, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback: (message) => {
      if (message.logLevel === 'warning' && message.messageId !== 'console-api-report-copied') {
        message.handled = false;
      }
    },
  });
  if (!result.succeeded || (result.apiReportChanged && !update)) {
    failed = true;
    console.error(
      `check-api: the public API of ${name} differs from api/${name}.api.md; run \`npm run api:update\` and commit it.`,
    );
  } else {
    console.log(`check-api: ${name} ${update && result.apiReportChanged ? 'updated' : 'ok'}`);
  }
}
if (failed) process.exit(1);
