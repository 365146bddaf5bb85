/**
 * The variable names of the monolithic edpm_update role, which inventories
 * still on the `update` service set, and the names of the two roles each
 * one stands for. The combined `update` playbook maps them (a name of the
 * two roles that is set wins), as edpm-ansible's `update.yml` does.
 */
import { UPDATE_SERVICES_VARS } from './roles/update-services.js';
import { UPDATE_SYSTEM_VARS } from './roles/update-system.js';

/** One older variable and the current variables it sets. */
export interface LegacyVariable {
  readonly legacy: string;
  readonly current: readonly string[];
}

/** Every older variable, in the order the playbook maps them. */
export const LEGACY_VARIABLES: readonly LegacyVariable[] = [
  { legacy: 'edpm_update_enable_kpatch', current: [UPDATE_SYSTEM_VARS.enableKpatch] },
  { legacy: 'edpm_update_enable_packages_update', current: [UPDATE_SYSTEM_VARS.enablePackages, UPDATE_SERVICES_VARS.enablePackages] },
  { legacy: 'edpm_update_exclude_packages', current: [UPDATE_SYSTEM_VARS.excludePackages, UPDATE_SERVICES_VARS.excludePackages] },
  { legacy: 'edpm_update_enable_containers_update', current: [UPDATE_SERVICES_VARS.enableContainers] },
  { legacy: 'edpm_update_running_services', current: [UPDATE_SERVICES_VARS.runningServices] },
];
