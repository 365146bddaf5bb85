/**
 * The compiler: a validated plan -> the whole output tree, in memory. Pure:
 * no clock, no environment, no file system (but the package's own templates),
 * so the same plan always gives the same bytes.
 */
import type { UpdatePlan } from '../model/plan.js';
import { FileTreeBuilder, type FileTree } from './file-tree.js';
import { GENERATED_HEADER } from './generated-header.js';
import { playbookFile, serviceManifestFile, type PhaseEntryPoint } from './playbooks.js';
import { roleMetaFile } from './role-meta.js';
import { roleReadmeFile, type ReadmeStep } from './role-readme.js';
import { argumentSpecsFile, defaultsFile, type RoleVariable } from './role-variable.js';
import type { Task } from './task.js';
import { UPDATE_SERVICES_ROLE, UPDATE_SERVICES_TAGS, UPDATE_SERVICES_VARS, updateServicesTasks, updateServicesVariables } from './update-services-role.js';
import { UPDATE_SYSTEM_ROLE, UPDATE_SYSTEM_TAGS, UPDATE_SYSTEM_VARS, updateSystemTasks, updateSystemVariables } from './update-system-role.js';
import { openvswitchHandlers, openvswitchRoleVars, OVS_VARS } from './openvswitch-tasks.js';
import { yamlText } from './yaml-text.js';
import { roleScenarios } from './molecule/scenarios.js';

/** The two phases. */
export const UPDATE_SERVICES_PHASE: PhaseEntryPoint = {
  playbook: 'update_services',
  role: UPDATE_SERVICES_ROLE,
  serviceType: 'update-services',
  title: 'Update the EDPM services',
};
export const UPDATE_SYSTEM_PHASE: PhaseEntryPoint = {
  playbook: 'update_system',
  role: UPDATE_SYSTEM_ROLE,
  serviceType: 'update-system',
  title: 'Update the EDPM system packages',
};

/** Everything that makes one role. */
interface RoleParts {
  readonly phase: PhaseEntryPoint;
  readonly phaseNumber: number;
  readonly shortDescription: string;
  readonly description: readonly string[];
  readonly galaxyTags: readonly string[];
  readonly tasks: ReadonlyMap<string, Task[]>;
  readonly variables: readonly RoleVariable[];
  readonly steps: readonly ReadmeStep[];
  readonly tags: readonly { readonly name: string; readonly selects: string }[];
  /** Molecule scenarios, by name. */
  readonly scenarios: ReadonlyMap<string, FileTree>;
  /** `handlers/<file>.yml`, by file name. */
  readonly handlers: ReadonlyMap<string, Task[]>;
  /** `vars/main.yml`, when the role has internal variables. */
  readonly roleVars: Record<string, unknown> | null;
}

/** Compiles a plan into the output tree: both roles, the playbooks and the service manifests. */
export function compilePlan(plan: UpdatePlan): FileTree {
  const out = new FileTreeBuilder();
  for (const parts of [updateServicesParts(plan), updateSystemParts(plan)]) {
    out.addAll(parts.phase.role, roleTree(plan, parts));
    out.add(`playbooks/${parts.phase.playbook}.yml`, playbookFile(plan.collection, parts.phase, GENERATED_HEADER));
    out.add(
      `services/dataplane_v1beta1_openstackdataplaneservice_${parts.phase.playbook}.yaml`,
      serviceManifestFile(plan.collection, parts.phase, GENERATED_HEADER),
    );
  }
  return out.build();
}

function roleTree(plan: UpdatePlan, parts: RoleParts): FileTree {
  const role = new FileTreeBuilder();
  for (const [scenario, files] of parts.scenarios) role.addAll(`molecule/${scenario}`, files);
  for (const [file, tasks] of parts.tasks) role.add(`tasks/${file}.yml`, yamlText(tasks, { header: GENERATED_HEADER }));
  for (const [file, tasks] of parts.handlers) role.add(`handlers/${file}.yml`, yamlText(tasks, { header: GENERATED_HEADER }));
  if (parts.roleVars !== null) role.add('vars/main.yml', yamlText(parts.roleVars, { header: [...GENERATED_HEADER, '', 'Internal variables of the role: set the ones in defaults/main.yml instead.'] }));
  role.add('defaults/main.yml', defaultsFile(parts.phase.role, parts.variables, GENERATED_HEADER));
  role.add('meta/main.yml', roleMetaFile(parts.phase.role, plan.collection.split('.')[0]!, parts.shortDescription, parts.galaxyTags, GENERATED_HEADER));
  role.add('meta/argument_specs.yml', argumentSpecsFile(parts.shortDescription, parts.description, parts.variables, GENERATED_HEADER));
  role.add(
    'README.md',
    roleReadmeFile({
      role: parts.phase.role,
      summary: parts.description.join(' '),
      phaseNumber: parts.phaseNumber,
      collection: plan.collection,
      playbook: parts.phase.playbook,
      serviceType: parts.phase.serviceType,
      exampleTitle: parts.phase.title,
      steps: parts.steps,
      variables: parts.variables,
      tags: parts.tags,
    }),
  );
  return role.build();
}

/** The first step of both roles. */
const GATHER_FACTS_STEP: ReadmeStep = {
  title: 'Gathers local facts',
  text: "only the local ones (`gather_subset: ['!all', '!min', 'local']`), when `ansible_local` is undefined.",
};

/** The README rows of the two tags every task of a role carries. */
function roleTagRows(role: string): { name: string; selects: string }[] {
  return [
    { name: 'edpm_update', selects: 'every task of both update roles' },
    { name: role, selects: 'every task of this role' },
  ];
}

const code = (s: string): string => `\`${s}\``;
const codeList = (items: readonly string[]): string => (items.length === 0 ? '(none)' : items.map(code).join(', '));

function updateServicesParts(plan: UpdatePlan): RoleParts {
  const s = plan.updateServices;
  const V = UPDATE_SERVICES_VARS;
  const T = UPDATE_SERVICES_TAGS;
  const rows: string[][] = [];
  for (const step of s.alwaysBefore) rows.push(['(every node)', code(`${plan.collection}.${step.role}`), step.tasks.map((t) => `${t}.yml`).join(', ')]);
  for (const step of s.containerSteps) rows.push([code(step.serviceType), code(`${plan.collection}.${step.role}`), step.tasks.map((t) => `${t}.yml`).join(', ')]);
  const pruned = [s.prune.images ? 'images' : null, s.prune.volumes ? 'volumes' : null].filter((x): x is string => x !== null);
  const steps: ReadmeStep[] = [
    GATHER_FACTS_STEP,
    {
      title: 'Updates the essential packages',
      text: `${codeList(s.essentialPackages)} by default (${code(V.includePackages)}), to their latest version with dnf, always excluding ${codeList(s.alwaysExcludedPackages)} and the packages in ${code(V.excludePackages)}. Skipped when ${code(V.enablePackages)} is false.`,
    },
    {
      title: 'Updates the containers of the running services',
      text: `in this order, each task file included with \`become\`; a step runs only when its service type is in ${code(V.runningServices)}. Skipped when ${code(V.enableContainers)} is false.`,
      table: { head: ['Service type', 'Role', 'Task files'], rows },
    },
  ];
  if (pruned.length > 0) steps.push({ title: `Prunes unused container ${pruned.join(' and ')}`, text: 'with `containers.podman.podman_prune`, including images that are not dangling.' });
  return {
    phase: UPDATE_SERVICES_PHASE,
    phaseNumber: 1,
    shortDescription: 'Update the OpenStack service containers of an EDPM node and the packages they need',
    description: [
      'Updates the essential packages of an EDPM node with a targeted dnf update,',
      'then the containers of every OpenStack service type running on it, in a fixed order,',
      'then prunes the images the old containers used.',
    ],
    galaxyTags: ['edpm', 'update', 'openstack'],
    tasks: updateServicesTasks(plan),
    variables: updateServicesVariables(plan),
    scenarios: roleScenarios(plan, UPDATE_SERVICES_ROLE, GENERATED_HEADER),
    handlers: new Map(),
    roleVars: null,
    steps,
    tags: [
      ...roleTagRows(T.role[1]),
      { name: T.packages[2], selects: 'the essential package update' },
      { name: T.containers[2], selects: 'the container steps and the prune' },
    ],
  };
}

function updateSystemParts(plan: UpdatePlan): RoleParts {
  const s = plan.updateSystem;
  const V = UPDATE_SYSTEM_VARS;
  const T = UPDATE_SYSTEM_TAGS;
  const ovs = s.openvswitch;
  const ovsStep: ReadmeStep =
    ovs.tasks.kind === 'role'
      ? { title: 'Updates Open vSwitch first', text: `with the tasks of ${code(`${plan.collection}.${ovs.tasks.role}`)} ${code(`${ovs.tasks.tasks}.yml`)}.` }
      : {
          title: 'Updates Open vSwitch first',
          text: [
            `the packages in ${code(OVS_VARS.ovsRolePackages)}, else ${code(OVS_VARS.packages)} (${codeList(ovs.packages)}):`,
            'checks in check mode whether dnf would update them and stops there if not;',
            `downloads them into the dnf cache (${ovs.downloadRetries} retries);`,
            'installs them with `dnf update -y --cacheonly --setopt=tsflags=noscripts`, so that their RPM scriptlets cannot stop or disable the service;',
            `enables the ${code(ovs.serviceName)} service again (a change of Open vSwitch stream leaves it disabled);`,
            `and reloads it, never restarts it, when ${code(OVS_VARS.ovsRoleReload)}, else ${code(OVS_VARS.reload)}, is true.`,
          ].join(' '),
        };
  const steps: ReadmeStep[] = [
    GATHER_FACTS_STEP,
    { ...ovsStep, text: `${ovsStep.text ?? ''} Package-mode hosts only; skipped when ${code(V.enablePackages)} is false.` },
    {
      title: 'Installs kpatch',
      text: `when ${code(V.enableKpatch)} is true (default ${String(s.kpatch.enabled)}): \`kpatch\` (brought to its latest version by the next step), then \`kpatch-patch\` for the running kernel when there is one (its absence is not an error); the kernel packages ${codeList(s.kpatch.kernelPackages)} are then held back from the next step.`,
    },
    {
      title: 'Updates every other package',
      text: `${codeList(s.includePackages)} by default (${code(V.includePackages)}), to their latest version, always excluding ${codeList(s.alwaysExcludedPackages)}${ovs.tasks.kind === 'inline' ? ', the Open vSwitch packages' : ''} and the packages in ${code(V.excludePackages)}. New kernels are installed beside the running one. Skipped when ${code(V.enablePackages)} is false.`,
    },
    {
      title: 'On bootc hosts instead',
      text: `when \`ansible_local.bootc\` is true, fails when ${code(V.bootcImage)} is empty; runs \`bootc switch <image>\` when the host follows another image, else \`bootc upgrade\`; when a deployment is staged, creates ${code(s.bootc.rebootRequiredFile)} to say that a reboot is required.`,
    },
  ];
  return {
    phase: UPDATE_SYSTEM_PHASE,
    phaseNumber: 2,
    shortDescription: 'Update the system packages of an EDPM node, Open vSwitch first',
    description: [
      'Updates Open vSwitch without its RPM scriptlets, then every other package of an EDPM node,',
      'optionally with kpatch; on bootc hosts, switches or upgrades the OS image instead.',
      'Independent of edpm_update_services; a new kernel needs a reboot.',
    ],
    galaxyTags: ['edpm', 'update', 'openstack', 'openvswitch'],
    tasks: updateSystemTasks(plan),
    variables: updateSystemVariables(plan),
    scenarios: roleScenarios(plan, UPDATE_SYSTEM_ROLE, GENERATED_HEADER),
    handlers: openvswitchHandlers(plan),
    roleVars: openvswitchRoleVars(plan),
    steps,
    tags: [
      ...roleTagRows(T.role[1]),
      { name: T.openvswitch[2], selects: 'the Open vSwitch step' },
      { name: T.kpatch[2], selects: 'the kpatch step' },
      { name: T.packages[2], selects: 'the update of every other package' },
      { name: T.bootc[2], selects: 'the bootc steps' },
    ],
  };
}
