/**
 * The validated update plan: what the compiler reads. Every field is
 * resolved (defaults applied) and every name has passed its grammar
 * (see names.ts). Plan files are turned into this by `src/plan/`.
 */

/** A role and the ordered task files of it to include (base names, no `.yml`). */
export interface RoleTasks {
  readonly role: string;
  readonly tasks: readonly string[];
  /**
   * The task files of `tasks` included with `apply: become: true`, in
   * `tasks` order; the others run as their own tasks say (e.g. as the
   * connecting user).
   */
  readonly become: readonly string[];
}

/** One step of the container update: a role's task files, run when its service type runs on the node. */
export interface ContainerStep extends RoleTasks {
  readonly serviceType: string;
}

/** Phase 1: `edpm_update_services`. */
export interface UpdateServicesPhase {
  /** Packages updated in the targeted dnf step (default of `edpm_update_services_include_packages`). */
  readonly essentialPackages: readonly string[];
  /** Packages always excluded from that step; holds at least kernel, kernel-core and openvswitch. */
  readonly alwaysExcludedPackages: readonly string[];
  /** Steps run on every node before the service steps (registry login). */
  readonly alwaysBefore: readonly RoleTasks[];
  /** The ordered container steps. */
  readonly containerSteps: readonly ContainerStep[];
  /** What is pruned after all services were updated. */
  readonly prune: { readonly images: boolean; readonly volumes: boolean };
}

/** Where the Open vSwitch update tasks come from. */
export type OpenvswitchTasks =
  | { readonly kind: 'inline' }
  | { readonly kind: 'role'; readonly role: string; readonly tasks: readonly string[] };

/** The Open vSwitch step of phase 2. */
export interface OpenvswitchStep {
  readonly tasks: OpenvswitchTasks;
  /** Default of `edpm_ovs_packages`. */
  readonly packages: readonly string[];
  /** Default of `edpm_ovs_reload_after_update`. */
  readonly reloadAfterUpdate: boolean;
  /** Default of `edpm_ovs_download_retries`: how often the download is tried again before the step fails. */
  readonly downloadRetries: number;
  /** Default of `edpm_ovs_download_delay`: seconds between two download attempts. */
  readonly downloadDelay: number;
  /** The systemd unit re-enabled after an update and reloaded on request. */
  readonly serviceName: string;
}

/** Phase 2: `edpm_update_system`. */
export interface UpdateSystemPhase {
  readonly openvswitch: OpenvswitchStep;
  /** Default of `edpm_update_system_include_packages`. */
  readonly includePackages: readonly string[];
  /** Packages always excluded from the all-packages step; holds at least openvswitch. */
  readonly alwaysExcludedPackages: readonly string[];
  readonly kpatch: {
    /** Default of `edpm_update_system_enable_kpatch`. */
    readonly enabled: boolean;
    /** Packages held back when kpatch is enabled. */
    readonly kernelPackages: readonly string[];
  };
  readonly bootc: {
    /** File created when `bootc` has staged a deployment that needs a reboot. */
    readonly rebootRequiredFile: string;
  };
}

import type { Rollout } from './rollout.js';

/** A whole validated plan. */
export interface UpdatePlan {
  /** Collection of the service roles and of the generated roles, e.g. `osp.edpm`. */
  readonly collection: string;
  /** Roles of the roles tree that take no part in the update (discover and init leave them out). */
  readonly ignoredRoles: readonly string[];
  readonly updateServices: UpdateServicesPhase;
  readonly updateSystem: UpdateSystemPhase;
  /** How each phase is rolled out over the nodes (NO_ROLLOUT: every node at once). */
  readonly rollout: Rollout;
}

/** Packages phase 1 always excludes, whatever the plan says. */
export const MANDATORY_SERVICES_EXCLUSIONS: readonly string[] = ['kernel', 'kernel-core', 'openvswitch'];

/**
 * Phase 1's default exclusion of every Open vSwitch package: every package
 * whose name contains `openvswitch`. Open vSwitch ships under many names
 * (`openvswitch`; stream packages `openvswitch3.3` behind a wrapper
 * `rdo-openvswitch` / `rhoso-openvswitch` that only provides `openvswitch`;
 * stream-pinned subpackages `python3-openvswitch3.3`,
 * `openvswitch3.3-devel`), and dnf excludes by name, never by what a
 * package provides: excluding only some of them lets phase 1 take a stream
 * change through the wrapper, or fail to depsolve on a pinned subpackage.
 * Phase 1 updates only its essential packages, so a broad exclusion costs
 * nothing there.
 */
export const SERVICES_OPENVSWITCH_EXCLUSION = '*openvswitch*';

/**
 * The other names Open vSwitch ships under: per-stream packages
 * (`openvswitch3.3`) selected by a wrapper (`rdo-openvswitch`,
 * `rhoso-openvswitch`) that only provides `openvswitch`. dnf excludes by
 * name, not by what a package provides, so excluding `openvswitch` alone
 * does not hold these back. Excluded by default in both phases.
 */
export const OPENVSWITCH_PACKAGING: readonly string[] = ['openvswitch[0-9]*', 'rdo-openvswitch', 'rhoso-openvswitch'];

/** Packages phase 2 always excludes from its all-packages step, whatever the plan says. */
export const MANDATORY_SYSTEM_EXCLUSIONS: readonly string[] = ['openvswitch'];
