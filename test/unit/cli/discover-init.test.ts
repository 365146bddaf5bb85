import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/plan/load.js';
import { rolegenProcess, runRolegen } from '../../support/cli.js';
import { ROOT } from '../../support/paths.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'roles');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-discover-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('edpm-rolegen discover', () => {
  it('prints a table of roles, then the audit, exit 0 without errors', async () => {
    const r = await runRolegen(['discover', '--roles', FIXTURE]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^ROLE\s+ENTRY POINTS\s+RULE SELECTS\s+CONTAINERS\s+SERVICE TYPE\s+PLAN STEPS$/);
    expect(lines.find((l) => l.startsWith('edpm_swift '))).toMatch(/^edpm_swift\s+update, run, install\s+update, run\s+yes\s+swift \(guess\)\s+-$/);
    expect(lines.find((l) => l.startsWith('edpm_nova '))).toMatch(/^edpm_nova\s+update, install\s+update, install\s+yes\s+nova\s+#7$/);
    expect(lines.find((l) => l.startsWith('edpm_nftables '))).toMatch(/^edpm_nftables\s+run\s+run\s+none\s/);
    expect(r.stdout).toMatch(/edpm_telemetry_power_monitoring\/tasks\/update\.yml:1:1: warning: role edpm_telemetry_power_monitoring has update entry points/);
    expect(r.stdout).toMatch(/\n24 roles; 0 errors, 2 warnings, 8 notes\n$/);
  });

  it('prints JSON for machines', async () => {
    const r = await runRolegen(['discover', '--roles', FIXTURE, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toEqual({ errors: 0, warnings: 2, notes: 8 });
    expect(doc.roles.find((x: any) => x.name === 'edpm_swift').containers).toBe('tasks/run.yml:7: edpm_container_standalone');
    expect(doc.roles.find((x: any) => x.name === 'edpm_sshd').containers).toBeNull();
    expect(doc.roles.find((x: any) => x.name === 'edpm_ovs').taskFiles).toContain('update.yaml');
    expect(doc.roles.find((x: any) => x.name === 'edpm_swift').serviceTypes).toEqual([{ name: 'swift', source: 'guess' }]);
    expect(doc.diagnostics[0]).toMatchObject({ severity: 'warning', line: 1, col: 1 });
  });

  it('exits 1 when the plan names roles or task files the tree lacks', async () => {
    const plan = join(dir, 'p.yaml');
    writeFileSync(plan, 'updateServices:\n  containerSteps:\n    - {serviceType: foo, role: edpm_foo, tasks: [run]}\n');
    const r = await runRolegen(['discover', '--roles', FIXTURE, '--plan', plan]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${plan}:3:32: error: /updateServices/containerSteps/0/role: role edpm_foo not found: no folder ${join(FIXTURE, 'edpm_foo')}`);
  });

  it('exits 2 on a missing roles folder or an invalid plan', async () => {
    const r = await runRolegen(['discover', '--roles', join(dir, 'nope')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'nope')}:1:1: error: cannot read the roles folder: no such file or folder (ENOENT); check the path
`);
    expect((await runRolegen(['discover'])).status).toBe(2);
  });
});

describe('edpm-rolegen build --roles', () => {
  it('builds when the audit has no errors', async () => {
    const r = await runRolegen(['build', '--roles', FIXTURE, '--out', join(dir, 'out')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: role edpm_swift has update entry points/);
  });
  it('names task files as the tree has them (update.yaml), and check --roles agrees', async () => {
    const plan = join(dir, 'ovs.yaml');
    writeFileSync(plan, 'updateServices:\n  containerSteps: []\nupdateSystem:\n  openvswitch:\n    tasks: {role: edpm_ovs, tasks: update}\n');
    const out = join(dir, 'out');
    expect((await runRolegen(['build', '--roles', FIXTURE, '--plan', plan, '--out', out])).status).toBe(0);
    expect(readFileSync(join(out, 'edpm_update_system', 'tasks', 'openvswitch.yml'), 'utf8')).toMatch(/tasks_from: update\.yaml\n/);
    expect((await runRolegen(['check', '--roles', FIXTURE, '--plan', plan, '--out', out])).status).toBe(0);
    expect((await runRolegen(['check', '--plan', plan, '--out', out])).status).toBe(1);
  });
  it('refuses to build on audit errors, exit 2, nothing written', async () => {
    const plan = join(dir, 'p.yaml');
    writeFileSync(plan, 'updateServices:\n  containerSteps:\n    - {serviceType: ovn, role: edpm_ovn, tasks: [restart]}\n');
    const r = await runRolegen(['build', '--roles', FIXTURE, '--plan', plan, '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/p\.yaml:3:50: error: \/updateServices\/containerSteps\/0\/tasks\/0: task file .*edpm_ovn\/tasks\/restart\.yml not found/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('edpm-rolegen init', () => {
  it('prints a valid plan to stdout', async () => {
    const r = await runRolegen(['init', '--roles', FIXTURE]);
    expect(r.status).toBe(0);
    expect(parsePlan(r.stdout, 'derived.yaml').updateServices.containerSteps.length).toBe(13);
  });
  it('reports what it skipped as discover does: file:line:col, names escaped', async () => {
    // A folder whose name holds an escape sequence and a newline: printed raw, it reached the terminal and forged a second line.
    const roles = join(dir, 'roles');
    cpSync(join(FIXTURE, 'edpm_nova'), join(roles, 'edpm_nova'), { recursive: true });
    mkdirSync(join(roles, 'evil\x1b[31m\nline'));
    const r = await runRolegen(['init', '--roles', roles]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `${roles}/evil\\x1b[31m\\x0aline:1:1: warning: skipped "evil\\u001b[31m\\nline": not a role name Ansible accepts (a lowercase letter, then lowercase letters, digits and _)\n`,
    );
    const discover = await runRolegen(['discover', '--roles', roles]);
    expect(discover.stdout).toContain(r.stderr);
  });

  it('writes the file, and refuses to overwrite it without --force', async () => {
    const out = join(dir, 'plan.yaml');
    expect((await runRolegen(['init', '--roles', FIXTURE, '--out', out])).status).toBe(0);
    const first = readFileSync(out, 'utf8');
    writeFileSync(out, 'mine\n');
    const r = await runRolegen(['init', '--roles', FIXTURE, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${out}:1:1: error: the file exists; use --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    expect((await runRolegen(['init', '--roles', FIXTURE, '--out', out, '--force'])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });
});

describe('a roles path that is not the roles folder', () => {
  // The layout of an edpm-ansible checkout (or of an installed collection):
  // its roles under roles/, here a copy of the fixture roles tree.
  function collection(): string {
    const root = join(dir, 'edpm-ansible');
    cpSync(FIXTURE, join(root, 'roles'), { recursive: true });
    return root;
  }

  it('a checkout or collection holding roles/: discover, init, build and show name the roles folder, exit 2, nothing written', async () => {
    const root = collection();
    const expected = `${root}:1:1: error: no role here (no <role>/tasks/*.yml); this folder holds its roles under roles/ (a collection, or an edpm-ansible checkout): give that roles folder, ${join(root, 'roles')}\n`;
    const out = join(dir, 'plan.yaml');
    for (const args of [
      ['discover', '--roles', root],
      ['init', '--roles', root, '--out', out],
      ['build', '--roles', root, '--out', join(dir, 'out')],
      ['show', '--services', 'nova', '--roles', root],
    ]) {
      const r = await runRolegen(args);
      expect({ args, status: r.status, stderr: r.stderr, stdout: r.stdout }).toEqual({ args, status: 2, stderr: expected, stdout: '' });
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it("one role's own folder: names the folder that holds it", async () => {
    const role = join(collection(), 'roles', 'edpm_nova');
    const r = await runRolegen(['discover', '--roles', role]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${role}:1:1: error: no role here (no <role>/tasks/*.yml); this is the folder of one role (it has tasks/): give the folder that holds the roles, ${join(role, '..')}\n`);
  });

  it('an empty folder is still an empty roles tree (every plan role missing, exit 1)', async () => {
    const r = await runRolegen(['discover', '--roles', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\n0 roles; 12 errors, 0 warnings, 0 notes\n$/u);
  });
});
