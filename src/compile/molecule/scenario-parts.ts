/**
 * Pieces shared by the generated Molecule scenarios: molecule.yml, and the
 * plays that prepare the test node (fixture repositories, baseline packages,
 * a snapshot of them).
 */
import type { Task } from '../task.js';
import { FIXTURE_PACKAGES, NODE, NODE_IMAGE, PREPARE_HOST, SCENARIO_ENV } from './fixtures.js';

/** A play, as data. */
export type Play = Record<string, unknown>;

/** A named task calling one module: the playbooks of scenarios carry no tags. */
export function step(name: string, module: string, args: unknown, extra: Record<string, unknown> = {}): Task {
  return { name, [module]: args, ...extra };
}

/** molecule.yml of a scenario. */
export function moleculeConfig(platform: string, withSideEffect: boolean): Record<string, unknown> {
  const sequence = ['dependency', 'destroy', 'create', 'prepare', ...(withSideEffect ? ['side_effect'] : []), 'converge', 'idempotence', 'verify', 'destroy'];
  return {
    dependency: { name: 'shell', command: PREPARE_HOST },
    driver: { name: 'podman' },
    platforms: [{ name: platform, image: NODE_IMAGE, pre_build_image: true, privileged: true, command: 'sleep infinity' }],
    provisioner: {
      name: 'ansible',
      env: {
        ANSIBLE_ROLES_PATH: '${MOLECULE_PROJECT_DIRECTORY}/..',
        ANSIBLE_COLLECTIONS_PATH: '${MOLECULE_EPHEMERAL_DIRECTORY}/collections',
        ...SCENARIO_ENV,
      },
      ...(withSideEffect ? { playbooks: { side_effect: 'side_effect.yml' } } : {}),
    },
    verifier: { name: 'ansible' },
    scenario: { test_sequence: sequence },
  };
}

const env = (name: keyof typeof SCENARIO_ENV): string => `{{ lookup('ansible.builtin.env', '${name}') }}`;

/** Tasks that give the node the fixture repositories and install the baseline packages. */
export function baselinePackagesTasks(prefix: string): Task[] {
  const repo = (name: string, description: string) =>
    step(`Add the ${name} fixture repository`, 'ansible.builtin.copy', {
      dest: `/etc/yum.repos.d/edpm-fixture-${name}.repo`,
      content: `[edpm-fixture-${name}]\nname=edpm-rolegen fixtures: ${description}\nbaseurl=file://${NODE.repos}/${name}\ngpgcheck=0\n`,
      mode: '0644',
    });
  return [
    step('Copy the RPM fixture repositories to the node', 'ansible.builtin.copy', { src: `${env('EDPM_FIXTURES')}/repos/`, dest: `${NODE.repos}/`, mode: '0644', directory_mode: '0755' }),
    repo('baseline', 'installed versions'),
    step('Install the baseline versions of the fixture packages', 'ansible.builtin.dnf', { name: [...FIXTURE_PACKAGES], state: 'present', update_cache: true }),
    repo('update', 'newer versions'),
    step('List the installed packages before the update', 'ansible.builtin.command', { argv: ['rpm', '-qa', '--qf', '%{NAME}-%{VERSION}-%{RELEASE}\\n'] }, {
      register: `${prefix}_rpms`,
      changed_when: false,
    }),
    step('Keep that list for the checks', 'ansible.builtin.copy', {
      dest: NODE.rpmsBefore,
      content: `{{ ${prefix}_rpms.stdout_lines | sort | to_json }}`,
      mode: '0644',
    }),
  ];
}

/** Tasks that check that nothing changed on the node since prepare (after a run in check mode). */
export function unchangedSincePrepareTasks(prefix: string): Task[] {
  return [
    step('List the installed packages now', 'ansible.builtin.command', { argv: ['rpm', '-qa', '--qf', '%{NAME}-%{VERSION}-%{RELEASE}\\n'] }, {
      register: `${prefix}_rpms_now`,
      changed_when: false,
    }),
    step('Read the list kept by prepare', 'ansible.builtin.slurp', { src: NODE.rpmsBefore }, { register: `${prefix}_rpms_before` }),
    step('Check that no package changed', 'ansible.builtin.assert', {
      that: [`(${prefix}_rpms_before.content | b64decode | from_json) == ${prefix}_rpms_now.stdout_lines | sort`],
      fail_msg: 'packages changed in check mode',
    }),
    step('Look for a journal of task files', 'ansible.builtin.stat', { path: NODE.journal }, { register: `${prefix}_journal_stat` }),
    step('Check that no service task file changed anything', 'ansible.builtin.assert', {
      that: [`not ${prefix}_journal_stat.stat.exists`],
      fail_msg: `${NODE.journal} was written in check mode`,
    }),
  ];
}
