import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { collectionLayout, requireToolchain, runTool, stubsOf, type CollectionLayout } from '../support/ansible-toolchain.js';
import { describeGeneratedRoles, explain, generatedCase, leaveOutLintedEarlier } from '../support/generated-cases.js';

// The generated roles of the built-in plan read by the real Ansible tools
// (test/support/generated-cases.ts), their argument specs enforced by
// Ansible, and a broken task that the lint reports. The other plans' roles:
// generated-roles-examples.test.ts and generated-roles-large.test.ts (files
// of their own, so that their lint runs spread over both test workers).
describeGeneratedRoles('default plan');

describe('argument specs are enforced', () => {
  const c = generatedCase('default plan');
  let run: CollectionLayout;
  beforeAll(() => {
    requireToolchain();
    run = collectionLayout(c.tree, c.plan.collection, stubsOf(c.plan));
  });
  afterAll(() => rmSync(run.root, { recursive: true, force: true }));

  /** Runs only a role's argument validation (tagged always) on localhost, with `vars`. */
  function validate(role: string, vars: Record<string, unknown>) {
    const playbook = join(run.dir, `validate-${role}.yml`);
    // ansible_local defined: the roles' first task (local facts, tagged always, become) is skipped, only the validation runs.
    writeFileSync(
      playbook,
      stringify([{ name: 'Validate', hosts: 'localhost', connection: 'local', gather_facts: false, vars: { ...vars, ansible_local: {} }, tasks: [{ name: 'Role', 'ansible.builtin.import_role': { name: `${c.plan.collection}.${role}` } }] }]),
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
    const c = generatedCase('default plan');
    const broken = new Map(c.tree);
    const file = 'edpm_update_services/tasks/containers.yml';
    const text = broken.get(file)!;
    const at = text.indexOf('- name: Run edpm_ovn run.yml for service type ovn\n');
    const whenLine = "  when: \"'ovn' in edpm_update_services_running_services\"\n";
    const cut = text.indexOf(whenLine, at) + whenLine.length;
    broken.set(file, `${text.slice(0, cut)}  ignore_errors: true\n${text.slice(cut)}`);
    const layout = collectionLayout(broken, c.plan.collection);
    try {
      // The Molecule scenario playbooks are the default plan's bytes, linted with it (above): the broken task is what this lint is for.
      expect(leaveOutLintedEarlier(broken, layout, 1)).toBeGreaterThan(0);
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
