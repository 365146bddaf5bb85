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
