/**
 * Plan steps choose which task files run with become (issue 13, contract 3),
 * and a plan may list roles of the roles tree to ignore (contract 10).
 */
import { describe, expect, it } from 'vitest';
import { InputError, formatDiagnostic } from '../../../src/core/diagnostics.js';
import { loadPlanFile, parsePlan } from '../../../src/plan/load.js';
import { DEFAULT_PLAN } from '../../support/paths.js';

function problems(text: string): string[] {
  try {
    parsePlan(text, 'plan.yaml');
  } catch (err) {
    if (err instanceof InputError) return err.diagnostics.map(formatDiagnostic);
    throw err;
  }
  throw new Error('the plan was accepted');
}
const step = (become: string) => `updateServices:\n  containerSteps:\n    - serviceType: ovn\n      role: edpm_ovn\n      tasks: [update, run]\n${become}`;

describe('become per plan step', () => {
  it('defaults to every task file of the step', () => {
    expect(parsePlan(step(''), 'p.yaml').updateServices.containerSteps[0]!.become).toEqual(['update', 'run']);
    expect(parsePlan(step('      become: true\n'), 'p.yaml').updateServices.containerSteps[0]!.become).toEqual(['update', 'run']);
  });
  it('false: none; a list: those, in the order of tasks', () => {
    expect(parsePlan(step('      become: false\n'), 'p.yaml').updateServices.containerSteps[0]!.become).toEqual([]);
    expect(parsePlan(step('      become: [run]\n'), 'p.yaml').updateServices.containerSteps[0]!.become).toEqual(['run']);
    expect(parsePlan(step('      become: [run, update]\n'), 'p.yaml').updateServices.containerSteps[0]!.become).toEqual(['update', 'run']);
  });
  it('refuses a listed task file the step does not include, at its position', () => {
    expect(problems(step('      become: [install]\n'))).toEqual([
      'plan.yaml:6:16: error: /updateServices/containerSteps/0/become/0: "install" is not one of this step\'s task files (update, run): become lists the task files of tasks that run with become',
    ]);
  });
  it('refuses anything but a boolean or a list of task files', () => {
    expect(problems(step('      become: yes-please\n'))[0]).toMatch(/^plan\.yaml:6:15: error: \/updateServices\/containerSteps\/0\/become: /);
  });
  it('applies to alwaysBefore steps too', () => {
    const plan = parsePlan('updateServices:\n  alwaysBefore:\n    - {role: edpm_podman, tasks: [login], become: false}\n  containerSteps: []\n', 'p.yaml');
    expect(plan.updateServices.alwaysBefore[0]!.become).toEqual([]);
  });
});

describe('the built-in plan reproduces the hand-written become choices', () => {
  // edpm-ansible roles/edpm_update_services/tasks/containers.yml: `apply: become: true`
  // on these includes, none on the others.
  const HAND_WRITTEN_BECOME = {
    'edpm_podman:login': true,
    'edpm_iscsid:update': true,
    'edpm_ovn:update': true,
    'edpm_ovn:run': true,
    'edpm_frr:update': false,
    'edpm_frr:run': true,
    'edpm_ovn_bgp_agent:update': false,
    'edpm_ovn_bgp_agent:run': true,
    'edpm_neutron_metadata:update': false,
    'edpm_neutron_metadata:run': true,
    'edpm_neutron_ovn:update': false,
    'edpm_neutron_ovn:run': true,
    'edpm_multipathd:update': true,
    'edpm_nova:update': false,
    'edpm_nova:install': true,
    'edpm_neutron_sriov:update': false,
    'edpm_neutron_sriov:run': true,
    'edpm_neutron_dhcp:update': false,
    'edpm_neutron_dhcp:run': true,
    'edpm_telemetry:update': true,
    'edpm_telemetry:install': true,
  };
  it('include by include', () => {
    const plan = loadPlanFile(DEFAULT_PLAN);
    const s = plan.updateServices;
    const actual = Object.fromEntries(
      [...s.alwaysBefore, ...s.containerSteps].flatMap((st) => st.tasks.map((t) => [`${st.role}:${t}`, st.become.includes(t)])),
    );
    expect(actual).toEqual(HAND_WRITTEN_BECOME);
  });
});

describe('ignoredRoles', () => {
  it('defaults to none and keeps the list', () => {
    expect(parsePlan('updateServices:\n  containerSteps: []\n', 'p.yaml').ignoredRoles).toEqual([]);
    expect(parsePlan('ignoredRoles: [edpm_sshd]\nupdateServices:\n  containerSteps: []\n', 'p.yaml').ignoredRoles).toEqual(['edpm_sshd']);
  });
  it('refuses a role that a step includes', () => {
    expect(problems(`ignoredRoles: [edpm_tuned, edpm_ovn]\n${step('')}`)).toEqual([
      'plan.yaml:1:28: error: /ignoredRoles/1: role edpm_ovn is ignored, yet the step at /updateServices/containerSteps/0 includes it: remove one of the two',
    ]);
  });
  it('refuses a name that is not a role name', () => {
    expect(problems('ignoredRoles: [Edpm-Sshd]\nupdateServices:\n  containerSteps: []\n')[0]).toMatch(/^plan\.yaml:1:16: error: \/ignoredRoles\/0: "Edpm-Sshd" is not valid/);
  });
});
