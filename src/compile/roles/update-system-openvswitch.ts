/**
 * The Open vSwitch step of phase 2. Inline: check whether the OVS packages
 * have updates, download them, install them with `dnf --setopt=tsflags=noscripts`
 * (the scriptlets would stop and disable the service; the dnf module cannot
 * pass --setopt, so it is a command, given as argv: no shell, no word
 * splitting), re-enable the unit (a stream change leaves it disabled) and
 * optionally reload it. Or: import a role's tasks, as the hand-written role did.
 * Part of the edpm_update_system role (update-system.ts): its tasks,
 * handlers, vars, variables and README step.
 */
import type { UpdatePlan } from '../../model/plan.js';
import { OVS_ROLE, UPDATE_SYSTEM_ROLE } from '../../model/roles.js';
import type { RoleVariable } from '../role-variable.js';
import { task, type Task } from '../task.js';

const P = UPDATE_SYSTEM_ROLE;

/** Variable names of the Open vSwitch step. */
export const OVS_VARS = {
  packages: `${P}_ovs_packages`,
  reload: `${P}_ovs_reload_after_update`,
  /** edpm_ovs's own names, honoured when set. */
  ovsRolePackages: `${OVS_ROLE}_packages`,
  ovsRoleReload: `${OVS_ROLE}_reload_after_update`,
  effectivePackages: `${P}_ovs_update_packages`,
  effectivePackagesExpression: `{{ ${OVS_ROLE}_packages | default(${P}_ovs_packages) }}`,
  effectiveReload: `${P}_ovs_reload`,
  download: `${P}_ovs_download`,
} as const;
const V = OVS_VARS;

/** Variables of the Open vSwitch step (none when its tasks come from a role). */
export function openvswitchVariables(plan: UpdatePlan): RoleVariable[] {
  const ovs = plan.updateSystem.openvswitch;
  if (ovs.tasks.kind !== 'inline') return [];
  return [
    {
      name: V.packages,
      type: 'list',
      elements: 'str',
      default: [...ovs.packages],
      description: ['Open vSwitch packages updated first, without their RPM scriptlets.', `${V.ovsRolePackages} overrides it when set.`],
    },
    {
      name: V.reload,
      type: 'bool',
      default: ovs.reloadAfterUpdate,
      description: [`Whether to reload (never restart) the ${ovs.serviceName} service after its packages were updated.`, `${V.ovsRoleReload} overrides it when set.`],
    },
    {
      name: V.ovsRolePackages,
      type: 'list',
      elements: 'str',
      description: [`The edpm_ovs role's name for ${V.packages}; takes precedence when set.`],
    },
    {
      name: V.ovsRoleReload,
      type: 'bool',
      description: [`The edpm_ovs role's name for ${V.reload}; takes precedence when set.`],
    },
  ];
}

/** Name of the handler that updates the Open vSwitch packages. */
export const OVS_UPDATE_HANDLER = 'Update the Open vSwitch packages';

/** `tasks/openvswitch.yml`. */
export function openvswitchTasks(plan: UpdatePlan, tags: readonly string[]): Task[] {
  const ovs = plan.updateSystem.openvswitch;
  if (ovs.tasks.kind === 'role') {
    return [
      task(`Update Open vSwitch with ${ovs.tasks.role} ${ovs.tasks.tasks}.yml`, 'ansible.builtin.import_role', {
        name: `${plan.collection}.${ovs.tasks.role}`,
        tasks_from: `${ovs.tasks.tasks}.yml`,
      }, { tags }),
    ];
  }
  // The check notifies the update, and the flush runs it at once: before any other package.
  return [
    {
      ...task('Check whether the Open vSwitch packages have updates', 'ansible.builtin.dnf', {
        name: `{{ ${V.effectivePackages} }}`,
        state: 'latest',
        update_only: true,
        update_cache: true,
      }, { checkMode: true, when: `${V.effectivePackages} | length > 0`, become: true, tags }),
      notify: OVS_UPDATE_HANDLER,
    },
    task('Update the Open vSwitch packages now, before every other package', 'ansible.builtin.meta', 'flush_handlers', { tags }),
  ];
}

/** `handlers/main.yml`: the Open vSwitch update, notified by the check (none when its tasks come from a role). */
export function openvswitchHandlers(plan: UpdatePlan): Map<string, Task[]> {
  const ovs = plan.updateSystem.openvswitch;
  if (ovs.tasks.kind !== 'inline') return new Map();
  const main: Task[] = [{ name: OVS_UPDATE_HANDLER, 'ansible.builtin.include_tasks': { file: 'openvswitch_update.yml' } }];
  const update: Task[] = [
    task('Download the Open vSwitch packages into the dnf cache', 'ansible.builtin.dnf', {
      name: `{{ ${V.effectivePackages} }}`,
      state: 'latest',
      update_only: true,
      download_only: true,
    }, { register: V.download, until: `${V.download} is succeeded`, retries: ovs.downloadRetries, delay: 10, become: true, tags: [] }),
    task('Install the Open vSwitch packages without their RPM scriptlets', 'ansible.builtin.command', {
      argv: `{{ ['dnf', 'update', '-y', '--cacheonly', '--setopt=tsflags=noscripts', '--'] + ${V.effectivePackages} }}`,
    }, { changedWhen: true, become: true, tags: [] }),
    task(`Enable the ${ovs.serviceName} service, which a stream change leaves disabled`, 'ansible.builtin.systemd_service', {
      name: ovs.serviceName,
      enabled: true,
    }, { become: true, tags: [] }),
    task(`Reload the ${ovs.serviceName} service`, 'ansible.builtin.systemd_service', {
      name: ovs.serviceName,
      state: 'reloaded',
    }, { when: `${V.effectiveReload} | bool`, become: true, tags: [] }),
  ].map(({ tags: _tags, ...rest }) => rest);
  return new Map([
    ['main', main],
    ['openvswitch_update', update],
  ]);
}

/** `vars/main.yml`: which Open vSwitch packages and reload setting apply, honouring edpm_ovs's names. */
export function openvswitchRoleVars(plan: UpdatePlan): Record<string, string> | null {
  if (plan.updateSystem.openvswitch.tasks.kind !== 'inline') return null;
  return {
    [V.effectivePackages]: V.effectivePackagesExpression,
    [V.effectiveReload]: `{{ ${V.ovsRoleReload} | default(${V.reload}) }}`,
  };
}

/** The values the README's Open vSwitch step shows: the role whose tasks it imports (null when inline), or the inline step's settings. */
export function openvswitchReadmeData(plan: UpdatePlan): Record<string, unknown> {
  const ovs = plan.updateSystem.openvswitch;
  if (ovs.tasks.kind === 'role') return { role: `${plan.collection}.${ovs.tasks.role}`, taskFile: `${ovs.tasks.tasks}.yml` };
  return { role: null, vars: V, packages: ovs.packages, downloadRetries: ovs.downloadRetries, serviceName: ovs.serviceName };
}
