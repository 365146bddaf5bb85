/**
 * Files a person gives that are not UTF-8 (a plan saved as Latin-1 or
 * UTF-16, a node list with a Latin-1 name, a hand-written role's task
 * file): refused at the first bad byte, exit 2, nothing written; before,
 * they were read with replacement characters (a UTF-16 plan as "missing
 * updateServices", a Latin-1 name as another name). And a role's file
 * that is not a regular file (a FIFO, a device).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRolegen } from '../../support/cli.js';
import { CLI } from '../../support/paths.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-encoding-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('input that is not UTF-8', () => {
  it('a plan saved as Latin-1: exit 2 at the byte, nothing written', async () => {
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, latin1('# Plan of the café cluster\nupdateServices:\n  containerSteps: []\n'));
    const r = await runRolegen(['build', '--plan', plan, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${plan}:1:18: error: byte 0xe9 is not valid UTF-8; save the file as UTF-8\n`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a plan saved as UTF-16 (as some Windows editors do)', async () => {
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('updateServices:\n  containerSteps: []\n', 'utf16le')]));
    const r = await runRolegen(['build', '--plan', plan, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${plan}:1:1: error: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8\n`);
  });

  it('a plan with a UTF-8 byte order mark is UTF-8', async () => {
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, '\ufeffupdateServices:\n  containerSteps: []\n');
    expect((await runRolegen(['build', '--plan', plan, '--out', join(dir, 'out')])).status).toBe(0);
  });

  it('a node list with a Latin-1 name', async () => {
    const nodes = join(dir, 'nodes.txt');
    writeFileSync(nodes, latin1('compute-0\ncompute-é\n'));
    const r = await runRolegen(['rollout', '--node-set', 'edpm', '--rollout-id', 'r1', '--nodes', nodes]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${nodes}:2:9: error: byte 0xe9 is not valid UTF-8; save the file as UTF-8\n`);
  });

  it("a hand-written role's task file in Latin-1", async () => {
    const role = join(dir, 'edpm_update_services');
    mkdirSync(join(role, 'tasks'), { recursive: true });
    writeFileSync(join(role, 'tasks', 'containers.yml'), latin1('- name: Mise à jour\n  ansible.builtin.include_role:\n    name: osp.edpm.edpm_nova\n'));
    const r = await runRolegen(['import', '--role', role]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(role, 'tasks', 'containers.yml')}:1:14: error: byte 0xe0 is not valid UTF-8; save the file as UTF-8\n`);
  });
});

describe("a hand-written role's file that is not a regular file", () => {
  // In a child process with a time limit: before, a FIFO blocked import for ever and a link to /dev/zero never ended.
  for (const [name, make] of [
    ['a FIFO', (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0)],
    ['a link to /dev/zero', (path: string) => symlinkSync('/dev/zero', path)],
  ] as const) {
    it(`${name}: refused at once, exit 2`, { timeout: 20_000 }, () => {
      const role = join(dir, 'edpm_update_services');
      mkdirSync(join(role, 'tasks'), { recursive: true });
      make(join(role, 'tasks', 'containers.yml'));
      const r = spawnSync(process.execPath, [CLI, 'import', '--role', role], { encoding: 'utf8', timeout: 10_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`${join(role, 'tasks', 'containers.yml')}:1:1: error: not a regular file; give the role folder with its files\n`);
    });
  }
});
