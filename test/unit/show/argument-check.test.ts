import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { loadPlanFile } from '../../../src/plan/load.js';
import { UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE } from '../../../src/model/roles.js';
import { argumentErrors, roleArgumentSpec } from '../../../src/show/argument-check.js';
import { boolFilter, jinjaIn } from '../../../src/show/ansible-values.js';
import { updateServicesRun, updateSystemRun, type PhaseRun, type RunStep } from '../../../src/show/node-run.js';
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';

const PLANS = [DEFAULT_PLAN, ...['minimal', 'downstream', 'rollout'].map((p) => join(ROOT, 'plans', 'examples', `${p}.yaml`))];
const kinds = (run: PhaseRun) => run.steps.map((s) => s.kind);
const includes = (steps: readonly RunStep[]) => steps.flatMap((s) => (s.kind === 'include' ? [s.journal] : []));
const RUN = { services: ['nova'], bootc: false } as const;

/** A value Ansible's check of each type refuses (a str is converted from anything: none). */
const REFUSED: Record<string, unknown> = { bool: 'maybe', int: 'five', list: { a: 1 }, dict: 'no pairs' };

describe("show: the roles' argument validation, from the compiled argument specs", () => {
  for (const planPath of PLANS) {
    const plan = loadPlanFile(planPath);
    const tree = compilePlan(plan);
    for (const [role, run] of [[UPDATE_SERVICES_ROLE, updateServicesRun], [UPDATE_SYSTEM_ROLE, updateSystemRun]] as const) {
      const options = (parse(tree.get(`${role}/meta/argument_specs.yml`)!) as any).argument_specs.main.options as Record<string, any>;

      it(`${role} of ${planPath.slice(ROOT.length)}: show checks the very variables, types and defaults of meta/argument_specs.yml`, () => {
        const spec = roleArgumentSpec(plan, role);
        expect(spec.map((v) => v.name)).toEqual(Object.keys(options));
        for (const v of spec) {
          expect({ type: v.type, elements: v.elements }, v.name).toEqual({ type: options[v.name].type, elements: options[v.name].elements });
          if (Object.hasOwn(options[v.name], 'default')) expect(v.default, v.name).toEqual(options[v.name].default);
        }
      });

      it(`${role} of ${planPath.slice(ROOT.length)}: a value the check refuses fails the role before any change, naming the variable, for every variable of the spec`, () => {
        for (const [name, option] of Object.entries(options)) {
          if (option.type === 'str') continue;
          const value = REFUSED[option.type as string];
          const result = run(plan, { ...RUN, vars: { [name]: value } });
          expect(kinds(result), name).toEqual(['fail']);
          expect(result.steps[0]!.text).toMatch(new RegExp(`^fail before any change \\(argument validation\\): argument '${name}' is of type \\w+ and we were unable to convert to ${option.type}: `, 'u'));
          expect(result.steps[0]!.tags).toEqual(['always']);
        }
      });
    }
  }

  it('kpatch=maybe: the role fails before any change (show used to print a normal run without kpatch)', () => {
    const plan = loadPlanFile(DEFAULT_PLAN);
    const run = updateSystemRun(plan, { ...RUN, vars: { edpm_update_system_enable_kpatch: 'maybe' } });
    expect(kinds(run)).toEqual(['fail']);
    expect(run.steps[0]!.text).toContain("argument 'edpm_update_system_enable_kpatch' is of type str and we were unable to convert to bool: The value 'maybe' is not a valid boolean");
  });

  it('takes what Ansible takes: bool spellings (trimmed, any case), ints as text, a list as a comma-separated string; null where the spec has no default', () => {
    const spec = roleArgumentSpec(loadPlanFile(DEFAULT_PLAN), UPDATE_SYSTEM_ROLE);
    for (const b of ['y', 'YES', ' on ', '1', 't', 'n', 'Off', 'f', 'false', 0, 1, true]) expect(argumentErrors(spec, { edpm_update_system_enable_kpatch: b }), String(b)).toEqual([]);
    for (const b of ['maybe', 2, '', null, []]) expect(argumentErrors(spec, { edpm_update_system_enable_kpatch: b }), String(b)).toHaveLength(1);
    for (const i of ['3', ' 3 ', '3.0', '1_0', '3e2', 7, true]) expect(argumentErrors(spec, { edpm_ovs_download_retries: i }), String(i)).toEqual([]);
    for (const i of ['3.5', 'abc', '', 'NaN', 'Infinity', 2.5, [3]]) expect(argumentErrors(spec, { edpm_ovs_download_retries: i }), String(i)).toHaveLength(1);
    expect(argumentErrors(spec, { edpm_ovs_download_retries: null, edpm_update_system_exclude_packages: 'a,b' })).toEqual([]);
    // a list with a default is checked even when null
    expect(argumentErrors(spec, { edpm_update_system_exclude_packages: null })).toEqual([
      "argument 'edpm_update_system_exclude_packages' is of type NoneType and we were unable to convert to list: <class 'NoneType'> cannot be converted to a list",
    ]);
  });

  it('the running services are checked as their default templates them: edpm_service_types undefined fails, a mapping is refused', () => {
    const plan = loadPlanFile(DEFAULT_PLAN);
    expect(updateServicesRun(plan, { services: null, vars: {}, bootc: false }).steps[0]!.text).toBe(
      'fail before any change (argument validation): edpm_service_types is undefined, and with it the default of edpm_update_services_running_services',
    );
    const mapping = updateServicesRun(plan, { services: null, vars: { edpm_service_types: { nova: true } }, bootc: false });
    expect(mapping.steps[0]!.text).toContain("argument 'edpm_update_services_running_services' is of type dict and we were unable to convert to list");
  });
});

describe("show: the bool filter as ansible-core 2.19 applies it in the roles' conditions", () => {
  it('true only for yes/on/true/1 after lower(), false for no/off/false/0, anything else false with the deprecation warning', () => {
    for (const v of ['yes', 'On', 'TRUE', '1', 1, true]) expect(boolFilter(v), String(v)).toEqual({ value: true, warning: null });
    for (const v of ['no', 'OFF', 'false', '0', 0, false]) expect(boolFilter(v), String(v)).toEqual({ value: false, warning: null });
    expect(boolFilter('t')).toEqual({ value: false, warning: "The `bool` filter coerced invalid value 't' (str) to False." });
    expect(boolFilter('y').value).toBe(false);
    expect(boolFilter(' yes').value).toBe(false);
    expect(boolFilter(2)).toEqual({ value: false, warning: 'The `bool` filter coerced invalid value 2 (int) to False.' });
    expect(boolFilter(null).warning).toBe('The `bool` filter coerced invalid value None (NoneType) to False.');
  });

  it("a value the check takes but the filter coerces ('t', 'y', ' yes') runs as false, with Ansible's warning as a note", () => {
    const plan = loadPlanFile(DEFAULT_PLAN);
    for (const v of ['t', 'y', ' yes', 'T']) {
      const run = updateSystemRun(plan, { ...RUN, vars: { edpm_update_system_enable_kpatch: v } });
      expect(kinds(run), v).not.toContain('kpatch');
      expect(kinds(run), v).not.toContain('fail');
      expect(run.notes.join('\n'), v).toContain('The `bool` filter coerced invalid value');
      const off = updateServicesRun(plan, { ...RUN, vars: { edpm_update_services_enable_containers_update: v } });
      expect(includes(off.steps), v).toEqual([]);
    }
    const yes = updateSystemRun(plan, { ...RUN, vars: { edpm_update_system_enable_kpatch: 'Yes' } });
    expect(kinds(yes)).toContain('kpatch');
    expect(yes.notes).toEqual([]);
  });
});

describe('show: a list given as a string, as Jinja and the roles read it', () => {
  const plan = loadPlanFile(DEFAULT_PLAN);

  it("'<type>' in a string is a substring test: 'ovn' runs for \"ovn-bgp-agent\", \"[nova]\" runs nova", () => {
    expect(jinjaIn('ovn', 'ovn-bgp-agent')).toEqual({ value: true });
    expect(jinjaIn('ovn', ['ovn-bgp-agent'])).toEqual({ value: false });
    expect(jinjaIn('ovn', 5)).toEqual({ error: "argument of type 'int' is not iterable" });
    const bgp = updateServicesRun(plan, { services: null, vars: { edpm_service_types: 'ovn-bgp-agent' }, bootc: false });
    expect(includes(bgp.steps)).toEqual(['edpm_podman:login', 'edpm_ovn:update', 'edpm_ovn:run', 'edpm_ovn_bgp_agent:update', 'edpm_ovn_bgp_agent:run']);
    expect(bgp.notes.join('\n')).toContain("is the str 'ovn-bgp-agent', not a list");
    const bracketed = updateServicesRun(plan, { services: null, vars: { edpm_update_services_running_services: '[nova]' }, bootc: false });
    expect(includes(bracketed.steps)).toContain('edpm_nova:install');
  });

  it('a number passes the check (a one-item list) but fails the first service condition, after the packages', () => {
    const run = updateServicesRun(plan, { services: null, vars: { edpm_service_types: 5 }, bootc: false });
    expect(run.steps.at(-1)!.kind).toBe('fail');
    expect(run.steps.at(-1)!.text).toContain("argument of type 'int' is not iterable");
    expect(kinds(run)).toContain('packages');
  });

  it('exclusions as a string fail where the role adds them to its list: phase 1 before any change, phase 2 after Open vSwitch', () => {
    const one = updateServicesRun(plan, { ...RUN, vars: { edpm_update_services_exclude_packages: 'foo' } });
    expect(kinds(one)).toEqual(['facts', 'fail']);
    expect(one.steps[1]!.text).toContain("edpm_update_services_exclude_packages is the str 'foo', not a list (Ansible: can only concatenate list (not \"str\") to list)");
    const two = updateSystemRun(plan, { ...RUN, vars: { edpm_update_system_exclude_packages: 'foo' } });
    expect(kinds(two)).toEqual(['facts', 'openvswitch', 'fail']);
  });

  it("a bootc image that is not a string: the check takes it (str() of anything), the role's length test fails on a number", () => {
    const bootc = { ansible_local: { bootc: true } };
    const number = updateSystemRun(plan, { ...RUN, vars: { ...bootc, edpm_update_system_bootc_os_container_image: 5 } });
    expect(kinds(number)).toEqual(['facts', 'fail']);
    expect(number.steps[1]!.text).toContain("(Ansible: object of type 'int' has no len())");
    expect(kinds(updateSystemRun(plan, { ...RUN, vars: { ...bootc, edpm_update_system_bootc_os_container_image: [] } }))).toEqual(['facts', 'fail']);
  });

  it('packages asked for as a string: dnf splits them at commas; the checks look at its characters', () => {
    const run = updateServicesRun(plan, { ...RUN, vars: { edpm_update_services_include_packages: 'openstack-selinux,tuned' } });
    const update = run.steps.find((s) => s.kind === 'packages');
    expect(update?.kind === 'packages' && update.include).toEqual(['openstack-selinux', 'tuned']);
    // an exclusion of one character matches a character of the string: the check refuses it
    const single = updateServicesRun(plan, { ...RUN, vars: { edpm_update_services_include_packages: 'tuned', edpm_update_services_exclude_packages: ['?'] } });
    expect(kinds(single)).toEqual(['facts', 'fail']);
  });
});
