/**
 * The plan-dependent data of the update-system Molecule scenarios
 * (`data/scenario.yml`) with packages: update_system and
 * update_system_kpatch. Each runs one test node per shape Open vSwitch ships
 * in (the platforms of the scenario's molecule.yml, whose group names the
 * node's part of the data, `edpm_scenario_nodes`): the node is prepared with
 * that shape's packages, runs phase 1 (its essential package only: asking
 * it for an excluded package fails) and then edpm_update_system, and verify checks the expectations
 * below. What follows the plan: the collection; where the Open vSwitch
 * tasks come from (inline: updated without scriptlets, the service enabled;
 * from a role: that role's task files ran, and the all-packages step left
 * Open vSwitch alone); and the packages the plan adds to the all-packages
 * step's exclusions (installed, and expected unchanged). The shape is the
 * one the fixed playbooks in templates/molecule/update_system read
 * (molecule/README.md).
 */
import { isOpenvswitchPackage } from '../../model/names.js';
import { MANDATORY_SYSTEM_EXCLUSIONS, OPENVSWITCH_PACKAGING, type UpdatePlan } from '../../model/plan.js';
import { OVS_LIST_CHECK_TASK } from '../roles/update-system-openvswitch.js';

/** An Open vSwitch shape of the RPM fixtures (molecule/rpms/build-repos.sh): what a node has before and after. */
interface OpenvswitchShape {
  /** Folder of its repository pair, molecule/rpms: openvswitch/<repos>/{baseline,update}. */
  readonly repos: string;
  /** Installed by prepare (their dependencies come along). */
  readonly install: readonly string[];
  /** Every Open vSwitch package installed before the update. */
  readonly before: readonly string[];
  /** After the Open vSwitch step. */
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  readonly installed: readonly string[];
  readonly removed: readonly string[];
  readonly absent: readonly string[];
  /** Versions the %post of a package updated later finds installed. */
  readonly saw: Readonly<Record<string, string>>;
}

/** The shapes, by the group name of their platform in the scenarios' molecule.yml. */
export const OPENVSWITCH_SHAPES: Readonly<Record<string, OpenvswitchShape>> = {
  // A plain openvswitch with a pinned subpackage: a new build.
  plain: {
    repos: 'plain',
    install: ['openvswitch', 'python3-openvswitch'],
    before: ['openvswitch', 'python3-openvswitch'],
    updated: ['openvswitch', 'python3-openvswitch'],
    unchanged: [],
    installed: [],
    removed: [],
    absent: [],
    saw: { openvswitch: '3.2.0-2', 'python3-openvswitch': '3.2.0-2' },
  },
  // rdo-openvswitch 3.3 unchanged; a new build of openvswitch3.3 and its pinned subpackages.
  rdo_build: {
    repos: 'rdo-build',
    install: ['rdo-openvswitch', 'python3-openvswitch3.3', 'openvswitch3.3-devel'],
    before: ['rdo-openvswitch', 'openvswitch3.3', 'python3-openvswitch3.3', 'openvswitch3.3-devel'],
    updated: ['openvswitch3.3', 'python3-openvswitch3.3', 'openvswitch3.3-devel'],
    unchanged: ['rdo-openvswitch'],
    installed: [],
    removed: [],
    absent: [],
    saw: { 'openvswitch3.3': '3.3.0-2', 'python3-openvswitch3.3': '3.3.0-2' },
  },
  // rdo-openvswitch 3.1 -> 3.3: the 3.3 stream replaces 3.1, subpackages included.
  rdo_stream: {
    repos: 'rdo-stream',
    install: ['rdo-openvswitch', 'python3-openvswitch3.1', 'openvswitch3.1-devel'],
    before: ['rdo-openvswitch', 'openvswitch3.1', 'python3-openvswitch3.1', 'openvswitch3.1-devel'],
    updated: ['rdo-openvswitch'],
    unchanged: [],
    installed: ['openvswitch3.3', 'python3-openvswitch3.3', 'openvswitch3.3-devel'],
    removed: ['openvswitch3.1', 'python3-openvswitch3.1', 'openvswitch3.1-devel'],
    absent: [],
    saw: { 'rdo-openvswitch': '3.3-1', 'openvswitch3.3': '3.3.0-2', 'python3-openvswitch3.3': '3.3.0-2' },
  },
  // rhoso-openvswitch 3.3 unchanged, no subpackage; a new build of openvswitch3.3.
  rhoso_build: {
    repos: 'rhoso-build',
    install: ['rhoso-openvswitch'],
    before: ['rhoso-openvswitch', 'openvswitch3.3'],
    updated: ['openvswitch3.3'],
    unchanged: ['rhoso-openvswitch'],
    installed: [],
    removed: [],
    absent: ['python3-openvswitch3.3', 'openvswitch3.3-devel'],
    saw: { 'openvswitch3.3': '3.3.0-2' },
  },
  // rhoso-openvswitch 3.1 -> 3.3 with a pinned subpackage.
  rhoso_stream: {
    repos: 'rhoso-stream',
    install: ['rhoso-openvswitch', 'python3-openvswitch3.1'],
    before: ['rhoso-openvswitch', 'openvswitch3.1', 'python3-openvswitch3.1'],
    updated: ['rhoso-openvswitch'],
    unchanged: [],
    installed: ['openvswitch3.3', 'python3-openvswitch3.3'],
    removed: ['openvswitch3.1', 'python3-openvswitch3.1'],
    absent: ['openvswitch3.3-devel'],
    saw: { 'rhoso-openvswitch': '3.3-1', 'openvswitch3.3': '3.3.0-2' },
  },
};

/** The nodes (platform groups) of each scenario with packages; must match the scenario's molecule.yml. */
export const SCENARIO_NODES: Readonly<Record<string, readonly string[]>> = {
  update_system: ['plain', 'rdo_build', 'rhoso_stream'],
  update_system_kpatch: ['rdo_stream', 'rhoso_build'],
};

/** The user's exclusion the scenarios ask for (edpm_update_system_exclude_packages). */
const USER_EXCLUDED = 'edpm-fixture-pinned';
/** The packages that are not Open vSwitch every node has. */
const BASE_INSTALL = ['openstack-selinux', 'kernel', 'kernel-core', 'edpm-fixture-tools', 'edpm-fixture-libs', USER_EXCLUDED];
/** A package of the all-packages step whose %post records what was installed when it ran. */
const UPDATED_LATER = 'edpm-fixture-tools-2.0-1';

/** Packages with a fixture spec of their own, never built from generic.spec. */
const FIXTURE_PACKAGES = [...BASE_INSTALL, 'kpatch', 'kpatch-patch'];

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** `data/scenario.yml` of update_system or update_system_kpatch, as data. */
export function systemScenarioData(plan: UpdatePlan, scenario: string): Record<string, unknown> {
  const kpatch = scenario === 'update_system_kpatch';
  const ovs = plan.updateSystem.openvswitch;
  const fromRole = ovs.tasks.kind === 'role' ? ovs.tasks : null;
  // Packages the plan adds to the all-packages step's exclusions: built from
  // generic.spec, installed, and expected unchanged (globs and Open vSwitch
  // names have no fixture of their own).
  const defaults = new Set<string>([...MANDATORY_SYSTEM_EXCLUSIONS, ...OPENVSWITCH_PACKAGING, ...FIXTURE_PACKAGES]);
  const planExcluded = plan.updateSystem.alwaysExcludedPackages.filter((p) => !defaults.has(p) && !/[*?[]/u.test(p) && !isOpenvswitchPackage(p));
  const base = {
    updated: ['openstack-selinux', 'edpm-fixture-tools', 'edpm-fixture-libs'],
    unchanged: [USER_EXCLUDED, ...planExcluded, ...(kpatch ? ['kernel', 'kernel-core'] : [])],
    installed_beside: kpatch ? [] : ['kernel', 'kernel-core'],
    installed: kpatch ? ['kpatch'] : [],
    absent: kpatch ? ['kpatch-patch'] : ['kpatch', 'kpatch-patch'],
  };
  const nodes: Record<string, unknown> = {};
  for (const name of SCENARIO_NODES[scenario] ?? []) {
    const shape = OPENVSWITCH_SHAPES[name]!;
    const packages = fromRole
      ? { ...base, unchanged: [...base.unchanged, ...shape.before] }
      : {
          updated: [...base.updated, ...shape.updated],
          unchanged: [...base.unchanged, ...shape.unchanged],
          installed_beside: base.installed_beside,
          installed: [...base.installed, ...shape.installed],
          removed: [...shape.removed],
          absent: [...base.absent, ...shape.absent],
        };
    nodes[name] = {
      packages: { install: [...BASE_INSTALL, ...shape.install] },
      openvswitch: { shape: shape.repos },
      // Phase 1 runs with its essential package only: asked for an excluded
      // package (any Open vSwitch package) it fails before any change
      // (update_services_contracts shows that); its exclusions still hold
      // every Open vSwitch package of the node, which have pending updates.
      phase1: { include_packages: ['openstack-selinux'] },
      expect: {
        packages: Object.fromEntries(Object.entries(packages).filter(([, v]) => v.length > 0)),
        phase1_unchanged: [...shape.before],
        scriptlets_skipped: unique([...shape.before, ...shape.installed]),
        ...(fromRole ? {} : { updated_before: { package: UPDATED_LATER, saw: { ...shape.saw } } }),
      },
    };
  }
  return {
    // Phase 1 (edpm_update_services) fails without the node's service types,
    // which the dataplane operator always passes: this node runs none.
    edpm_service_types: [],
    edpm_update_system_enable_kpatch: kpatch,
    edpm_update_system_exclude_packages: [USER_EXCLUDED],
    edpm_scenario: {
      role: 'edpm_update_system',
      collection: plan.collection,
      fixture_roles: fromRole ? [fromRole.role] : [],
      packages: { install: BASE_INSTALL, generic: planExcluded },
      // Disabled before the update: with the scriptlets skipped its state
      // would carry over; so an enabled unit after the update is the role's
      // doing (and a role's tasks from the fixture collection leave it alone).
      openvswitch: { service_enabled_before: false },
      expect: {
        ...(kpatch ? {} : { openvswitch_guard: { task: OVS_LIST_CHECK_TASK, message: 'edpm_ovs_packages' } }),
        openvswitch_enabled: fromRole === null,
        ...(fromRole ? { journal: fromRole.tasks.map((t) => `${fromRole.role}:${t}`) } : {}),
        unchanged_state: ['containers', 'images', 'volumes'],
      },
    },
    edpm_scenario_nodes: nodes,
  };
}
