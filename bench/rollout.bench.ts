/**
 * Rollout speed: the wave arithmetic and the manifests of a rollout of
 * 5,000 nodes, in-process (target: under 100 ms), next to a floor measured
 * in the same run: copying the node list and joining it into one
 * `ansibleLimit` string, which any rollout has to do.
 */
import { parsePlan } from '../src/plan/load.js';
import { rolloutManifestText } from '../src/rollout/rollout-request.js';
import { computeWaves } from '../src/rollout/waves.js';
import { parseNodeList } from '../src/rollout/node-list.js';
import { medianMs } from './timing.js';

const time = (runs: number, f: () => unknown): number => medianMs(f, runs, 2);

export async function run(): Promise<void> {
  const n = 5000;
  const plan = parsePlan(
    'updateServices:\n  containerSteps: []\nrollout:\n  updateServices:\n    canary: 1\n    waves: [10, "5%", "10%", "25%"]\n    failureBudget: "2%"\n',
    'bench-rollout.yaml',
  );
  const names = Array.from({ length: n }, (_, i) => `edpm-compute-${String(i).padStart(4, '0')}`);
  const text = `${names.join('\n')}\n`;
  const rollout = plan.rollout.updateServices!;
  const runs = 15;
  const floor = time(runs, () => [...names].join(','));
  const read = time(runs, () => parseNodeList(text, 'nodes.txt'));
  const waves = time(runs, () => computeWaves(names, rollout));
  let documents = 0;
  const manifests = time(runs, () => {
    const r = rolloutManifestText({ plan, planSource: null, phase: 'update-services', nodeSet: 'openstack-edpm', rolloutId: 'bench', nodes: { file: 'nodes.txt', nodes: names, format: 'list' } });
    documents = r.waves.length;
  });
  const total = read + manifests;
  console.log('rollout of %d nodes, in-process (median of %d runs)', n, runs);
  console.log('  floor: copy + join the node list   %s ms', floor.toFixed(2));
  console.log('  read the node list                 %s ms  (x%s the floor)', read.toFixed(2), (read / floor).toFixed(1));
  console.log('  wave arithmetic                    %s ms  (x%s the floor)', waves.toFixed(2), (waves / floor).toFixed(1));
  console.log('  waves + %d manifests (YAML)         %s ms  (x%s the floor)', documents, manifests.toFixed(2), (manifests / floor).toFixed(1));
  console.log('  read + waves + manifests           %s ms; target < 100 ms %s', total.toFixed(2), total < 100 ? 'OK' : 'OVER');
}
