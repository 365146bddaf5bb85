/**
 * The output tree with its provenance sidecar: compile (recording traces),
 * then map every generated line to its plan entry. Pure, like the compiler.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compilePlan } from '../compile/compile-plan.js';
import type { CompileOptions } from '../compile/compile-context.js';
import type { FileTrace } from '../compile/origin.js';
import type { FileTree } from '../model/file-tree.js';
import type { UpdatePlan } from '../model/plan.js';
import type { SourceMap } from '../plan/source-map.js';
import { builtInPlanPath } from '../package-root.js';
import { BUILT_IN_PLAN_REFERENCE, buildProvenanceMap, PROVENANCE_FILE, provenanceText, type ProvenanceMap } from './provenance-map.js';


/**
 * How the sidecar in `outDir` names the plan file: the built-in plan by its
 * place in the package; another plan relative to the output folder
 * (absolute when it cannot be).
 */
export function planReference(planPath: string, outDir: string): string {
  if (resolve(planPath) === builtInPlanPath()) return BUILT_IN_PLAN_REFERENCE;
  const rel = relative(resolve(outDir), resolve(planPath));
  return rel === '' || isAbsolute(rel) ? resolve(planPath) : rel.split(sep).join('/');
}

/** The compiled tree and its provenance map. */
export function compileWithProvenance(
  plan: UpdatePlan,
  source: SourceMap,
  planRef: string,
  options: CompileOptions = {},
): { tree: FileTree; map: ProvenanceMap } {
  const traces = new Map<string, FileTrace>();
  const compiled = compilePlan(plan, options, traces);
  const map = buildProvenanceMap(compiled, traces, source, planRef);
  const entries: [string, string][] = [...compiled, [PROVENANCE_FILE, provenanceText(map)]];
  const tree: FileTree = new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { tree, map };
}
