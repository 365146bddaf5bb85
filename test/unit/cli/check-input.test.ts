/**
 * check refuses what build refuses as an output folder, with the same
 * one line and exit 2: before, a file as --out was a stack-less but
 * formless "edpm-rolegen: error: ...: (ENOTDIR) (scandir)", and the root
 * folder was compared file by file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../support/paths.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRolegen } from '../../support/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-check-input-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('check --out what cannot be an output folder', () => {
  it('a file', async () => {
    const file = join(dir, 'roles.tar');
    writeFileSync(file, '');
    for (const command of ['check', 'build']) {
      const r = await runRolegen([command, '--out', file]);
      expect(r.status, command).toBe(2);
      expect(r.stderr, command).toBe(`${file}:1:1: error: the output path exists and is not a folder\n`);
    }
  });

  it('a path through a file, and the root folder', async () => {
    const file = join(dir, 'roles.tar');
    writeFileSync(file, '');
    const through = await runRolegen(['check', '--out', join(file, 'out')]);
    expect(through.status).toBe(2);
    expect(through.stderr).toBe(`${join(file, 'out')}:1:1: error: cannot use the output folder: a part of the path is not a folder (ENOTDIR); check each part of the path\n`);
    const root = await runRolegen(['check', '--out', '/']);
    expect(root.status).toBe(2);
    expect(root.stdout).toBe('');
    expect(root.stderr).toBe('/:1:1: error: refusing to use the root folder as the output folder; give a folder of its own, e.g. --out dist-roles\n');
  });
});

describe('check of a folder built from another plan', () => {
  // A CI job that checks a folder built with --plan, without --plan: the
  // diff is the difference of the two plans, which it did not say.
  it('says which plan the folder was built from and how to check it against it; nothing said when it is the same plan', async () => {
    const minimal = join(ROOT, 'plans', 'examples', 'minimal.yaml');
    const out = join(dir, 'my-roles');
    expect((await runRolegen(['build', '--plan', minimal, '--out', out])).status).toBe(0);
    const r = await runRolegen(['check', '--out', out]);
    expect(r.status).toBe(1);
    const [builtFrom, differs] = r.stderr.split('\n');
    expect(builtFrom).toBe(
      `${out} was built from plans/examples/minimal.yaml, not from the built-in plan (plans/default.yaml), which this check compiled; to check it against its own plan: edpm-rolegen check --plan plans/examples/minimal.yaml --out ${out}`,
    );
    expect(differs).toMatch(new RegExp(`^${out} differs from the plan in \\d+ files`, 'u'));
    const own = await runRolegen(['check', '--plan', minimal, '--out', out]);
    expect({ status: own.status, stderr: own.stderr }).toEqual({ status: 0, stderr: '' });
    const edited = join(out, 'edpm_update_services', 'tasks', 'main.yml');
    writeFileSync(edited, '# edited by hand\n');
    const drift = await runRolegen(['check', '--plan', minimal, '--out', out]);
    expect(drift.status).toBe(1);
    expect(drift.stderr).not.toMatch(/was built from/u);
  });
});
