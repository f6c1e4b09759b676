import { concatBytes } from './readInputFile.js';
import { runCli } from './runCli.js';

// The `customer-health` executable: all behaviour lives in runCli, which the tests drive directly. This file
// holds what a process has and a test injects: the streams, the clock (today, the local calendar day) and stdin.

// A failed write to stdout arrives as an 'error' event, after runCli returned: a reader that closed the pipe early
// (| head) ends the command quietly; any other failure (a full disk, a closed descriptor) is one line and exit 1.
let stdoutFailed = false;
let writeFailure: number | undefined;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (stdoutFailed) return;
  stdoutFailed = true;
  if (error.code === 'EPIPE') return;
  process.stderr.write(`customer-health: cannot write to standard output: ${error.message}\n`);
  writeFailure = 1;
  process.exitCode = 1;
});
// Nowhere is left to report a failure to write stderr.
process.stderr.on('error', () => {});

const pad = (value: number) => String(value).padStart(2, '0');

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => {
    if (!stdoutFailed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  today: () => {
    const now = new Date();
    return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  },
  readStdin: async (limit) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      total += chunk.length;
      // One byte past the limit is enough to refuse; the rest is never held.
      if (total > limit) break;
    }
    return concatBytes(chunks, total);
  },
});
process.exitCode = writeFailure ?? code;
