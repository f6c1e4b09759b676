// Checks the links of the README and the guides, offline: every relative link (and image) must name a file of the
// repository, every `#anchor` a heading of its target, and every file name ending in `.md` written in the text
// (in a code span too, as `docs/revenue.md`) must exist. External (http, mailto) links are not fetched.
// Usage: node .ci/check-links.mjs [FILE.md ...]   (default: README.md and docs/*.md). Exit 1 on a broken link.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
// Written by a build step, absent from a fresh clone: links into them are accepted as they are.
const GENERATED = ['docs/api', 'dist'];

const files =
  process.argv.length > 2
    ? process.argv.slice(2).map((file) => resolve(file))
    : [
        join(root, 'README.md'),
        ...readdirSync(join(root, 'docs'))
          .filter((name) => name.endsWith('.md'))
          .sort()
          .map((name) => join(root, 'docs', name)),
      ];

const headingCache = new Map();
const problems = [];

for (const file of files) {
  const lines = withoutFencedCode(readFileSync(file, 'utf8'));
  lines.forEach((line, index) => {
    const where = `${relative(root, file) || file}:${index + 1}`;
    for (const target of linkTargets(line)) check(file, target, where);
    for (const name of mentionedMarkdownFiles(line)) {
      const candidates = [join(dirname(file), name), join(root, name), join(root, 'docs', name)];
      if (!candidates.some((candidate) => existsSync(candidate))) {
        problems.push(`${where}: mentions ${name}, which is not in the repository`);
      }
    }
  });
}

if (problems.length > 0) {
  console.error(`check-links: ${problems.length} broken link(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`check-links: ${files.length} files, every link resolves`);

function check(file, target, where) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return; // http:, https:, mailto: …
  const [pathPart, anchor] = target.split('#', 2);
  const path = decodeURIComponent(pathPart ?? '');
  const absolute = path === '' ? file : normalize(join(dirname(file), path));
  const inRepo = relative(root, absolute);
  if (GENERATED.some((prefix) => inRepo === prefix || inRepo.startsWith(`${prefix}/`))) return;
  if (inRepo.startsWith('..')) {
    problems.push(`${where}: ${target} points outside the repository`);
    return;
  }
  if (!existsSync(absolute)) {
    problems.push(`${where}: ${target} does not exist`);
    return;
  }
  if (anchor !== undefined && anchor !== '' && absolute.endsWith('.md') && statSync(absolute).isFile()) {
    if (!headingsOf(absolute).has(anchor.toLowerCase())) {
      problems.push(`${where}: ${target}: no heading with the anchor #${anchor}`);
    }
  }
}

// Inline links and images `[text](target "title")`, and reference definitions `[label]: target`, outside code spans.
function linkTargets(line) {
  const text = line.replace(/`[^`]*`/g, '');
  const targets = [];
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(match[1]);
  const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(text);
  if (definition !== null) targets.push(definition[1]);
  return targets;
}

// File names ending in .md written anywhere in the line, in code spans too (links are checked twice, harmlessly).
// The look-behind skips the tail of a URL or of a longer path.
function mentionedMarkdownFiles(line) {
  return Array.from(line.matchAll(/(?<![\w/.:-])((?:[\w-]+\/)*[\w.-]+\.md)\b/g), (match) => match[1]);
}

// GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered -1, -2 …
function headingsOf(file) {
  let anchors = headingCache.get(file);
  if (anchors !== undefined) return anchors;
  anchors = new Set();
  const seen = new Map();
  for (const line of withoutFencedCode(readFileSync(file, 'utf8'))) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const base = heading[1]
      .toLowerCase()
      .replace(/<[^>]+>/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  headingCache.set(file, anchors);
  return anchors;
}

// The lines of a Markdown text with fenced code blocks blanked (line numbers stay right).
function withoutFencedCode(text) {
  let fence = null;
  return text.split('\n').map((line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null && marker !== null) {
      fence = marker[1];
      return '';
    }
    if (fence !== null) {
      if (marker !== null && marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = null;
      return '';
    }
    return line;
  });
}
