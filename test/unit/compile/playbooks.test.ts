import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { LEGACY_VARIABLES } from '../../../src/compile/legacy-variables.js';
import { loadPlanFile } from '../../../src/plan/load.js';
import { defaultPlanData, planFrom, yamlOf } from '../../support/plans.js';
import { ROOT } from '../../support/paths.js';

const BOTH_PHASES = join(ROOT, 'test', 'fixtures', 'plans', 'rollout-both-phases.yaml');
/** The keywords of a play that say which hosts run and how many at a time, and when the play stops. */
const PLAY_KEYWORDS = ['hosts', 'strategy', 'gather_facts', 'serial', 'any_errors_fatal', 'max_fail_percentage'] as const;
const keywordsOf = (play: Record<string, unknown>) => Object.fromEntries(PLAY_KEYWORDS.filter((k) => k in play).map((k) => [k, play[k]]));
/** The variables a play's set_fact tasks map from the monolithic role's names. */
const mappedIn = (play: { tasks: any[] }) => play.tasks.filter((t) => 'ansible.builtin.set_fact' in t).flatMap((t) => Object.keys(t['ansible.builtin.set_fact']));
const includedIn = (play: { tasks: any[] }) => play.tasks.filter((t) => 'ansible.builtin.include_role' in t).map((t) => t['ansible.builtin.include_role'].name);

describe('the combined playbooks/update.yml', () => {
  it('is one play running both roles when the plan rolls nothing out', () => {
    const tree = compilePlan(planFrom(defaultPlanData()));
    const plays = yamlOf(tree, 'playbooks/update.yml');
    expect(plays).toHaveLength(1);
    expect(plays[0].serial).toBeUndefined();
    expect(plays[0].any_errors_fatal).toBe('{{ edpm_any_errors_fatal | default(true) }}');
    expect(includedIn(plays[0])).toEqual(['osp.edpm.edpm_update_system', 'osp.edpm.edpm_update_services']);
  });

  it('has one play per phase, system first, each with the batches and budget of its phase playbook, when the plan rolls both out', () => {
    const tree = compilePlan(loadPlanFile(BOTH_PHASES));
    const plays = yamlOf(tree, 'playbooks/update.yml');
    expect(plays.map((p: any) => p.name)).toEqual(['Update the EDPM system packages', 'Update the EDPM services']);
    const [system, services] = plays;
    expect(keywordsOf(system)).toEqual(keywordsOf(yamlOf(tree, 'playbooks/update_system.yml')[0]));
    expect(keywordsOf(services)).toEqual(keywordsOf(yamlOf(tree, 'playbooks/update_services.yml')[0]));
    // (the phase playbooks' own values, so that the comparison above cannot pass on two empty plays)
    expect(system.serial).toBe("{{ edpm_update_system_serial | default([1, '50%', '100%']) }}");
    expect(services.serial).toBe("{{ edpm_update_services_serial | default([1, 2, 2, '100%']) }}");
    expect(services.max_fail_percentage).toBe('{{ edpm_update_services_max_fail_percentage | default(0) }}');
    expect(system.max_fail_percentage).toMatch(/^\{\{ edpm_update_system_max_fail_percentage \| default\(\(1 \+ 0\.5\) \* 100 \/ /u);
    // a literal false: ansible-core reads a templated any_errors_fatal as true (ansible/ansible#61025), the budget would never apply
    expect(system.any_errors_fatal).toBe(false);
    expect(services.any_errors_fatal).toBe(false);
    expect(includedIn(system)).toEqual(['osp.edpm.edpm_update_system']);
    expect(includedIn(services)).toEqual(['osp.edpm.edpm_update_services']);
    for (const play of plays) expect(play.environment).toBe('{{ edpm_playbook_environment | default({}) }}');
  });

  it("maps each monolithic name in the play of the role it stands for, every one exactly once, before that role runs", () => {
    const [system, services] = yamlOf(compilePlan(loadPlanFile(BOTH_PHASES)), 'playbooks/update.yml');
    const all = LEGACY_VARIABLES.flatMap((v) => v.current.map((c) => c.name));
    expect([...mappedIn(system), ...mappedIn(services)].sort()).toEqual([...all].sort());
    expect(mappedIn(system).every((n: string) => n.startsWith('edpm_update_system_'))).toBe(true);
    expect(mappedIn(services).every((n: string) => n.startsWith('edpm_update_services_'))).toBe(true);
    for (const play of [system, services]) expect(play.tasks.at(-1)).toHaveProperty('ansible.builtin.include_role');
  });

  it("keeps today's keywords in the play of a phase the plan does not roll out", () => {
    const data = defaultPlanData();
    data.rollout = { updateServices: { canary: 1, waves: ['25%'], failureBudget: '10%' } };
    const tree = compilePlan(planFrom(data));
    const [system, services] = yamlOf(tree, 'playbooks/update.yml');
    expect(keywordsOf(system)).toEqual({
      hosts: "{{ edpm_override_hosts | default('all', true) }}",
      strategy: 'linear',
      gather_facts: '{{ gather_facts | default(false) }}',
      any_errors_fatal: '{{ edpm_any_errors_fatal | default(true) }}',
      max_fail_percentage: '{{ edpm_max_fail_percentage | default(0) }}',
    });
    expect(keywordsOf(system)).toEqual(keywordsOf(yamlOf(tree, 'playbooks/update_system.yml')[0]));
    expect(keywordsOf(services)).toEqual(keywordsOf(yamlOf(tree, 'playbooks/update_services.yml')[0]));
    expect(services.serial).toBe("{{ edpm_update_services_serial | default([1, '25%', '100%']) }}");
    expect(services.max_fail_percentage).toBe('{{ edpm_update_services_max_fail_percentage | default(10) }}');
  });
});
