/**
 * The Molecule scenario of edpm_update_services (`molecule/default/`): on a
 * test node with the baseline fixture packages and the v1 containers of some
 * running services, the role must update the essential packages only, run the
 * task files of the running services in plan order (configuration rendered
 * before the new container starts), leave the other services alone, move the
 * containers to v2 and prune the old image; a second run changes nothing, and
 * so does a run in check mode. Everything plan-dependent is data in the
 * playbooks' vars.
 */
import type { UpdatePlan } from '../../model/plan.js';
import { FileTreeBuilder, type FileTree } from '../file-tree.js';
import { yamlText } from '../yaml-text.js';
import { FIXTURE_PACKAGES, NODE, USER_EXCLUDED_PACKAGE } from './fixtures.js';
import { baselinePackagesTasks, moleculeConfig, step, unchangedSincePrepareTasks, type Play } from './scenario-parts.js';

/** Prefix of the scenario's variables (ansible-lint wants the role's name on them). */
const PREFIX = 'edpm_update_services_fixture';

/** Service types the scenario runs, when the plan has them (the others are left out on purpose). */
const PREFERRED_RUNNING = ['ovn', 'neutron-metadata', 'nova', 'telemetry'];

/** What the scenario expects, derived from the plan. */
export interface ServicesExpectations {
  readonly running: readonly string[];
  readonly notRunning: readonly string[];
  /** Fixture roles to make, one per role the plan names. */
  readonly roles: readonly string[];
  /** `role:task` in the order the role must include them. */
  readonly journal: readonly string[];
  /** Roles whose containers must run the new image. */
  readonly containers: readonly string[];
  /** Roles of services that do not run: no task file of theirs may run. */
  readonly untouchedRoles: readonly string[];
  /** Fixture packages the update must bring to the new version, and those it must leave. */
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
}

/** The expectations of the scenario for a plan. */
export function servicesExpectations(plan: UpdatePlan): ServicesExpectations {
  const s = plan.updateServices;
  const types = [...new Set(s.containerSteps.map((c) => c.serviceType))];
  const preferred = PREFERRED_RUNNING.filter((t) => types.includes(t));
  const running = preferred.length > 0 ? preferred : types.filter((_, i) => i % 2 === 0);
  const runningSteps = s.containerSteps.filter((c) => running.includes(c.serviceType));
  const roles = [...new Set([...s.alwaysBefore, ...s.containerSteps].map((c) => c.role))];
  const usedByRunning = new Set([...s.alwaysBefore, ...runningSteps].map((c) => c.role));
  const journal = [...s.alwaysBefore, ...runningSteps].flatMap((c) => c.tasks.map((t) => `${c.role}:${t}`));
  const containers = [...new Set(runningSteps.filter((c) => c.tasks.some((t) => t === 'run' || t === 'install')).map((c) => c.role))];
  const excluded = new Set([...s.alwaysExcludedPackages, USER_EXCLUDED_PACKAGE]);
  const updated = FIXTURE_PACKAGES.filter((p) => s.essentialPackages.includes(p) && !excluded.has(p));
  return {
    running,
    notRunning: types.filter((t) => !running.includes(t)),
    roles,
    journal,
    containers,
    untouchedRoles: roles.filter((r) => !usedByRunning.has(r)),
    updated,
    unchanged: FIXTURE_PACKAGES.filter((p) => !updated.includes(p)),
  };
}

/** Files of `edpm_update_services/molecule/default/`. */
export function updateServicesScenario(plan: UpdatePlan, header: readonly string[]): FileTree {
  const e = servicesExpectations(plan);
  const [ns, name] = plan.collection.split('.') as [string, string];
  const roleVars = { edpm_service_types: [...e.running], edpm_update_services_exclude_packages: [USER_EXCLUDED_PACKAGE] };
  const runRole: Play['tasks'] = [step('Run edpm_update_services', 'ansible.builtin.include_role', { name: 'edpm_update_services' })];

  const prepare: Play[] = [
    {
      name: 'Make the fixture service roles',
      hosts: 'localhost',
      gather_facts: false,
      vars: { edpm_update_services_fixture_roles: [...e.roles], edpm_update_services_fixture_collection: `{{ lookup('ansible.builtin.env', 'MOLECULE_EPHEMERAL_DIRECTORY') }}/collections/ansible_collections/${ns}/${name}` },
      tasks: [
        step('Copy the generic fixture role once per role of the plan', 'ansible.builtin.copy', {
          src: "{{ lookup('ansible.builtin.env', 'EDPM_FIXTURE_ROLE') }}/",
          dest: '{{ edpm_update_services_fixture_collection }}/roles/{{ item }}/',
          mode: '0644',
          directory_mode: '0755',
        }, { loop: '{{ edpm_update_services_fixture_roles }}' }),
      ],
    },
    {
      name: 'Prepare the test node',
      hosts: 'all',
      gather_facts: false,
      vars: { edpm_update_services_fixture_containers: [...e.containers] },
      tasks: [
        ...baselinePackagesTasks(PREFIX),
        step('Copy the service images to the node', 'ansible.builtin.copy', { src: "{{ lookup('ansible.builtin.env', 'EDPM_FIXTURES') }}/images/", dest: `${NODE.images}/`, mode: '0644', directory_mode: '0755' }),
        step('Load the old and the new service image', 'ansible.builtin.command', {
          argv: ['podman', 'import', '--change', 'CMD ["sleep", "infinity"]', `${NODE.images}/service-{{ item }}.tar`, `${NODE.serviceImage}:{{ item }}`],
        }, { loop: ['v1', 'v2'], changed_when: true }),
        step('Run the containers of the running services on the old image', 'containers.podman.podman_container', {
          name: '{{ item }}',
          image: `${NODE.serviceImage}:v1`,
          command: ['sleep', 'infinity'],
          state: 'started',
        }, { loop: '{{ edpm_update_services_fixture_containers }}' }),
      ],
    },
  ];

  const sideEffect: Play[] = [
    { name: 'Run edpm_update_services in check mode', hosts: 'all', gather_facts: false, check_mode: true, vars: roleVars, tasks: runRole },
    {
      name: 'Check that the check-mode run changed nothing',
      hosts: 'all',
      gather_facts: false,
      vars: { edpm_update_services_fixture_containers: [...e.containers] },
      tasks: [
        ...unchangedSincePrepareTasks(PREFIX),
        step('Read the running containers', 'containers.podman.podman_container_info', { name: '{{ edpm_update_services_fixture_containers }}' }, { register: 'edpm_update_services_fixture_info' }),
        step('Check that the containers still run the old image', 'ansible.builtin.assert', {
          that: [`edpm_update_services_fixture_info.containers | map(attribute='ImageName') | unique == ['${NODE.serviceImage}:v1']`],
          fail_msg: 'a container changed in check mode',
        }),
      ],
    },
  ];

  const converge: Play[] = [{ name: 'Converge', hosts: 'all', gather_facts: false, vars: roleVars, tasks: runRole }];

  const verify: Play[] = [
    {
      name: 'Verify',
      hosts: 'all',
      gather_facts: false,
      vars: {
        edpm_update_services_fixture_expect_journal: [...e.journal],
        edpm_update_services_fixture_expect_untouched_roles: [...e.untouchedRoles],
        edpm_update_services_fixture_expect_containers: [...e.containers],
        edpm_update_services_fixture_expect_updated: [...e.updated],
        edpm_update_services_fixture_expect_unchanged: [...e.unchanged],
      },
      tasks: [
        step('Gather the installed packages', 'ansible.builtin.package_facts', { manager: 'rpm' }),
        step('Check that the essential packages were updated', 'ansible.builtin.assert', {
          that: ["ansible_facts.packages[item] | map(attribute='version') | list == ['2.0']"],
          fail_msg: '{{ item }} is not at 2.0: {{ ansible_facts.packages[item] }}',
        }, { loop: '{{ edpm_update_services_fixture_expect_updated }}' }),
        step('Check that every other package was left as it was', 'ansible.builtin.assert', {
          that: ["(ansible_facts.packages[item] | map(attribute='version') | list) in [['1.0'], ['5.14.0'], ['3.1.0']]", "(ansible_facts.packages[item] | map(attribute='release') | list) == ['1']"],
          fail_msg: '{{ item }} changed: {{ ansible_facts.packages[item] }}',
        }, { loop: '{{ edpm_update_services_fixture_expect_unchanged }}' }),
        step('Read the journal of task files', 'ansible.builtin.slurp', { src: NODE.journal }, { register: 'edpm_update_services_fixture_journal' }),
        step('Check that the task files ran in the order of the plan', 'ansible.builtin.assert', {
          that: ["(edpm_update_services_fixture_journal.content | b64decode).splitlines() | map('split', ' ') | map('first') | list == edpm_update_services_fixture_expect_journal"],
          fail_msg: "ran: {{ (edpm_update_services_fixture_journal.content | b64decode).splitlines() }}; expected: {{ edpm_update_services_fixture_expect_journal }}",
        }),
        step('Check that each new container started after its configuration was rendered', 'ansible.builtin.assert', {
          that: ["(edpm_update_services_fixture_journal.content | b64decode).splitlines() | select('search', ' config=absent') | list == []"],
          fail_msg: 'a container started before its configuration was rendered',
        }),
        step('Check that the services that do not run were left alone', 'ansible.builtin.assert', {
          that: ["(edpm_update_services_fixture_journal.content | b64decode).splitlines() | select('match', item ~ ':') | list == []"],
          fail_msg: '{{ item }} ran although its service type does not run',
        }, { loop: '{{ edpm_update_services_fixture_expect_untouched_roles }}' }),
        step('Read the service containers', 'containers.podman.podman_container_info', {}, { register: 'edpm_update_services_fixture_info' }),
        step('Check that the containers of the running services run the new image, and only they run', 'ansible.builtin.assert', {
          that: [
            `edpm_update_services_fixture_info.containers | map(attribute='Name') | sort == edpm_update_services_fixture_expect_containers | sort`,
            `edpm_update_services_fixture_info.containers | map(attribute='ImageName') | unique == ['${NODE.serviceImage}:v2']`,
          ],
          fail_msg: "containers: {{ edpm_update_services_fixture_info.containers | map(attribute='Name') | zip(edpm_update_services_fixture_info.containers | map(attribute='ImageName')) }}",
        }),
        step('Read the images', 'containers.podman.podman_image_info', {}, { register: 'edpm_update_services_fixture_images' }),
        step('Check that the old image was pruned', 'ansible.builtin.assert', {
          that: [`edpm_update_services_fixture_images.images | map(attribute='RepoTags') | flatten | select('search', ':v1$') | list == []`],
          fail_msg: "images left: {{ edpm_update_services_fixture_images.images | map(attribute='RepoTags') | flatten }}",
        }),
      ],
    },
  ];

  return new FileTreeBuilder()
    .add('molecule.yml', yamlText(moleculeConfig('edpm-update-services-default', true), { header }))
    .add('prepare.yml', yamlText(prepare, { header }))
    .add('side_effect.yml', yamlText(sideEffect, { header }))
    .add('converge.yml', yamlText(converge, { header }))
    .add('verify.yml', yamlText(verify, { header }))
    .build();
}
