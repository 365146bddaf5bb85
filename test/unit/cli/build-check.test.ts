import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { rolegenProcess, runRolegen } from '../../support/cli.js';
import { DEFAULT_PLAN, DIST_ROLES, ROOT } from '../../support/paths.js';
import { defaultPlanData } from '../../support/plans.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('edpm-rolegen --help and --version', () => {
  // End to end: the bundled executable, in a child process.
  it('prints help with every command and the exit codes, exit 0', () => {
    const r = rolegenProcess(['--help']);
    expect(r.status).toBe(0);
    for (const word of ['build', 'check', 'Exit codes: 0 success, 1 drift or failure, 2 bad input or usage']) expect(r.stdout).toContain(word);
  });
  it('prints the package version, exit 0', () => {
    const r = rolegenProcess(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
  it('exits 2 on an unknown command or option, without a stack trace', async () => {
    for (const args of [['frobnicate'], ['build', '--nope'], ['check', '--plan']]) {
      const r = await runRolegen(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('edpm-rolegen build', () => {
  it('writes both roles, the playbooks and the manifests from the built-in plan', async () => {
    const out = join(dir, 'roles');
    const r = await runRolegen(['build', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote \d+ files to /);
    for (const f of ['edpm_update_services/tasks/main.yml', 'edpm_update_system/meta/argument_specs.yml', 'playbooks/update_system.yml']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect((await runRolegen(['build', '--out', out])).stdout).toMatch(/is up to date/);
  });

  it('exits 2 and writes nothing when the plan is invalid, one line per problem', async () => {
    const plan = join(dir, 'bad.yaml');
    writeFileSync(plan, 'updateServices:\n  containerSteps:\n    - {serviceType: "Bad Type", role: edpm_x, tasks: [run]}\n  extra: 1\n');
    const out = join(dir, 'roles');
    const r = await runRolegen(['build', '--plan', plan, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${plan}:3:21: error: /updateServices/containerSteps/0/serviceType: "Bad Type" is not valid: expected EDPM service type whose presence runs this step: lowercase letters and digits, words joined by single -`,
      `${plan}:4:3: error: /updateServices/extra: unknown key "extra"; expected one of essentialPackages, alwaysExcludedPackages, alwaysBefore, containerSteps, prune`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 and writes nothing when the Open vSwitch package list would update a glob without scriptlets', async () => {
    const plan = join(dir, 'ovs-glob.yaml');
    writeFileSync(plan, 'updateServices:\n  containerSteps: []\nupdateSystem:\n  openvswitch:\n    packages: [openvswitch, "*"]\n');
    const out = join(dir, 'roles');
    const r = await runRolegen(['build', '--plan', plan, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().startsWith(`${plan}:5:29: error: /updateSystem/openvswitch/packages/1: "*" is a dnf glob: `)).toBe(true);
    expect(r.stderr).toMatch(/edpm_ovs_packages/);
    expect(r.stderr).not.toMatch(/\bat \w+ \(/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 with the file and reason when the plan cannot be read', async () => {
    const r = await runRolegen(['build', '--plan', join(dir, 'missing.yaml'), '--out', join(dir, 'o')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`${join(dir, 'missing.yaml')}:1:1: error: cannot read plan file: no such file or folder (ENOENT); check the path`);
    const r2 = await runRolegen(['build', '--plan', dir, '--out', join(dir, 'o')]);
    expect(r2.status).toBe(2);
    expect(r2.stderr.trim()).toBe(`${dir}:1:1: error: not a regular file`);
  });

  it('builds the same tree from a JSON copy of the built-in plan', async () => {
    const json = join(dir, 'plan.json');
    writeFileSync(json, JSON.stringify(defaultPlanData()));
    expect((await runRolegen(['build', '--plan', json, '--out', join(dir, 'a')])).status).toBe(0);
    expect((await runRolegen(['build', '--plan', DEFAULT_PLAN, '--out', join(dir, 'b')])).status).toBe(0);
    // the same files, but for the provenance map, which names each plan file and its lines
    const files = (d: string) => (JSON.parse(readFileSync(join(dir, d, '.edpm-rolegen-manifest.json'), 'utf8')) as { files: Record<string, unknown> }).files;
    const a = files('a');
    const b = files('b');
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const path of Object.keys(a)) if (path !== '.edpm-rolegen-provenance.json') expect(a[path], path).toEqual(b[path]);
  });
});

describe('edpm-rolegen check', () => {
  it('exits 0 on the committed dist-roles', async () => {
    const r = await runRolegen(['check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/matches the plan/);
  });

  it('exits 1 with a unified diff when a file differs, is missing or is stale', async () => {
    const out = join(dir, 'roles');
    cpSync(DIST_ROLES, out, { recursive: true });
    expect((await runRolegen(['check', '--out', out])).status).toBe(0);
    const packages = join(out, 'edpm_update_services/tasks/packages.yml');
    writeFileSync(packages, readFileSync(packages, 'utf8').replace('state: latest', 'state: present'));
    rmSync(join(out, 'playbooks/update_system.yml'));
    const r = await runRolegen(['check', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('--- a/edpm_update_services/tasks/packages.yml');
    expect(r.stdout).toContain('+++ b/edpm_update_services/tasks/packages.yml');
    expect(r.stdout).toMatch(/^-\s+state: present$/m);
    expect(r.stdout).toMatch(/^\+\s+state: latest$/m);
    expect(r.stdout).toContain('--- /dev/null');
    expect(r.stderr).toMatch(/differs from the plan in 2 files \(edpm_update_services\/tasks\/packages\.yml: changed, playbooks\/update_system\.yml: missing\)/);    // One file: in the singular (it said "1 files").
    writeFileSync(join(out, 'playbooks/update_system.yml'), readFileSync(join(DIST_ROLES, 'playbooks/update_system.yml')));
    expect((await runRolegen(['check', '--out', out])).stderr).toMatch(/ differs from the plan in 1 file \(edpm_update_services\/tasks\/packages\.yml: changed\); run edpm-rolegen build\n$/u);
  });

  it('exits 1 when the plan changed since the build', async () => {
    const out = join(dir, 'roles');
    expect((await runRolegen(['build', '--out', out])).status).toBe(0);
    const data = defaultPlanData();
    data.updateServices.essentialPackages = ['openstack-selinux', 'tuned'];
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, stringify(data));
    const r = await runRolegen(['check', '--plan', plan, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\+\s+- tuned$/m);
  });

  it('exits 1 when only the plan text changed (a comment): the roles match, the provenance map records another plan digest', async () => {
    const out = join(dir, 'roles');
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(DEFAULT_PLAN, 'utf8'));
    expect((await runRolegen(['build', '--plan', plan, '--out', out])).status).toBe(0);
    expect((await runRolegen(['check', '--plan', plan, '--out', out])).status).toBe(0);
    // At the end: no plan entry moves, so only the digest of the plan text differs.
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}# reviewed by hand\n`);
    const r = await runRolegen(['check', '--plan', plan, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('--- a/.edpm-rolegen-provenance.json');
    expect(r.stdout).toMatch(/^-\s+"planSha256": "[0-9a-f]{64}",$/m);
    expect(r.stdout).toMatch(/^\+\s+"planSha256": "[0-9a-f]{64}",$/m);
    expect(r.stdout.match(/^--- /gm)).toHaveLength(1);
    expect(r.stderr).toBe(
      'roles: the roles match the plan; only the provenance map (.edpm-rolegen-provenance.json) differs: it was built from another text or place of the plan (or edited since), so explain would answer with stale plan positions; run edpm-rolegen build\n'.replace('roles:', `${out}:`),
    );
    expect((await runRolegen(['build', '--plan', plan, '--out', out])).stdout).toMatch(/^wrote 1 file to .*\(\d+ generated\)/u); // the map alone: the roles are unchanged
    expect((await runRolegen(['check', '--plan', plan, '--out', out])).status).toBe(0);
  });

  it('exits 2 on an invalid plan', async () => {
    const plan = join(dir, 'p.yaml');
    writeFileSync(plan, 'updateServices: []\n');
    const r = await runRolegen(['check', '--plan', plan, '--out', join(dir, 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${plan}:1:17: error: /updateServices: expected a mapping, found a list\n`);
  });
});

describe('edpm-rolegen schema', () => {
  it('prints the JSON Schema that is committed in schemas/', async () => {
    const r = await runRolegen(['schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'schemas', 'plan.schema.json'), 'utf8'));
  });
});
