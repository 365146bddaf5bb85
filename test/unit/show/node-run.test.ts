import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { readServicesRole, roleInTree } from '../../../src/import/services-role-reader.js';
import { loadPlanFile } from '../../../src/plan/load.js';
import { globMatches } from '../../../src/model/dnf-glob.js';
import { ansibleBool, nodeRun, selectedByTags, updateServicesRun, updateSystemRun, type RunStep } from '../../../src/show/node-run.js';
import { runRolegen as rolegen } from '../../support/cli.js';
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';
import { defaultPlanData, planFrom } from '../../support/plans.js';

const PLANS = [DEFAULT_PLAN, join(ROOT, 'plans', 'examples', 'minimal.yaml'), join(ROOT, 'plans', 'examples', 'downstream.yaml')];
const includes = (steps: readonly RunStep[]) => steps.flatMap((s) => (s.kind === 'include' ? [s.journal] : []));
const packageSteps = (steps: readonly RunStep[]) => steps.flatMap((s) => (s.kind === 'packages' ? [s] : []));

describe('show: what a node runs', () => {
  // The update_services Molecule scenario of each plan runs its own set of
  // service types and checks, on the node, the journal of the task files
  // that ran (data/scenario.yml, expect.journal); test/molecule ties the
  // journal the node actually logged to show. Here: show against the data.
  for (const planPath of PLANS) {
    it(`matches the update_services scenario's service set, packages and journal for ${planPath.slice(ROOT.length)}`, () => {
      const plan = loadPlanFile(planPath);
      const data = parse(compilePlan(plan).get('edpm_update_services/molecule/update_services/data/scenario.yml')!) as Record<string, any>;
      const run = updateServicesRun(plan, {
        services: data.edpm_service_types,
        vars: { edpm_update_services_include_packages: data.edpm_update_services_include_packages, edpm_update_services_exclude_packages: data.edpm_update_services_exclude_packages },
        bootc: false,
      });
      expect(includes(run.steps)).toEqual(data.edpm_scenario.expect.journal);
      // the checks before any change pass; then the installed ones are updated and the missing ones installed
      expect(run.steps.map((s) => s.kind).slice(0, 5)).toEqual(['facts', 'check', 'check', 'packages', 'packages']);
      const [update, install] = packageSteps(run.steps);
      expect([update?.state, install?.state]).toEqual(['latest', 'present']);
      for (const step of [install!, update!]) {
        // the scenario asks for the essential packages only: nothing held back, what prepare installed beside them is not asked for
        expect(step.include).toEqual(data.edpm_update_services_include_packages);
        expect(step.heldBack).toEqual([]);
        for (const p of data.edpm_scenario.expect.packages.updated) expect(step.include).toContain(p);
        for (const p of data.edpm_scenario.expect.packages.unchanged) expect(step.include).not.toContain(p);
        expect(step.exclude).toEqual([...plan.updateServices.alwaysExcludedPackages, ...data.edpm_update_services_exclude_packages]);
      }
      expect(run.steps.at(-1)?.kind).toBe(data.edpm_scenario.expect.pruned ? 'prune' : 'include');
    });

    // update_services_contracts: two nodes and two runs that must fail before any change (templates/molecule/update_services_contracts)
    it(`matches each node and run of the update_services_contracts scenario for ${planPath.slice(ROOT.length)}`, () => {
      const plan = loadPlanFile(planPath);
      const data = parse(compilePlan(plan).get('edpm_update_services/molecule/update_services_contracts/data/scenario.yml')!) as Record<string, any>;
      const c = data.edpm_contracts;
      const skipTags = (c.skip_tags as string).split(',');
      const asked = { edpm_update_services_include_packages: [...c.essential_packages, c.new_essential_package] };
      // the package-mode node (root): one more essential package, installed; the skipped role's includes left out
      const root = updateServicesRun(plan, { services: data.edpm_service_types, vars: asked, bootc: false, skipTags });
      expect(includes(root.steps)).toEqual(c.nodes.root.expect.journal);
      if (c.skipped_role !== null) expect(includes(root.steps).some((j) => j.startsWith(`${c.skipped_role}:`))).toBe(false);
      const install = packageSteps(root.steps)[1];
      expect(install).toMatchObject({ state: 'present', heldBack: [] });
      for (const p of c.nodes.root.expect.packages.installed) expect(install!.include).toContain(p);
      // the image-mode node, reached as a user: no dnf at all; update.yml as that user where the step has no become
      const user = updateServicesRun(plan, { services: data.edpm_service_types, vars: { ...asked, ansible_local: { bootc: true } }, bootc: false, skipTags });
      expect(packageSteps(user.steps)).toEqual([]);
      expect(user.steps.find((s) => s.kind === 'skipped')?.text).toContain('image-mode host');
      expect(includes(user.steps)).toEqual(c.nodes.user.expect.journal);
      for (const { role, owner } of c.owners) {
        const step = user.steps.find((s) => s.kind === 'include' && s.role === role && s.tasksFrom === 'update');
        expect(step?.kind === 'include' && step.become, role).toBe(owner === 'root');
      }
      // an excluded essential package: the role fails before any change, naming both variables and the package
      const excluded = updateServicesRun(plan, { services: data.edpm_service_types, vars: { edpm_update_services_exclude_packages: [c.excluded_essential_package] }, bootc: false });
      expect(excluded.steps.map((s) => s.kind)).toEqual(['facts', 'fail']);
      for (const word of ['edpm_update_services_include_packages', 'edpm_update_services_exclude_packages', c.excluded_essential_package]) expect(excluded.steps[1]!.text).toContain(word);
      // no edpm_service_types: the argument validation fails first, naming it
      const unset = updateServicesRun(plan, { services: null, vars: {}, bootc: false, skipTags });
      expect(unset.steps.map((s) => s.kind)).toEqual(['fail']);
      expect(unset.steps[0]!.text).toContain('edpm_service_types is undefined');
    });
  }

  it('follows the includes of the generated role, in order, for every service set', () => {
    const plan = loadPlanFile(DEFAULT_PLAN);
    const generated = readServicesRole(roleInTree(compilePlan(plan), 'edpm_update_services', 'g'));
    const types = [...new Set(plan.updateServices.containerSteps.map((s) => s.serviceType))];
    for (let mask = 0; mask < 1 << types.length; mask += 37) {
      const services = types.filter((_, i) => (mask & (1 << i)) !== 0);
      const expected = generated.includes.filter((i) => i.serviceType === null || services.includes(i.serviceType)).map((i) => `${i.role}:${i.tasksFrom}`);
      expect(includes(updateServicesRun(plan, { services, vars: {}, bootc: false }).steps)).toEqual(expected);
    }
  });

  it('honours the role variables: switches, running services, user exclusions, kpatch, Open vSwitch packages, bootc', () => {
    const plan = loadPlanFile(DEFAULT_PLAN);
    const off = updateServicesRun(plan, { services: ['nova'], vars: { edpm_update_services_enable_containers_update: 'no', edpm_update_services_enable_packages_update: false }, bootc: false });
    expect(off.steps.map((s) => s.kind)).toEqual(['facts', 'skipped', 'skipped']);
    const byVar = updateServicesRun(plan, { services: ['nova'], vars: { edpm_update_services_running_services: ['ovn'] }, bootc: false });
    expect(includes(byVar.steps)).toEqual(['edpm_podman:login', 'edpm_ovn:update', 'edpm_ovn:run']);
    const system = updateSystemRun(plan, { services: [], vars: { edpm_update_system_enable_kpatch: true, edpm_ovs_packages: ['openvswitch3.3'], edpm_update_system_exclude_packages: ['foo'] }, bootc: false });
    // the list check, then the query of the installed Open vSwitch packages and the inline step in one task (tasks/main.yml)
    expect(system.steps.map((s) => s.kind)).toEqual(['facts', 'openvswitch', 'kpatch', 'packages']);
    // kpatch on: the first task gathers the running kernel's version too
    expect(system.steps[0]?.text).toBe("gather the local facts and the running kernel's version (kpatch) (when ansible_local is undefined)");
    expect(system.steps[1]?.text).toContain('what provides openvswitch3.3 or owns /usr/lib/systemd/system/openvswitch.service, with their subpackages');
    expect(system.steps[1]?.text).toMatch(
      /in the same command, Open vSwitch first: when one of them has a pending update, download .* \(5 retries, 5 s apart\), install them with dnf update --cacheonly --setopt=tsflags=noscripts .*then enable openvswitch \(not in check mode/u,
    );
    expect(system.steps[1]?.tags).toEqual(['edpm_update', 'edpm_update_system', 'edpm_update_system_openvswitch', 'update', 'ovs']);
    const last = system.steps.at(-1);
    // the Open vSwitch packages are excluded as found on the node, not by the listed names
    expect(last?.kind === 'packages' && last.exclude).toEqual(['openvswitch', 'openvswitch[0-9]*', 'rdo-openvswitch', 'rhoso-openvswitch', 'foo', 'kernel', 'kernel-core', 'kernel-modules', 'kernel-modules-core', 'kernel-modules-extra']);
    expect(last?.text).toContain('kernel-modules-extra, the Open vSwitch packages found on the node');
    // edpm_ovs's names and the EDPM-wide download settings, as vars/main.yml resolves them
    const tuned = updateSystemRun(plan, { services: [], vars: { edpm_download_retries: 2, edpm_ovs_download_delay: 7, edpm_ovs_reload_after_update: 'yes' }, bootc: false });
    expect(tuned.steps[1]?.text).toMatch(/\(2 retries, 7 s apart\).*then enable openvswitch /u);
    expect(tuned.steps[2]).toMatchObject({ kind: 'openvswitch', reload: true, tags: ['edpm_update', 'edpm_update_system', 'edpm_update_system_openvswitch', 'reload', 'ovs'] });
    // kpatch has its own switch: it runs when the package updates are off
    const kpatchOnly = updateSystemRun(plan, { services: [], vars: { edpm_update_system_enable_packages_update: false, edpm_update_system_enable_kpatch: true }, bootc: false });
    expect(kpatchOnly.steps.map((s) => s.kind)).toEqual(['facts', 'skipped', 'kpatch']);
    // a list the role's check refuses: the role stops before any change
    for (const bad of [['*'], [], 'openvswitch', ['kernel']]) {
      const refused = updateSystemRun(plan, { services: [], vars: { edpm_ovs_packages: bad }, bootc: false });
      expect(refused.steps.map((s) => s.kind), JSON.stringify(bad)).toEqual(['facts', 'fail']);
      expect(refused.steps[1]?.text).toMatch(/^fail before any change: edpm_ovs_packages /u);
    }
    // Open vSwitch tasks from a role: one import per task file, in plan order
    const data = defaultPlanData();
    data.updateSystem = { ...(data.updateSystem ?? {}), openvswitch: { tasks: { role: 'edpm_ovs', tasks: ['download', 'update'] } } };
    const fromRole = updateSystemRun(planFrom(data), { services: [], vars: {}, bootc: false });
    expect(fromRole.steps.filter((s) => s.kind === 'openvswitch').map((s) => s.text).slice(1)).toEqual([
      'Open vSwitch: import osp.edpm.edpm_ovs download.yml',
      'Open vSwitch: import osp.edpm.edpm_ovs update.yml',
    ]);
    const bootc = nodeRun(plan, { services: [], vars: {}, bootc: true })[1]!;
    expect(bootc.steps.map((s) => s.kind)).toEqual(['facts', 'fail']);
    // the bootc fact given with -e is the same as --bootc: phase 1 runs no dnf, phase 2 switches the image
    const [servicesByFact, systemByFact] = nodeRun(plan, { services: ['nova'], vars: { ansible_local: { bootc: 'true' }, edpm_update_system_bootc_os_container_image: 'registry.example/os:9' }, bootc: false });
    expect(servicesByFact!.steps.map((s) => s.kind).slice(0, 2)).toEqual(['facts', 'skipped']);
    expect(systemByFact!.steps.map((s) => s.kind)).toEqual(['facts', 'bootc', 'bootc']);
  });

  it('selects by tags as ansible-playbook --tags/--skip-tags do: a role tag selects or skips exactly that role\'s includes', () => {
    const plan = loadPlanFile(DEFAULT_PLAN);
    const all = updateServicesRun(plan, { services: ['nova', 'ovn'], vars: {}, bootc: false });
    const skipNova = updateServicesRun(plan, { services: ['nova', 'ovn'], vars: {}, bootc: false, skipTags: ['edpm_nova'] });
    expect(skipNova.steps).toEqual(all.steps.filter((s) => !(s.kind === 'include' && s.role === 'edpm_nova')));
    const onlyNova = updateServicesRun(plan, { services: ['nova', 'ovn'], vars: {}, bootc: false, tags: ['edpm_nova'] });
    // The local facts are gathered whatever the selection (tagged always: every step reads the bootc fact).
    expect(onlyNova.steps.map((s) => (s.kind === 'include' ? s.journal : s.kind))).toEqual(['facts', 'edpm_nova:update', 'edpm_nova:install']);
    const onlyPackages = updateServicesRun(plan, { services: ['nova'], vars: {}, bootc: false, tags: ['edpm_update_services_packages'] });
    expect(onlyPackages.steps.map((s) => s.kind)).toEqual(['facts', 'check', 'check', 'packages', 'packages']);
    // the argument validation is tagged always: a missing edpm_service_types fails whatever the selection
    expect(updateServicesRun(plan, { services: null, vars: {}, bootc: false, tags: ['edpm_nova'] }).steps.map((s) => s.kind)).toEqual(['fail']);
    // a service type given with -e is as good as --services
    expect(includes(updateServicesRun(plan, { services: null, vars: { edpm_service_types: ['ovn'] }, bootc: false }).steps)).toEqual(['edpm_podman:login', 'edpm_ovn:update', 'edpm_ovn:run']);
    // Open vSwitch: edpm_ovs's tags select the inline step's tasks, the check and the query with them
    const ovs = updateSystemRun(plan, { services: [], vars: { edpm_update_system_ovs_reload_after_update: true }, bootc: false, tags: ['ovs'] });
    expect(ovs.steps.map((s) => s.kind)).toEqual(['facts', 'openvswitch', 'openvswitch']);
    expect(ovs.steps[1]?.text).toMatch(/find the installed Open vSwitch packages.*in the same command, Open vSwitch first/u);
    // The all-packages step alone: the query alone finds what it excludes (the Open vSwitch update is not selected).
    const onlyOthers = updateSystemRun(plan, { services: [], vars: {}, bootc: false, tags: ['edpm_update_system_packages'] });
    expect(onlyOthers.steps.map((s) => s.kind)).toEqual(['facts', 'openvswitch', 'packages']);
    expect(onlyOthers.steps[1]?.text).toMatch(/find the installed Open vSwitch packages .*, and the pending updates \(the Open vSwitch update is not selected\)$/u);
    expect(onlyOthers.steps[1]?.tags).toContain('edpm_update_system_packages');
    // Skipping the all-packages step: the find-and-update task, tagged as the update, still runs.
    const noOthers = updateSystemRun(plan, { services: [], vars: {}, bootc: false, skipTags: ['edpm_update_system_packages'] });
    expect(noOthers.steps.map((s) => s.kind)).toEqual(['facts', 'openvswitch']);
    expect(noOthers.steps[1]?.text).toMatch(/in the same command, Open vSwitch first/u);
    // Skipping the Open vSwitch update (edpm_ovs's tag): neither finds; the all-packages step excludes every *openvswitch*.
    const noUpdate = updateSystemRun(plan, { services: [], vars: {}, bootc: false, skipTags: ['update'] });
    expect(noUpdate.steps.map((s) => s.kind)).toEqual(['facts', 'packages']);
    // A bad list stops the role whichever of the two checks the tags select.
    for (const selection of [{ tags: ['edpm_update_system_packages'] }, { skipTags: ['edpm_update_system_packages'] }, {}]) {
      const refused = updateSystemRun(plan, { services: [], vars: { edpm_ovs_packages: ['*'] }, bootc: false, ...selection });
      expect(refused.steps.map((s) => s.kind).at(-1), JSON.stringify(selection)).toBe('fail');
    }
    expect(updateSystemRun(plan, { services: [], vars: { edpm_ovs_packages: ['*'] }, bootc: false, tags: ['edpm_update_system_kpatch'] }).steps.map((s) => s.kind)).toEqual(['facts']);
    const noReload = updateSystemRun(plan, { services: [], vars: { edpm_update_system_ovs_reload_after_update: true }, bootc: false, skipTags: ['reload'] });
    expect(noReload.steps.filter((s) => s.kind === 'openvswitch' && s.reload)).toEqual([]);
    // Ansible's special tags
    expect(selectedByTags(['a'], [], [])).toBe(true);
    expect(selectedByTags(['a'], ['b'], [])).toBe(false);
    expect(selectedByTags(['a'], ['tagged'], [])).toBe(true);
    expect(selectedByTags([], ['tagged'], [])).toBe(false);
    expect(selectedByTags([], ['untagged'], [])).toBe(true);
    expect(selectedByTags(['always'], ['b'], [])).toBe(true);
    expect(selectedByTags(['always'], [], ['all'])).toBe(true);
    expect(selectedByTags(['always'], [], ['always'])).toBe(false);
    expect(selectedByTags(['never', 'a'], [], [])).toBe(false);
    expect(selectedByTags(['never', 'a'], ['a'], [])).toBe(true);
    expect(selectedByTags(['a', 'b'], ['a'], ['b'])).toBe(false);
  });

  it('reads booleans and globs as Ansible and dnf do', () => {
    expect(['yes', 'True', 'on', '1', 1, true].map(ansibleBool)).toEqual([true, true, true, true, true, true]);
    expect(['no', 'false', '0', 0, false, null, 'maybe'].map(ansibleBool)).toEqual([false, false, false, false, false, false, false]);
    expect(globMatches('openvswitch[0-9]*', 'openvswitch3.3')).toBe(true);
    expect(globMatches('openvswitch[0-9]*', 'openvswitch')).toBe(false);
    expect(globMatches('kernel', 'kernel-core')).toBe(false);
    expect(globMatches('kernel*', 'kernel-core')).toBe(true);
    expect(globMatches('a.b', 'axb')).toBe(false);
  });
});

describe('edpm-rolegen show', () => {
  it('prints each phase with the plan location of each step, become per task file, and JSON', async () => {
    const r = await rolegen(['show', '--services', 'nova,ovn', '-e', '{"edpm_update_services_exclude_packages": ["foo"]}']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('update-services (edpm_update_services), service types: nova, ovn\n');
    // facts, the two checks, install the missing ones, update, the login, iscsid, then ovn's update.yml and run.yml
    expect(r.stdout).toMatch(/ 9\. include osp\.edpm\.edpm_ovn run\.yml with become \(service type ovn\)\n {6}from plans\/default\.yaml:\d+:\d+ \/updateServices\/containerSteps\/1\/tasks\/1\n/);
    expect(r.stdout).toMatch(/ 11\. include osp\.edpm\.edpm_nova update\.yml without become \(its tasks choose\) \(service type nova\)\n/);
    expect(r.stdout).toContain('excluding kernel, kernel-core, openvswitch, *openvswitch*, foo\n');
    expect(r.stdout).toContain('find the installed Open vSwitch packages (rpm query, no change)');
    const j = await rolegen(['show', '--services', 'nova,ovn', '--json', '-e', '{"edpm_update_system_enable_kpatch": true}']);
    const doc = JSON.parse(j.stdout);
    expect(doc.phases[0].steps.filter((s: any) => s.kind === 'include').map((s: any) => `${s.journal}${s.become ? '' : ' (no become)'}`)).toEqual([
      'edpm_podman:login', 'edpm_iscsid:update', 'edpm_ovn:update', 'edpm_ovn:run', 'edpm_multipathd:update', 'edpm_nova:update (no become)', 'edpm_nova:install',
    ]);
    expect(doc.phases[0].steps.find((s: any) => s.journal === 'edpm_nova:install').tags).toEqual(['edpm_update', 'edpm_update_services', 'edpm_update_services_containers', 'edpm_nova']);
    expect(doc.phases[1].steps.map((s: any) => s.kind)).toContain('kpatch');
  });

  it('--json names the plan file as explain --json does, and each step\'s entry as {file, line, col, pointer} in that same file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rolegen-show-'));
    try {
      for (const given of [undefined, DEFAULT_PLAN, './plans/examples/minimal.yaml']) {
        const args = given === undefined ? [] : ['--plan', given];
        const doc = JSON.parse((await rolegen(['show', '--services', 'nova,ovn', '--json', ...args])).stdout);
        // (the tests run from the checkout: a plan below it is named relative to it)
        expect(doc.plan, String(given)).toBe(relative(process.cwd(), given === undefined ? DEFAULT_PLAN : resolve(given)));
        expect(isAbsolute(doc.plan)).toBe(false);
        // the same name explain --json gives the plan a tree was built from
        expect((await rolegen(['build', '--force', '--out', out, ...args])).status).toBe(0);
        const explained = JSON.parse((await rolegen(['explain', '--json', '--out', out, join(out, 'playbooks', 'update.yml:1')])).stdout);
        expect(doc.plan, String(given)).toBe(explained.plan);
        const planLines = readFileSync(resolve(doc.plan), 'utf8').split('\n');
        const steps = doc.phases.flatMap((p: any) => p.steps);
        for (const step of steps) {
          if (step.from === '') expect(step.plan, step.text).toBeNull();
          else {
            expect(step.plan, step.text).toEqual({ file: doc.plan, line: expect.any(Number), col: expect.any(Number), pointer: step.from });
            expect(planLines[step.plan.line - 1]!.length, step.text).toBeGreaterThanOrEqual(step.plan.col - 1);
          }
        }
        // a step of a container step points at that step's task file in the plan file
        const ovnRun = steps.find((s: any) => s.journal === 'edpm_ovn:run');
        expect(planLines[ovnRun.plan.line - 1], String(given)).toMatch(/\brun\b/u);
        expect(steps.filter((s: any) => s.plan !== null).length).toBeGreaterThan(5);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('selects with --tags/--skip-tags; without --services phase 1 fails as the role does; --bootc runs no dnf in phase 1', async () => {
    const skipped = await rolegen(['show', '--services', 'nova', '--skip-tags', 'edpm_iscsid,edpm_multipathd', '--json']);
    expect(JSON.parse(skipped.stdout).phases[0].steps.filter((s: any) => s.kind === 'include').map((s: any) => s.journal)).toEqual(['edpm_podman:login', 'edpm_nova:update', 'edpm_nova:install']);
    const unset = await rolegen(['show']);
    expect(unset.status).toBe(0);
    expect(unset.stdout).toMatch(/^update-services \(edpm_update_services\), service types: \(not set\)\n {3}1\. fail before any change \(argument validation\): edpm_service_types is undefined/u);
    const bootc = await rolegen(['show', '--services', 'nova', '--bootc', '-e', 'edpm_update_system_bootc_os_container_image=registry.example/os:9']);
    expect(bootc.stdout).toContain('essential packages: skipped (image-mode host');
    expect(bootc.stdout).not.toContain('dnf ');
  });

  it('exit 2 on a bad -e; words without = are _raw_params, as in Ansible, with a note', async () => {
    const r = await rolegen(['show', '-e', '{"a": [}']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^-e:1:\d+: error: "\{\\"a\\": \[\}": not JSON, and not YAML: /u);
    const raw = await rolegen(['show', '--services', 'nova', '-e', 'not a pair']);
    expect(raw.status).toBe(0);
    expect(raw.stdout).toMatch(/^note: -e "not a pair": "not a pair" is not key=value: Ansible sets the variable _raw_params to it, which no role reads\n/u);
  });

  describe('a rolled-out phase (plans/examples/rollout.yaml rolls out update-services only)', () => {
    const plan = loadPlanFile(join(ROOT, 'plans', 'examples', 'rollout.yaml'));
    const fact = 'edpm_update_services_progress';
    const progress = (steps: readonly RunStep[]) => steps.flatMap((s, i) => (s.kind === 'progress' ? [{ i, ends: s.ends, id: s.rolloutId }] : []));
    const names = (file: string) => (parse(compilePlan(plan).get(`edpm_update_services/tasks/${file}`)!) as any[]).map((t) => t.name as string);

    it('without a rollout id: nothing skipped or recorded, as the role', () => {
      expect(progress(updateServicesRun(plan, { services: ['nova'], vars: {}, bootc: false }).steps)).toEqual([]);
    });

    it('with an id: the check after the local facts and the record last, where the role has them', () => {
      const run = updateServicesRun(plan, { services: ['nova'], vars: { edpm_rollout_id: 'r1' }, bootc: false });
      expect(progress(run.steps)).toEqual([
        { i: 1, ends: false, id: 'r1' },
        { i: run.steps.length - 1, ends: false, id: 'r1' },
      ]);
      expect(run.steps[0]!.kind).toBe('facts');
      expect(run.steps[1]!.from).toBe('/rollout/updateServices');
      // the compiled role: facts, the skip block, ..., the record block
      const main = names('main.yml');
      expect(main[1]).toMatch(/^Skip this node when it completed update-services under this rollout/u);
      expect(main.at(-1)).toMatch(/^Record that update-services completed on this node/u);
      // phase 2 is not rolled out by this plan: no progress there
      expect(progress(updateSystemRun(plan, { services: ['nova'], vars: { edpm_rollout_id: 'r1' }, bootc: false }).steps)).toEqual([]);
    });

    it("a node that completed the phase under the same id ends there; another id, or the role's own variable, decides", () => {
      const done = { ansible_local: { [fact]: { rollout_id: 'r1', phase: 'update-services' } } };
      const same = updateServicesRun(plan, { services: ['nova'], vars: { edpm_rollout_id: 'r1', ...done }, bootc: false });
      expect(same.steps.map((s) => s.kind)).toEqual(['facts', 'progress']);
      expect(same.steps[1]!.text).toContain('end the play for the node');
      const other = updateServicesRun(plan, { services: ['nova'], vars: { edpm_rollout_id: 'r2', ...done }, bootc: false });
      expect(other.steps.some((s) => s.kind === 'include')).toBe(true);
      const own = updateServicesRun(plan, { services: ['nova'], vars: { edpm_rollout_id: 'r1', edpm_update_services_rollout_id: '', ...done }, bootc: false });
      expect(progress(own.steps)).toEqual([]);
    });

    it('a failure before any change records nothing', () => {
      const failed = updateServicesRun(plan, { services: ['nova'], vars: { edpm_rollout_id: 'r1', edpm_update_services_exclude_packages: ['openstack-selinux'] }, bootc: false });
      expect(failed.steps.at(-1)!.kind).toBe('fail');
      expect(failed.steps.filter((s) => s.kind === 'progress')).toHaveLength(1);
      const unset = updateServicesRun(plan, { services: null, vars: { edpm_rollout_id: 'r1' }, bootc: false });
      expect(unset.steps.map((s) => s.kind)).toEqual(['fail']);
    });
  });
});
