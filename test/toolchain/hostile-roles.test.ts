import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { UpdatePlan } from '../../src/model/plan.js';
import { parsePlan } from '../../src/plan/load.js';
import { collectionLayout, requireToolchain, runTool } from '../support/ansible-toolchain.js';
import { ROOT } from '../support/paths.js';

// The generated roles themselves, run in check mode on the test node, for
// the plan values that pass validation (grammar and meaning) at their most
// awkward (globs where a glob is allowed, '+', the longest names). A canary file shows whether any template was
// evaluated or command run; a plan that skips validation (built as an
// object, with a Jinja lookup for a package name) shows that the canary
// would catch it.
const longRole = `edpm_${'r'.repeat(95)}`;
const awkward = {
  collection: 'a_b.c_d',
  updateServices: {
    essentialPackages: ['openstack-selinux', 'lib+plus', 'a.b_c-d+e', `p${'x'.repeat(199)}`],
    alwaysExcludedPackages: ['kernel', 'kernel-core', 'openvswitch', 'kernel-rt*'],
    alwaysBefore: [{ role: 'edpm_podman', tasks: ['login'] }],
    containerSteps: [
      { serviceType: 'a-b-c-1', role: longRole, tasks: ['update', 'run'] },
      { serviceType: 'x9', role: 'edpm_x9', tasks: ['up-date_2'] },
    ],
  },
  updateSystem: {
    openvswitch: { packages: ['rdo-openvswitch', 'openvswitch3.3', 'python3-openvswitch3.3+x_y'], serviceName: 'ovs-vswitchd.service' },
    includePackages: ['*'],
    alwaysExcludedPackages: ['openvswitch', 'a.b+c_d-e'],
    bootc: { rebootRequiredFile: '/var/lib/openstack/reboot_required/a.b+c_d-e' },
  },
};

describe('hostile plans on the generated roles themselves', () => {
  let dir: string;
  let node: string;
  const podman = (args: string[]) => execFileSync('podman', args, { encoding: 'utf8', env: { ...process.env, CONTAINERS_CONF: join(ROOT, 'molecule/podman/containers.conf') } });

  beforeAll(() => {
    requireToolchain();
    dir = mkdtempSync(join(tmpdir(), 'rolegen-hostile-'));
    node = `rolegen-hostile-${process.pid}`;
    const image = execFileSync('bash', [join(ROOT, 'molecule/node/build.sh')], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
    podman(['run', '-d', '--rm', '--privileged', '--name', node, image, 'sleep', 'infinity']);
  }, 600_000);
  afterAll(() => {
    spawnSync('podman', ['rm', '-f', '-t', '0', node], { env: { ...process.env, CONTAINERS_CONF: join(ROOT, 'molecule/podman/containers.conf') } });
    rmSync(dir, { recursive: true, force: true });
  });

  /** Syntax-checks and runs both generated roles in check mode on the node; returns whether the canary appeared. */
  function runInCheckMode(plan: UpdatePlan, canary: string): { output: string; status: number | null; canary: boolean } {
    const stubs = [...plan.updateServices.alwaysBefore, ...plan.updateServices.containerSteps];
    const layout = collectionLayout(compilePlan(plan), plan.collection, stubs);
    try {
      for (const playbook of ['update_services.yml', 'update_system.yml']) {
        const r = runTool('ansible-playbook', ['--syntax-check', '-i', 'localhost,', join('playbooks', playbook)], layout.dir, layout.root);
        expect(r.status, r.output).toBe(0);
      }
      const playbook = join(layout.dir, 'check.yml');
      writeFileSync(
        playbook,
        stringify([
          {
            name: 'Both roles, in check mode',
            hosts: 'all',
            gather_facts: false,
            vars: { edpm_service_types: [...new Set(plan.updateServices.containerSteps.map((s) => s.serviceType))] },
            tasks: [
              // The essential packages exist nowhere on the node: installing the
              // missing ones fails, as the hand-written role's state: latest did,
              // and dnf's message names each of them verbatim.
              {
                name: 'Services, packages step',
                block: [
                  { name: 'Services', 'ansible.builtin.include_role': { name: `${plan.collection}.edpm_update_services` } },
                  { name: 'Services went through', 'ansible.builtin.fail': { msg: 'the essential packages were found' } },
                ],
                rescue: [
                  {
                    name: 'Only the missing essential packages failed',
                    'ansible.builtin.assert': {
                      that: [
                        "ansible_failed_task.name == 'Install the essential packages that are missing'",
                        'ansible_failed_result.failures | length == edpm_check_essentials | length',
                        "ansible_failed_result.failures | reject('match', 'No package .* available') | list == []",
                      ],
                    },
                    vars: { edpm_check_essentials: [...plan.updateServices.essentialPackages] },
                  },
                ],
              },
              {
                name: 'Services, container steps',
                'ansible.builtin.include_role': { name: `${plan.collection}.edpm_update_services` },
                vars: { edpm_update_services_enable_packages_update: false },
              },
              { name: 'System', 'ansible.builtin.include_role': { name: `${plan.collection}.edpm_update_system` } },
            ],
          },
        ]),
      );
      const r = runTool('ansible-playbook', ['--check', '-i', `${node},`, '-c', 'containers.podman.podman', playbook], layout.dir, layout.root, {
        CONTAINERS_CONF: join(ROOT, 'molecule/podman/containers.conf'),
      });
      const onNode = spawnSync('podman', ['exec', node, 'test', '-e', canary], { env: { ...process.env, CONTAINERS_CONF: join(ROOT, 'molecule/podman/containers.conf') } }).status === 0;
      return { output: r.output, status: r.status, canary: existsSync(canary) || onNode };
    } finally {
      rmSync(layout.root, { recursive: true, force: true });
    }
  }

  it('the most awkward accepted values: syntax check and check-mode run pass, nothing is evaluated', () => {
    const canary = join(dir, 'canary-accepted');
    const plan = parsePlan(stringify(awkward), 'awkward.yaml');
    const r = runInCheckMode(plan, canary);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/Run edpm_x9 up-date_2\.yml for service type x9/);
    expect(r.canary).toBe(false);
  }, 300_000);

  it('the canary works: a Jinja lookup that skipped validation is evaluated by Ansible', () => {
    const canary = join(dir, 'canary-control');
    const valid = parsePlan(stringify(awkward), 'awkward.yaml');
    const bypassed: UpdatePlan = {
      ...valid,
      updateServices: { ...valid.updateServices, alwaysExcludedPackages: [...valid.updateServices.alwaysExcludedPackages, `{{ lookup('ansible.builtin.pipe', 'touch ${canary}') }}`] },
    };
    const r = runInCheckMode(bypassed, canary);
    expect(r.canary, r.output).toBe(true);
  }, 300_000);
});
