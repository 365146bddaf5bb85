/**
 * One real run of a linter per content, for a test file that runs
 * `edpm-rolegen lint` in-process more than once on the same files (its text
 * output, then `--json`): a `spawnSync` that runs ansible-lint or yamllint
 * for real the first time it sees a folder, and hands a later run of the
 * same tool, with the same arguments, on a folder of the same content the
 * first run's result (status, stdout, stderr). Any other process is run as
 * it is. A test file installs it in place of node:child_process's
 * `spawnSync` (vi.mock), so that the code under test (src/lint) lays the
 * folder out, reads the findings and prints them itself each time; only the
 * linter process is shared.
 *
 * The key is the tool's path, its arguments, the bytes of any argument that
 * is a file (yamllint's configuration), the folder's place in the
 * collections path (`ansible_collections/<ns>/<name>`), and the path and
 * bytes of every file under the folder: a changed byte anywhere runs the
 * linter again. Kept for the life of the test file only (one worker
 * process), never on disk.
 */
import type { SpawnSyncOptions, SpawnSyncReturns, spawnSync as SpawnSync } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

/** The linters whose runs are shared. */
const LINTERS = new Set(['ansible-lint', 'yamllint']);

/** A spawnSync sharing the linters' runs, with how many ran for real and how many were handed an earlier result. */
export interface LinterRuns {
  readonly spawnSync: typeof SpawnSync;
  /** Linter processes run for real. */
  readonly runs: number;
  /** Linter runs answered with an earlier run's result (same tool, arguments and content). */
  readonly reused: number;
}

/** Adds every file under `dir` to `hash`: its path relative to `root`, then its bytes (a link: its target). */
function hashFolder(hash: Hash, root: string, dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    const rel = relative(root, path);
    if (stat.isSymbolicLink()) hash.update(`link\0${rel}\0${readlinkSync(path)}\0`);
    else if (stat.isDirectory()) {
      hash.update(`dir\0${rel}\0`);
      hashFolder(hash, root, path);
    } else hash.update(`file\0${rel}\0${stat.size}\0`).update(readFileSync(path));
  }
}

/** The key of a linter run, or null for any other process (run as it is). */
function keyOf(command: string, args: readonly string[], options: SpawnSyncOptions | undefined): string | null {
  if (!LINTERS.has(basename(command)) || options?.cwd === undefined) return null;
  const cwd = resolve(String(options.cwd));
  const hash = createHash('sha256').update(`${command}\0`);
  for (const arg of args) {
    hash.update(`arg\0${arg}\0`);
    const path = resolve(cwd, arg);
    if (arg !== '.' && existsSync(path) && statSync(path).isFile()) hash.update(readFileSync(path)).update('\0');
  }
  const collections = options.env?.ANSIBLE_COLLECTIONS_PATH;
  hash.update(`place\0${collections === undefined ? '' : relative(collections, cwd)}\0`);
  hashFolder(hash, cwd, cwd);
  return hash.digest('hex');
}

/** A spawnSync over `real` that runs each linter once per tool, arguments and content. */
export function linterRuns(real: typeof SpawnSync): LinterRuns {
  const seen = new Map<string, SpawnSyncReturns<string | Buffer>>();
  const counts = { runs: 0, reused: 0 };
  const shared = ((command: string, argsOrOptions?: readonly string[] | SpawnSyncOptions, maybeOptions?: SpawnSyncOptions) => {
    const args = Array.isArray(argsOrOptions) ? (argsOrOptions as readonly string[]) : [];
    const options = Array.isArray(argsOrOptions) ? maybeOptions : (argsOrOptions as SpawnSyncOptions | undefined);
    const key = keyOf(command, args, options);
    if (key === null) return (real as (...a: unknown[]) => unknown)(command, argsOrOptions, maybeOptions);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      counts.reused += 1;
      return { ...earlier, output: [...earlier.output] };
    }
    counts.runs += 1;
    const r = real(command, args, options ?? {});
    seen.set(key, r);
    return { ...r, output: [...r.output] };
  }) as typeof SpawnSync;
  return {
    spawnSync: shared,
    get runs() {
      return counts.runs;
    },
    get reused() {
      return counts.reused;
    },
  };
}
