/**
 * The plan-dependent data of the rollout Molecule scenarios
 * (`data/scenario.yml`), emitted when the plan rolls update-services out:
 * update_services_rollout (the rollout that stops in a failing wave) and
 * update_services_rollout_resume (the resume of that rollout, from the
 * state it leaves). Both: the update_services data (role variables,
 * fixtures), plus how the plan's rollout cuts the scenario's six nodes into
 * waves, which node is made to fail (the last of the second wave after the
 * canary, so that another node of its wave is stopped), the plan's rollout
 * section, for `resume`, and the progress record the role writes on a node
 * that completed (rollout-progress.ts). The resume scenario's data also
 * says which nodes its prepare records as completed.
 */
import type { UpdatePlan } from '../../model/plan.js';
import { ROLLOUT_PHASES, type PhaseRollout } from '../../model/rollout.js';
import { computeWaves } from '../../rollout/waves.js';
import { COMPLETED_AT_FORMAT, planIdentity, progressFactFile, progressNames, progressRecord } from '../rollout-progress.js';
import { servicesScenarioData } from './services-scenario-data.js';

/** The rollout scenarios of edpm_update_services: the rollout, and its resume from the state the rollout leaves. */
export const ROLLOUT_SCENARIO = 'update_services_rollout';
export const RESUME_SCENARIO = 'update_services_rollout_resume';

/** The scenario's node containers (molecule.yml's platforms), in inventory order. */
export const ROLLOUT_SCENARIO_NODES = 6;

/** The plan file's form of a phase's rollout. */
function rolloutSection(r: PhaseRollout): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.canary !== null) out.canary = r.canary.kind === 'count' ? r.canary.count : [...r.canary.nodes];
  out.waves = r.waves.map((w) => (w.kind === 'count' ? w.count : `${w.percent}%`));
  out.failureBudget = r.failureBudget.kind === 'nodes' ? r.failureBudget.nodes : `${r.failureBudget.percent}%`;
  return out;
}

/**
 * The scenarios a plan adds to edpm_update_services: update_services_rollout
 * and update_services_rollout_resume when it rolls update-services out with
 * a counted canary (the scenarios' nodes have no names a plan could know).
 */
export function rolloutScenarios(plan: UpdatePlan): string[] {
  return rolloutScenarioData(plan) === null ? [] : [ROLLOUT_SCENARIO, RESUME_SCENARIO];
}

/**
 * `data/scenario.yml` of a rollout scenario (update_services_rollout by
 * default), as data; null when the plan does not roll update-services out.
 */
export function rolloutScenarioData(plan: UpdatePlan, scenario: string = ROLLOUT_SCENARIO): Record<string, unknown> | null {
  const rollout = plan.rollout.updateServices;
  if (rollout === null || rollout.canary?.kind === 'nodes') return null;
  const indexes = Array.from({ length: ROLLOUT_SCENARIO_NODES }, (_, i) => String(i));
  const waves = computeWaves(indexes, rollout);
  const afterCanary = waves.filter((w) => !w.canary);
  const failingWave = afterCanary[1] ?? afterCanary.at(-1)!;
  const failing = Number(failingWave.nodes.at(-1));
  const failingIndex = waves.indexOf(failingWave);
  const base = servicesScenarioData(plan);
  const scenarioPart = base.edpm_scenario as Record<string, unknown>;
  const id = 'scenario-rollout';
  const phase = ROLLOUT_PHASES.find((p) => p.key === 'updateServices')!;
  const names = progressNames(phase.role, phase.service);
  return {
    ...base,
    edpm_scenario: {
      ...scenarioPart,
      rollout: {
        id,
        plan: { rollout: { updateServices: rolloutSection(rollout) } },
        waves: waves.map((w) => ({ name: w.name, nodes: w.nodes.map(Number), allowed_failures: w.allowedFailures })),
        failing_node: failing,
        failing_wave: failingWave.name,
        failing_wave_index: failingIndex,
        // The local fact the role writes on a node that completed the phase
        // under this rollout id; completed_at holds the time's format.
        progress: { file: progressFactFile(names), record: progressRecord(names, id, planIdentity(plan), COMPLETED_AT_FORMAT) },
        // The resume scenario starts where the rollout stopped: its prepare
        // records these nodes (the waves before the failing one) as completed.
        ...(scenario === RESUME_SCENARIO ? { completed_nodes: waves.slice(0, failingIndex).flatMap((w) => w.nodes.map(Number)) } : {}),
      },
    },
  };
}
