/**
 * The plan-dependent data of the update_services_rollout Molecule scenario
 * (`data/scenario.yml`), emitted when the plan rolls update-services out:
 * the update_services data (role variables, fixtures), plus how the plan's
 * rollout cuts the scenario's six nodes into waves, which node is made to
 * fail (the last of the second wave after the canary, so that another node
 * of its wave is stopped) and the plan's rollout section, for `resume`.
 */
import type { UpdatePlan } from '../../model/plan.js';
import type { PhaseRollout } from '../../model/rollout.js';
import { computeWaves } from '../../rollout/waves.js';
import { servicesScenarioData } from './services-scenario-data.js';

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
 * when it rolls update-services out with a counted canary (the scenario's
 * nodes have no names a plan could know).
 */
export function rolloutScenarios(plan: UpdatePlan): string[] {
  return rolloutScenarioData(plan) === null ? [] : ['update_services_rollout'];
}

/** `data/scenario.yml` of update_services_rollout, as data; null when the plan does not roll update-services out. */
export function rolloutScenarioData(plan: UpdatePlan): Record<string, unknown> | null {
  const rollout = plan.rollout.updateServices;
  if (rollout === null || rollout.canary?.kind === 'nodes') return null;
  const indexes = Array.from({ length: ROLLOUT_SCENARIO_NODES }, (_, i) => String(i));
  const waves = computeWaves(indexes, rollout);
  const afterCanary = waves.filter((w) => !w.canary);
  const failingWave = afterCanary[1] ?? afterCanary.at(-1)!;
  const failing = Number(failingWave.nodes.at(-1));
  const base = servicesScenarioData(plan);
  const scenario = base.edpm_scenario as Record<string, unknown>;
  return {
    ...base,
    edpm_scenario: {
      ...scenario,
      rollout: {
        id: 'scenario-rollout',
        plan: { rollout: { updateServices: rolloutSection(rollout) } },
        waves: waves.map((w) => ({ name: w.name, nodes: w.nodes.map(Number), allowed_failures: w.allowedFailures })),
        failing_node: failing,
        failing_wave: failingWave.name,
        failing_wave_index: waves.indexOf(failingWave),
      },
    },
  };
}
