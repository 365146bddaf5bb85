// @ts-check
// npm run compile, between tsc and the bundle: leaves in dist/ only what a
// compile from an empty dist/ would make, so that a source deleted or
// renamed leaves no .js behind that imports, tests or `npm run bench`
// (which runs every dist/bench/*.bench.js) would still find. tsc never
// removes an output; an incremental tsc (dist/.tsbuildinfo) does not even
// write again an output that is gone while its source is unchanged.
//
// What tsc writes for tsconfig.json is computed here, in a few
// milliseconds, without loading TypeScript (half a second, on every
// build): every file its `include` patterns match (DIR/**/*.EXT, the only
// form this reads) gives, under outDir, its .js (none for a .d.ts) and,
// with `declaration`, its .d.ts. test/unit/scripts/prune-dist.test.ts
// holds this to TypeScript's own getOutputFileNames for this repository.
// Then: any other file under outDir is removed (the bundle's files too:
// scripts/bundle-cli.mjs, the next step, makes them again), empty folders
// with it; an output found missing makes tsc compile again from no build
// info.
//
// node scripts/prune-dist.mjs [PACKAGE_ROOT]  (default: this package)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The files tsc writes for the tsconfig.json of `root` (absolute paths), its build info included.
 * @param {string} root
 * @returns {{ outDir: string, buildInfo: string | null, outputs: Set<string> }}
 */
export function tscOutputs(root) {
  const config = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
  const options = config.compilerOptions ?? {};
  const outDir = resolve(root, options.outDir ?? '');
  const rootDir = resolve(root, options.rootDir ?? '.');
  if (outDir === resolve(root) || !outDir.startsWith(resolve(root) + sep)) {
    throw new Error(`prune-dist: tsconfig.json's outDir (${options.outDir}) must be a folder of its own inside the package`);
  }
  const incremental = options.incremental === true || options.composite === true;
  const buildInfo = incremental ? resolve(root, options.tsBuildInfoFile ?? join(outDir, 'tsconfig.tsbuildinfo')) : null;
  const outputs = new Set(buildInfo === null ? [] : [buildInfo]);
  for (const pattern of config.include ?? []) {
    const m = /^([\w.-]+(?:\/[\w.-]+)*)\/\*\*\/\*\.(ts|js)$/u.exec(pattern);
    if (m === null) throw new Error(`prune-dist: include pattern ${JSON.stringify(pattern)} is not of the form DIR/**/*.ts or DIR/**/*.js, the only ones it reads`);
    const [, dir = '', ext] = m;
    if (ext === 'js' && options.allowJs !== true) continue;
    for (const file of filesUnder(join(root, dir))) {
      if (!file.endsWith(`.${ext}`) || file.endsWith('.d.ts') || file.startsWith(outDir + sep)) continue;
      const base = join(outDir, relative(rootDir, file)).replace(/\.(ts|js)$/u, '');
      outputs.add(`${base}.js`);
      if (options.sourceMap === true) outputs.add(`${base}.js.map`);
      if (options.declaration === true) {
        outputs.add(`${base}.d.ts`);
        if (options.declarationMap === true) outputs.add(`${base}.d.ts.map`);
      }
    }
  }
  return { outDir, buildInfo, outputs };
}

/**
 * Every file under `dir` (none when it is not there), node_modules left out as tsc leaves it out.
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') found.push(...filesUnder(path));
    } else found.push(path);
  }
  return found;
}

/**
 * Removes from `dir` every file not in `keep`, and the folders left empty (not `dir`); the paths removed.
 * @param {string} dir
 * @param {ReadonlySet<string>} keep
 * @returns {string[]}
 */
export function pruneFolder(dir, keep) {
  /** @type {string[]} */
  const removed = [];
  /** @type {(folder: string) => boolean} */
  const walk = (folder) => {
    let kept = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (walk(path)) kept++;
      } else if (keep.has(path)) {
        kept++;
      } else {
        rmSync(path, { force: true });
        removed.push(path);
      }
    }
    if (kept === 0 && folder !== dir) rmdirSync(folder);
    return kept > 0;
  };
  if (existsSync(dir)) walk(dir);
  return removed;
}

/**
 * After tsc: outputs missing -> tsc again from no build info; then everything else under outDir removed.
 * @param {string} root
 * @returns {string[]} the paths removed
 */
export function pruneDist(root) {
  const { outDir, buildInfo, outputs } = tscOutputs(root);
  const missing = [...outputs].filter((f) => f !== buildInfo && !existsSync(f));
  const first = missing[0];
  if (first !== undefined && buildInfo !== null) {
    process.stderr.write(`prune-dist: ${relative(root, first)}${missing.length > 1 ? ` and ${missing.length - 1} more` : ''} missing after tsc: compiling again from no build info\n`);
    rmSync(buildInfo, { force: true });
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
    if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  }
  return pruneFolder(outDir, outputs);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  pruneDist(resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url))));
}
