/**
 * An output folder part of which cannot be changed (a subfolder on a
 * read-only bind mount here; `chattr +i` does the same): the build is
 * refused before the journal is committed, naming what cannot change, and
 * the folder keeps its old tree, whole, with no scratch left. Before, the
 * build committed its journal, renamed the files it could, and stopped at
 * the first it could not: part old, part new tree (exit 2 with the
 * rename's paths), until the cause was fixed and a build finished it.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRolegen } from '../../support/cli.js';
import { DEFAULT_PLAN } from '../../support/paths.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-partly-ro-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file below a folder with its content, for "nothing changed" checks. */
function contents(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out.set(`${rel}${e.name}`, `${lstatSync(join(d, e.name)).mode}:${readFileSync(join(d, e.name), 'utf8')}`);
    }
  };
  walk(root, '');
  return out;
}

describe('a build into a folder part of which is read-only', () => {
  it('is refused before any change, naming the folder; once writable, the build goes through', async () => {
    const out = join(dir, 'out');
    expect((await runRolegen(['build', '--out', out])).status).toBe(0);
    // A plan whose change reaches edpm_update_system/vars/main.yml and files elsewhere (README, argument specs).
    const plan = join(dir, 'plan.yaml');
    const text = readFileSync(DEFAULT_PLAN, 'utf8');
    expect(text).toMatch(/downloadRetries: 5\n/u);
    writeFileSync(plan, text.replace('downloadRetries: 5\n', 'downloadRetries: 7\n').replace('$schema: ../schemas/plan.schema.json\n', ''));
    const vars = join(out, 'edpm_update_system', 'vars');
    expect(spawnSync('mount', ['--bind', vars, vars]).status, 'mount (tests run as root)').toBe(0);
    try {
      expect(spawnSync('mount', ['-o', 'remount,ro,bind', vars]).status).toBe(0);
      const before = contents(out);
      const r = await runRolegen(['build', '--plan', plan, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `${join(vars, 'main.yml')}:1:1: error: the generated file cannot be changed: read-only file system (EROFS); nothing was changed (fix the permissions or attributes, or choose another folder)\n` +
          `${vars}:1:1: error: the folder cannot be changed: read-only file system (EROFS); nothing was changed (fix the permissions or attributes, or choose another folder)\n`,
      );
      expect(contents(out)).toEqual(before);
      expect(readdirSync(out).filter((n) => n.startsWith('.edpm-rolegen')).sort()).toEqual(['.edpm-rolegen-manifest.json', '.edpm-rolegen-provenance.json']);
    } finally {
      spawnSync('umount', [vars]);
    }
    expect((await runRolegen(['build', '--plan', plan, '--out', out])).status).toBe(0);
    expect((await runRolegen(['check', '--plan', plan, '--out', out])).status).toBe(0);
  });
});
