// @ts-check
// Makes dist/edpm-rolegen-program.code-cache: loads the bundled program as
// the executable does (dist/src/cli/program-bundle.js), runs what users run
// most, a build of the built-in plan (into a new folder, then again, up to
// date, found so without a compile), and writes the script's SHA-256 and
// V8's code cache of the script, which then holds every function those
// runs compiled. Run by scripts/bundle-cli.mjs, in a process of its own: a
// cache only serves a node started with the same V8 flags.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_CACHE_FILE, codeCacheFileContent, loadProgram } from '../dist/src/cli/program-bundle.js';

const dist = new URL('../dist/', import.meta.url);
const { program, script, identity } = loadProgram(dist, false);
const dir = mkdtempSync(join(tmpdir(), 'edpm-rolegen-code-cache-'));
const write = process.stdout.write;
try {
  // The runs print nothing: their output is of no use here.
  process.stdout.write = () => true;
  for (let i = 0; i < 2; i++) {
    const code = await program.main(['build', '--out', join(dir, 'roles')], identity);
    if (code !== 0) throw new Error(`edpm-rolegen build exited ${code} while making the code cache`);
  }
} finally {
  process.stdout.write = write;
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(new URL(CODE_CACHE_FILE, dist), codeCacheFileContent(identity, script.createCachedData()));
