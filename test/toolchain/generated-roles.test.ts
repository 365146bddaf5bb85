import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { FileTree } from '../../src/model/file-tree.js';
import { parsePlanWithSource, readPlanText } from '../../src/plan/load.js';
import type { SourceMap } from '../../src/plan/source-map.js';
import { compileWithProvenance } from '../../src/provenance/compile-with-provenance.js';
import { originOfLine, type ProvenanceMap } from '../../src/provenance/provenance-map.js';
import type { UpdatePlan } from '../../src/model/plan.js';
import { collectionLayout, requireToolchain, runTool, type CollectionLayout } from '../support/ansible-toolchain.js';
import { DEFAULT_PLAN, ROOT } from '../support/paths.js';

/** A plan of `n` service types, for the large case. */
function largePlanText(n: number): string {
  const containerSteps = Array.from({ length: n }, (_, i) => ({ serviceType: `service-${i}`, role: `edpm_service_${i}`, tasks: ['update', i % 2 === 0 ? 'run' : 'install'] }));
  return stringify({ updateServices: { essentialPackages: ['openstack-selinux', 'podman'], containerSteps } });
}

interface Case {
  readonly name: string;
  readonly plan: UpdatePlan;
  readonly source: SourceMap;
  readonly tree: FileTree;
  /** Where each generated line comes from in the plan. */
  readonly provenance: ProvenanceMap;
}

function caseOf(name: string, text: string, file: string): Case {
  const { plan, source } = parsePlanWithSource(text, file);
  return { name, plan, source, tree: compilePlan(plan), provenance: compileWithProvenance(plan, source, file).map };
}

const cases: Case[] = [
  caseOf('default plan', readPlanText(DEFAULT_PLAN), DEFAULT_PLAN),
  caseOf('minimal plan', readPlanText(join(ROOT, 'plans/examples/minimal.yaml')), 'plans/examples/minimal.yaml'),
  caseOf('downstream plan', readPlanText(join(ROOT, 'plans/examples/downstream.yaml')), 'plans/examples/downstream.yaml'),
  caseOf('rollout plan (canary, waves, failure budget)', readPlanText(join(ROOT, 'plans/examples/rollout.yaml')), 'plans/examples/rollout.yaml'),
  caseOf('rollout plan with a budget in nodes', readPlanText(join(ROOT, 'plans/examples/rollout.yaml')).replace('failureBudget: 0', 'failureBudget: 1').replace('waves: [2, 2]', 'waves: [2, "25%"]'), 'rollout-nodes-budget.yaml'),
  caseOf('rollout plan of both phases (update.yml: a play per phase)', readPlanText(join(ROOT, 'test/fixtures/plans/rollout-both-phases.yaml')), 'test/fixtures/plans/rollout-both-phases.yaml'),
  caseOf('large plan (300 service types)', largePlanText(300), 'large.yaml'),
];

/**
 * One line per problem a tool reported as `path:line...`, with the plan
 * entry behind it where there is one: `plan.yaml:12:7 /updateServices/...`.
 */
function explain(c: Case, layoutDir: string, output: string): string {
  const out: string[] = [];
  for (const line of output.split('\n')) {
    const m = /^(?:\.\/)?(roles\/[^:\s]+|playbooks\/[^:\s]+):(\d+)/.exec(line.trim());
    if (m === null) continue;
    const generated = m[1]!.replace(/^roles\//, '');
    const origin = originOfLine(c.provenance, generated, Number(m[2]));
    if (origin === null || origin.pointer === '') out.push(`${line.trim()}\n    (${c.tree.has(generated) || existsSync(join(layoutDir, m[1]!)) ? 'generated; no plan entry' : 'not generated'})`);
    else out.push(`${line.trim()}\n    from the plan: ${c.source.file}:${origin.line}:${origin.col} ${origin.pointer}: ${origin.rule}`);
  }
  return out.length > 0 ? out.join('\n') : output;
}

const stubsOf = (plan: UpdatePlan) => [
  ...plan.updateServices.alwaysBefore,
  ...plan.updateServices.containerSteps,
  ...(plan.updateSystem.openvswitch.tasks.kind === 'role' ? [{ role: plan.updateSystem.openvswitch.tasks.role, tasks: [plan.updateSystem.openvswitch.tasks.tasks] }] : []),
];

/**
 * The Molecule scenario playbooks are fixed text (templates/molecule), the
 * same bytes in every plan's tree, and most of an ansible-lint run's time
 * (its syntax-check rule runs ansible-playbook --syntax-check on each: about
 * three quarters of the default plan's lint, 2026-11-30). Each is linted
 * where it first appears (the cases run in order, in this one file); a later
 * case's copy of the same bytes at the same path is left out of its lint
 * layout. Their data files, different for each plan, are linted in every
 * case.
 */
const lintedScenarioPlaybooks = new Map<string, string>();
const SCENARIO_PLAYBOOK = /^[^/]+\/molecule\/[^/]+\/[^/]+\.yml$/u;

/** Removes from a lint layout the scenario playbooks an earlier case linted (same path, same bytes); returns how many. */
function leaveOutLintedScenarioPlaybooks(tree: FileTree, layout: CollectionLayout): number {
  let left = 0;
  for (const [path, text] of tree) {
    if (!SCENARIO_PLAYBOOK.test(path) || path.endsWith('/molecule.yml')) continue;
    if (lintedScenarioPlaybooks.get(path) === text) {
      rmSync(join(layout.dir, 'roles', path));
      left += 1;
    } else lintedScenarioPlaybooks.set(path, text);
  }
  return left;
}

for (const c of cases) {
  describe(`generated roles of the ${c.name}`, () => {
    let lint: CollectionLayout;
    let run: CollectionLayout;
    beforeAll(() => {
      requireToolchain();
      lint = collectionLayout(c.tree, c.plan.collection, c.plan.updateSystem.openvswitch.tasks.kind === 'role' ? stubsOf(c.plan).slice(-1) : []);
      const left = leaveOutLintedScenarioPlaybooks(c.tree, lint);
      if (left > 0) console.log(`ansible-lint on the ${c.name}: ${left} scenario playbooks left out, the same bytes as an earlier plan's, linted there`);
      run = collectionLayout(c.tree, c.plan.collection, stubsOf(c.plan));
    });
    afterAll(() => {
      rmSync(lint.root, { recursive: true, force: true });
      rmSync(run.root, { recursive: true, force: true });
    });

    it('pass ansible-lint, profile production, no rule skipped', () => {
      const r = runTool('ansible-lint', ['--profile', 'production', '--offline', '--strict', '--nocolor', '-f', 'pep8', '-c', '/dev/null', '.'], lint.dir, lint.root);
      console.log(`ansible-lint on the ${c.name}: ${r.seconds.toFixed(1)} s`);
      expect(r.status, explain(c, lint.dir, r.output)).toBe(0);
      expect(r.output).toMatch(/Passed: 0 failure\(s\), 0 warning\(s\)/);
      expect(r.output).toMatch(/Profile 'production' was required, and it passed/);
    });

    it('pass yamllint with the project configuration', () => {
      const r = runTool('yamllint', ['-c', join(ROOT, '.yamllint'), '-f', 'parsable', '.'], lint.dir);
      expect(r.status, explain(c, lint.dir, r.output)).toBe(0);
      expect(r.output).toBe('');
    });

    it('pass ansible-playbook --syntax-check, with the roles resolvable', () => {
      for (const playbook of ['update_services.yml', 'update_system.yml', 'update.yml']) {
        const r = runTool('ansible-playbook', ['--syntax-check', '-i', 'localhost,', join('playbooks', playbook)], run.dir, run.root);
        expect(r.status, `${playbook}\n${r.output}`).toBe(0);
        expect(r.output).toContain(`playbook: playbooks/${playbook}`);
      }
    });

    it('render their argument specs with ansible-doc', () => {
      for (const role of ['edpm_update_services', 'edpm_update_system']) {
        const r = runTool('ansible-doc', ['-t', 'role', `${c.plan.collection}.${role}`], run.dir, run.root);
        expect(r.status, r.output).toBe(0);
        const specs = readFileSync(join(run.dir, 'roles', role, 'meta', 'argument_specs.yml'), 'utf8');
        const options = [...specs.matchAll(/^ {6}([a-z_]+):$/gm)].map((m) => m[1]!);
        expect(options.length).toBeGreaterThan(3);
        for (const option of options) expect(r.output, option).toContain(option);
      }
    });
  });
}

describe('argument specs are enforced', () => {
  const c = cases[0]!;
  let run: CollectionLayout;
  beforeAll(() => {
    requireToolchain();
    run = collectionLayout(c.tree, c.plan.collection, stubsOf(c.plan));
  });
  afterAll(() => rmSync(run.root, { recursive: true, force: true }));

  /** Runs only a role's argument validation (tagged always) on localhost, with `vars`. */
  function validate(role: string, vars: Record<string, unknown>) {
    const playbook = join(run.dir, `validate-${role}.yml`);
    writeFileSync(
      playbook,
      stringify([{ name: 'Validate', hosts: 'localhost', connection: 'local', gather_facts: false, vars, tasks: [{ name: 'Role', 'ansible.builtin.import_role': { name: `${c.plan.collection}.${role}` } }] }]),
    );
    return runTool('ansible-playbook', ['-i', 'localhost,', '--tags', 'no-such-tag', playbook], run.dir, run.root);
  }

  it('accepts well-typed variables', () => {
    const r = validate('edpm_update_services', { edpm_update_services_include_packages: ['openstack-selinux'], edpm_service_types: ['ovn'] });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/Validating arguments against arg spec/);
  });

  it('rejects a wrongly typed variable of edpm_update_services with Ansible\'s validation error', () => {
    const r = validate('edpm_update_services', { edpm_update_services_include_packages: { a: 1 }, edpm_service_types: [] });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/Validation of arguments failed/);
    expect(r.output).toMatch(/edpm_update_services_include_packages/);
  });

  it('rejects a wrongly typed variable of edpm_update_system', () => {
    const r = validate('edpm_update_system', { edpm_update_system_enable_kpatch: 'maybe' });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/Validation of arguments failed/);
    expect(r.output).toMatch(/edpm_update_system_enable_kpatch/);
  });
});

describe('the lint check can fail', () => {
  it('reports a deliberately broken generated task, and traces it to the plan', () => {
    requireToolchain();
    const c = cases[0]!;
    const broken = new Map(c.tree);
    const file = 'edpm_update_services/tasks/containers.yml';
    const text = broken.get(file)!;
    const at = text.indexOf('- name: Run edpm_ovn run.yml for service type ovn\n');
    const whenLine = "  when: \"'ovn' in edpm_update_services_running_services\"\n";
    const cut = text.indexOf(whenLine, at) + whenLine.length;
    broken.set(file, `${text.slice(0, cut)}  ignore_errors: true\n${text.slice(cut)}`);
    const layout = collectionLayout(broken, c.plan.collection);
    try {
      const r = runTool('ansible-lint', ['--profile', 'production', '--offline', '--nocolor', '-f', 'pep8', '-c', '/dev/null', '.'], layout.dir, layout.root);
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(/roles\/edpm_update_services\/tasks\/containers\.yml:\d+.*ignore-errors/);
      const broke = { ...c, tree: broken };
      expect(explain(broke, layout.dir, r.output)).toMatch(/containers\.yml:\d+.*ignore-errors.*\n    from the plan: .*default\.yaml:\d+:\d+ \/updateServices\/containerSteps\/1\/tasks\/1/);
    } finally {
      rmSync(layout.root, { recursive: true, force: true });
    }
  });
});
