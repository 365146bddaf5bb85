/**
 * The two generated roles as every stage names them: role names, the phase
 * each role is the entry point of (playbook, dataplane service type, play
 * title) and the tags their tasks carry. Typed once here, imported by every
 * role module, the playbooks and the scenarios.
 */

/** Tag every task of both update roles carries. */
export const UPDATE_TAG = 'edpm_update';

/** Phase 1: the service containers and the packages they need. */
export const UPDATE_SERVICES_ROLE = 'edpm_update_services';
/** Phase 2: the system packages, Open vSwitch first. */
export const UPDATE_SYSTEM_ROLE = 'edpm_update_system';

/** One update phase as the operator sees it. */
export interface PhaseEntryPoint {
  /** Playbook base name, e.g. `update_services`. */
  readonly playbook: string;
  /** Role the playbook runs, e.g. `edpm_update_services`. */
  readonly role: string;
  /** `edpmServiceType` of the service, e.g. `update-services`. */
  readonly serviceType: string;
  /** Play name. */
  readonly title: string;
  /** Position of the phase in the update (1, 2). */
  readonly number: number;
}

export const UPDATE_SERVICES_PHASE: PhaseEntryPoint = {
  playbook: 'update_services',
  role: UPDATE_SERVICES_ROLE,
  serviceType: 'update-services',
  title: 'Update the EDPM services',
  number: 1,
};

export const UPDATE_SYSTEM_PHASE: PhaseEntryPoint = {
  playbook: 'update_system',
  role: UPDATE_SYSTEM_ROLE,
  serviceType: 'update-system',
  title: 'Update the EDPM system packages',
  number: 2,
};

/** The phases, in the order they run. */
export const PHASES: readonly PhaseEntryPoint[] = [UPDATE_SERVICES_PHASE, UPDATE_SYSTEM_PHASE];

/** Tag of one step of a role, e.g. `edpm_update_system_kpatch`. */
export function stepTag(role: string, step: string): string {
  return `${role}_${step}`;
}

/** Tags of a role's tasks: the two every task carries, then the step's own when given. */
export function roleTags(role: string, step?: string): readonly string[] {
  return step === undefined ? [UPDATE_TAG, role] : [UPDATE_TAG, role, stepTag(role, step)];
}

/** edpm-ansible's Open vSwitch role, whose variable names the update_system role honours. */
export const OVS_ROLE = 'edpm_ovs';

/**
 * The combined update (edpm-ansible's `update.yml` and the `update`
 * OpenStackDataPlaneService): edpm_update_system, then edpm_update_services,
 * in one run, for inventories still on the monolithic service.
 */
export const COMBINED_UPDATE = {
  playbook: 'update',
  serviceType: 'update',
  title: 'Update the EDPM node: system packages, then services',
  roles: [UPDATE_SYSTEM_ROLE, UPDATE_SERVICES_ROLE],
} as const;

/**
 * The tags edpm_ovs puts on its update tasks, which `--tags`/`--skip-tags`
 * selections of the hand-written roles rely on: `update` and `ovs` on the
 * package update, `reload` and `ovs` on the reload. The Open vSwitch step
 * carries them when its tasks are generated.
 */
export const OVS_TASK_TAGS = {
  update: ['update', 'ovs'],
  reload: ['reload', 'ovs'],
} as const;

/**
 * The tag every include of a service role's task files carries, as in the
 * hand-written edpm_update_services: the role's own name (`edpm_nova`), so
 * that `--skip-tags edpm_nova` skips that role's task files and no other.
 */
export function serviceRoleTag(role: string): string {
  return role;
}
