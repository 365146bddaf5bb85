/**
 * The variable names of the monolithic edpm_update role, which inventories
 * still on the `update` service set, and the names of the two roles each
 * one stands for. The combined `update` playbook maps them (a name of the
 * two roles that is set wins), as edpm-ansible's `update.yml` does.
 */
import { UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE } from '../model/roles.js';
import { UPDATE_SERVICES_VARS } from './roles/update-services.js';
import { UPDATE_SYSTEM_VARS } from './roles/update-system.js';

/** A variable of one of the two roles. */
export interface RoleVariableName {
  readonly role: string;
  readonly name: string;
}

/** One older variable and the current variables it sets, each with its role. */
export interface LegacyVariable {
  readonly legacy: string;
  readonly current: readonly RoleVariableName[];
}

const system = (name: string): RoleVariableName => ({ role: UPDATE_SYSTEM_ROLE, name });
const services = (name: string): RoleVariableName => ({ role: UPDATE_SERVICES_ROLE, name });

/** Every older variable, in the order the playbook maps them. */
export const LEGACY_VARIABLES: readonly LegacyVariable[] = [
  { legacy: 'edpm_update_enable_kpatch', current: [system(UPDATE_SYSTEM_VARS.enableKpatch)] },
  { legacy: 'edpm_update_enable_packages_update', current: [system(UPDATE_SYSTEM_VARS.enablePackages), services(UPDATE_SERVICES_VARS.enablePackages)] },
  { legacy: 'edpm_update_exclude_packages', current: [system(UPDATE_SYSTEM_VARS.excludePackages), services(UPDATE_SERVICES_VARS.excludePackages)] },
  { legacy: 'edpm_update_enable_containers_update', current: [services(UPDATE_SERVICES_VARS.enableContainers)] },
  { legacy: 'edpm_update_running_services', current: [services(UPDATE_SERVICES_VARS.runningServices)] },
];
