/**
 * `npm run compile` leaves in dist/ only what a compile from an empty dist/
 * makes (scripts/prune-dist.mjs, between tsc and the bundle): no output of a
 * source deleted or renamed, no file of an earlier bundle; an output gone
 * while its source is unchanged is written again.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tscOutputs } from '../../../scripts/prune-dist.mjs';
import { ROOT } from '../../support/paths.js';

const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');

/** What TypeScript itself says tsc writes for the tsconfig.json of `root`, its build info included. */
function typescriptOutputs(root: string): Set<string> {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(String(d.messageText));
    },
  })!;
  const outputs = new Set<string>([resolve(root, config.options.tsBuildInfoFile!)]);
  for (const file of config.fileNames) for (const o of ts.getOutputFileNames(config, file, false)) outputs.add(resolve(o));
  return outputs;
}

/** Every file under `dir`, sorted. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe("prune-dist's outputs of tsc", () => {
  it("are TypeScript's own for this repository's tsconfig.json and sources", () => {
    const ours = [...(tscOutputs(ROOT).outputs as Set<string>)].sort();
    expect(ours).toEqual([...typescriptOutputs(ROOT)].sort());
    // Sources of each kind the rule knows: TypeScript, JavaScript (allowJs) beside its .d.ts, a .d.ts alone, bench and scripts.
    expect(ours).toContain(join(ROOT, 'dist', 'src', 'plan', 'plan-validator.generated.js'));
    expect(ours).toContain(join(ROOT, 'dist', 'src', 'plan', 'plan-validator.generated.d.ts'));
    expect(ours).toContain(join(ROOT, 'dist', 'bench', 'run.js'));
    expect(ours).not.toContain(join(ROOT, 'dist', 'src', 'compile', 'readme-templates.generated.d.ts.d.ts'));
  });

  it('npm run compile prunes between tsc and the bundle', () => {
    const compile = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.compile!;
    expect(compile.split(' && ')).toEqual(['tsc -p tsconfig.json', 'node scripts/prune-dist.mjs', 'node scripts/bundle-cli.mjs']);
  });
});

// A package of its own, with this repository's tsconfig.json and sources of every kind it compiles, compiled by the real tsc.
describe('prune-dist after a real incremental tsc', () => {
  let dir: string;
  const tsc = (root: string): void => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  };
  const prune = (root: string) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'prune-dist.mjs'), root], { encoding: 'utf8' });
  const project = (name: string): string => {
    const root = join(dir, name);
    for (const d of ['src/core', 'bench', 'scripts']) mkdirSync(join(root, d), { recursive: true });
    copyFileSync(join(ROOT, 'tsconfig.json'), join(root, 'tsconfig.json'));
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'src', 'core', 'kept.ts'), "export const kept = 'kept';\n");
    writeFileSync(join(root, 'src', 'core', 'renamed.ts'), "export const renamed = 'before';\n");
    writeFileSync(join(root, 'src', 'core', 'generated.js'), 'export const generated = 1;\n');
    writeFileSync(join(root, 'src', 'core', 'generated.d.ts'), 'export declare const generated: number;\n');
    writeFileSync(join(root, 'bench', 'old.bench.ts'), 'export async function run(): Promise<void> {}\n');
    writeFileSync(join(root, 'scripts', 'tool.ts'), "import { kept } from '../src/core/kept.js';\nconsole.log(kept);\n");
    return root;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rolegen-prune-dist-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a source renamed and a bench deleted: their old outputs and an earlier bundle go, as from an empty dist/', () => {
    const root = project('renamed');
    tsc(root);
    expect(existsSync(join(root, 'dist', 'bench', 'old.bench.js'))).toBe(true);
    writeFileSync(join(root, 'dist', 'edpm-rolegen.mjs'), '// an earlier bundle\n');
    rmSync(join(root, 'bench', 'old.bench.ts'));
    rmSync(join(root, 'src', 'core', 'renamed.ts'));
    writeFileSync(join(root, 'src', 'core', 'new-name.ts'), "export const renamed = 'after';\n");
    tsc(root);
    // What tsc alone leaves: the stale outputs, which an import or npm run bench would still find.
    expect(existsSync(join(root, 'dist', 'bench', 'old.bench.js'))).toBe(true);
    expect(existsSync(join(root, 'dist', 'src', 'core', 'renamed.js'))).toBe(true);
    const r = prune(root);
    expect(r.status, r.stderr).toBe(0);
    // The same files as a compile of the same sources into an empty dist/.
    const clean = project('clean');
    rmSync(join(clean, 'bench', 'old.bench.ts'));
    rmSync(join(clean, 'src', 'core', 'renamed.ts'));
    writeFileSync(join(clean, 'src', 'core', 'new-name.ts'), "export const renamed = 'after';\n");
    tsc(clean);
    const rel = (root2: string) => filesUnder(join(root2, 'dist')).map((f) => f.slice(root2.length));
    expect(rel(root)).toEqual(rel(clean));
    expect(rel(root)).not.toContain('/dist/bench/old.bench.js');
    expect(rel(root)).not.toContain('/dist/edpm-rolegen.mjs');
    expect(existsSync(join(root, 'dist', 'bench'))).toBe(false);
  });

  it('an output gone while its source is unchanged: an incremental tsc does not write it again, prune-dist has it compiled again', () => {
    const root = project('missing');
    tsc(root);
    const out = join(root, 'dist', 'src', 'core', 'kept.js');
    rmSync(out);
    tsc(root);
    expect(existsSync(out)).toBe(false);
    const r = prune(root);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('dist/src/core/kept.js missing after tsc: compiling again from no build info');
    expect(readFileSync(out, 'utf8')).toContain("export const kept = 'kept';");
  });
});
