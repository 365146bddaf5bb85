/**
 * Plan file (schema-valid) -> UpdatePlan: applies defaults and checks the
 * rules a schema cannot say (mandatory exclusions, repeated steps).
 */
import { diagnosticAt, InputError, type Diagnostic } from '../core/diagnostics.js';
import { positionOf, pointerOf, type SourceMap } from './source-map.js';
import type { PlanFile } from './schema.js';
import { ruleProblems } from './plan-rules.js';
import { openvswitchPackageProblems } from '../model/names.js';
import {
  MANDATORY_SERVICES_EXCLUSIONS,
  MANDATORY_SYSTEM_EXCLUSIONS,
  OPENVSWITCH_PACKAGING,
  SERVICES_OPENVSWITCH_EXCLUSION,
  type OpenvswitchTasks,
  type UpdatePlan,
} from '../model/plan.js';
import type { FailureBudget, PhaseRollout, Rollout, WaveSize } from '../model/rollout.js';

/** Values a plan file may leave out. */
export const PLAN_DEFAULTS = {
  collection: 'osp.edpm',
  essentialPackages: ['openstack-selinux'],
  alwaysBefore: [{ role: 'edpm_podman', tasks: ['login'] }],
  ovsPackages: ['openvswitch'],
  ovsDownloadRetries: 5,
  ovsDownloadDelay: 5,
  ovsServiceName: 'openvswitch',
  systemIncludePackages: ['*'],
  // The packages of the kernel build that pin it exactly: on EL9, kernel requires kernel-core,
  // kernel-modules and kernel-modules-core of its own version-release, and the modules packages
  // require kernel-uname-r (kernel-core) of theirs. Holding back kernel and kernel-core alone
  // leaves the new modules uninstallable, and with EL9's best=True the all-packages step fails
  // ("cannot install the best update candidate for package kernel-modules-...").
  kpatchKernelPackages: ['kernel', 'kernel-core', 'kernel-modules', 'kernel-modules-core', 'kernel-modules-extra'],
  bootcRebootRequiredFile: '/var/lib/openstack/reboot_required/bootc_reboot',
  servicesExcludedPackages: [...MANDATORY_SERVICES_EXCLUSIONS, SERVICES_OPENVSWITCH_EXCLUSION],
  systemExcludedPackages: [...MANDATORY_SYSTEM_EXCLUSIONS, ...OPENVSWITCH_PACKAGING],
} as const;

/** Turns a schema-valid plan file into the model; throws InputError on rule violations. */
export function normalizePlan(file: PlanFile, source: SourceMap): UpdatePlan {
  const problems: Diagnostic[] = [];
  const error = (path: (string | number)[], message: string): void => {
    problems.push(diagnosticAt(source.file, positionOf(source, path), message, { path: pointerOf(path) }));
  };

  const services = file.updateServices;
  /** A plan's exclusion list, or the default one; an error when it drops a mandatory package. */
  const exclusions = (given: string[] | undefined, mandatory: readonly string[], fallback: readonly string[], path: string[]): string[] => {
    const list = given ?? [...fallback];
    const missing = mandatory.filter((p) => !list.includes(p));
    if (missing.length > 0) {
      error(path, `must keep ${mandatory.join(', ')}; missing ${missing.join(', ')} (a plan may add exclusions, never remove these)`);
    }
    return list;
  };
  const servicesExclusions = exclusions(services.alwaysExcludedPackages, MANDATORY_SERVICES_EXCLUSIONS, PLAN_DEFAULTS.servicesExcludedPackages, ['updateServices', 'alwaysExcludedPackages']);

  const seen = new Map<string, number>();
  services.containerSteps.forEach((step, index) => {
    const key = `${step.serviceType}\u0000${step.role}`;
    const first = seen.get(key);
    if (first !== undefined) {
      error(
        ['updateServices', 'containerSteps', index],
        `service type "${step.serviceType}" already includes role "${step.role}" at /updateServices/containerSteps/${first}; list its task files in one step`,
      );
    } else seen.set(key, index);
  });

  /** The task files of a step included with become; an error for a listed file the step does not include. */
  const becomeOf = (step: { tasks: string[]; become?: boolean | string[] }, path: (string | number)[]): string[] => {
    if (step.become === undefined || step.become === true) return [...step.tasks];
    if (step.become === false) return [];
    step.become.forEach((file, i) => {
      if (!step.tasks.includes(file)) {
        error([...path, 'become', i], `"${file}" is not one of this step's task files (${step.tasks.join(', ')}): become lists the task files of tasks that run with become`);
      }
    });
    const listed = new Set(step.become);
    return step.tasks.filter((t) => listed.has(t));
  };
  const alwaysBefore = (services.alwaysBefore ?? PLAN_DEFAULTS.alwaysBefore).map((s, i) => ({
    role: s.role,
    tasks: [...s.tasks],
    become: becomeOf({ tasks: [...s.tasks], become: (s as { become?: boolean | string[] }).become }, ['updateServices', 'alwaysBefore', i]),
  }));
  const containerSteps = services.containerSteps.map((s, i) => ({
    serviceType: s.serviceType,
    role: s.role,
    tasks: [...s.tasks],
    become: becomeOf(s, ['updateServices', 'containerSteps', i]),
  }));

  const ignoredRoles = file.ignoredRoles ?? [];
  const stepRoles = new Map<string, (string | number)[]>();
  alwaysBefore.forEach((s, i) => stepRoles.set(s.role, ['updateServices', 'alwaysBefore', i, 'role']));
  containerSteps.forEach((s, i) => stepRoles.has(s.role) || stepRoles.set(s.role, ['updateServices', 'containerSteps', i, 'role']));
  ignoredRoles.forEach((role, i) => {
    const used = stepRoles.get(role);
    if (used !== undefined) error(['ignoredRoles', i], `role ${role} is ignored, yet the step at ${pointerOf(used.slice(0, -1))} includes it: remove one of the two`);
  });

  const system = file.updateSystem ?? {};
  const systemExclusions = exclusions(system.alwaysExcludedPackages, MANDATORY_SYSTEM_EXCLUSIONS, PLAN_DEFAULTS.systemExcludedPackages, ['updateSystem', 'alwaysExcludedPackages']);
  const ovs = system.openvswitch ?? {};
  const ovsPackages = ovs.packages ?? [...PLAN_DEFAULTS.ovsPackages];
  for (const problem of openvswitchPackageProblems(ovsPackages)) {
    error(['updateSystem', 'openvswitch', 'packages', ...(problem.index === undefined ? [] : [problem.index])], problem.message);
  }
  if (problems.length > 0) throw new InputError(problems);

  const ovsTasks: OpenvswitchTasks =
    ovs.tasks === undefined || ovs.tasks === 'inline'
      ? { kind: 'inline' }
      : { kind: 'role', role: ovs.tasks.role, tasks: typeof ovs.tasks.tasks === 'string' ? [ovs.tasks.tasks] : [...ovs.tasks.tasks] };

  const plan: UpdatePlan = {
    collection: file.collection ?? PLAN_DEFAULTS.collection,
    ignoredRoles: [...ignoredRoles],
    updateServices: {
      essentialPackages: services.essentialPackages ?? [...PLAN_DEFAULTS.essentialPackages],
      alwaysExcludedPackages: servicesExclusions,
      alwaysBefore,
      containerSteps,
      prune: { images: services.prune?.images ?? true, volumes: services.prune?.volumes ?? true },
    },
    updateSystem: {
      openvswitch: {
        tasks: ovsTasks,
        packages: ovsPackages,
        reloadAfterUpdate: ovs.reloadAfterUpdate ?? false,
        downloadRetries: ovs.downloadRetries ?? PLAN_DEFAULTS.ovsDownloadRetries,
        downloadDelay: ovs.downloadDelay ?? PLAN_DEFAULTS.ovsDownloadDelay,
        serviceName: ovs.serviceName ?? PLAN_DEFAULTS.ovsServiceName,
      },
      includePackages: system.includePackages ?? [...PLAN_DEFAULTS.systemIncludePackages],
      alwaysExcludedPackages: systemExclusions,
      kpatch: {
        enabled: system.kpatch?.enabled ?? false,
        kernelPackages: system.kpatch?.kernelPackages ?? [...PLAN_DEFAULTS.kpatchKernelPackages],
      },
      bootc: { rebootRequiredFile: system.bootc?.rebootRequiredFile ?? PLAN_DEFAULTS.bootcRebootRequiredFile },
    },
    rollout: normalizeRollout(file.rollout),
  };
  // The rules by meaning, on the values with their defaults (a default is checked like a value given).
  for (const p of ruleProblems(plan)) error([...p.path], p.message);
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => a.line - b.line || a.col - b.col));
  return plan;
}

type PhaseRolloutFile = NonNullable<NonNullable<PlanFile['rollout']>['updateServices']>;

/** The `rollout` section: absent phases roll out as today (every node at once). */
function normalizeRollout(file: PlanFile['rollout']): Rollout {
  return {
    updateServices: file?.updateServices === undefined ? null : normalizePhaseRollout(file.updateServices),
    updateSystem: file?.updateSystem === undefined ? null : normalizePhaseRollout(file.updateSystem),
  };
}

const percentOf = (text: string): number => Number(text.slice(0, -1));

function normalizePhaseRollout(file: PhaseRolloutFile): PhaseRollout {
  const canary = file.canary === undefined ? null : typeof file.canary === 'number' ? { kind: 'count' as const, count: file.canary } : { kind: 'nodes' as const, nodes: [...file.canary] };
  const waves: WaveSize[] = (file.waves ?? []).map((w) => (typeof w === 'number' ? { kind: 'count', count: w } : { kind: 'percent', percent: percentOf(w) }));
  const budget = file.failureBudget ?? 0;
  const failureBudget: FailureBudget = typeof budget === 'number' ? { kind: 'nodes', nodes: budget } : { kind: 'percent', percent: percentOf(budget) };
  return { canary, waves, failureBudget };
}

