/**
 * `--out FILE` of init, import and rollout (and resume, which writes as
 * rollout does): the file is written by a rename over the name, so a name
 * that is not a regular file is refused, even with --force, and left as it
 * was. Before, `init --out link.yaml --force` replaced the link with a file
 * (its target untouched) and `--out /dev/stdout --force` run as root
 * replaced the device's link with a regular file.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRolegen } from '../../support/cli.js';
import { ROOT } from '../../support/paths.js';

const ROLES = join(ROOT, 'test', 'fixtures', 'roles');
const HAND_WRITTEN = join(ROOT, 'test', 'fixtures', 'hand-written', 'edpm_update_services');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-out-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The three ways a command gets its --out (each with --force, which does not make these writable). */
function commands(out: string): Record<string, string[]> {
  const nodes = join(dir, 'nodes.txt');
  // A node list, one name a line, as `rollout --nodes` reads it.
  writeFileSync(nodes, 'compute-0\ncompute-1\n');
  return {
    init: ['init', '--roles', ROLES, '--out', out, '--force'],
    import: ['import', '--role', HAND_WRITTEN, '--out', out, '--force'],
    rollout: ['rollout', '--node-set', 'edpm', '--rollout-id', 'r1', '--nodes', nodes, '--out', out, '--force'],
  };
}

describe('--out FILE that is not a regular file', () => {
  it('refuses a symbolic link (exit 2), leaving the link and its target as they were', async () => {
    const target = join(dir, 'target.yaml');
    const link = join(dir, 'link.yaml');
    writeFileSync(target, 'mine\n');
    symlinkSync(target, link);
    for (const [name, args] of Object.entries(commands(link))) {
      const r = await runRolegen(args);
      expect({ name, status: r.status, stderr: r.stderr }).toEqual({ name, status: 2, stderr: expect.stringMatching(/^.*link\.yaml:1:1: error: is a symbolic link; give the file it points to, or another path for the (plan file|deployment manifests)\n$/u) });
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(target);
      expect(readFileSync(target, 'utf8')).toBe('mine\n');
    }
  });

  it('refuses a FIFO (as a device or socket), which stays one', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const [name, args] of Object.entries(commands(fifo))) {
      const r = await runRolegen(args);
      expect({ name, status: r.status }).toEqual({ name, status: 2 });
      expect(r.stderr).toMatch(/pipe:1:1: error: is not a regular file \(a device, FIFO or socket\); leave out --out to print the (plan file|deployment manifests) to standard output/u);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
  });

  it('still overwrites a regular file with --force', async () => {
    const out = join(dir, 'plan.yaml');
    writeFileSync(out, 'mine\n');
    const r = await runRolegen(commands(out).init!);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Plan derived by edpm-rolegen init/u);
  });
});
