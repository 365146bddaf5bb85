/**
 * Values that pass their grammar but do damage on a node, by what they do
 * there (src/plan/plan-rules.ts): each is refused from a plan file with a
 * diagnostic at the value, and the same value in a plan object given to the
 * library's compilePlan is refused the same way. Values that mean no harm
 * still pass. (The Open vSwitch package list is issue 12's and is not here.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePlan, InputError, type UpdatePlan } from '../../src/index.js';
import { parsePlan } from '../../src/plan/load.js';
import { ROOT } from '../support/paths.js';
import { defaultPlanData } from '../support/plans.js';

type Data = Record<string, any>;

/** Each case: a field, the values that must be refused by meaning, and values of the same field that must pass. */
const CASES: { pointer: string; set: (d: Data, v: string) => void; hostile: string[]; fine: string[] }[] = [
  {
    // Phase 1's targeted update runs dnf as root with scriptlets: a glob makes it a broad update.
    pointer: '/updateServices/essentialPackages/0',
    set: (d, v) => (d.updateServices.essentialPackages = [v]),
    hostile: ['*', '?*', 'openstack-*', '[a-z]*', 'kernel', 'kernel-core', 'openvswitch', 'openvswitch3.3', 'rdo-openvswitch', 'rhoso-openvswitch'],
    fine: ['openstack-selinux', 'tuned', 'podman'],
  },
  {
    // The same update, under the exclusions a plan must keep and no more (those of the hand-written role, and
    // of plans/examples/downstream.yaml): an Open vSwitch package would be updated with its scriptlets, as root.
    pointer: '/updateServices/essentialPackages/0',
    set: (d, v) => {
      d.updateServices.alwaysExcludedPackages = ['kernel', 'kernel-core', 'openvswitch'];
      d.updateServices.essentialPackages = [v];
    },
    hostile: ['rdo-openvswitch', 'rhoso-openvswitch', 'openvswitch3.3', 'python3-openvswitch3.3', 'openvswitch3.1-ipsec'],
    fine: ['openstack-selinux', 'os-net-config', 'python3-ovsdbapp'],
  },
  {
    pointer: '/updateServices/alwaysExcludedPackages/4', // after the built-in plan's 4 exclusions
    set: (d, v) => d.updateServices.alwaysExcludedPackages.push(v),
    // The second half match by version, release or arch (dnf matches exclusions against name.arch and
    // name-version-release.arch too): on the test node's CentOS Stream 9, "*.*", "*.noarch", "*-[0-9]*" and
    // "*1*" held back all four pending updates, "*-*" three.
    hostile: ['*', '?*', '**', '[a-z]*', '[A-Za-z0-9]*', '?', '*.*', '*.noarch', '*.x86_64', '*-[0-9]*', '*-*', '*1*', '*el9*'],
    fine: ['*-debuginfo', 'python3-[ab]*', 'tuned', 'foo-1.*'],
  },
  {
    pointer: '/updateSystem/alwaysExcludedPackages/4',
    set: (d, v) => d.updateSystem.alwaysExcludedPackages.push(v),
    hostile: ['*', '?*', '**', '[a-z]*', '[A-Za-z0-9]*', '?', '*.*', '*.noarch', '*.x86_64', '*-[0-9]*', '*-*', '*1*', '*el9*'],
    fine: ['*-debuginfo', 'kernel-rt*', 'openvswitch3.*'],
  },
  {
    pointer: '/updateSystem/includePackages/0',
    set: (d, v) => (d.updateSystem.includePackages = [v]),
    hostile: ['openvswitch', 'openvswitch3.3', 'rdo-openvswitch', 'rhoso-openvswitch'],
    fine: ['*', 'python3-*', 'glibc'],
  },
  {
    // Held back from the update while kpatch patches the running kernel: kernel packages only.
    pointer: '/updateSystem/kpatch/kernelPackages/0',
    set: (d, v) => (d.updateSystem.kpatch = { enabled: true, kernelPackages: [v] }),
    hostile: ['*', '?ernel', 'glibc', 'openvswitch', 'systemd', 'dnf'],
    fine: ['kernel', 'kernel-core', 'kernel-modules', 'kernel-rt*'],
  },
  {
    // The task files of these roles run as root; the generated roles including themselves never end.
    pointer: '/updateServices/containerSteps/0/role',
    set: (d, v) => (d.updateServices.containerSteps[0].role = v),
    hostile: ['edpm_update_services', 'edpm_update_system'],
    fine: ['edpm_ovn'],
  },
  {
    pointer: '/updateServices/alwaysBefore/0/role',
    set: (d, v) => (d.updateServices.alwaysBefore[0].role = v),
    hostile: ['edpm_update_services', 'edpm_update_system'],
    fine: ['edpm_podman'],
  },
  {
    pointer: '/updateSystem/openvswitch/tasks/role',
    set: (d, v) => (d.updateSystem.openvswitch.tasks = { role: v, tasks: 'update' }),
    hostile: ['edpm_update_services', 'edpm_update_system'],
    fine: ['edpm_ovs'],
  },
  {
    // Enabled and reloaded as root after the Open vSwitch update.
    pointer: '/updateSystem/openvswitch/serviceName',
    set: (d, v) => (d.updateSystem.openvswitch.serviceName = v),
    hostile: ['sshd', 'reboot.target', 'poweroff.target', 'systemd-logind', 'NetworkManager', 'openvswitch.socket', 'ovs-vswitchd.timer', 'openvswitch@x', 'dbus.service'],
    fine: ['openvswitch', 'openvswitch.service', 'ovs-vswitchd', 'ovsdb-server.service'],
  },
  {
    // Written as root: only a file directly in the folder edpm_reboot reads.
    pointer: '/updateSystem/bootc/rebootRequiredFile',
    set: (d, v) => (d.updateSystem.bootc = { rebootRequiredFile: v }),
    hostile: [
      '/etc/passwd',
      '/tmp/x',
      '/root/.bashrc',
      '/etc/cron.d/reboot',
      '/var/lib/openstack/reboot_required',
      '/var/lib/openstack/reboot_required/a/b',
      '/var/lib/openstack/reboot_required2/x',
      '/var/lib/openstack/x',
      '/var/lib/openstack/reboot_required/..',
    ],
    fine: ['/var/lib/openstack/reboot_required/bootc_reboot', '/var/lib/openstack/reboot_required/image_mode'],
  },
];

/** A checked plan made again as a plain TypeScript object (what a library user would build), with one change. */
function planObject(data: Data): UpdatePlan {
  // Built from data the schema accepts, then made into the model shape by hand, past the loader.
  const base = parsePlan(stringify(defaultPlanData()), 'base.yaml');
  const copy = JSON.parse(JSON.stringify(base)) as any;
  copy.updateServices.essentialPackages = data.updateServices.essentialPackages;
  copy.updateServices.alwaysExcludedPackages = data.updateServices.alwaysExcludedPackages;
  copy.updateServices.alwaysBefore = data.updateServices.alwaysBefore;
  copy.updateServices.containerSteps = data.updateServices.containerSteps;
  const system = data.updateSystem;
  copy.updateSystem.includePackages = system.includePackages;
  copy.updateSystem.alwaysExcludedPackages = system.alwaysExcludedPackages;
  if (system.kpatch !== undefined) copy.updateSystem.kpatch = { ...copy.updateSystem.kpatch, ...system.kpatch };
  if (system.bootc !== undefined) copy.updateSystem.bootc = system.bootc;
  copy.updateSystem.openvswitch.serviceName = system.openvswitch.serviceName ?? copy.updateSystem.openvswitch.serviceName;
  const tasks = system.openvswitch.tasks;
  copy.updateSystem.openvswitch.tasks = tasks === undefined || tasks === 'inline' ? { kind: 'inline' } : { kind: 'role', ...tasks };
  return copy as UpdatePlan;
}

function refusal(run: () => unknown): readonly { path: string; message: string; file: string }[] | null {
  try {
    run();
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).diagnostics;
  }
}

describe('values checked by what they do on a node', () => {
  const counts = { tried: 0, refusedFromFile: 0, refusedFromObject: 0, fine: 0 };

  for (const c of CASES) {
    it(`${c.pointer}: refused from a file and from a plan object, with the same message`, () => {
      for (const value of c.hostile) {
        counts.tried++;
        const data = defaultPlanData();
        c.set(data, value);
        const fromFile = refusal(() => parsePlan(stringify(data), 'plan.yaml'));
        expect(fromFile, `${c.pointer} = ${value} from a file`).not.toBeNull();
        expect(fromFile!.some((d) => d.path === c.pointer || (d.path.startsWith('/updateServices/essentialPackages') && /always excluded/.test(d.message))), JSON.stringify(fromFile)).toBe(true);
        counts.refusedFromFile++;
        const fromObject = refusal(() => compilePlan(planObject(data)));
        expect(fromObject, `${c.pointer} = ${value} as a plan object`).not.toBeNull();
        expect(fromObject!.every((d) => d.file === '(plan object)')).toBe(true);
        expect(fromObject!.map((d) => `${d.path}: ${d.message}`)).toEqual(fromFile!.map((d) => `${d.path}: ${d.message}`));
        counts.refusedFromObject++;
      }
      for (const value of c.fine) {
        const data = defaultPlanData();
        c.set(data, value);
        expect(refusal(() => parsePlan(stringify(data), 'plan.yaml')), `${c.pointer} = ${value}`).toBeNull();
        expect(compilePlan(planObject(data)).size).toBeGreaterThan(10);
        counts.fine++;
      }
    });
  }

  it('says how many it tried', () => {
    console.log(`hostile by meaning: ${counts.tried} values tried, ${counts.refusedFromFile} refused from a file, ${counts.refusedFromObject} refused as a plan object; ${counts.fine} harmless values of the same fields accepted`);
    expect(counts.tried).toBe(CASES.reduce((n, c) => n + c.hostile.length, 0));
    expect(counts.refusedFromObject).toBe(counts.tried);
  });
});

describe('the library door', () => {
  const base = () => JSON.parse(JSON.stringify(parsePlan(stringify(defaultPlanData()), 'base.yaml'))) as any;

  it("compilePlan refuses a Jinja lookup as the Open vSwitch unit, as the CLI does", () => {
    const plan = base();
    plan.updateSystem.openvswitch.serviceName = "{{ lookup('pipe','id') }}";
    const problems = refusal(() => compilePlan(plan));
    expect(problems?.map((d) => d.path)).toEqual(['/updateSystem/openvswitch/serviceName']);
    expect(problems?.[0]?.message).toMatch(/is not valid: expected the Open vSwitch systemd unit/);
  });

  it('compilePlan refuses a task file that is a path', () => {
    const plan = base();
    plan.updateServices.containerSteps[0].tasks = ['../../../etc/passwd'];
    const problems = refusal(() => compilePlan(plan));
    expect(problems?.map((d) => d.path)).toEqual(['/updateServices/containerSteps/0/tasks/0']);
  });

  it('compilePlan refuses what is not plain data, and unknown keys', () => {
    const cyclic = base();
    cyclic.self = cyclic;
    expect(refusal(() => compilePlan(cyclic))?.[0]?.message).toMatch(/^the plan is not plain data/);
    const extra = base();
    extra.updateServices.hook = 'x';
    expect(refusal(() => compilePlan(extra))?.[0]?.path).toBe('/updateServices/hook');
  });

  it('a plan object of every shape the model has (role tasks, a rollout) compiles as its file does', () => {
    for (const file of ['plans/examples/rollout.yaml', 'plans/examples/downstream.yaml']) {
      const checked = parsePlan(readFileSync(join(ROOT, file), 'utf8'), file);
      const copy = JSON.parse(JSON.stringify(checked)) as UpdatePlan;
      expect([...compilePlan(copy)], file).toEqual([...compilePlan(checked)]);
    }
  });

  it('a checked plan cannot be changed after its check', () => {
    const plan = parsePlan(stringify(defaultPlanData()), 'base.yaml');
    expect(() => (plan.updateServices.essentialPackages as string[]).push('*')).toThrow(TypeError);
    expect(compilePlan(plan).size).toBeGreaterThan(10);
  });
});
