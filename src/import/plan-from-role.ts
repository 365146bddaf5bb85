/**
 * `import`: the facts of a hand-written `edpm_update_services` role -> the
 * plan that compiles to the same includes in the same order, with the same
 * conditions and `become` (the step's `become` lists the task files included
 * with it). Consecutive includes of one role under one condition become
 * one step with several task files. What a plan cannot hold was already
 * reported by the reader and is not in the facts; what a plan holds
 * differently is reported here. The plan text explains each step in a comment.
 */
import { Document, isMap, isSeq, type YAMLSeq } from 'yaml';
import { MANDATORY_SERVICES_EXCLUSIONS } from '../model/plan.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { IncludeFact, RolePosition, ServicesRoleFacts } from './services-role-reader.js';

/** A step of the plan being made, with the includes it came from. */
interface ImportedStep {
  readonly serviceType: string | null;
  readonly role: string;
  readonly tasks: string[];
  /** The task files included with become (`apply: {become: true}`). */
  readonly become: string[];
  readonly from: IncludeFact[];
}

/** The plan text and what was reported making it. */
export interface ImportedPlan {
  readonly text: string;
  /** The plan as data (what `text` holds, without comments). */
  readonly data: Record<string, unknown>;
  readonly diagnostics: readonly Diagnostic[];
}

/** What the compiler puts on an include that the plan does not say. */
export interface PlanCapabilities {
  /** The tags the compiler puts on the include of a task file of `role`. */
  readonly includeTags: (role: string) => readonly string[];
}

/** A step of one include; `addTo` adds the next include of the same role and condition. */
function newStep(inc: IncludeFact): ImportedStep {
  return { serviceType: inc.serviceType, role: inc.role, tasks: [inc.tasksFrom], become: inc.become ? [inc.tasksFrom] : [], from: [inc] };
}
function addTo(step: ImportedStep, inc: IncludeFact): void {
  step.tasks.push(inc.tasksFrom);
  if (inc.become) step.become.push(inc.tasksFrom);
  step.from.push(inc);
}

const where = (p: RolePosition): string => `${p.file}:${p.line}`;

/** Makes the plan of the role read into `facts`. */
export function planFromRole(facts: ServicesRoleFacts, displayRoot: string, capabilities: PlanCapabilities): ImportedPlan {
  const diagnostics: Diagnostic[] = [];
  const warn = (p: RolePosition, message: string): void => {
    diagnostics.push({ severity: 'warning', file: p.file, line: p.line, col: p.col, path: '', message });
  };
  const leaveOut = (p: RolePosition, message: string): void => {
    diagnostics.push({ severity: 'error', file: p.file, line: p.line, col: p.col, path: '', message: `${message}; left out` });
  };

  const collections = [...new Set(facts.includes.map((i) => i.collection))];
  const collection = collections.find((c): c is string => c !== null) ?? 'osp.edpm';
  for (const i of facts.includes) {
    if (i.collection === null) warn(i.at, `role ${i.role} is named without its collection; the plan includes ${collection}.${i.role}`);
    else if (i.collection !== collection) leaveOut(i.at, `role ${i.collection}.${i.role} is from another collection than ${collection}; a plan has one collection`);
  }
  const included = facts.includes.filter((i) => i.collection === null || i.collection === collection);

  const before: ImportedStep[] = [];
  const steps: ImportedStep[] = [];
  const seen = new Map<string, ImportedStep>();
  for (const inc of included) {
    const generatedTags = capabilities.includeTags(inc.role);
    const foreign = inc.tags.filter((t) => !generatedTags.includes(t));
    if (foreign.length > 0) warn(inc.at, `tag(s) ${foreign.join(', ')} of ${inc.role} ${inc.tasksFrom}.yml cannot be carried by a plan step; the generated include has ${generatedTags.join(', ')}`);
    const added = generatedTags.filter((t) => !inc.tags.includes(t) && facts.tagsUsed.has(t));
    if (added.length > 0) {
      warn(inc.at, `${inc.role} ${inc.tasksFrom}.yml lacks tag(s) ${added.join(', ')}, which the generated include carries (a plan step cannot drop them): selecting or skipping ${added.join(', ')} now includes it`);
    }
    if (inc.serviceType === null) {
      if (steps.length > 0) {
        leaveOut(inc.at, `${inc.role} ${inc.tasksFrom}.yml runs on every node after service steps; a plan runs its every-node steps (alwaysBefore) first`);
        continue;
      }
      const last = before.at(-1);
      if (last !== undefined && last.role === inc.role && !last.tasks.includes(inc.tasksFrom)) addTo(last, inc);
      else before.push(newStep(inc));
      continue;
    }
    const last = steps.at(-1);
    const mergeable =
      last !== undefined &&
      last.role === inc.role &&
      last.serviceType === inc.serviceType &&
      !last.tasks.includes(inc.tasksFrom);
    if (mergeable) {
      addTo(last, inc);
      continue;
    }
    const key = `${inc.serviceType}\u0000${inc.role}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      leaveOut(
        inc.at,
        `${inc.role} ${inc.tasksFrom}.yml for service type ${inc.serviceType} is apart from its other includes (${where(earlier.from[0]!.at)}); a plan lists one service type's task files of a role in one step`,
      );
      continue;
    }
    const step = newStep(inc);
    seen.set(key, step);
    steps.push(step);
  }
  if (steps.length === 0) {
    diagnostics.push({ severity: 'error', file: facts.root, line: 1, col: 1, path: '', message: 'no container step could be imported; a plan needs at least one' });
  }

  const essential = facts.essentialPackages?.packages ?? null;
  let excluded = facts.alwaysExcluded === null ? null : [...facts.alwaysExcluded.packages];
  if (excluded !== null) {
    const missing = MANDATORY_SERVICES_EXCLUSIONS.filter((p) => !excluded!.includes(p));
    if (missing.length > 0) {
      warn(facts.alwaysExcluded!.at, `the role does not always exclude ${missing.join(', ')}; a plan must, so the imported plan adds ${missing.length === 1 ? 'it' : 'them'}`);
      excluded = [...excluded, ...missing];
    }
  }
  const prune = facts.prune === null ? { images: false, volumes: false } : { images: facts.prune.images, volumes: facts.prune.volumes };
  if (facts.prune !== null && !facts.prune.become) warn(facts.prune.at, 'the prune runs without become; the generated prune has become');

  const stepData = (s: ImportedStep, withType: boolean): Record<string, unknown> => ({
    ...(withType ? { serviceType: s.serviceType } : {}),
    role: s.role,
    tasks: [...s.tasks],
    // as the built-in plan writes it: true (every task file), false (none) or the list
    become: s.become.length === s.tasks.length ? true : s.become.length === 0 ? false : [...s.become],
  });
  const updateServices: Record<string, unknown> = {};
  if (essential !== null) updateServices.essentialPackages = [...essential];
  if (excluded !== null) updateServices.alwaysExcludedPackages = excluded;
  updateServices.alwaysBefore = before.map((s) => stepData(s, false));
  updateServices.containerSteps = steps.map((s) => stepData(s, true));
  updateServices.prune = prune;
  const data: Record<string, unknown> = { collection, updateServices };

  const doc = new Document(data, { version: '1.2' });
  const leftOutCount = diagnostics.filter((d) => d.severity === 'error').length + facts.diagnostics.filter((d) => d.severity === 'error').length;
  doc.commentBefore = [
    ` Plan imported by edpm-rolegen import from the hand-written role ${displayRoot}.`,
    ' Each step says which tasks of the role it stands for. updateSystem is not',
    ' read from the role: it takes the built-in defaults.',
    ...(leftOutCount > 0 ? [` ${leftOutCount} part(s) of the role could not be represented and are left out: see the report.`] : []),
  ].join('\n');
  const explain = (path: string[], list: ImportedStep[]): void => {
    const seq = doc.getIn(path, true) as YAMLSeq | undefined;
    if (!isSeq(seq)) return;
    seq.items.forEach((item, i) => {
      const s = list[i];
      if (s === undefined || !isMap(item)) return;
      const sources = s.from.map((inc) => `${where(inc.at)} "${inc.name}"`).join(', ');
      item.commentBefore = ` ${sources}`;
      for (const key of ['tasks', 'become']) {
        const list = item.get(key, true);
        if (isSeq(list)) list.flow = true;
      }
    });
  };
  explain(['updateServices', 'alwaysBefore'], before);
  explain(['updateServices', 'containerSteps'], steps);
  if (facts.alwaysExcluded !== null) {
    const node = doc.getIn(['updateServices', 'alwaysExcludedPackages'], true);
    if (isSeq(node)) {
      node.commentBefore = ` From ${where(facts.alwaysExcluded.at)}. The built-in plan also excludes Open vSwitch's stream and wrapper packages ("openvswitch[0-9]*", rdo-openvswitch, rhoso-openvswitch): dnf excludes by name, so openvswitch alone does not hold them back.`;
    }
  }
  if (facts.essentialPackages !== null) {
    const node = doc.getIn(['updateServices', 'essentialPackages'], true);
    if (isSeq(node)) node.commentBefore = ` Default of edpm_update_services_include_packages, ${where(facts.essentialPackages.at)}`;
  }
  if (facts.prune !== null) {
    const node = doc.getIn(['updateServices', 'prune'], true);
    if (isMap(node)) node.commentBefore = ` ${where(facts.prune.at)} "${facts.prune.name ?? 'prune'}"`;
  }
  return { text: doc.toString({ lineWidth: 0 }), data, diagnostics };
}
