import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireToolchain, runTool } from '../support/ansible-toolchain.js';
import { ROOT } from '../support/paths.js';

// The Molecule scenarios have no syntax step of their own (their
// test_sequence, templates/molecule): the generated trees' ansible-lint runs
// (generated-roles*.test.ts, each plan's whole tree, scenarios included) run
// `ansible-playbook --syntax-check` on every playbook of every scenario, as
// ansible-lint takes `**/molecule/*/*.yml` for playbooks. Here: a scenario's
// converge with a broken task is reported there, by that rule.
describe('the syntax check of the Molecule scenario playbooks', () => {
  let dir: string;
  beforeAll(() => {
    requireToolchain();
    dir = mkdtempSync(join(tmpdir(), 'rolegen-scenario-syntax-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is ansible-lint's syntax-check: a broken task of a scenario's converge fails it, named there", () => {
    const scenario = join('roles', 'edpm_update_services', 'molecule', 'update_services');
    cpSync(join(ROOT, 'dist-roles', 'edpm_update_services', 'molecule', 'update_services'), join(dir, scenario), { recursive: true });
    // A keyword no task has, on the converge's last task.
    appendFileSync(join(dir, scenario, 'converge.yml'), '      no_such_keyword: true\n');
    const r = runTool('ansible-lint', ['--profile', 'production', '--offline', '--strict', '--nocolor', '-f', 'pep8', '-c', '/dev/null', '.'], dir);
    expect(r.status, r.output).not.toBe(0);
    expect(r.output).toMatch(new RegExp(`^${scenario.replaceAll('/', '\\/')}/converge\\.yml:\\d+:\\d+: syntax-check\\[specific\\].*no_such_keyword`, 'mu'));
  });
});
