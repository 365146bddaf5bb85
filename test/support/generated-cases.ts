/**
 * The plans whose generated roles the toolchain tests read with the real
 * Ansible tools (test/toolchain/generated-roles*.test.ts), and the checks
 * each case gets: ansible-lint (profile production, no rule skipped),
 * yamllint, ansible-playbook --syntax-check with the roles resolvable,
 * ansible-doc of both argument specs. The cases are split over several test
 * files so that their linter runs spread over both test workers; which
 * Molecule scenario playbook a case lints does not depend on which files
 * run, or in what order (see `lintedEarlier`).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePlan } from '../../src/compile/compile-plan.js';
import type { FileTree } from '../../src/model/file-tree.js';
import type { UpdatePlan } from '../../src/model/plan.js';
import { parsePlanWithSource, readPlanText } from '../../src/plan/load.js';
import type { SourceMap } from '../../src/plan/source-map.js';
import { compileWithProvenance } from '../../src/provenance/compile-with-provenance.js';
import { originOfLine, type ProvenanceMap } from '../../src/provenance/provenance-map.js';
import { collectionLayout, requireToolchain, runTool, stubsOf, type CollectionLayout } from './ansible-toolchain.js';
import { DEFAULT_PLAN, ROOT } from './paths.js';

/** A plan of `n` service types, for the large case. */
function largePlanText(n: number): string {
  const containerSteps = Array.from({ length: n }, (_, i) => ({ serviceType: `service-${i}`, role: `edpm_service_${i}`, tasks: ['update', i % 2 === 0 ? 'run' : 'install'] }));
  return stringify({ updateServices: { essentialPackages: ['openstack-selinux', 'podman'], containerSteps } });
}

/** A plan of the list: its name in the tests, its text and the file it is shown as. */
interface PlanSource {
  readonly name: string;
  readonly text: () => string;
  readonly file: string;
}

/** Every plan, in the order that decides where a Molecule scenario playbook is linted (its first case). */
const PLANS: readonly PlanSource[] = [
  { name: 'default plan', text: () => readPlanText(DEFAULT_PLAN), file: DEFAULT_PLAN },
  { name: 'minimal plan', text: () => readPlanText(join(ROOT, 'plans/examples/minimal.yaml')), file: 'plans/examples/minimal.yaml' },
  { name: 'downstream plan', text: () => readPlanText(join(ROOT, 'plans/examples/downstream.yaml')), file: 'plans/examples/downstream.yaml' },
  { name: 'rollout plan (canary, waves, failure budget)', text: () => readPlanText(join(ROOT, 'plans/examples/rollout.yaml')), file: 'plans/examples/rollout.yaml' },
  {
    name: 'rollout plan with a budget in nodes',
    text: () => readPlanText(join(ROOT, 'plans/examples/rollout.yaml')).replace('failureBudget: 0', 'failureBudget: 1').replace('waves: [2, 2]', 'waves: [2, "25%"]'),
    file: 'rollout-nodes-budget.yaml',
  },
  { name: 'rollout plan of both phases (update.yml: a play per phase)', text: () => readPlanText(join(ROOT, 'test/fixtures/plans/rollout-both-phases.yaml')), file: 'test/fixtures/plans/rollout-both-phases.yaml' },
  { name: 'large plan (300 service types)', text: () => largePlanText(300), file: 'large.yaml' },
];

export interface Case {
  readonly name: string;
  readonly plan: UpdatePlan;
  readonly source: SourceMap;
  readonly tree: FileTree;
  /** Where each generated line comes from in the plan. */
  readonly provenance: ProvenanceMap;
}

const compiled = new Map<number, Case>();

/** The case at `index` of the list, compiled once a test file. */
function caseAt(index: number): Case {
  let c = compiled.get(index);
  if (c === undefined) {
    const p = PLANS[index]!;
    const { plan, source } = parsePlanWithSource(p.text(), p.file);
    c = { name: p.name, plan, source, tree: compilePlan(plan), provenance: compileWithProvenance(plan, source, p.file).map };
    compiled.set(index, c);
  }
  return c;
}

/** The case of that name. */
export function generatedCase(name: string): Case {
  const index = PLANS.findIndex((p) => p.name === name);
  if (index < 0) throw new Error(`no case named ${name}`);
  return caseAt(index);
}

/**
 * One line per problem a tool reported as `path:line...`, with the plan
 * entry behind it where there is one: `plan.yaml:12:7 /updateServices/...`.
 */
export function explain(c: Case, layoutDir: string, output: string): string {
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

/**
 * The Molecule scenario playbooks are fixed text (templates/molecule), the
 * same bytes in every plan's tree, and most of an ansible-lint run's time
 * (its syntax-check rule runs ansible-playbook --syntax-check on each: about
 * three quarters of the default plan's lint, 2026-11-30). Each is linted
 * with the first case of the list (PLANS) whose tree has it; a later case's
 * copy of the same bytes at the same path is left out of its lint layout.
 * Their data files, different for each plan, are linted in every case.
 * Decided from the list alone, so the same whichever test files run, in
 * whatever order.
 */
const SCENARIO_PLAYBOOK = /^[^/]+\/molecule\/[^/]+\/[^/]+\.yml$/u;

/** The scenario playbooks of `tree` that a case before `before` in the list has, the same bytes at the same path (linted there). */
export function lintedEarlier(tree: FileTree, before: number): string[] {
  const earlier = Array.from({ length: before }, (_, i) => caseAt(i).tree);
  return [...tree]
    .filter(([path, text]) => SCENARIO_PLAYBOOK.test(path) && !path.endsWith('/molecule.yml') && earlier.some((t) => t.get(path) === text))
    .map(([path]) => path);
}

/** Removes from a lint layout the scenario playbooks of `tree` that a case before `before` lints; returns how many. */
export function leaveOutLintedEarlier(tree: FileTree, layout: CollectionLayout, before: number): number {
  const paths = lintedEarlier(tree, before);
  for (const path of paths) rmSync(join(layout.dir, 'roles', path));
  return paths.length;
}

/** ansible-lint as the tests run it: profile production, nothing skipped, no configuration file, strict (warnings fail). */
export const ANSIBLE_LINT_ARGS = ['--profile', 'production', '--offline', '--strict', '--nocolor', '-f', 'pep8', '-c', '/dev/null', '.'];

/** What ansible-doc printed of the role `name` (fully qualified) among others: from its `> ROLE:` line to the next role's; '' when it is not there. */
function roleSection(output: string, name: string): string {
  const heading = new RegExp(`^> ROLE: \\*?${name.replaceAll('.', '\\.')}\\*? `, 'mu');
  const start = output.search(heading);
  if (start < 0) return '';
  const next = output.indexOf('\n> ROLE: ', start + 1);
  return output.slice(start, next < 0 ? undefined : next);
}

/** The checks of the generated roles of the case named `name`. */
export function describeGeneratedRoles(name: string): void {
  const index = PLANS.findIndex((p) => p.name === name);
  if (index < 0) throw new Error(`no case named ${name}`);
  const c = caseAt(index);
  describe(`generated roles of the ${c.name}`, () => {
    let lint: CollectionLayout;
    let run: CollectionLayout;
    beforeAll(() => {
      requireToolchain();
      lint = collectionLayout(c.tree, c.plan.collection, c.plan.updateSystem.openvswitch.tasks.kind === 'role' ? stubsOf(c.plan).slice(-1) : []);
      const left = leaveOutLintedEarlier(c.tree, lint, index);
      if (left > 0) console.log(`ansible-lint on the ${c.name}: ${left} scenario playbooks left out, the same bytes as an earlier plan's, linted there`);
      run = collectionLayout(c.tree, c.plan.collection, stubsOf(c.plan));
    });
    afterAll(() => {
      rmSync(lint.root, { recursive: true, force: true });
      rmSync(run.root, { recursive: true, force: true });
    });

    it('pass ansible-lint, profile production, no rule skipped', () => {
      const r = runTool('ansible-lint', ANSIBLE_LINT_ARGS, lint.dir, lint.root);
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
      const playbooks = ['update_services.yml', 'update_system.yml', 'update.yml'];
      // One ansible-playbook run checks the three and names each; when one does not pass, the run fails and names none.
      const r = runTool('ansible-playbook', ['--syntax-check', '-i', 'localhost,', ...playbooks.map((p) => join('playbooks', p))], run.dir, run.root);
      for (const playbook of playbooks) {
        expect(r.status, `${playbook}\n${r.output}`).toBe(0);
        expect(r.output).toContain(`playbook: playbooks/${playbook}`);
      }
    });

    it('render their argument specs with ansible-doc', () => {
      const roles = ['edpm_update_services', 'edpm_update_system'];
      // One ansible-doc run renders both, each under a `> ROLE: name (path)` line of its own.
      const r = runTool('ansible-doc', ['-t', 'role', ...roles.map((role) => `${c.plan.collection}.${role}`)], run.dir, run.root);
      for (const role of roles) {
        expect(r.status, r.output).toBe(0);
        const doc = roleSection(r.output, `${c.plan.collection}.${role}`);
        const specs = readFileSync(join(run.dir, 'roles', role, 'meta', 'argument_specs.yml'), 'utf8');
        const options = [...specs.matchAll(/^ {6}([a-z_]+):$/gm)].map((m) => m[1]!);
        expect(options.length).toBeGreaterThan(3);
        for (const option of options) expect(doc, option).toContain(option);
      }
    });
  });
}
