/**
 * The OpenStackDataPlaneDeployment manifests of a rollout: one deployment
 * per wave, canary first, each limited to its wave's nodes (`ansibleLimit`)
 * and running only the phase's service (`servicesOverride`), with the
 * wave's failure budget as the playbook's `max_fail_percentage` and the
 * whole wave as one batch. Pure: data in, YAML text out.
 */
import { yamlText } from '../compile/yaml-text.js';
import { rolloutVariables, type RolloutPhase } from '../model/rollout.js';
import { kubernetesLabelName, matchesGrammar } from '../model/names.js';
import { maxFailPercentageFor, type Wave } from './waves.js';

/** What every deployment of a rollout shares. */
export interface RolloutTarget {
  /** The OpenStackDataPlaneNodeSet the nodes belong to. */
  readonly nodeSet: string;
  readonly phase: RolloutPhase;
  readonly rolloutId: string;
}

/** Label keys of the manifests. */
export const ROLLOUT_LABELS = {
  rolloutId: 'edpm-rolegen/rollout-id',
  phase: 'edpm-rolegen/phase',
  wave: 'edpm-rolegen/wave',
} as const;

/** What the name of every deployment of a rollout starts with: `<node set>-<rollout id>-<service>-`. */
export function deploymentNamePrefix(target: RolloutTarget): string {
  return `${target.nodeSet}-${target.rolloutId}-${target.phase.service}-`;
}

/** Name of the deployment of a wave (`<node set>-<rollout id>-<service>-<wave>`), or of the resume deployment. */
export function deploymentName(target: RolloutTarget, part: string): string {
  const name = `${deploymentNamePrefix(target)}${part}`;
  if (!matchesGrammar(kubernetesLabelName, name)) {
    throw new RangeError(`deployment name "${name}" is ${name.length} characters; Kubernetes allows 63 in a label: choose a shorter rollout id`);
  }
  return name;
}

/** One deployment: limited to `nodes`, allowing `allowedFailures` of them to fail. */
export function deploymentObject(target: RolloutTarget, part: string, waveLabel: string, nodes: readonly string[], allowedFailures: number, after: string | null): Record<string, unknown> {
  const vars = rolloutVariables(target.phase.role);
  const metadata: Record<string, unknown> = {
    name: deploymentName(target, part),
    labels: { [ROLLOUT_LABELS.rolloutId]: target.rolloutId, [ROLLOUT_LABELS.phase]: target.phase.service, [ROLLOUT_LABELS.wave]: waveLabel },
  };
  if (after !== null) metadata.annotations = { 'edpm-rolegen/apply-after': after };
  return {
    apiVersion: 'dataplane.openstack.org/v1beta1',
    kind: 'OpenStackDataPlaneDeployment',
    metadata,
    spec: {
      nodeSets: [target.nodeSet],
      servicesOverride: [target.phase.service],
      ansibleLimit: nodes.join(','),
      ansibleExtraVars: {
        [vars.rolloutId]: target.rolloutId,
        [vars.serial]: '100%',
        [vars.maxFailPercentage]: maxFailPercentageFor(allowedFailures, nodes.length),
      },
    },
  };
}

/** The manifests of every wave, as one YAML stream, in the order to apply them. */
export function rolloutManifests(target: RolloutTarget, waves: readonly Wave[], header: readonly string[]): string {
  const docs: string[] = [];
  let previous: string | null = null;
  waves.forEach((wave, i) => {
    const object = deploymentObject(target, wave.name, String(wave.index), wave.nodes, wave.allowedFailures, previous);
    const lines =
      i === 0
        ? [
            ...header,
            '',
            `Rollout ${target.rolloutId} of ${target.phase.service} over node set ${target.nodeSet}: ${waves.length} wave(s), ${waves.reduce((n, w) => n + w.nodes.length, 0)} node(s).`,
            'Apply one deployment at a time, in this order, and wait for each to be Ready first:',
            '  oc apply -f <one document>, then: oc wait osdpd/<its name> --for condition=Ready --timeout=<time>',
            'When one fails: edpm-rolegen resume (with its status) writes the deployment that finishes the job.',
            '',
            `${wave.name}: ${wave.nodes.length} node(s), ${wave.allowedFailures} may fail.`,
          ]
        : [`${wave.name}: ${wave.nodes.length} node(s), ${wave.allowedFailures} may fail.`];
    docs.push(yamlText(object, { header: lines }));
    previous = (object.metadata as { name: string }).name;
  });
  return docs.join('');
}
