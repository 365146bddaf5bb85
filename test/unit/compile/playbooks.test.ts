import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { LEGACY_VARIABLES } from '../../../src/compile/legacy-variables.js';
import { loadPlanFile } from '../../../src/plan/load.js';
import { selectedByTags } from '../../../src/show/node-run.js';
import { allTasks, defaultPlanData, planFrom, yamlOf } from '../../support/plans.js';
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

  it('runs the mapping and includes each role under any tag selection that selects a task of it, and skips a role only by its tags', () => {
    // Tags on include_role do not reach the role's tasks; an include a selection leaves out runs none of
    // them, and the mapping left out runs the roles on the new names' defaults. Selection as Ansible makes it
    // (src/show's model, held to ansible-playbook --list-tasks by test/toolchain/tag-selection.test.ts).
    for (const tree of [compilePlan(planFrom(defaultPlanData())), compilePlan(loadPlanFile(BOTH_PHASES))]) {
      const tasks = yamlOf(tree, 'playbooks/update.yml').flatMap((play: any) => play.tasks);
      const mapping = tasks.filter((t: any) => 'ansible.builtin.set_fact' in t);
      expect(mapping.length).toBe(LEGACY_VARIABLES.flatMap((v) => v.current).length);
      for (const role of ['edpm_update_system', 'edpm_update_services']) {
        const include = tasks.find((t: any) => t['ansible.builtin.include_role']?.name === `osp.edpm.${role}`);
        const roleTasks = [...tree.keys()].filter((f) => f.startsWith(`${role}/tasks/`)).flatMap((f) => allTasks(yamlOf(tree, f)));
        // (`--skip-tags always` skips what it names: not a selection of a role's tasks.)
        const tags = [...new Set(roleTasks.flatMap((t: any) => t.tags ?? []))].filter((t) => t !== 'always');
        for (const [only, skip] of tags.flatMap((t) => [[[t], []], [[], [t]]] as const)) {
          if (!roleTasks.some((t: any) => selectedByTags(t.tags ?? [], only, skip))) continue;
          const at = `--tags ${only.join()} --skip-tags ${skip.join()}`;
          expect(selectedByTags(include.tags, only, skip), `${role} included under ${at}`).toBe(true);
          for (const m of mapping) expect(selectedByTags(m.tags ?? [], only, skip), `${m.name} under ${at}`).toBe(true);
        }
        expect(selectedByTags(include.tags, [], [role]), `--skip-tags ${role}`).toBe(false);
      }
    }
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
