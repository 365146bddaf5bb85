/**
 * The digest of everything a `build` compiles its tree from, recorded by
 * the writer in the output folder's stamp (write/up-to-date.ts) so that the
 * next build of the same inputs finds the folder up to date without
 * compiling. The tree is a function of exactly these (the compiler is pure:
 * no clock, no environment):
 * - the program: the SHA-256 of the bundled script that runs (given by the
 *   executable, program-bundle.ts), the package's version, and the Node.js
 *   version running it;
 * - the package's own files the compiler reads: every file under
 *   `templates/` (the Molecule scenarios' playbooks);
 * - the plan text;
 * - the options: how the provenance sidecar names the plan (the built-in
 *   plan, or another plan file by its path from the output folder:
 *   provenance/compile-with-provenance.ts's planReference is a function of
 *   this). The output folder is the one holding the stamp; `--force`
 *   changes what a build may overwrite, never the tree, and a folder found
 *   up to date has nothing to overwrite.
 * A build given a roles tree (`--roles`) has no digest: the tree would be
 * an input too, and such a build always compiles.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compareStrings } from '../core/compare.js';
import { builtInPlanPath, packageRoot, packageVersion } from '../package-root.js';

/** What the executable tells the program about itself. */
export interface ProgramIdentity {
  /** SHA-256 (hex) of the program's code: the bundled script. */
  readonly digest: string;
}

/** Bumped when the digest is made differently, so that no two ways ever give the same digest. */
const DIGEST_FORMAT = 'edpm-rolegen build inputs 1';

/** The digest of a build's inputs; undefined when one of them cannot be read (the build then compiles). */
export function buildInputsDigest(program: ProgramIdentity, planPath: string, planText: string, outDir: string): string | undefined {
  const hash = createHash('sha256');
  const field = (value: string): void => hashField(hash, value);
  field(DIGEST_FORMAT);
  field(program.digest);
  field(packageVersion());
  field(process.version);
  try {
    field(folderDigest(join(packageRoot(), 'templates')));
  } catch {
    return undefined;
  }
  const builtIn = resolve(planPath) === builtInPlanPath();
  field(builtIn ? 'built-in plan' : `plan file at ${relative(resolve(outDir), resolve(planPath))}`);
  field(planText);
  return hash.digest('hex');
}

/**
 * SHA-256 (hex) of every folder and file below a folder, in name order: its
 * path, and a file's content (links followed, as the compiler reads them).
 * Throws on anything else (a link to a folder, a FIFO...).
 */
export function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  hashFolder(hash, dir, '');
  return hash.digest('hex');
}

function hashFolder(hash: Hash, dir: string, prefix: string): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      hashField(hash, `${path}/`);
      hashFolder(hash, join(dir, entry.name), `${path}/`);
      continue;
    }
    if (!statSync(join(dir, entry.name)).isFile()) throw new Error(`${path}: not a file or folder`);
    hashField(hash, path);
    hashField(hash, readFileSync(join(dir, entry.name)));
  }
}

/** One field: its length first, so that no two lists of fields give the same bytes. */
function hashField(hash: Hash, value: string | Buffer): void {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  hash.update(`${bytes.length}:`);
  hash.update(bytes);
}
