/**
 * edpm-rolegen's library API: load a plan, compile it into a file tree in
 * memory, write the tree (only its files, all or none) or compare it with a folder.
 *
 * ```ts
 * import { loadPlanFile, compilePlan, writeTree } from 'edpm-rolegen';
 * const tree = compilePlan(loadPlanFile('plans/default.yaml'));
 * writeTree('dist-roles', tree);
 * ```
 */
import { checkPlan } from './plan/load.js';
import { compilePlan as compileCheckedPlan } from './compile/compile-plan.js';
import type { CompileOptions } from './compile/compile-context.js';
import type { UpdatePlan } from './model/plan.js';
import type { FileTree } from './model/file-tree.js';
import type { SourceMap } from './plan/source-map.js';
import type { ProvenanceMap } from './provenance/provenance-map.js';
import { compileWithProvenance as compileCheckedWithProvenance } from './provenance/compile-with-provenance.js';
import { resumeManifestText as resumeCheckedManifestText, rolloutManifestText as rolloutCheckedManifestText, type ResumeResult, type RolloutRequest } from './rollout/rollout-request.js';
import type { DeploymentOutcome } from './rollout/deployment-status.js';
import type { Wave } from './rollout/waves.js';
import { nodeRun as checkedNodeRun, type NodeInput, type PhaseRun } from './show/node-run.js';

export type { UpdatePlan, UpdateServicesPhase, UpdateSystemPhase, ContainerStep, RoleTasks, OpenvswitchStep, OpenvswitchTasks } from './model/plan.js';
export { MANDATORY_SERVICES_EXCLUSIONS, MANDATORY_SYSTEM_EXCLUSIONS } from './model/plan.js';
export * as names from './model/names.js';
export type { PlanFile } from './plan/schema.js';
export { PlanFileSchema, planJsonSchema } from './plan/schema.js';
export { parsePlan, loadPlanFile, checkPlan } from './plan/load.js';
export { InputError, formatDiagnostic, type Diagnostic, type Severity } from './core/diagnostics.js';
export type { CompileOptions } from './compile/compile-context.js';
export type { TaskFileNames } from './model/task-files.js';
export { scanRolesTree } from './roles-tree/scan.js';
export { taskFileNamesOf } from './roles-tree/facts.js';
export type { FileTree } from './model/file-tree.js';
export { writeTree, recoverInterruptedBuild, HandEditError, type WriteOptions, type WriteResult } from './write/write-tree.js';
export { OutputLockedError } from './write/output-lock.js';
export { findDrift, outputState, type DriftEntry } from './write/drift.js';
export { builtInPlanPath } from './package-root.js';
export type { Rollout, PhaseRollout, Canary, WaveSize, FailureBudget } from './model/rollout.js';
export { computeWaves, allowedFailures, maxFailPercentageFor, type Wave } from './rollout/waves.js';
export { parseNodeList, type NodeList } from './rollout/node-list.js';
export { parseDeploymentStatus, type DeploymentOutcome } from './rollout/deployment-status.js';
export type { RolloutRequest, ResumeResult } from './rollout/rollout-request.js';
export { parsePlanWithSource, loadPlanFileWithSource } from './plan/load.js';
export { planReference } from './provenance/compile-with-provenance.js';
export { PROVENANCE_FILE, originOfLine, fileRanges, type FileRuns, type ProvenanceMap, type PlanOrigin } from './provenance/provenance-map.js';
export { readOutputProvenance, explainGenerated, explainPlanLine, readPlanOnDisk, type Explanation, type PlanOnDisk, type PlanState } from './provenance/explain.js';
export { importRole, checkImport, type RoleImport } from './import/import-role.js';
export { semanticDiff, formatDifference, type SemanticDifference } from './import/semantic-diff.js';
export type { NodeInput, PhaseRun, RunStep } from './show/node-run.js';

/**
 * Compiles a plan into the output tree: both roles, the playbooks and the
 * service manifests, in memory. The library's door: a plan that did not
 * come from the plan loader (built in TypeScript, or changed since) is
 * checked first by `checkPlan`, exactly as a plan file is, so what the CLI
 * refuses this refuses too (InputError with the same diagnostics).
 */
export function compilePlan(plan: UpdatePlan, options: CompileOptions = {}): FileTree {
  return compileCheckedPlan(checkPlan(plan), options);
}

/**
 * Compiles a plan with its provenance map (the tree then holds the sidecar
 * `.edpm-rolegen-provenance.json` too). The same door as `compilePlan`: the
 * plan is checked first; `source` is the plan file's source map
 * (`loadPlanFileWithSource`) and `planRef` how the sidecar names the plan
 * (`planReference`).
 */
export function compileWithProvenance(plan: UpdatePlan, source: SourceMap, planRef: string): { tree: FileTree; map: ProvenanceMap } {
  return compileCheckedWithProvenance(checkPlan(plan), source, planRef);
}

/**
 * The OpenStackDataPlaneDeployment of each wave of a phase over a node set
 * (`edpm-rolegen rollout`). The same door as `compilePlan`: the request's
 * plan is checked first (its rollout section by meaning too), and its
 * nodes by what each does as an `ansibleLimit`.
 */
export function rolloutManifestText(request: RolloutRequest): { text: string; waves: Wave[] } {
  return rolloutCheckedManifestText({ ...request, plan: checkPlan(request.plan) });
}

/** The deployment that finishes a stopped rollout (`edpm-rolegen resume`); the plan checked first, as by `rolloutManifestText`. */
export function resumeManifestText(request: RolloutRequest, outcomes: readonly DeploymentOutcome[], attempt: number): ResumeResult {
  return resumeCheckedManifestText({ ...request, plan: checkPlan(request.plan) }, outcomes, attempt);
}

/** What a node runs in each phase (`edpm-rolegen show`); the plan checked first, as by `compilePlan`. */
export function nodeRun(plan: UpdatePlan, input: NodeInput): PhaseRun[] {
  return checkedNodeRun(checkPlan(plan), input);
}
