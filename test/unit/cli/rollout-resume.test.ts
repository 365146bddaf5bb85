import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { runCli } from '../../../src/cli/program.js';
import type { CliIo } from '../../../src/cli/io.js';

// `rollout` and `resume`, run in-process through the CLI's own io.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolegen-rollout-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const status = await runCli(args, io);
  return { status, out, err };
}

const PLAN = `updateServices:
  containerSteps:
    - {serviceType: ovn, role: edpm_ovn, tasks: [update, run]}
rollout:
  updateServices:
    canary: [edpm-compute-2]
    waves: [2]
    failureBudget: 0
`;

function files(): { plan: string; nodes: string } {
  const plan = join(dir, 'plan.yaml');
  const nodes = join(dir, 'inventory.yml');
  writeFileSync(plan, PLAN);
  // As the operator writes a node set's inventory: a group named after it.
  writeFileSync(nodes, `edpm:\n  hosts:\n${Array.from({ length: 6 }, (_, i) => `    edpm-compute-${i}:\n      ansible_host: 192.168.122.${100 + i}\n`).join('')}other:\n  hosts:\n    elsewhere-0: {}\n`);
  return { plan, nodes };
}

const common = (f: { plan: string; nodes: string }): string[] => ['--plan', f.plan, '--node-set', 'edpm', '--rollout-id', 'r1', '--nodes', f.nodes];

describe('edpm-rolegen rollout', () => {
  it('writes the waves, named canary first, from the inventory group of the node set', async () => {
    const f = files();
    const r = await cli(['rollout', ...common(f)]);
    expect(r.status, r.err).toBe(0);
    const docs = parseAllDocuments(r.out).map((d) => d.toJS() as { metadata: { name: string }; spec: Record<string, unknown> });
    expect(docs.map((d) => [d.metadata.name, d.spec.ansibleLimit])).toEqual([
      ['edpm-r1-update-services-canary', 'edpm-compute-2'],
      ['edpm-r1-update-services-wave-1', 'edpm-compute-0,edpm-compute-1'],
      ['edpm-r1-update-services-wave-2', 'edpm-compute-3,edpm-compute-4,edpm-compute-5'],
    ]);
    expect(docs[1]!.spec).toMatchObject({ nodeSets: ['edpm'], servicesOverride: ['update-services'], ansibleExtraVars: { edpm_rollout_id: 'r1', edpm_update_services_serial: '100%', edpm_update_services_max_fail_percentage: 0 } });
    expect(r.err).toContain('canary: 1 node(s), 0 may fail; wave-1: 2 node(s)');
  });

  it('writes --out whole, and never over a file without --force', async () => {
    const f = files();
    const out = join(dir, 'waves.yaml');
    expect((await cli(['rollout', ...common(f), '--out', out])).status).toBe(0);
    const first = readFileSync(out, 'utf8');
    const again = await cli(['rollout', ...common(f), '--out', out]);
    expect(again.status).toBe(2);
    expect(again.err).toBe(`${out}:1:1: error: the file exists; use --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('refuses --out a folder, even with --force, with one line and no file left beside it', async () => {
    const f = files();
    const out = join(dir, 'waves');
    mkdirSync(out);
    for (const force of [[], ['--force']]) {
      const r = await cli(['rollout', ...common(f), '--out', out, ...force]);
      expect(r.status).toBe(2);
      expect(r.err).toBe(`${out}:1:1: error: is a folder; give the path of the deployment manifests to write, e.g. waves.yaml\n`);
    }
    expect(readdirSync(dir).sort()).toEqual(['inventory.yml', 'plan.yaml', 'waves']);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses bad rollout plans with file:line:col, and writes nothing', async () => {
    const f = files();
    const cases: [string, RegExp][] = [
      ['failureBudget: "150%"', /plan\.yaml:8:20: error: \/rollout\/updateServices\/failureBudget: "150%" is not valid: expected share of each wave/],
      ['failureBudget: -1', /plan\.yaml:8:20: error: \/rollout\/updateServices\/failureBudget: number -1 is out of range/],
      ['waves: [2, 0]', /plan\.yaml:7:16: error: \/rollout\/updateServices\/waves\/1: number 0 is out of range: must be >= 1/],
      ['waves: ["0%"]', /plan\.yaml:7:13: error: \/rollout\/updateServices\/waves\/0: "0%" is not valid: expected a share of the node set/],
    ];
    for (const [line, expected] of cases) {
      const key = line.split(':')[0]!;
      const text = PLAN.replace(new RegExp(`^ {4}${key}: .*$`, 'mu'), `    ${line}`);
      expect(text, line).toContain(line);
      writeFileSync(f.plan, text);
      const out = join(dir, 'never.yaml');
      const r = await cli(['rollout', ...common(f), '--out', out]);
      expect(r.status, line).toBe(2);
      expect(r.err, line).toMatch(expected);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses a canary naming a node that is not in the node set, at its place in the plan', async () => {
    const f = files();
    writeFileSync(f.plan, PLAN.replace('[edpm-compute-2]', '[edpm-compute-2, elsewhere-0]'));
    const r = await cli(['rollout', ...common(f)]);
    expect(r.status).toBe(2);
    expect(r.err).toBe(`${f.plan}:6:30: error: /rollout/updateServices/canary/1: canary node "elsewhere-0" is not in the node set (6 nodes read from ${f.nodes})\n`);
  });

  it('refuses a bad rollout id or phase', async () => {
    const f = files();
    expect((await cli(['rollout', ...common(f).map((a) => (a === 'r1' ? 'R 1' : a))])).err).toMatch(/--rollout-id "R 1": expected lowercase letters/);
    expect((await cli(['rollout', ...common(f), '--phase', 'update'])).status).toBe(2);
  });
});

describe('node names by what they do as a wave\'s ansibleLimit', () => {
  // The operator limits each deployment to its wave's nodes with ansibleLimit, a pattern of the
  // node set's inventory: a name that is also a group's selects the group's hosts instead.
  it('refuses a node named all (or ungrouped) in a node list, at its line', async () => {
    const f = files();
    writeFileSync(f.nodes, 'compute-0\nall\n');
    const r = await cli(['rollout', ...common(f)]);
    expect(r.status).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${f.nodes}:2:1: error: "all" is the name of an implicit Ansible group: as a wave's ansibleLimit it would select every node of the node set, not one; rename the node\n`);
  });

  it('refuses an inventory host named as a group of the inventory, at the host', async () => {
    const f = files();
    const ini = join(dir, 'inventory.ini');
    writeFileSync(ini, '[edpm]\nedpm-compute-0\nedpm-compute-2\nnetworkers\n[networkers]\nedpm-networker-0\n');
    const r = await cli(['rollout', ...common({ ...f, nodes: ini })]);
    expect(r.status).toBe(2);
    expect(r.err).toBe(`${ini}:4:1: error: host "networkers" has the name of a group of this inventory: as a wave's ansibleLimit it would select that group's hosts, not this node; rename the host or the group\n`);
    writeFileSync(f.nodes, 'edpm:\n  hosts:\n    edpm-compute-2: {}\n    other: {}\nother:\n  hosts:\n    x-0: {}\n');
    const y = await cli(['rollout', ...common(f)]);
    expect(y.status).toBe(2);
    expect(y.err).toBe(`${f.nodes}:4:5: error: host "other" has the name of a group of this inventory: as a wave's ansibleLimit it would select that group's hosts, not this node; rename the host or the group\n`);
  });

  it('refuses a node named as the node set (the operator names its inventory group so)', async () => {
    const f = files();
    writeFileSync(f.nodes, 'edpm-compute-2\nedpm\n');
    const r = await cli(['rollout', ...common(f)]);
    expect(r.status).toBe(2);
    expect(r.err).toBe(`${f.nodes}:1:1: error: node 2: node "edpm" has the name of the node set, which names the node set's inventory group: as a wave's ansibleLimit it would select every node of the node set, not this one; rename the node\n`);
  });
});

describe('edpm-rolegen resume', () => {
  it('writes the deployment for exactly the failed, stopped and never-reached nodes, and says why', async () => {
    const f = files();
    const status = join(dir, 'status.yaml');
    writeFileSync(
      status,
      `kind: OpenStackDataPlaneDeployment
metadata: {name: edpm-r1-update-services-canary}
status: {conditions: [{type: Ready, status: "True"}]}
---
kind: OpenStackDataPlaneDeployment
metadata: {name: edpm-r1-update-services-wave-1}
status:
  conditions: [{type: Ready, status: "False"}]
  ansibleExecutionSummary: {totalHosts: 2, failedHosts: 1, failedHostList: [edpm-compute-1], unreachableHostList: []}
`,
    );
    const r = await cli(['resume', ...common(f), '--status', status]);
    expect(r.status, r.err).toBe(0);
    const doc = parse(r.out) as { metadata: { name: string }; spec: { ansibleLimit: string; ansibleExtraVars: Record<string, unknown> } };
    expect(doc.metadata.name).toBe('edpm-r1-update-services-resume-1');
    expect(doc.spec.ansibleLimit).toBe('edpm-compute-0,edpm-compute-1,edpm-compute-3,edpm-compute-4,edpm-compute-5');
    expect(doc.spec.ansibleExtraVars.edpm_rollout_id).toBe('r1');
    expect(r.err.split('\n')).toEqual([
      'edpm-compute-0: wave-1: stopped before finishing: wave-1 failed beyond its budget (0 may fail)',
      'edpm-compute-1: wave-1: failed',
      'edpm-compute-3: wave-2: never reached',
      'edpm-compute-4: wave-2: never reached',
      'edpm-compute-5: wave-2: never reached',
      '',
    ]);
  });

  it('refuses an existing --out without --force before reading anything: one line, not the report of the nodes first', async () => {
    const f = files();
    const status = join(dir, 'status.yaml');
    writeFileSync(status, 'kind: OpenStackDataPlaneDeployment\nmetadata: {name: edpm-r1-update-services-canary}\nstatus: {conditions: [{type: Ready, status: "False"}]}\n');
    const out = join(dir, 'resume.yaml');
    writeFileSync(out, 'mine\n');
    const r = await cli(['resume', ...common(f), '--status', status, '--out', out]);
    expect({ status: r.status, err: r.err, out: r.out }).toEqual({ status: 2, err: `${out}:1:1: error: the file exists; use --force to overwrite it\n`, out: '' });
    expect(readFileSync(out, 'utf8')).toBe('mine\n');
    const forced = await cli(['resume', ...common(f), '--status', status, '--out', out, '--force']);
    expect(forced.status, forced.err).toBe(0);
    expect(forced.err).toMatch(/^edpm-compute-2: canary: /u);
    expect(readFileSync(out, 'utf8')).toMatch(/name: edpm-r1-update-services-resume-1/u);
  });

  /** What resume says of the nodes after the canary when no wave after it ran (the plan of these tests: canary edpm-compute-2). */
  const NEVER_REACHED_AFTER_THE_CANARY = ['edpm-compute-0', 'edpm-compute-1'].map((n) => `${n}: wave-1: never reached`).concat(
    ['edpm-compute-3', 'edpm-compute-4', 'edpm-compute-5'].map((n) => `${n}: wave-2: never reached`),
  );

  it('leaves out the deployments of another phase, rollout or node set, with a line each: they are not a run of this one', async () => {
    // What `oc get osdpd -l edpm-rolegen/rollout-id=r1 -o yaml` lists when both phases were rolled out under r1: the
    // update-system waves, all Ready, besides this phase's canary; and last update's waves, and another node set's.
    // Read as one run over the node set, they made every wave look finished: "nothing to resume", exit 0.
    const f = files();
    const status = join(dir, 'status.yaml');
    const ready = (name: string) => `---\nkind: OpenStackDataPlaneDeployment\nmetadata: {name: ${name}}\nstatus: {conditions: [{type: Ready, status: "True"}]}\n`;
    const others = ['edpm-r1-update-system-canary', 'edpm-r1-update-system-wave-1', 'edpm-r0-update-services-wave-2', 'networkers-r1-update-services-wave-1'];
    writeFileSync(status, [...others, 'edpm-r1-update-services-canary'].map(ready).join(''));
    const r = await cli(['resume', ...common(f), '--status', status]);
    expect(r.status, r.err).toBe(0);
    expect(r.err.split('\n')).toEqual([
      ...others.map((name) => `${name}: ignored: a deployment of another rollout, phase or node set (the names of this one's start with edpm-r1-update-services-)`),
      ...NEVER_REACHED_AFTER_THE_CANARY,
      '',
    ]);
    expect((parse(r.out) as { spec: { ansibleLimit: string } }).spec.ansibleLimit).toBe('edpm-compute-0,edpm-compute-1,edpm-compute-3,edpm-compute-4,edpm-compute-5');
    // A status under a name that is not a rollout deployment's is still one run of the playbook over the node set...
    writeFileSync(status, ready('edpm-update-by-hand'));
    const byHand = await cli(['resume', ...common(f), '--status', status]);
    expect(byHand.err).toContain('nothing to resume');
  });

  it("a node set's status: once a wave of this rollout is there, the summaries of its other deployments (its first deployment) are not a run of this one", async () => {
    // The node set keeps a summary per deployment that ever ran on it: its first deployment ran on every node, without failures.
    const f = files();
    const status = join(dir, 'nodeset.yaml');
    const summary = (failed: string[]) => `{job: {totalHosts: 6, failedHosts: ${failed.length}, failedHostList: [${failed.join(', ')}], unreachableHostList: []}}`;
    writeFileSync(
      status,
      `kind: OpenStackDataPlaneNodeSet\nmetadata: {name: edpm}\nstatus:\n  deploymentExecutionSummaries:\n    edpm-deployment: ${summary([])}\n    edpm-r1-update-services-canary: ${summary(['edpm-compute-2'])}\n`,
    );
    const r = await cli(['resume', ...common(f), '--status', status]);
    expect(r.status, r.err).toBe(0);
    expect(r.err.split('\n')).toEqual([
      "edpm-deployment: ignored: not a wave of this rollout, and the status has this rollout's waves, so not a run of its playbook over the node set",
      'edpm-compute-2: canary: failed',
      ...NEVER_REACHED_AFTER_THE_CANARY,
      '',
    ]);
  });

  it('says there is nothing to resume when every wave is Ready', async () => {
    const f = files();
    const status = join(dir, 'status.json');
    const ready = (name: string) => ({ kind: 'OpenStackDataPlaneDeployment', metadata: { name }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    writeFileSync(status, JSON.stringify({ kind: 'List', items: ['canary', 'wave-1', 'wave-2'].map((w) => ready(`edpm-r1-update-services-${w}`)) }));
    const r = await cli(['resume', ...common(f), '--status', status]);
    expect(r.status).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('nothing to resume');
  });
});
