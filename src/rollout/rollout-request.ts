/**
 * What the `rollout` and `resume` commands compute, as library functions:
 * a plan, a phase, a node set and a rollout id -> the waves and their
 * manifests, or, with the operator's status, the deployment that finishes
 * the job. Pure; problems are InputErrors with `file:line:col`.
 */
import { diagnosticAt, fileError, InputError } from '../core/diagnostics.js';
import { positionOf, type SourceMap } from '../plan/source-map.js';
import type { UpdatePlan } from '../model/plan.js';
import { ROLLOUT_PHASES, type PhaseRollout, type RolloutPhase } from '../model/rollout.js';
import { kubernetesLabelName, matchesGrammar, nodeName, rolloutId as rolloutIdGrammar } from '../model/names.js';
import { computeWaves, UnknownCanaryNodeError, allowedFailures, type Wave } from './waves.js';
import { deploymentName, deploymentNamePrefix, deploymentObject, rolloutManifests, type RolloutTarget } from './manifests.js';
import { describeRemaining, remainingNodes, type RemainingNode } from './resume.js';
import type { DeploymentOutcome } from './deployment-status.js';
import { nodeNameMeaningProblem, type NodeList } from './node-list.js';
import { yamlText } from '../compile/yaml-text.js';

/** Header of the manifests written by `rollout` and `resume`. */
export const ROLLOUT_HEADER = ['Written by edpm-rolegen rollout from the update plan and the node set.'];

/** A phase's rollout when the plan gives none: every node in one wave, no failure allowed (today's behaviour). */
export const SINGLE_WAVE: PhaseRollout = { canary: null, waves: [], failureBudget: { kind: 'nodes', nodes: 0 } };

/** Everything a rollout of one phase over one node set depends on. */
export interface RolloutRequest {
  readonly plan: UpdatePlan;
  /** Where the plan's values are, for diagnostics (null: a plan built in code). */
  readonly planSource: SourceMap | null;
  /** `update-services` or `update-system`. */
  readonly phase: string;
  readonly nodeSet: string;
  readonly rolloutId: string;
  readonly nodes: NodeList;
}

const argumentError = (message: string): InputError => new InputError([fileError('<command line>', message)]);

/** The phase a service name stands for. */
export function rolloutPhase(service: string): RolloutPhase {
  const phase = ROLLOUT_PHASES.find((p) => p.service === service);
  if (phase === undefined) throw argumentError(`--phase "${service}": expected one of ${ROLLOUT_PHASES.map((p) => p.service).join(', ')}`);
  return phase;
}

function target(request: RolloutRequest): RolloutTarget {
  if (!matchesGrammar(rolloutIdGrammar, request.rolloutId)) throw argumentError(`--rollout-id "${request.rolloutId}": expected ${rolloutIdGrammar.rule}`);
  if (!matchesGrammar(kubernetesLabelName, request.nodeSet)) throw argumentError(`--node-set "${request.nodeSet}": expected ${kubernetesLabelName.rule}`);
  const t = { nodeSet: request.nodeSet, phase: rolloutPhase(request.phase), rolloutId: request.rolloutId };
  try {
    deploymentName(t, 'wave-100');
    deploymentName(t, 'resume-100');
  } catch (err) {
    throw argumentError((err as Error).message);
  }
  return t;
}

/**
 * The nodes, by what each name does in a wave's `ansibleLimit`, over the
 * node set's inventory: one node, once. The file's parser checks a file
 * (parseNodeList, at each name's line); this checks a node list made in
 * code too, and a node named as the node set, whose inventory group the
 * dataplane operator names after it (a limit of that name selects the
 * whole node set).
 */
function checkNodes(request: RolloutRequest): void {
  const file = request.nodes.file;
  const seen = new Set<string>();
  const problems = request.nodes.nodes.flatMap((node, i) => {
    const why =
      typeof node !== 'string' || !matchesGrammar(nodeName, node)
        ? `${JSON.stringify(node)} is not a node name: expected ${nodeName.rule}`
        : node === request.nodeSet
          ? `node ${JSON.stringify(node)} has the name of the node set, which names the node set's inventory group: as a wave's ansibleLimit it would select every node of the node set, not this one; rename the node`
          : seen.has(node)
            ? `node ${JSON.stringify(node)} is listed twice`
            : nodeNameMeaningProblem(node);
    seen.add(node);
    return why === null ? [] : [fileError(file, `node ${i + 1}: ${why}`)];
  });
  if (request.nodes.nodes.length === 0) problems.push(fileError(file, 'no nodes'));
  if (problems.length > 0) throw new InputError(problems);
}

/** The waves of the request's phase over its nodes. */
export function rolloutWaves(request: RolloutRequest): Wave[] {
  const phase = rolloutPhase(request.phase);
  checkNodes(request);
  const rollout = request.plan.rollout[phase.key] ?? SINGLE_WAVE;
  try {
    return computeWaves(request.nodes.nodes, rollout);
  } catch (err) {
    if (!(err instanceof UnknownCanaryNodeError)) throw err;
    const path = ['rollout', phase.key, 'canary', err.index];
    const at = request.planSource === null ? { line: 1, col: 1 } : positionOf(request.planSource, path);
    throw new InputError([
      diagnosticAt(request.planSource?.file ?? '<plan>', at, `canary node "${err.node}" is not in the node set (${request.nodes.nodes.length} nodes read from ${request.nodes.file})`, {
        path: `/${path.join('/')}`,
      }),
    ]);
  }
}

/** The manifests of every wave, in the order to apply them. */
export function rolloutManifestText(request: RolloutRequest): { text: string; waves: Wave[] } {
  const t = target(request);
  const waves = rolloutWaves(request);
  return { text: rolloutManifests(t, waves, ROLLOUT_HEADER), waves };
}

/** What a resume finds: the nodes left, one line each, and the deployment for them (null when none is left). */
export interface ResumeResult {
  readonly remaining: readonly RemainingNode[];
  readonly lines: readonly string[];
  readonly text: string | null;
}

/** How `rollout` and `resume` end the name of a deployment they write (`deploymentName`), of either phase. */
const ROLLOUT_DEPLOYMENT_NAME = new RegExp(`-(?:${ROLLOUT_PHASES.map((p) => p.service).join('|')})-(?:canary|wave-[1-9][0-9]*|resume-[1-9][0-9]*)$`, 'u');

/**
 * The outcomes that speak of this rollout, and the names of those left
 * out:
 * - `others`: a deployment named as `rollout` and `resume` name theirs,
 *   but of another rollout id, phase or node set;
 * - `notRuns`: when the status has a wave deployment of this rollout, a
 *   deployment under any other name that targeted the whole node set (no
 *   `ansibleLimit`), such as the node set's first deployment, whose
 *   summary a node set's status keeps: the waves were applied, so it is
 *   not a run of the playbook over the node set for this rollout.
 * Read as one run over the node set (what a status under another name is
 * otherwise), the other phase's waves, which `oc get osdpd -l
 * edpm-rolegen/rollout-id=ID` lists too, last update's, or an old
 * deployment, Ready or without failures, made the waves of this rollout
 * that had not run look finished.
 */
function ownDeployments(t: RolloutTarget, waves: readonly Wave[], outcomes: readonly DeploymentOutcome[]): { own: DeploymentOutcome[]; others: string[]; notRuns: string[] } {
  const prefix = deploymentNamePrefix(t);
  const waveNames = new Set(waves.map((w) => deploymentName(t, w.name)));
  const wavesApplied = outcomes.some((o) => o.name !== null && waveNames.has(o.name));
  const own: DeploymentOutcome[] = [];
  const others: string[] = [];
  const notRuns: string[] = [];
  for (const o of outcomes) {
    if (o.name !== null && ROLLOUT_DEPLOYMENT_NAME.test(o.name) && !(o.name.startsWith(prefix) && ROLLOUT_DEPLOYMENT_NAME.test(`-${t.phase.service}-${o.name.slice(prefix.length)}`))) others.push(o.name);
    else if (wavesApplied && o.name !== null && !o.name.startsWith(prefix) && o.limit === null) notRuns.push(o.name);
    else own.push(o);
  }
  return { own, others, notRuns };
}

/** The deployment that finishes a stopped rollout: its failed, unreachable and never-reached nodes, nothing else. */
export function resumeManifestText(request: RolloutRequest, outcomes: readonly DeploymentOutcome[], attempt: number): ResumeResult {
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > 99) throw argumentError(`--attempt "${attempt}": expected a whole number from 1 to 99`);
  const t = target(request);
  const waves = rolloutWaves(request);
  const rollout = request.plan.rollout[t.phase.key] ?? SINGLE_WAVE;
  const { own, others, notRuns } = ownDeployments(t, waves, outcomes);
  const remaining = remainingNodes(waves, own, (w) => deploymentName(t, w.name), rollout.failureBudget);
  const ignored = [
    ...others.map((name) => `${name}: ignored: a deployment of another rollout, phase or node set (the names of this one's start with ${deploymentNamePrefix(t)})`),
    ...notRuns.map((name) => `${name}: ignored: not a wave of this rollout, and the status has this rollout's waves, so not a run of its playbook over the node set`),
  ];
  const lines = [...ignored, ...describeRemaining(remaining, waves)];
  if (remaining.length === 0) return { remaining, lines, text: null };
  const nodes = remaining.map((r) => r.node);
  const part = `resume-${attempt}`;
  const object = deploymentObject(t, part, part, nodes, allowedFailures(rollout.failureBudget, nodes.length), null);
  const header = [
    ...ROLLOUT_HEADER,
    '',
    `Resumes rollout ${t.rolloutId} of ${t.phase.service} over node set ${t.nodeSet}: the ${nodes.length} node(s) that have not finished.`,
    'The same rollout id makes nodes that did finish skip the phase, should one be here.',
  ];
  return { remaining, lines, text: yamlText(object, { header }) };
}
