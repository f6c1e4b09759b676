import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDist } from '../spreadsheet/distFiles.js';

// The packed tarball as its users install it, used the ways the README promises: a TypeScript service with
// node16/nodenext resolution (ESM and CommonJS, library types checked too), Node at run time, and a Deno
// notebook (`import … from "npm:customer-health"`, Deno's own type check). The cells of docs/notebooks.md are
// run as written. No network: the runtime dependencies are linked from this checkout's node_modules.
const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');
const DEPENDENCIES = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
    .dependencies,
);
let project: string;

function run(command: string, args: string[]): string {
  return execFileSync(command, args, {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, DENO_DIR: join(project, '.deno'), NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a command that must fail; returns what it printed. */
function runFailing(command: string, args: string[]): string {
  try {
    run(command, args);
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return `${stdout}${stderr}`;
  }
  throw new Error(`${command} ${args.join(' ')} was expected to fail`);
}

/** The fenced blocks of one language under one `## ` heading of a Markdown file. */
function codeBlocks(markdown: string, heading: string, language: string): string[] {
  const start = markdown.indexOf(`## ${heading}\n`);
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end === -1 ? undefined : end);
  const fence = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g');
  return [...section.matchAll(fence)].map((match) => match[1] ?? '');
}

beforeAll(() => {
  readDist('index.js');
  project = mkdtempSync(join(tmpdir(), 'customer-health-consumer-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const installed = join(project, 'node_modules/customer-health');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, tarball), '-C', installed, '--strip-components=1']);
  for (const name of DEPENDENCIES) {
    symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name), 'dir');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
}, 60_000);

afterAll(() => {
  if (project !== undefined) rmSync(project, { recursive: true, force: true });
});

// A result that silently degraded to `any` would make every `@ts-expect-error` below unused, which is an error.
const typeProbe = `
const nps = netPromoterScore([10, 9, 3]);
const score: Decimal | null = nps.score;
// @ts-expect-error a Decimal | null is not a number
const notNumber: number = nps.score;
// @ts-expect-error netPromoterScore takes an array
netPromoterScore(9);
const error: MetricInputError | undefined = undefined;
export const probe = [score, notNumber, error];
`;

describe('the packed package in its users’ toolchains', () => {
  it('type-checks in TypeScript with nodenext resolution, from ESM and CommonJS, library types included', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    const imports = `import { type Decimal, MetricInputError, netPromoterScore } from 'customer-health';\n`;
    writeFileSync(join(project, 'esm.mts'), imports + typeProbe);
    writeFileSync(join(project, 'cjs.cts'), imports + typeProbe);
    expect(run(join(BIN, 'tsc'), ['-p', '.'])).toBe('');
    // The probe can fail: a wrong type is reported.
    writeFileSync(join(project, 'esm.mts'), `${imports + typeProbe}const wrong: string = nps.promoters;\n`);
    expect(runFailing(join(BIN, 'tsc'), ['-p', '.'])).toContain(
      "Type 'number' is not assignable to type 'string'",
    );
  }, 60_000);

  it('runs from ESM and CommonJS in Node with the same results', () => {
    writeFileSync(
      join(project, 'run.mjs'),
      `import { netPromoterScore } from 'customer-health';\nconsole.log(netPromoterScore([10, 9, 3]).score.toString());\n`,
    );
    writeFileSync(
      join(project, 'run.cjs'),
      `const { netPromoterScore } = require('customer-health');\nconsole.log(netPromoterScore([10, 9, 3]).score.toString());\n`,
    );
    // (2 promoters - 1 detractor) / 3 × 100, to 40 significant digits.
    const expected = '33.33333333333333333333333333333333333333\n';
    expect(run(process.execPath, ['run.mjs'])).toBe(expected);
    expect(run(process.execPath, ['run.cjs'])).toBe(expected);
  }, 30_000);

  it('type-checks and runs in Deno through npm: specifiers, as the Jupyter Deno kernel imports it', () => {
    writeFileSync(join(project, 'deno.json'), JSON.stringify({ nodeModulesDir: 'manual' }));
    writeFileSync(
      join(project, 'probe.ts'),
      `import { type Decimal, MetricInputError, netPromoterScore } from 'npm:customer-health';\n${typeProbe}`,
    );
    run(join(BIN, 'deno'), ['check', '--quiet', 'probe.ts']);

    // docs/notebooks.md's Deno cells, in order, as one kernel session runs them. `// 'value'` after an
    // expression is what the notebook shows: asserted here. Deno.jupyter exists only inside the kernel, so its
    // html tag is stood in for by one that returns the string it would render.
    const markdown = readFileSync(join(ROOT, 'docs/notebooks.md'), 'utf8');
    const cells = codeBlocks(markdown, 'Jupyter with the Deno kernel', 'ts');
    expect(cells.length).toBeGreaterThanOrEqual(2);
    const script = cells
      .join('\n')
      .replace(
        /^(.+?)\s+\/\/ ('[^']*')$/gm,
        (_, expression: string, shown: string) =>
          `if ((${expression}) !== ${shown}) throw new Error(\`${expression.replace(/`/g, '')} shows \${${expression}}\`);`,
      )
      .replace('Deno.jupyter.html`', 'const rendered = String.raw`');
    writeFileSync(join(project, 'notebook.ts'), `${script}\nconsole.log(rendered);\n`);
    run(join(BIN, 'deno'), ['check', '--quiet', 'notebook.ts']);
    const html = run(join(BIN, 'deno'), [
      'run',
      '--cached-only',
      '--no-prompt',
      '--allow-read',
      '--allow-env',
      'notebook.ts',
    ]);
    expect(html.match(/<tr>/g)).toHaveLength(6);
    expect(html).toMatch(
      /^<table><tr><td>\d{4}-\d{2}-\d{2}<\/td><td>\d+\.\d{2}<\/td><td>\d+\.\d %<\/td><\/tr>/,
    );
  }, 60_000);

  it('runs the Observable cells of docs/notebooks.md in Deno with Plot and Inputs stood in for', () => {
    const markdown = readFileSync(join(ROOT, 'docs/notebooks.md'), 'utf8');
    const cells = codeBlocks(markdown, 'Observable', 'js');
    expect(cells.length).toBeGreaterThanOrEqual(3);
    const standIns = `
const shown = [];
const display = (value) => shown.push(value);
const Plot = { plot: (options) => options, barY: (data, channels) => ({ data, channels }), ruleY: (data) => ({ data }) };
const Inputs = { table: (rows) => display(rows) };
`;
    writeFileSync(
      join(project, 'observable.js'),
      `${standIns}\n${cells.join('\n')}\nconsole.log(JSON.stringify({ bars: shown[0].marks[0].data.length, rows: shown[1].length, first: shown[1][0] }));\n`,
    );
    const out = JSON.parse(
      run(join(BIN, 'deno'), [
        'run',
        '--cached-only',
        '--no-prompt',
        '--allow-read',
        '--allow-env',
        'observable.js',
      ]),
    ) as { bars: number; rows: number; first: { period: string; endingMrr: string } };
    // Five movement kinds per period of the sample data.
    expect(out.bars).toBe(out.rows * 5);
    expect(out.first.period).toMatch(/^\d{4}-\d{2}-01$/);
    expect(out.first.endingMrr).toMatch(/^\d+\.\d{2}$/);
  }, 60_000);
});
