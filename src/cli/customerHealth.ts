import { runCli } from './runCli.js';

// The `customer-health` executable: all behaviour lives in runCli, which the tests drive directly.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
});
