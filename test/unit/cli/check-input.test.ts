/**
 * check refuses what build refuses as an output folder, with the same
 * one line and exit 2: before, a file as --out was a stack-less but
 * formless "edpm-rolegen: error: ...: (ENOTDIR) (scandir)", and the root
 * folder was compared file by file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
