/**
 * Errors a person can act on: never a stack trace, one line naming the path
 * and what to do, names escaped, usage when there is nothing to do.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rolegenProcess, runRolegen } from '../../support/cli.js';
import { CLI, ROOT } from '../../support/paths.js';

const ROLES = join(ROOT, 'test', 'fixtures', 'roles');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-errors-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with its stdout into a reader that has already gone (as `| head -1` once it has its line). */
function intoClosedPipe(args: string): { status: string; stderr: string } {
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" ${args} | { exec 0<&-; sleep 0.5; }; echo "\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
  const lines = r.stderr.trimEnd().split('\n');
  return { status: lines.at(-1)!, stderr: lines.slice(0, -1).join('\n') };
}

describe('a reader that stops early', () => {
  it('ends discover --json and init quietly, exit 0, when the pipe closes', async () => {
    for (const args of [`discover --roles "${ROLES}" --json`, `init --roles "${ROLES}"`]) {
      const r = intoClosedPipe(args);
      expect(r.stderr, args).toBe('');
      expect(r.status, args).toBe('0');
    }
    const head = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" discover --roles "${ROLES}" --json | head -1`], { encoding: 'utf8' });
    expect(head.stdout).toBe('{\n');
    expect(head.stderr).toBe('');
  });
});

describe('standard output that cannot be written', () => {
  // /dev/full fails every write with ENOSPC: a redirection (`init ... > plan.yaml`) onto a full disk.
  it('says so in one line on stderr, exit 1, no stack trace', () => {
    for (const args of [['schema'], ['init', '--roles', ROLES], ['discover', '--roles', ROLES, '--json'], ['show', '--services', 'nova']]) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect({ args, status: r.status, stderr: r.stderr }).toEqual({
          args,
          status: 1,
          stderr: 'edpm-rolegen: error: cannot write to standard output: no space left on the device (ENOSPC); free some space; what was printed is incomplete\n',
        });
      } finally {
        closeSync(full);
      }
    }
  });
});

describe('file system errors: one line, the path, what to do, exit 2', () => {
  it('a name too long', async () => {
    const plan = join(dir, `${'x'.repeat(300)}.yaml`);
    const r = await runRolegen(['build', '--plan', plan, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${plan}:1:1: error: cannot read plan file: the path or one of its names is too long (ENAMETOOLONG); choose a shorter path\n`);
  });

  it('a part of the output path that is a file', async () => {
    writeFileSync(join(dir, 'file'), '');
    const r = await runRolegen(['build', '--out', join(dir, 'file', 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'file')}:1:1: error: ${join(dir, 'file', 'out')} cannot be made: this part of the path is not a folder\n`);
  });

  it('init --out a folder: refused, nothing left behind', async () => {
    mkdirSync(join(dir, 'plans'));
    const r = await runRolegen(['init', '--roles', ROLES, '--out', join(dir, 'plans'), '--force']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'plans')}:1:1: error: is a folder; give the path of the plan file to write, e.g. my-plan.yaml\n`);
    expect(readdirSync(dir)).toEqual(['plans']);
  });

  it('init --out in a folder that does not exist', async () => {
    const r = await runRolegen(['init', '--roles', ROLES, '--out', join(dir, 'no', 'plan.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'no', 'plan.yaml')}:1:1: error: cannot write the plan file: no such file or folder (ENOENT); check the path\n`);
  });
});

describe('names are printed escaped', () => {
  it('a plan key with a newline cannot forge a second diagnostic line, nor an escape sequence reach the terminal', async () => {
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ 'x\nplan.json:1:1: error: forged': 1, '\u001b[2Jy': 2, updateServices: { containerSteps: [] } }));
    const r = await runRolegen(['build', '--plan', plan, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^.*plan\.json:1:\d+: error: \/x\\x0aplan\.json:1:1: error: forged: unknown key "x\\x0aplan\.json:1:1: error: forged"/);
    expect(lines[1]).toContain('/\\x1b[2Jy: unknown key "\\x1b[2Jy"');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('a plan path with control characters', async () => {
    const plan = join(dir, 'bad\u0007\nname.yaml');
    writeFileSync(plan, 'updateServices: {containerSteps: 3}\n');
    const r = await runRolegen(['build', '--plan', plan, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${dir}/bad\\x07\\x0aname.yaml:1:34: error: /updateServices/containerSteps: expected a list, found number 3\n`);
  });
});

describe('paths are printed escaped in answers and reports too', () => {
  // A plan and an output under a folder named with a newline and an escape sequence: explain, show, init,
  // import and rollout printed its path raw (a forged line, the sequence reaching the terminal).
  it('explain, show, init, import and rollout', async () => {
    const odd = join(dir, 'odd\u001b[2J\nx');
    mkdirSync(odd);
    const plan = join(odd, 'plan.yaml');
    writeFileSync(plan, readFileSync(join(ROOT, 'plans', 'default.yaml')));
    const out = join(odd, 'out');
    expect((await runRolegen(['build', '--plan', plan, '--out', out])).status).toBe(0);
    const shown = (path: string) => path.replace('\u001b', '\\x1b').replace('\n', '\\x0a');
    const nodes = join(dir, 'nodes.txt');
    writeFileSync(nodes, 'compute-0\n');
    const runs = {
      explain: await runRolegen(['explain', `${join(out, 'edpm_update_services', 'tasks', 'containers.yml')}:54`]),
      explainPlan: await runRolegen(['explain', '--out', out, `${plan}:47`]),
      show: await runRolegen(['show', '--plan', plan, '--services', 'nova']),
      init: await runRolegen(['init', '--roles', ROLES, '--out', join(odd, 'init.yaml')]),
      import: await runRolegen(['import', '--role', join(ROOT, 'test', 'fixtures', 'hand-written', 'edpm_update_services'), '--out', join(odd, 'imported.yaml')]),
      rollout: await runRolegen(['rollout', '--node-set', 'edpm', '--rollout-id', 'r1', '--nodes', nodes, '--out', join(odd, 'waves.yaml')]),
    };
    for (const [name, r] of Object.entries(runs)) {
      expect({ name, status: r.status }).toEqual({ name, status: 0 });
      const printed = name === 'show' ? r.stdout : r.stdout + r.stderr;
      expect({ name, escape: printed.includes('\u001b'), forged: printed.split('\n').some((l) => l.startsWith('x/')) }).toEqual({ name, escape: false, forged: false });
    }
    expect(runs.explain.stdout).toContain(`${shown(plan)}:47:23 /updateServices/containerSteps/1/tasks/1`);
    expect(runs.explainPlan.stdout).toContain(`-> ${shown(out)}/edpm_update_services/tasks/containers.yml:54-70`);
    expect(runs.show.stdout).toContain(`from ${shown(plan)}:17:5 /updateServices/essentialPackages`);
    expect(runs.init.stdout).toBe(`wrote a plan for 24 roles to ${shown(join(odd, 'init.yaml'))}\n`);
  });
});

describe('usage and check', () => {
  it('no arguments: usage on stderr, exit 2', async () => {
    const r = await runRolegen([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: edpm-rolegen /);
    expect(r.stderr).toMatch(/error: no command given\n$/);
  });

  it('check --out a missing folder: one line', async () => {
    const r = await runRolegen(['check', '--out', join(dir, 'nowhere')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${join(dir, 'nowhere')}: no such folder; nothing to compare (run edpm-rolegen build --out ${join(dir, 'nowhere')} to make it)\n`);
  });

  it('without --out, builds and checks dist-roles/ of the current folder, not of the package', async () => {
    const r = rolegenProcess(['build'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote \d+ files to dist-roles /);
    expect(existsSync(join(dir, 'dist-roles', 'edpm_update_services', 'tasks', 'main.yml'))).toBe(true);
    expect(rolegenProcess(['check'], dir).status).toBe(0);
  });
});

describe('the shipped CLI', () => {
  it('has no crash hook: the environment variable the old crash test used does nothing', () => {
    expect(readFileSync(CLI, 'utf8')).not.toMatch(/EDPM_ROLEGEN_CRASH_AT|SIGKILL/);
    const r = spawnSync(process.execPath, [CLI, 'build', '--out', join(dir, 'out')], { encoding: 'utf8', env: { ...process.env, EDPM_ROLEGEN_CRASH_AT: 'locked:1' } });
    expect(r.signal).toBe(null);
    expect(r.status).toBe(0);
  });
});
