import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readVarsFile } from '../../src/cli/show-command.js';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { InputError } from '../../src/core/diagnostics.js';
import type { FileTree } from '../../src/model/file-tree.js';
import { UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE } from '../../src/model/roles.js';
import { loadPlanFile } from '../../src/plan/load.js';
import { loadExtraVars } from '../../src/show/extra-vars.js';
import { nodeRun, type PhaseRun } from '../../src/show/node-run.js';
import { requireToolchain, VENV_BIN } from '../support/ansible-toolchain.js';
import { DEFAULT_PLAN } from '../support/paths.js';

// `show` against the real ansible-core of the project's .venv, for a table of
// -e arguments: (1) what Ansible's own load_extra_vars (the function
// ansible-playbook calls for -e) makes of each, in one Python process;
// (2) what the generated roles then decide for those values, in ONE
// ansible-playbook run: every case is two inventory hosts (one per phase) with
// the values Ansible parsed, the roles are the generated ones with their real
// meta/argument_specs.yml, defaults and vars (so Ansible's own
// validate_argument_spec runs first) and their own task files, where every
// task that would change or ask the node is a debug task with the same name,
// `when` and `vars` (the checks, assert and fail, are kept as they are).
// The run's JSON results give, per host, what ran, what was skipped and what
// failed; show must give the same.

const TYPES = '{"edpm_service_types": ["nova", "ovn"]}';
const withTypes = (...args: string[]) => [TYPES, ...args];

/** The table: -e arguments, as a user types them. */
const CASES: readonly (readonly string[])[] = [
  // booleans: what the argument check refuses, what the bool filter coerces
  withTypes('edpm_update_system_enable_kpatch=maybe'),
  withTypes('edpm_update_system_enable_kpatch=t'),
  withTypes('edpm_update_system_enable_kpatch=y'),
  withTypes('edpm_update_system_enable_kpatch=" yes"'),
  withTypes('edpm_update_system_enable_kpatch=yes'),
  withTypes('edpm_update_system_enable_kpatch=True'),
  withTypes("edpm_update_system_enable_kpatch='on'"),
  withTypes('edpm_update_system_enable_kpatch=1'),
  withTypes('{"edpm_update_system_enable_kpatch": 1}'),
  withTypes('{"edpm_update_system_enable_kpatch": 2}'),
  withTypes('{"edpm_update_system_enable_kpatch": "t"}'),
  withTypes('{edpm_update_system_enable_kpatch: y}'),
  withTypes('{edpm_update_system_enable_kpatch: on}'),
  withTypes('edpm_update_services_enable_packages_update=n edpm_update_services_enable_containers_update=F'),
  withTypes('edpm_update_services_enable_packages_update=no', 'edpm_update_system_enable_packages_update=off edpm_update_system_enable_kpatch=TRUE'),
  withTypes('edpm_ovs_reload_after_update=t'),
  withTypes('edpm_ovs_reload_after_update=yes'),
  withTypes('edpm_update_system_ovs_reload_after_update=On', 'edpm_ovs_reload_after_update=0'),
  withTypes('edpm_update_system_ovs_reload_after_update=maybe'),
  // service types: strings where the role expects a list
  ['edpm_service_types=nova'],
  ['edpm_service_types=[nova]'],
  ['edpm_service_types=ovn-bgp-agent'],
  ['edpm_service_types=nova,ovn'],
  ['{"edpm_service_types": "frr"}'],
  ['{"edpm_service_types": 5}'],
  ['{"edpm_service_types": {"nova": 1}}'],
  ['edpm_update_services_running_services=telemetry'],
  [],
  // package lists
  withTypes('edpm_update_services_exclude_packages=foo'),
  withTypes('{"edpm_update_services_exclude_packages": ["openstack-selinux"]}'),
  withTypes('edpm_update_services_include_packages=openstack-selinux,tuned'),
  withTypes('{"edpm_update_services_include_packages": ["tun*"]}'),
  withTypes('edpm_update_services_include_packages=tuned', '{"edpm_update_services_exclude_packages": ["?"]}'),
  withTypes('edpm_update_system_exclude_packages=foo'),
  withTypes('{"edpm_update_system_exclude_packages": null}'),
  withTypes('edpm_ovs_packages=openvswitch'),
  withTypes('{"edpm_ovs_packages": []}'),
  // ints
  withTypes('edpm_ovs_download_retries=3'),
  withTypes('edpm_ovs_download_retries=abc'),
  withTypes('edpm_ovs_download_retries=3.0 edpm_download_delay=" 4 "'),
  withTypes('{"edpm_download_delay": 2.5}'),
  withTypes('{"edpm_download_delay": "1e2", "edpm_ovs_download_delay": null}'),
  // image-mode hosts
  withTypes('{"ansible_local": {"bootc": "yes"}, "edpm_update_system_bootc_os_container_image": "registry.example/os:9"}'),
  withTypes('{"ansible_local": {"bootc": "t"}}'),
  withTypes('{"ansible_local": {"bootc": true}}'),
  withTypes('{"ansible_local": {"bootc": true}, "edpm_update_system_bootc_os_container_image": 5}'),
  withTypes('{"ansible_local": {"bootc": true}, "edpm_update_system_bootc_os_container_image": []}'),
  withTypes('{"ansible_local": {"bootc": true}, "edpm_update_system_bootc_os_container_image": ["registry.example/os:9"]}'),
  // what is not key=value, and what ansible-playbook refuses
  withTypes('not a pair'),
  withTypes('a="b'),
  withTypes('./vars.yml'),
  withTypes('[1]'),
  withTypes('{"a": [}'),
  ['@VARS_DIR/vars-file.yml'],
  // where Ansible looks for it: quotes taken off, relative to the working folder, $VAR expanded after the join
  ['@"REL_VARS_DIR/vars-file.yml"'],
  ['@/${EDPM_SHOW_FILES}/vars-file.yml'],
  ['@$EDPM_SHOW_FILES/vars-file.yml'],
  ['@VARS_DIR/no-such-file.yml'],
];

/** A YAML file of variables for `-e @FILE` (YAML 1.1 as PyYAML reads it: yes is true, y a string). */
const VARS_FILE = 'edpm_service_types: [nova]\nedpm_update_system_enable_kpatch: yes\nedpm_update_services_enable_containers_update: y\n';

/** The tasks whose running (without failing) stands for a step of show (by the generated task's name). */
const LABELS: Readonly<Record<string, string>> = {
  'Update the essential packages to their latest version': 'essential-packages',
  'Check the Open vSwitch package list': 'openvswitch',
  'Install kpatch when it is missing': 'kpatch',
  'Update every other package to its latest version': 'system-packages',
  'Read the bootc status before the update': 'bootc',
  'Reload the openvswitch service': 'reload',
};

/** What a phase did, as both sides can say it. */
interface Outcome {
  /** The variables the argument validation refused ('undefined' for a template of an undefined variable); null: it passed. */
  readonly refused: readonly string[] | null;
  /** The steps that ran, in order; 'FAIL' where the role failed. */
  readonly events: readonly string[];
  /** The bool filter's deprecation warnings, sorted. */
  readonly warnings: readonly string[];
}

const BOOL_WARNING = /The `bool` filter coerced invalid value .*? \(\w+\) to (?:True|False)\./gu;

/** A generated task with every action that would touch a node turned into a debug task (same name, when, vars). */
function probeTask(task: Record<string, any>): Record<string, any> {
  if (Array.isArray(task.block)) return { ...pick(task, ['name', 'when', 'vars', 'tags']), block: task.block.map(probeTask) };
  const module = Object.keys(task).find((k) => k.startsWith('ansible.builtin.'))!;
  const kept = pick(task, ['name', 'when', 'vars', 'tags', 'register']);
  // checks and what only sets variables on the controller are kept as they are
  if (['ansible.builtin.assert', 'ansible.builtin.fail', 'ansible.builtin.set_fact', 'ansible.builtin.import_tasks', 'ansible.builtin.include_tasks'].includes(module)) return { ...kept, [module]: task[module] };
  if (module === 'ansible.builtin.command' && typeof task.register === 'string') {
    // what the node answered, as the role reads it: a node with Open vSwitch installed and updates pending
    const { register, ...rest } = kept;
    return { ...rest, 'ansible.builtin.set_fact': { [register as string]: NODE_ANSWER } };
  }
  const role = module === 'ansible.builtin.include_role' ? task[module] : null;
  const label = role !== null ? `${String(role.name).split('.').at(-1)}:${String(role.tasks_from).replace(/\.ya?ml$/u, '')}` : LABELS[task.name];
  return { ...kept, 'ansible.builtin.debug': { msg: label === undefined ? '-' : `probe:${label}` } };
}

/**
 * What a command of the roles registers on the node the probe stands for:
 * Open vSwitch installed with an update, another update pending (the query,
 * tasks/main.yml), the update done (changed), a bootc host following
 * another image with nothing staged (bootc status).
 */
const NODE_ANSWER = {
  changed: true,
  rc: 0,
  stdout_lines: ['openvswitch openvswitch3.3', 'openvswitch python3-openvswitch3.3', 'update openvswitch3.3', 'update tuned'],
  stdout: JSON.stringify({ spec: { image: { image: 'registry.example/other:9' } }, status: { staged: null } }),
};

function pick(task: Record<string, any>, keys: readonly string[]): Record<string, any> {
  return Object.fromEntries(keys.filter((k) => k in task).map((k) => [k, task[k]]));
}

/** The generated roles, laid out for the probe run: real meta, defaults and vars; task files made probes. */
function probeRoles(tree: FileTree, dir: string): void {
  for (const role of [UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE]) {
    for (const path of [...tree.keys()].filter((p) => p.startsWith(`${role}/`))) {
      const inRole = path.slice(role.length + 1);
      if (!/^(?:meta\/argument_specs|defaults\/main|vars\/main|tasks\/[^/]+)\.yml$/u.test(inRole)) continue;
      mkdirSync(join(dir, role, inRole, '..'), { recursive: true });
      const text = tree.get(path)!;
      writeFileSync(join(dir, role, inRole), inRole.startsWith('tasks/') ? JSON.stringify((parse(text) as Record<string, any>[]).map(probeTask), null, 1) : text);
    }
  }
}

/** Runs Python with Ansible's own load_extra_vars on each case: {vars} or {error}. */
function ansibleParse(cases: readonly (readonly string[])[], cwd: string): ({ vars: Record<string, unknown> } | { error: string })[] {
  const script = [
    'import json, sys',
    'from ansible import context',
    'from ansible.module_utils.common.collections import ImmutableDict',
    'from ansible.parsing.dataloader import DataLoader',
    'from ansible.utils import vars as v',
    'out = []',
    'for args in json.load(sys.stdin):',
    '    context.CLIARGS = ImmutableDict(extra_vars=args)',
    '    v.load_extra_vars.extra_vars = None',
    '    try:',
    '        out.append({"vars": v.load_extra_vars(DataLoader())})',
    '    except Exception as e:',
    '        out.append({"error": type(e).__name__ + ": " + str(e).splitlines()[0]})',
    'print(json.dumps(out, default=str))',
  ].join('\n');
  const r = spawnSync(join(VENV_BIN, 'python'), ['-c', script], { cwd, input: JSON.stringify(cases), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ({ vars: Record<string, unknown> } | { error: string })[];
}

/** The outcome of a phase on each host of the probe run's JSON results. */
function ansibleOutcomes(results: any): Map<string, Outcome> {
  const outcomes = new Map<string, { refused: string[] | null; events: string[]; warnings: string[] }>();
  for (const play of results.plays) {
    for (const task of play.tasks) {
      for (const [host, result] of Object.entries<any>(task.hosts)) {
        const o = outcomes.get(host) ?? { refused: null, events: [], warnings: [] };
        outcomes.set(host, o);
        for (const d of (result.deprecations ?? []) as { msg: string }[]) {
          for (const m of d.msg.matchAll(BOOL_WARNING)) if (!o.warnings.includes(m[0])) o.warnings.push(m[0]);
        }
        o.warnings.sort();
        if (String(task.task.name).replace(/^\w+ : /u, '').startsWith('Validating arguments against arg spec')) {
          if (result.failed === true) {
            o.refused = Array.isArray(result.argument_errors)
              ? [...new Set((result.argument_errors as string[]).flatMap((e) => [...e.matchAll(/(?:argument|option) '(\w+)'/gu)].map((m) => m[1]!)))].sort()
              : ['undefined'];
          }
          continue;
        }
        if (result.failed === true) o.events.push('FAIL');
        else if (result.skipped !== true) {
          const label = typeof result.msg === 'string' && result.msg.startsWith('probe:') ? result.msg.slice('probe:'.length) : LABELS[String(task.task.name).replace(/^\w+ : /u, '')];
          if (label !== undefined && !o.events.includes(label)) o.events.push(label);
        }
      }
    }
  }
  return outcomes;
}

/** The same outcome from show's steps. */
function showOutcome(run: PhaseRun): Outcome {
  const first = run.steps[0];
  if (first?.kind === 'fail' && first.text.includes('(argument validation)')) {
    const names = [...first.text.matchAll(/(?:argument|option) '(\w+)'/gu)].map((m) => m[1]!);
    return { refused: names.length > 0 ? [...new Set(names)].sort() : ['undefined'], events: [], warnings: [] };
  }
  const events: string[] = [];
  const add = (e: string) => {
    if (!events.includes(e)) events.push(e);
  };
  for (const step of run.steps) {
    if (step.kind === 'include') add(step.journal);
    else if (step.kind === 'packages' && step.state === 'latest') add(run.phase === 'update-services' ? 'essential-packages' : 'system-packages');
    else if (step.kind === 'openvswitch') add(step.reload ? 'reload' : 'openvswitch');
    else if (step.kind === 'kpatch' || step.kind === 'bootc') add(step.kind);
    else if (step.kind === 'fail') events.push('FAIL');
  }
  const warnings = [...new Set(run.notes.flatMap((n) => [...n.matchAll(BOOL_WARNING)].map((m) => m[0])))].sort();
  return { refused: null, events, warnings };
}

describe('show decides on -e values as the real ansible-core does', () => {
  let dir: string;
  beforeAll(() => {
    requireToolchain();
    dir = mkdtempSync(join(tmpdir(), 'rolegen-show-vars-'));
  });
  afterAll(() => {
    delete process.env.EDPM_SHOW_FILES;
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses every -e of the table as load_extra_vars, and the roles validate and decide on them as show says', () => {
    writeFileSync(join(dir, 'vars-file.yml'), VARS_FILE);
    process.env.EDPM_SHOW_FILES = dir;
    const cases = CASES.map((args) => args.map((a) => a.replace('REL_VARS_DIR', relative(process.cwd(), dir)).replace('VARS_DIR', dir)));
    // both read the files from the same working folder and environment
    const parsed = ansibleParse(cases, process.cwd());
    const plan = loadPlanFile(DEFAULT_PLAN);
    const inventory: Record<string, Record<string, unknown>> = {};
    const shown = new Map<string, Outcome>();
    const refused: string[] = [];
    cases.forEach((args, i) => {
      const real = parsed[i]!;
      let ours: { vars: Record<string, unknown> } | { error: string };
      try {
        ours = { vars: { ...loadExtraVars(args, readVarsFile).vars } };
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        ours = { error: err.message };
      }
      // (1) the same variables, or both refuse the arguments
      if ('error' in real) {
        expect('error' in ours, `${JSON.stringify(args)}: Ansible refuses it (${real.error}); show took it`).toBe(true);
        refused.push(args.at(-1)!);
        return;
      }
      expect(ours, JSON.stringify(args)).toEqual({ vars: real.vars });
      inventory[`c${i}_services`] = real.vars;
      inventory[`c${i}_system`] = real.vars;
      const [services, system] = nodeRun(plan, { services: null, vars: (ours as { vars: Record<string, unknown> }).vars, bootc: false });
      shown.set(`c${i}_services`, showOutcome(services!));
      shown.set(`c${i}_system`, showOutcome(system!));
    });
    // the arguments made to be refused, and only they, are
    expect(refused).toEqual(['a="b', './vars.yml', '[1]', '{"a": [}', '@$EDPM_SHOW_FILES/vars-file.yml', `@${dir}/no-such-file.yml`]);
    // (2) one ansible-playbook run: both phases of every case
    const roles = join(dir, 'roles');
    probeRoles(compilePlan(plan), roles);
    writeFileSync(join(dir, 'inventory.json'), JSON.stringify({ all: { hosts: Object.fromEntries(Object.entries(inventory).map(([h, v]) => [h, { ...v, ansible_connection: 'local' }])) } }));
    const play = (suffix: string, role: string) => ({ name: role, hosts: `*_${suffix}`, gather_facts: false, roles: [role] });
    writeFileSync(join(dir, 'probe.yml'), JSON.stringify([play('services', UPDATE_SERVICES_ROLE), play('system', UPDATE_SYSTEM_ROLE)]));
    const start = process.hrtime.bigint();
    const r = spawnSync(join(VENV_BIN, 'ansible-playbook'), ['-i', 'inventory.json', 'probe.yml'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ANSIBLE_STDOUT_CALLBACK: 'ansible.builtin.json', ANSIBLE_ROLES_PATH: roles, ANSIBLE_FORKS: '4', ANSIBLE_NOCOLOR: '1', ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false' },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    expect(r.stdout.startsWith('{'), `${r.stdout.slice(0, 2000)}\n${r.stderr}`).toBe(true);
    const real = ansibleOutcomes(JSON.parse(r.stdout));
    const diff: string[] = [];
    for (const [host, ours] of shown) {
      const theirs = real.get(host) ?? { refused: null, events: [], warnings: [] };
      const i = Number(/^c(\d+)_/u.exec(host)![1]);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) diff.push(`${host} ${JSON.stringify(cases[i])}:\n  ansible: ${JSON.stringify(theirs)}\n  show:    ${JSON.stringify(ours)}`);
    }
    expect(diff.join('\n')).toBe('');
    // the table covers what it is for: refusals, coercions, failures after the check, and plain runs
    const all = [...shown.values()];
    expect(all.filter((o) => o.refused !== null).length).toBeGreaterThan(5);
    expect(all.filter((o) => o.events.includes('FAIL')).length).toBeGreaterThan(5);
    expect(all.filter((o) => o.events.includes('kpatch')).length).toBeGreaterThan(3);
    expect(all.filter((o) => o.events.includes('reload')).length).toBeGreaterThan(0);
    expect(all.filter((o) => o.events.includes('bootc')).length).toBeGreaterThan(0);
    expect(all.filter((o) => o.warnings.length > 0).length).toBeGreaterThan(5);
    expect(seconds).toBeGreaterThan(0);
    console.log(`show-extra-vars: ${cases.length} cases, ${shown.size} hosts, ansible-playbook ${seconds.toFixed(1)} s`);
  });
});

