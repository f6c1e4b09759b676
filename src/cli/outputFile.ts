import {
  chmodSync,
  lstatSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** An output file the CLI will not write (an input of the report, a device, a FIFO …): bad usage. @private */
export class OutputFileError extends Error {
  override readonly name = 'OutputFileError';
}

/**
 * Where `--html FILE` is written, checked before any work: symbolic links are followed to the file they name
 * (written there, the link kept); a FIFO, device, socket or directory is refused (renaming over it would replace
 * it, writing into it may block or reach hardware); a file that is an input of the report (`inputs`, by any name:
 * the same real path, or the same device and inode for a hard link) is refused, and so is the file standard input
 * is redirected from (`stdin`: its device and inode, when the report reads `-`); `-` is no file name (standard
 * output is for --json). Returns the path to write.
 *
 * @private
 */
export function outputTarget(
  file: string,
  inputs: readonly string[],
  stdin: { readonly dev: number; readonly ino: number } | null = null,
): string {
  if (file === '-') {
    throw new OutputFileError(
      "--html needs a file name; '-' (standard output) is not supported, use --json for standard output",
    );
  }
  const target = followLinks(file);
  const stats = statOrNull(target);
  if (stats !== null && !stats.isFile()) {
    throw new OutputFileError(`cannot write ${file}: it is ${kindOf(stats)}, not a regular file`);
  }
  if (stats !== null && stdin !== null && stdin.dev === stats.dev && stdin.ino === stats.ino) {
    throw new OutputFileError(
      `--html ${file} is an input of this report (standard input): writing it would replace the data; give another file name`,
    );
  }
  const real = stats === null ? join(realOrSelf(dirname(target)), basename(target)) : realpathSync(target);
  for (const input of inputs) {
    const inputStats = statOrNull(input);
    if (inputStats === null) continue;
    const same =
      realpathSync(input) === real ||
      (stats !== null && inputStats.dev === stats.dev && inputStats.ino === stats.ino);
    if (same) {
      throw new OutputFileError(
        `--html ${file} is an input of this report (${input}): writing it would replace the data; give another file name`,
      );
    }
  }
  return target;
}

/**
 * Writes a temporary file beside `file` (created exclusively, never through an existing name) and renames it
 * over `file`, atomic on one file system, so a reader never sees half a report and a failure leaves nothing
 * behind; an existing file keeps its permissions. Returns the error message, or null.
 *
 * @private
 */
export function writeAtomically(file: string, contents: string): string | null {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const existing = statOrNull(file);
    writeFileSync(temporary, contents, { flag: 'wx' });
    if (existing !== null) chmodSync(temporary, existing.mode & 0o7777);
    renameSync(temporary, file);
    return null;
  } catch (error) {
    rmSync(temporary, { force: true });
    return (error as Error).message;
  }
}

// The file a chain of symbolic links ends at (which may not exist yet: the report creates it).
function followLinks(file: string): string {
  let path = resolve(file);
  for (let hops = 0; hops < 40; hops += 1) {
    let stats: Stats;
    try {
      stats = lstatSync(path);
    } catch {
      return path;
    }
    if (!stats.isSymbolicLink()) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new OutputFileError(`cannot write ${file}: too many levels of symbolic links`);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}
