/**
 * `init`: a plan derived from a roles tree, written with the yaml package's
 * Document API so that each derived choice is explained in a comment. The
 * built-in plan is the reference for what the tree cannot say: the order of
 * the steps today, the service types of known roles, the package lists.
 */
import { Document, isMap, isSeq, type YAMLSeq } from 'yaml';
import type { ContainerStep, UpdatePlan } from '../model/plan.js';
import { containerEvidenceOf, OVS_ROLE, type RolesTreeFacts } from './facts.js';
import { conventionalServiceType } from './service-type.js';
import { ruleSelection } from './task-selection.js';

interface DerivedStep {
  readonly step: ContainerStep;
  readonly comment: string;
}

/** The text of a plan file derived from `facts`, with `reference` (the built-in plan) for order and known service types. */
export function derivePlanText(facts: RolesTreeFacts, reference: UpdatePlan): string {
  const byName = new Map(facts.roles.map((r) => [r.name, r]));
  const steps: DerivedStep[] = [];
  const used = new Set<string>();
  const skipped: string[] = [];

  for (const ref of reference.updateServices.containerSteps) {
    const role = byName.get(ref.role);
    if (role === undefined) {
      skipped.push(`${ref.role} (service type ${ref.serviceType} in the built-in plan): not in the tree`);
      continue;
    }
    const rule = ruleSelection(role);
    if (rule === null) {
      skipped.push(`${ref.role}: no update entry point (update.yml, run.yml or install.yml)`);
      continue;
    }
    used.add(role.name);
    const known = ref.tasks.every((t) => role.taskFiles.some((f) => f.base === t));
    const sameAsRule = known && ref.tasks.join(',') === rule.tasks.join(',');
    const tasks = known ? [...ref.tasks] : [...rule.tasks];
    // The built-in plan's become choice for the task files it knows; new ones run with become.
    const become = tasks.filter((t) => ref.become.includes(t) || !ref.tasks.includes(t));
    const why = sameAsRule
      ? rule.reason
      : known
        ? `the built-in plan includes [${ref.tasks.join(', ')}] where the rule would choose [${rule.tasks.join(', ')}] (${rule.reason})`
        : `${rule.reason} (the built-in plan's [${ref.tasks.join(', ')}] is not all there)`;
    steps.push({
      step: { serviceType: ref.serviceType, role: role.name, tasks, become },
      comment: `${role.name}: ${why}; service type ${ref.serviceType} and position from the built-in plan`,
    });
  }
  for (const role of facts.roles) {
    if (used.has(role.name) || role.name === OVS_ROLE) continue;
    const rule = ruleSelection(role);
    if (rule === null) continue;
    if (reference.ignoredRoles.includes(role.name)) {
      skipped.push(`${role.name}: in ignoredRoles`);
      continue;
    }
    const containers = containerEvidenceOf(role);
    if (containers === null) {
      skipped.push(`${role.name}: has update entry points, but its task files manage no container (not a container service)`);
      continue;
    }
    const guess = conventionalServiceType(role.name);
    if (guess === null) {
      skipped.push(`${role.name}: has update entry points, but no service type can be guessed from its name; add a step by hand`);
      continue;
    }
    steps.push({
      step: { serviceType: guess, role: role.name, tasks: [...rule.tasks], become: [...rule.tasks] },
      comment: `${role.name}: ${rule.reason}; manages containers (tasks/${containers.file}:${containers.evidence.line}: ${containers.evidence.what}); not in the built-in plan: service type ${guess} is a GUESS from the role name, and the step is placed last; check both`,
    });
  }

  const before = reference.updateServices.alwaysBefore.filter((s) => {
    const role = byName.get(s.role);
    return role !== undefined && s.tasks.every((t) => role.taskFiles.some((f) => f.base === t));
  });
  const s = reference.updateServices;
  const data = {
    collection: reference.collection,
    ignoredRoles: [...reference.ignoredRoles],
    updateServices: {
      essentialPackages: [...s.essentialPackages],
      alwaysExcludedPackages: [...s.alwaysExcludedPackages],
      alwaysBefore: before.map((b) => ({ role: b.role, tasks: [...b.tasks], become: becomeValue(b.tasks, b.become) })),
      containerSteps: steps.map((d) => ({ serviceType: d.step.serviceType, role: d.step.role, tasks: [...d.step.tasks], become: becomeValue(d.step.tasks, d.step.become) })),
      prune: { ...s.prune },
    },
    updateSystem: planSystemData(reference),
  };

  const doc = new Document(data, { version: '1.2' });
  doc.commentBefore = [
    ` Plan derived by edpm-rolegen init from the roles in ${facts.root}.`,
    ' Task files follow the rule: run.yml -> update.yml (if any), run.yml;',
    ' update.yml and install.yml -> update.yml, install.yml; only update.yml -> update.yml.',
    ' Order and service types come from the built-in plan where it knows the role.',
    ...(skipped.length > 0 ? [' Left out:', ...skipped.map((line) => `   - ${line}`)] : []),
  ].join('\n');
  const seq = doc.getIn(['updateServices', 'containerSteps'], true) as YAMLSeq;
  seq.items.forEach((item, i) => {
    const comment = steps[i]?.comment;
    if (comment !== undefined && isMap(item)) item.commentBefore = ` ${comment}`;
  });
  const ovsRole = byName.get(OVS_ROLE);
  if (ovsRole !== undefined && ovsRole.taskFiles.some((t) => t.base === 'update')) {
    const ovs = doc.getIn(['updateSystem', 'openvswitch'], true);
    if (isMap(ovs)) ovs.commentBefore = ` ${OVS_ROLE} has update.yml: to use it instead of the generated tasks, set tasks: {role: ${OVS_ROLE}, tasks: update}`;
  }
  flowTaskLists(doc);
  return doc.toString({ lineWidth: 0 });
}

function planSystemData(reference: UpdatePlan): Record<string, unknown> {
  const s = reference.updateSystem;
  const ovs = s.openvswitch;
  return {
    openvswitch: {
      tasks: ovs.tasks.kind === 'inline' ? 'inline' : { role: ovs.tasks.role, tasks: [...ovs.tasks.tasks] },
      packages: [...ovs.packages],
      reloadAfterUpdate: ovs.reloadAfterUpdate,
      downloadRetries: ovs.downloadRetries,
      downloadDelay: ovs.downloadDelay,
      serviceName: ovs.serviceName,
    },
    includePackages: [...s.includePackages],
    alwaysExcludedPackages: [...s.alwaysExcludedPackages],
    kpatch: { enabled: s.kpatch.enabled, kernelPackages: [...s.kpatch.kernelPackages] },
    bootc: { rebootRequiredFile: s.bootc.rebootRequiredFile },
  };
}

/** A step's become as a plan file says it: true (all task files), false (none) or the list. */
function becomeValue(tasks: readonly string[], become: readonly string[]): boolean | string[] {
  if (become.length === tasks.length) return true;
  return become.length === 0 ? false : [...become];
}

/** Writes every `tasks: [...]` and `become: [...]` list on one line. */
function flowTaskLists(doc: Document): void {
  for (const path of [['updateServices', 'containerSteps'], ['updateServices', 'alwaysBefore']]) {
    const seq = doc.getIn(path, true);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      for (const key of ['tasks', 'become']) {
        const list = isMap(item) ? item.get(key, true) : undefined;
        if (isSeq(list)) list.flow = true;
      }
    }
  }
}
