/**
 * Test support for the toolchain test: which plan entry produced a place in
 * a generated file, so that a linter's complaint about `file:line` can be
 * traced back to the plan. Not part of the program (real provenance is a
 * later issue's).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { UpdatePlan } from '../../src/model/plan.js';
import { UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE } from '../../src/model/roles.js';
import { includeTaskName, stepPurpose } from '../../src/compile/roles/update-services.js';

/** JSON pointer of the plan entry behind each generated task file (or task, for the container steps). */
export function planOrigin(plan: UpdatePlan, file: string, taskName: string | null): string | null {
  const s = plan.updateServices;
  if (file === `${UPDATE_SERVICES_ROLE}/tasks/containers.yml` && taskName !== null) {
    const before = s.alwaysBefore.findIndex((step) => step.tasks.some((t) => includeTaskName(step, t, stepPurpose(null)) === taskName));
    if (before >= 0) return `/updateServices/alwaysBefore/${before}`;
    for (const [i, step] of s.containerSteps.entries()) {
      const j = step.tasks.findIndex((t) => includeTaskName(step, t, stepPurpose(step.serviceType)) === taskName);
      if (j >= 0) return `/updateServices/containerSteps/${i}/tasks/${j}`;
    }
    if (taskName.startsWith('Prune')) return '/updateServices/prune';
    return null;
  }
  const byFile: Record<string, string> = {
    [`${UPDATE_SERVICES_ROLE}/tasks/packages.yml`]: '/updateServices/alwaysExcludedPackages',
    [`${UPDATE_SYSTEM_ROLE}/tasks/openvswitch.yml`]: '/updateSystem/openvswitch',
    [`${UPDATE_SYSTEM_ROLE}/handlers/openvswitch_update.yml`]: '/updateSystem/openvswitch',
    [`${UPDATE_SYSTEM_ROLE}/vars/main.yml`]: '/updateSystem/openvswitch',
    [`${UPDATE_SYSTEM_ROLE}/tasks/packages.yml`]: '/updateSystem/alwaysExcludedPackages',
    [`${UPDATE_SYSTEM_ROLE}/tasks/kpatch.yml`]: '/updateSystem/kpatch',
    [`${UPDATE_SYSTEM_ROLE}/tasks/bootc.yml`]: '/updateSystem/bootc',
  };
  return byFile[file] ?? null;
}

/** Name of the innermost task of a generated task file that covers a line (1-based), if any. */
export function taskNameAtLine(text: string, line: number): string | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, version: '1.1' });
  let found: string | null = null;
  const visit = (node: unknown): void => {
    if (!isSeq(node)) return;
    for (const item of node.items) {
      if (!isMap(item) || item.range === undefined || item.range === null) continue;
      const from = lines.linePos((item as Node).range![0]).line;
      const to = lines.linePos((item as Node).range![1]).line;
      if (line < from || line > to) continue;
      const name = item.items.find((p) => isScalar(p.key) && p.key.value === 'name');
      if (name !== undefined && isScalar(name.value)) found = String(name.value.value);
      const inner = item.items.find((p) => isScalar(p.key) && p.key.value === 'block');
      if (inner !== undefined) visit(inner.value);
    }
  };
  visit(doc.contents);
  return found;
}
