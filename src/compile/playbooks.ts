/**
 * The playbooks the dataplane operator runs (`playbooks/update_services.yml`,
 * `playbooks/update_system.yml`, and the combined `playbooks/update.yml`)
 * and the OpenStackDataPlaneService manifests that name them.
 */
import { COMBINED_UPDATE, PHASES, roleTags, type PhaseEntryPoint } from '../model/roles.js';
import { LEGACY_VARIABLES } from './legacy-variables.js';
import { task } from './task.js';
import { yamlText } from './yaml-text.js';
import { NO_ROLLOUT, phaseRolloutOfRole, rolloutVariables, serialOf, type PhaseRollout, type Rollout } from '../model/rollout.js';

/**
 * The play keywords every EDPM playbook takes from the inventory, and the
 * batches and failure budget of the play of `role`: its phase's rollout, or
 * today's keywords without one.
 */
function playKeywords(title: string, role: string, rollout: PhaseRollout | null): Record<string, unknown> {
  return {
    name: title,
    hosts: "{{ edpm_override_hosts | default('all', true) }}",
    strategy: 'linear',
    gather_facts: '{{ gather_facts | default(false) }}',
    ...(rollout === null
      ? {
          any_errors_fatal: '{{ edpm_any_errors_fatal | default(true) }}',
          max_fail_percentage: '{{ edpm_max_fail_percentage | default(0) }}',
        }
      : rolloutPlayKeywords(role, rollout)),
  };
}

/**
 * `playbooks/update.yml`: the monolithic update as one run, edpm_update_system
 * then edpm_update_services, after mapping the monolithic role's variable
 * names onto theirs. include_role (not import_role): the roles' defaults must
 * not be defined yet when the mapping tests whether their names are set.
 *
 * Without a rollout, one play runs both roles on each node in turn. When the
 * plan rolls a phase out, each role gets its own play, with the batches
 * (`serial`) and failure budget of its phase as its own playbook has them
 * (the same variables override them), and today's keywords for a phase not
 * rolled out: one play cannot have two `serial`s, and a rolled-out role ends
 * the play for a node that completed its phase under the same rollout id
 * (`meta: end_host`), which in one play would skip the other role too.
 *
 * The mapping and the includes are also tagged `always`: a `--tags`
 * selection (an operator's ansibleTags) otherwise skipped the mapping (no
 * tags) and every include whose role tags it did not name, so that
 * `--tags edpm_update` ran the roles on the new names' defaults and a step
 * or service role tag (`--tags edpm_update_system_packages`, `--tags
 * edpm_nova`) ran nothing. Tags on include_role do not reach the included
 * tasks, which select themselves by their own tags; `--skip-tags` of a
 * role's tag still skips its include.
 */
export function combinedUpdatePlaybookFile(collection: string, header: readonly string[], rollout: Rollout = NO_ROLLOUT): string {
  /** The monolithic names mapped onto those of `roles`. */
  const mapping = (roles: readonly string[]) =>
    LEGACY_VARIABLES.flatMap(({ legacy, current }) =>
      current
        .filter(({ role }) => roles.includes(role))
        .map(({ name }) =>
          task(`Set ${name} from ${legacy}, the monolithic role's name`, 'ansible.builtin.set_fact', { [name]: `{{ ${legacy} }}` }, {
            when: [`${name} is not defined`, `${legacy} is defined`],
            tags: ['always'],
          }),
        ),
    );
  const run = (role: string) => ({
    name: `Run ${role}`,
    'ansible.builtin.include_role': { name: `${collection}.${role}` },
    tags: [...roleTags(role), 'always'],
  });
  // include_role takes no environment keyword: the play gives it to the roles.
  const environment = '{{ edpm_playbook_environment | default({}) }}';
  if (rollout.updateServices === null && rollout.updateSystem === null) {
    return yamlText([{ ...playKeywords(COMBINED_UPDATE.title, '', null), environment, tasks: [...mapping(COMBINED_UPDATE.roles), ...COMBINED_UPDATE.roles.map(run)] }], { header });
  }
  const plays = COMBINED_UPDATE.roles.map((role) => ({
    ...playKeywords(PHASES.find((p) => p.role === role)!.title, role, phaseRolloutOfRole(rollout, role)),
    environment,
    tasks: [...mapping([role]), run(role)],
  }));
  return yamlText(plays, { header });
}

/**
 * The playbook of a phase, with the variables every EDPM playbook takes.
 * With a rollout, the play runs in `serial` batches (canary, waves, the
 * rest) and tolerates the plan's failure budget per batch; each value can
 * be overridden at run time (extra variables: Ansible templates play
 * keywords before any host is chosen, so inventory variables are not seen).
 */
export function playbookFile(collection: string, phase: PhaseEntryPoint, header: readonly string[], rollout: PhaseRollout | null = null): string {
  return yamlText(
    [
      {
        ...playKeywords(phase.title, phase.role, rollout),
        tasks: [
          {
            name: `Run ${phase.role}`,
            'ansible.builtin.import_role': { name: `${collection}.${phase.role}` },
            environment: '{{ edpm_playbook_environment | default({}) }}',
            tags: [...roleTags(phase.role)],
          },
        ],
      },
    ],
    { header },
  );
}

/** A Jinja literal of a value made only of integers and grammar-checked `N%` strings. */
function jinjaLiteral(value: number | string): string {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && /^[0-9]{1,3}%$/u.test(value)) return `'${value}'`;
  throw new Error(`internal error: ${JSON.stringify(value)} reached Jinja unchecked`);
}

/**
 * `serial`, `any_errors_fatal` and `max_fail_percentage` of a rolled-out
 * phase. Ansible applies one `max_fail_percentage` to every batch (failed
 * hosts of the batch / hosts of the batch > percentage stops the play); a
 * budget in nodes is turned into the percentage that allows that many in
 * the largest batch of the run (fewer in smaller ones), computed from the
 * number of hosts of the play.
 */
function rolloutPlayKeywords(role: string, rollout: PhaseRollout): Record<string, unknown> {
  const vars = rolloutVariables(role);
  const serial = serialOf(rollout);
  const budget = rollout.failureBudget;
  let percent: string;
  if (budget.kind === 'percent') percent = String(budget.percent);
  else if (budget.nodes === 0) percent = '0';
  else {
    const total = '(ansible_play_hosts_all | length)';
    const sizes = serial.slice(0, -1).map((s) => (typeof s === 'number' ? String(s) : `([(${Number(s.slice(0, -1))} / 100 * ${total}) | int, 1] | max)`));
    const largest = `([${[...sizes, `${total} - (${sizes.length === 0 ? '0' : sizes.join(' + ')})`].join(', ')}, 1] | max)`;
    percent = `(${budget.nodes} + 0.5) * 100 / ${largest}`;
  }
  return {
    serial: `{{ ${vars.serial} | default([${serial.map(jinjaLiteral).join(', ')}]) }}`,
    // A literal: ansible-core's strategy reads a templated any_errors_fatal as true, whatever it
    // renders to (ansible/ansible#61025, open), which would stop at the first failure whatever the budget.
    any_errors_fatal: false,
    max_fail_percentage: `{{ ${vars.maxFailPercentage} | default(${percent}) }}`,
  };
}

/** The OpenStackDataPlaneService manifest of a phase. */
export function serviceManifestFile(collection: string, phase: Pick<PhaseEntryPoint, 'playbook' | 'serviceType'>, header: readonly string[]): string {
  return yamlText(
    {
      apiVersion: 'dataplane.openstack.org/v1beta1',
      kind: 'OpenStackDataPlaneService',
      metadata: { name: phase.serviceType },
      spec: { playbook: `${collection}.${phase.playbook}`, edpmServiceType: phase.serviceType },
    },
    { header },
  );
}
