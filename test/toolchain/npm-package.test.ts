import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.js';

// `npm pack` must give a package that works where it is installed: the bin,
// the built-in plan, the templates and the library API.
describe('the npm package', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rolegen-pack-'));
    // --ignore-scripts: dist/ is compiled before any test runs
    // (test/support/global-setup.ts); prepack's compile would only rewrite
    // the same files while other test files run the CLI from them (the
    // Molecule scenarios run beside this file, see vitest.config.ts).
    const packed = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(dir, packed)], { cwd: dir });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships only what it needs', () => {
    const pkg = join(dir, 'node_modules', 'edpm-rolegen');
    // No test infrastructure (molecule/): the scenarios' fixed playbooks,
    // which the compiler emits with the roles, are templates.
    expect(readdirSync(pkg).sort()).toEqual(['README.md', 'dist', 'package.json', 'plans', 'schemas', 'templates']);
    expect(readdirSync(join(pkg, 'templates', 'molecule'), { recursive: true }).map(String).sort()).toEqual(
      readdirSync(join(ROOT, 'templates', 'molecule'), { recursive: true }).map(String).sort(),
    );
    // Nothing test-only or build-time in the shipped code (the provenance
    // map, once a test rig, is the program's own since explain: src/provenance).
    const shipped = readdirSync(join(pkg, 'dist'), { recursive: true }).map(String);
    expect(shipped.filter((f) => /fault-injection|plan-contract|scripts|(^|[/\\])(test|support)([/\\]|$)/.test(f))).toEqual([]);
    expect(shipped.some((f) => /(^|[/\\])provenance[/\\]explain\.js$/.test(f))).toBe(true);
  });

  it('runs its bin from the built-in plan', () => {
    const r = spawnSync(join(dir, 'node_modules', '.bin', 'edpm-rolegen'), ['build', '--out', join(dir, 'roles')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'roles', 'edpm_update_services', 'README.md'))).toBe(true);
    const check = spawnSync(join(dir, 'node_modules', '.bin', 'edpm-rolegen'), ['check', '--out', join(dir, 'roles')], { encoding: 'utf8' });
    expect(check.status).toBe(0);
  });

  it('without --out, writes ./dist-roles of the current folder, never a folder inside the installed package', () => {
    const here = join(dir, 'work');
    mkdirSync(here);
    const r = spawnSync(join(dir, 'node_modules', '.bin', 'edpm-rolegen'), ['build'], { cwd: here, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(here, 'dist-roles', 'edpm_update_services', 'README.md'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules', 'edpm-rolegen', 'dist-roles'))).toBe(false);
    expect(spawnSync(join(dir, 'node_modules', '.bin', 'edpm-rolegen'), ['check'], { cwd: here }).status).toBe(0);
  });

  it('lint, which needs the linters of a checkout, says so rather than advise a script the package does not ship (exit 2)', () => {
    const pkg = join(dir, 'node_modules', 'edpm-rolegen');
    const r = spawnSync(join(dir, 'node_modules', '.bin', 'edpm-rolegen'), ['lint', '--out', join(dir, 'roles')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${join(pkg, '.venv', 'bin', 'ansible-lint')}:1:1: error: lint runs the linters pinned in a checkout of edpm-rolegen (its .venv, made by bash scripts/python-env.sh), which an installed package does not ship: run it from a checkout (node dist/edpm-rolegen.mjs lint --out DIR)\n`,
    );
  });

  it('exposes the typed library API', () => {
    writeFileSync(
      join(dir, 'use.mjs'),
      "import { loadPlanFile, compilePlan, builtInPlanPath } from 'edpm-rolegen';\n" +
        "const tree = compilePlan(loadPlanFile(builtInPlanPath()));\n" +
        "console.log(tree.has('edpm_update_system/tasks/main.yml'), tree.size);\n",
    );
    const out = execFileSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(out).toMatch(/^true \d+\n$/);
    expect(existsSync(join(dir, 'node_modules', 'edpm-rolegen', 'dist', 'src', 'index.d.ts'))).toBe(true);
  });
});
