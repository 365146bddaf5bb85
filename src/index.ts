/**
 * edpm-rolegen's library API: load a plan, compile it into a file tree in
 * memory, write the tree (atomically) or compare it with a folder.
 *
 * ```ts
 * import { loadPlanFile, compilePlan, writeTree } from 'edpm-rolegen';
 * const tree = compilePlan(loadPlanFile('plans/default.yaml'));
 * writeTree('dist-roles', tree);
 * ```
 */
export type { UpdatePlan, UpdateServicesPhase, UpdateSystemPhase, ContainerStep, RoleTasks, OpenvswitchStep, OpenvswitchTasks } from './model/plan.js';
export { MANDATORY_SERVICES_EXCLUSIONS, MANDATORY_SYSTEM_EXCLUSIONS } from './model/plan.js';
export * as names from './model/names.js';
export type { PlanFile } from './plan/schema.js';
export { PlanFileSchema, planJsonSchema } from './plan/schema.js';
export { parsePlan, loadPlanFile } from './plan/load.js';
export { InputError, formatDiagnostic, type Diagnostic, type Severity } from './core/diagnostics.js';
export { compilePlan } from './compile/compile-plan.js';
export type { FileTree } from './model/file-tree.js';
export { writeTree, HandEditError, type WriteOptions, type WriteResult } from './write/write-tree.js';
export { findDrift, type DriftEntry } from './write/drift.js';
export { builtInPlanPath } from './package-root.js';
export type { Rollout, PhaseRollout, Canary, WaveSize, FailureBudget } from './model/rollout.js';
export { computeWaves, allowedFailures, maxFailPercentageFor, type Wave } from './rollout/waves.js';
export { parseNodeList, type NodeList } from './rollout/node-list.js';
export { parseDeploymentStatus, type DeploymentOutcome } from './rollout/deployment-status.js';
export { rolloutManifestText, resumeManifestText, type RolloutRequest, type ResumeResult } from './rollout/rollout-request.js';
