/**
 * How the `edpm-rolegen` executable starts the program: the CLI is bundled
 * into one script (`dist/edpm-rolegen-program.cjs`, scripts/bundle-cli.mjs)
 * that is compiled with V8's code cache made for it at build time
 * (`dist/edpm-rolegen-program.code-cache`): the functions a build runs are
 * then read compiled instead of parsed and compiled at every start (Node 20
 * has no compile cache of its own for ES modules). A cache that does not
 * fit (another Node or V8 version) is refused by V8, which then compiles
 * the script as usual: slower, never wrong. The cache file begins with the
 * SHA-256 of the script it was made for, and is used only with that very
 * script: V8 itself checks only the script's length, and would run the
 * functions of an older script of the same length. The program is told
 * that SHA-256, which `build` counts among its inputs (build-inputs.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import type { ProgramIdentity } from './build-inputs.js';

/** The bundled program and its code cache, beside the executable. */
export const PROGRAM_FILE = 'edpm-rolegen-program.cjs';
export const CODE_CACHE_FILE = 'edpm-rolegen-program.code-cache';

/** What the bundle exports. */
export interface Program {
  /** Runs the CLI with these arguments, telling it its identity; resolves to the exit code. */
  readonly main: (args: readonly string[], identity?: ProgramIdentity) => Promise<number>;
}

/** The bundle loaded and run (its top level), and the compiled script (to make its code cache from). */
export interface LoadedProgram {
  readonly program: Program;
  readonly script: Script;
  /** The program's identity, to pass to its `main`. */
  readonly identity: ProgramIdentity;
  /** Whether V8 took the code cache. */
  readonly cacheUsed: boolean;
}

/** The code cache file's content: the script's SHA-256 (32 bytes), then V8's cache data. */
export function codeCacheFileContent(identity: ProgramIdentity, cachedData: Buffer): Buffer {
  return Buffer.concat([Buffer.from(identity.digest, 'hex'), cachedData]);
}

/**
 * Loads the bundle in `distUrl` (a folder URL ending in `/`), with the code
 * cache when `useCache` and it exists. The bundle is a CommonJS script; its
 * `import.meta.url` is given as `__edpmRolegenModuleUrl` (scripts/bundle-cli.mjs).
 */
export function loadProgram(distUrl: URL, useCache: boolean): LoadedProgram {
  const file = new URL(PROGRAM_FILE, distUrl);
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  // Through require: an ES import of node:crypto would also load its Web Crypto part, unused.
  const { hash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const digest = hash('sha256', bytes, 'buffer');
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      const cache = readFileSync(new URL(CODE_CACHE_FILE, distUrl));
      cachedData = cache.subarray(0, digest.length).equals(digest) ? cache.subarray(digest.length) : undefined;
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(`(function (exports, require, module, __edpmRolegenModuleUrl) {${source}\n})`, {
    filename: file.pathname,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const module = { exports: {} as Program };
  (script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, url: string) => void)(module.exports, createRequire(file), module, file.href);
  const identity = { digest: digest.toString('hex') };
  return { program: module.exports, script, identity, cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true };
}
