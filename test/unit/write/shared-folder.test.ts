/**
 * The writer in a folder it shares: it refuses outputs it must not touch
 * before touching anything, reads its manifest only as a small regular
 * file, removes only its own exact scratch names, refuses tree paths that
 * leave the folder, and lets concurrent builds wait or fail clearly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError } from '../../../src/core/diagnostics.js';
import { findDrift } from '../../../src/write/drift.js';
import { recoverInterruptedBuild, writeTree } from '../../../src/write/write-tree.js';
import { rolegenProcess, runRolegen } from '../../support/cli.js';
import { CLI } from '../../support/paths.js';
import { defaultPlanData } from '../../support/plans.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-shared-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Names and kinds of everything below a folder, for "nothing changed" checks. */
function inventory(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const s = lstatSync(join(d, e.name));
      out.push(`${rel}${e.name} ${s.mode.toString(8)} ${s.mtimeMs}`);
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
    }
  };
  walk(root, '');
  return out.sort();
}

describe('outputs refused before anything is touched', () => {
  it('the root folder and the empty path', async () => {
    const root = await runRolegen(['build', '--out', '/']);
    expect(root.status).toBe(2);
    expect(root.stderr).toBe('/:1:1: error: refusing to use the root folder as the output folder; give a folder of its own, e.g. --out dist-roles\n');
    const before = inventory(dir);
    const empty = rolegenProcess(['build', '--out', ''], dir);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe('(empty path):1:1: error: the output folder is an empty path; give a folder, e.g. --out dist-roles\n');
    expect(inventory(dir)).toEqual(before);
    expect(() => writeTree('', new Map([['a', 'b']]))).toThrow(InputError);
  });

  it('a read-only output folder (a read-only mount): refused, left as it was, and builds work once it is writable', async () => {
    const out = join(dir, 'ro');
    mkdirSync(out);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'rolegen-ro-test', out]).status, 'mount (tests run as root)').toBe(0);
    try {
      writeFileSync(join(out, 'mine.txt'), 'mine\n');
      expect(spawnSync('mount', ['-o', 'remount,ro', out]).status).toBe(0);
      const before = inventory(out);
      const r = await runRolegen(['build', '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`${out}:1:1: error: cannot write to the output folder: read-only file system (EROFS); choose a folder you can write, or fix its permissions\n`);
      expect(inventory(out)).toEqual(before);
      expect(readdirSync(dir)).toEqual(['ro']);
      expect(spawnSync('mount', ['-o', 'remount,rw', out]).status).toBe(0);
      expect((await runRolegen(['build', '--out', out])).status).toBe(0);
      expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('mine\n');
    } finally {
      spawnSync('umount', [out]);
    }
  });
});

describe('the manifest is read only as a small regular file', () => {
  it('a manifest that is a link to /dev/zero or a FIFO is refused at once, by check and build', async () => {
    const out = join(dir, 'out');
    expect((await runRolegen(['build', '--out', out])).status).toBe(0);
    const manifest = join(out, '.edpm-rolegen-manifest.json');
    rmSync(manifest);
    symlinkSync('/dev/zero', manifest);
    for (const command of ['check', 'build']) {
      const r = spawnSync(process.execPath, [CLI, command, '--out', out], { encoding: 'utf8', timeout: 10_000 });
      expect(r.status, command).toBe(2);
      expect(r.stderr, command).toBe(`${manifest}:1:1: error: the build manifest is a symbolic link; edpm-rolegen reads it only as a regular file: remove it and build again\n`);
    }
    rmSync(manifest);
    expect(spawnSync('mkfifo', [manifest]).status).toBe(0);
    for (const command of ['check', 'build']) {
      const r = spawnSync(process.execPath, [CLI, command, '--out', out], { encoding: 'utf8', timeout: 10_000 });
      expect(r.signal, `${command} must not hang on a FIFO`).toBe(null);
      expect(r.status, command).toBe(2);
      expect(r.stderr, command).toBe(`${manifest}:1:1: error: the build manifest is not a regular file; remove it and build again\n`);
    }
  });
});

describe('clean-up removes only the writer\'s own exact names', () => {
  it('keeps user files that merely share the scratch prefixes, beside and inside the output', async () => {
    const out = join(dir, 'roles');
    expect((await runRolegen(['build', '--out', out])).status).toBe(0);
    const lookalikes = [join(dir, '.roles.edpm-rolegen-new-1-abcd'), join(dir, '.roles.edpm-rolegen-swap.json'), join(out, '.edpm-rolegen-staging-mine'), join(out, '.edpm-rolegen-journal.json.bak')];
    for (const f of lookalikes) writeFileSync(f, 'mine\n');
    // A build that died while staging leaves the staging folder: the next build removes it.
    mkdirSync(join(out, '.edpm-rolegen-staging', 'playbooks'), { recursive: true });
    writeFileSync(join(out, '.edpm-rolegen-staging', 'playbooks', 'update_services.yml'), 'half\n');
    const data = defaultPlanData();
    data.updateServices.essentialPackages.push('tuned');
    writeFileSync(join(dir, 'plan.yaml'), stringify(data));
    expect((await runRolegen(['build', '--plan', join(dir, 'plan.yaml'), '--out', out])).status).toBe(0);
    for (const f of lookalikes) expect(readFileSync(f, 'utf8'), f).toBe('mine\n');
    expect(existsSync(join(out, '.edpm-rolegen-staging'))).toBe(false);
  });
});

describe('the library writer refuses paths that leave the folder', () => {
  it.each([['../x'], ['/etc/passwd-rolegen-test'], ['a/../../x'], ['./a'], ['a//b'], ['.edpm-rolegen-manifest.json'], ['']])('%j', (path) => {
    const out = join(dir, 'out');
    expect(() => writeTree(out, new Map([['ok.txt', 'ok\n'], [path, 'bad\n']]))).toThrow(/is not a relative path inside the output folder/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync('/etc/passwd-rolegen-test')).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a folder swapped for a link while a build writes', () => {
  it('is refused when the journal reaches it: nothing is written where the link points; once it is gone, the build finishes', () => {
    // Before, the rename followed the link: the new main.yml landed in the folder it named (and, with the real roles,
    // containers.yml, main.yml and packages.yml of edpm_update_services/tasks).
    const out = join(dir, 'out');
    const victim = join(dir, 'victim');
    mkdirSync(victim);
    const tree1 = new Map([['role/tasks/main.yml', 'one\n'], ['role/tasks/other.yml', 'same\n'], ['role/meta/main.yml', 'meta\n']]);
    const tree2 = new Map([['role/tasks/main.yml', 'two\n'], ['role/tasks/other.yml', 'same\n'], ['role/meta/main.yml', 'meta 2\n']]);
    writeTree(out, tree1);
    const swap = (step: string): void => {
      if (step !== 'journal-written') return;
      renameSync(join(out, 'role', 'tasks'), join(dir, 'moved-away'));
      symlinkSync(victim, join(out, 'role', 'tasks'));
    };
    let error: unknown;
    try {
      writeTree(out, tree2, { onStep: swap });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(`${join(out, 'role', 'tasks')}:1:1: error: is a symbolic link on the way to role/tasks/main.yml`);
    expect(readdirSync(victim)).toEqual([]);
    unlinkSync(join(out, 'role', 'tasks'));
    expect(recoverInterruptedBuild(out)).toBe(true);
    writeTree(out, tree2);
    expect(findDrift(out, tree2)).toEqual([]);
    expect(readdirSync(victim)).toEqual([]);
  });
});

describe('a manifest that alone differs', () => {
  it('is rewritten, nothing else changes', async () => {
    const out = join(dir, 'out');
    expect((await runRolegen(['build', '--out', out])).status).toBe(0);
    const manifest = join(out, '.edpm-rolegen-manifest.json');
    const text = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, text.replace(/^\{\n/u, '{\n  "note": "an older layout",\n'));
    const before = inventory(join(out, 'edpm_update_services'));
    const r = await runRolegen(['build', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(manifest, 'utf8')).toBe(text);
    expect(inventory(join(out, 'edpm_update_services'))).toEqual(before);
    // no scratch: only the manifest and the provenance sidecar the build writes
    expect(readdirSync(out).filter((f) => f.startsWith('.edpm-rolegen')).sort()).toEqual(['.edpm-rolegen-manifest.json', '.edpm-rolegen-provenance.json']);
  });
});

describe('the lock', () => {
  const tree = new Map([['a/file.txt', 'new\n']]);
  it('a live holder: the build waits, then stops with a clear message and touches nothing', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(out, '.edpm-rolegen.lock'), `${holder.pid}\n`);
      expect(() => writeTree(out, tree, { lockWaitMs: 300 })).toThrow(
        `${out} is being written by another edpm-rolegen build (pid ${holder.pid}); waited 0 s. Run again when it has finished; if no build is running, remove ${join(out, '.edpm-rolegen.lock')}`,
      );
      expect(readdirSync(out)).toEqual(['.edpm-rolegen.lock']);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('the lock of a build that died is taken over', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const dead = spawnSync('true').pid!;
    writeFileSync(join(out, '.edpm-rolegen.lock'), `${dead}\n`);
    expect(writeTree(out, tree, { lockWaitMs: 300 }).changed).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['.edpm-rolegen-manifest.json', 'a']);
  });
});

describe('a lock that no build made', () => {
  // A build makes its lock a small regular file (O_EXCL) holding its pid. Something else at that name,
  // in an output folder someone hands over, was read through before: a link to /dev/zero filled the
  // memory (9 GB in 30 s, killed), a FIFO blocked the build for ever. Now each is refused at once,
  // exit 2, naming it, and the folder is left as it was. Child processes with a timeout: without the
  // fix the FIFO case hangs, and this test fails instead of hanging with it.
  const build = (out: string) => spawnSync(process.execPath, [CLI, 'build', '--out', out], { encoding: 'utf8', timeout: 20_000 });

  it('a symbolic link (here to a file outside holding a live pid) is not followed: refused at once', { timeout: 30_000 }, () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, 'elsewhere.pid'), `${holder.pid}\n`);
      symlinkSync(join(dir, 'elsewhere.pid'), join(out, '.edpm-rolegen.lock'));
      const r = build(out);
      expect(r.stderr).toBe(`${join(out, '.edpm-rolegen.lock')}:1:1: error: the build lock is a symbolic link; edpm-rolegen reads it only as a regular file: remove it, then build again\n`);
      expect(r.status).toBe(2);
      expect(readdirSync(out)).toEqual(['.edpm-rolegen.lock']);
      expect(readFileSync(join(dir, 'elsewhere.pid'), 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a FIFO is refused at once, not read (which would block for ever)', { timeout: 30_000 }, () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    expect(spawnSync('mkfifo', [join(out, '.edpm-rolegen.lock')]).status).toBe(0);
    const r = build(out);
    expect(r.error, 'the build hung on the FIFO and was killed').toBeUndefined();
    expect(r.stderr).toBe(`${join(out, '.edpm-rolegen.lock')}:1:1: error: the build lock is not a regular file; remove it, then build again\n`);
    expect(r.status).toBe(2);
    expect(lstatSync(join(out, '.edpm-rolegen.lock')).isFIFO()).toBe(true);
  });
});

describe('concurrent builds', () => {
  it('20 builds of two plans at once into one folder: each succeeds or names the lock; no scratch; the result is one plan', async () => {
    const out = join(dir, 'roles');
    const other = defaultPlanData();
    other.updateServices.essentialPackages.push('tuned');
    other.updateServices.containerSteps.pop();
    const plans = [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
    writeFileSync(plans[0]!, stringify(defaultPlanData()));
    writeFileSync(plans[1]!, stringify(other));
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new Promise<{ status: number | null; stderr: string; plan: string }>((done) => {
          const child = spawn(process.execPath, [CLI, 'build', '--plan', plans[i % 2]!, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (status) => done({ status, stderr, plan: plans[i % 2]! }));
        }),
      ),
    );
    const ok = runs.filter((r) => r.status === 0);
    const locked = runs.filter((r) => r.status === 1 && /is being written by another edpm-rolegen build \(pid \d+\); waited \d+ s\. Run again when it has finished/.test(r.stderr));
    console.log(`20 parallel builds: ${ok.length} succeeded, ${locked.length} stopped at the lock, ${20 - ok.length - locked.length} other`);
    expect(runs.filter((r) => !ok.includes(r) && !locked.includes(r)).map((r) => r.stderr)).toEqual([]);
    expect(ok.length).toBeGreaterThan(0);
    // no scratch: only the manifest, the provenance sidecar and the stamp of the inputs (up-to-date.ts) the build writes
    expect(readdirSync(out).filter((f) => f.startsWith('.edpm-rolegen')).sort()).toEqual([
      '.edpm-rolegen-manifest.json',
      '.edpm-rolegen-provenance.json',
      '.edpm-rolegen-stamp.json',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml', 'roles']);
    const matching: string[] = [];
    for (const plan of plans) if ((await runRolegen(['check', '--plan', plan, '--out', out])).status === 0) matching.push(plan);
    expect(matching).toHaveLength(1);
  }, 120_000);
});
