import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import * as arrow from '../../src/arrow/index.js';
import * as library from '../../src/index.js';
// customer-health/io is its own entry point (not re-exported by the root): its examples see its names too.
import * as io from '../../src/io/index.js';

// Every `@example` in a doc comment is run here, so the documentation cannot rot. An example is plain
// JavaScript; a line `//=> value` asserts that the statement before it evaluates to `value` (a JS literal).

const SRC = join(import.meta.dirname, '../../src');

interface DocComment {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly exportName: string | undefined;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function docComments(file: string): DocComment[] {
  const source = readFileSync(file, 'utf8');
  const comments: DocComment[] = [];
  const pattern =
    /\/\*\*([\s\S]*?)\*\/\s*(export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|abstract\s+class)\s+(\w+))?/g;
  for (const match of source.matchAll(pattern)) {
    const text = (match[1] ?? '')
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''))
      .join('\n');
    comments.push({
      file: relative(SRC, file),
      line: source.slice(0, match.index).split('\n').length,
      text,
      exportName: match[3],
    });
  }
  return comments;
}

function examplesOf(comment: DocComment): string[] {
  const examples: string[] = [];
  const parts = comment.text.split(/^@example[ \t]*$/m).slice(1);
  for (const part of parts) examples.push(part.split(/^@\w+/m)[0] ?? '');
  return examples;
}

const evaluate = new Function('__scope', '__code', 'with (__scope) return eval(__code)') as (
  scope: object,
  code: string,
) => unknown;

// An internal helper (src/<area>/internal/, exported by no index) is documented too: its examples run with the
// exports of its own module in scope beside the public API.
const internalModules = new Map<string, Record<string, unknown>>();
for (const file of sourceFiles(SRC).filter((path) => path.includes('/internal/'))) {
  internalModules.set(
    relative(SRC, file),
    (await import(pathToFileURL(file).href)) as Record<string, unknown>,
  );
}

function runExample(example: string, scope: object): { actual: unknown; expected: unknown; code: string }[] {
  const results: { actual: unknown; expected: unknown; code: string }[] = [];
  const lines = example.split('\n');
  let code = '';
  for (const line of lines) {
    const assertion = /^\s*\/\/=>\s*(.*)$/.exec(line);
    if (assertion) {
      const actual = evaluate(scope, code);
      const expected = evaluate(scope, `(${assertion[1]})`);
      results.push({ actual, expected, code });
      code += ';\n';
    } else {
      code += `${line}\n`;
    }
  }
  return results;
}

const comments = sourceFiles(SRC).flatMap(docComments);
const withExamples = comments.filter((comment) => examplesOf(comment).length > 0);

describe('doc comment examples', () => {
  it('finds examples to run', () => {
    expect(withExamples.length).toBeGreaterThan(10);
  });

  for (const comment of withExamples) {
    it(`${comment.file}:${comment.line} ${comment.exportName ?? ''}`, () => {
      for (const example of examplesOf(comment)) {
        const results = runExample(example, {
          ...library,
          ...io,
          // customer-health/arrow's examples build their tables with apache-arrow (its dev dependency).
          ...arrow,
          tableFromArrays,
          ...internalModules.get(comment.file),
        });
        expect(results.length, 'an example must assert at least one result with //=>').toBeGreaterThan(0);
        for (const { actual, expected, code } of results) {
          expect(actual, code).toEqual(expected);
        }
      }
    });
  }
});

describe('documentation coverage', () => {
  it('every exported function, constant and class has a doc comment with an @example (or is @private)', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file.endsWith('index.ts')) continue;
      const source = readFileSync(file, 'utf8');
      const documented = new Map(docComments(file).map((comment) => [comment.exportName, comment.text]));
      for (const match of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|class)\s+(\w+)/gm)) {
        const name = match[1]!;
        const text = documented.get(name);
        const ok =
          text !== undefined &&
          (/@example/.test(text) ||
            /@private/.test(text) ||
            (/@category/.test(text) &&
              !/\(/.test(source.slice(match.index, source.indexOf('\n', match.index)))));
        if (!ok) missing.push(`${relative(SRC, file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
