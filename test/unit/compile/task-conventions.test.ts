import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../src/compile/compile-plan.js';
import { loadPlanFile } from '../../../src/plan/load.js';
import { DEFAULT_PLAN } from '../../support/paths.js';
import { allTasks, editedPlan, yamlOf } from '../../support/plans.js';

const plans = {
  default: loadPlanFile(DEFAULT_PLAN),
  ovsFromRole: editedPlan((d) => {
    d.updateSystem.openvswitch.tasks = { role: 'edpm_ovs', tasks: 'update' };
  }),
};

/** Keywords that are not the module of a task. */
const KEYWORDS = new Set(['name', 'notify', 'vars', 'register', 'until', 'retries', 'delay', 'check_mode', 'changed_when', 'failed_when', 'when', 'become', 'tags', 'block']);
/** Modules that only include other tasks or decide without touching the node. */
const NO_BECOME = new Set(['ansible.builtin.import_tasks', 'ansible.builtin.include_tasks', 'ansible.builtin.include_role', 'ansible.builtin.import_role', 'ansible.builtin.fail', 'ansible.builtin.assert', 'ansible.builtin.meta', 'ansible.builtin.set_fact']);

for (const [label, plan] of Object.entries(plans)) {
  describe(`task conventions (${label} plan)`, () => {
    const tree = compilePlan(plan);
    const taskFiles = [...tree.keys()].filter((p) => /^edpm_update_[a-z]+\/tasks\/.+\.yml$/.test(p));

    it('generates task files for both roles', () => {
      expect(taskFiles.filter((p) => p.startsWith('edpm_update_services/')).length).toBeGreaterThanOrEqual(3);
      expect(taskFiles.filter((p) => p.startsWith('edpm_update_system/')).length).toBeGreaterThanOrEqual(5);
    });

    for (const file of taskFiles) {
      const role = file.split('/')[0]!;
      const tasks = allTasks(yamlOf(tree, file));

      it(`${file}: every task has a capitalised name and the role's tags`, () => {
        expect(tasks.length).toBeGreaterThan(0);
        for (const t of tasks) {
          expect(t.name).toMatch(/^[A-Z]/);
          expect(t.tags.slice(0, 2)).toEqual(['edpm_update', role]);
        }
      });

      it(`${file}: every task that acts on the node runs with become, an include as the plan step says`, () => {
        for (const t of tasks) {
          if (t.block !== undefined) continue;
          const modules = Object.keys(t).filter((k) => !KEYWORDS.has(k));
          expect(modules).toHaveLength(1);
          const module = modules[0]!;
          if (module === 'ansible.builtin.include_role') {
            const [, role, file] = /^Run (\S+) (\S+)\.yml /u.exec(t.name)!;
            const step = [...plan.updateServices.alwaysBefore, ...plan.updateServices.containerSteps].find((s) => s.role === role && s.tasks.includes(file!))!;
            expect(t[module].apply.become === true, t.name).toBe(step.become.includes(file!));
          } else if (!NO_BECOME.has(module)) expect(t.become, `${t.name} (${module})`).toBe(true);
        }
      });

      it(`${file}: modules are named by their fully qualified names`, () => {
        for (const t of tasks) {
          if (t.block !== undefined) continue;
          const module = Object.keys(t).find((k) => !KEYWORDS.has(k))!;
          expect(module.split('.')).toHaveLength(3);
        }
      });
    }
  });
}
