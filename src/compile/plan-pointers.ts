/**
 * The JSON pointers of a plan's steps and of their task files, as the
 * origins of the generated output name them (provenance): each made once
 * per plan and then the same string wherever it is named. A step of a
 * 5,000-service plan is named by the README's rows, its flowchart, its tags
 * table and the scenarios' data, each task file by its include task and the
 * scenario's journal: the provenance map looks every origin up by its
 * pointer, and a string just built is hashed on its first lookup (and made
 * flat on its first read), once per string object, not once per value.
 */
import type { UpdatePlan } from '../model/plan.js';

/** The lists of steps of `updateServices`. */
export type StepList = 'alwaysBefore' | 'containerSteps';

/** The pointers of a plan's steps, made when first asked for. */
export interface PlanPointers {
  /** `/updateServices/<list>/<i>` */
  step(list: StepList, i: number): string;
  /** `/updateServices/<list>/<i>/tasks/<j>` */
  stepTask(list: StepList, i: number, j: number): string;
}

/** By plan (plans are frozen), its pointers: they live as long as the plan, as its scenario data do (molecule/scenarios.ts). */
const made = new WeakMap<UpdatePlan, PlanPointers>();

/** The pointers of a plan's steps (the same object, and the same strings, for the same plan). */
export function planPointers(plan: UpdatePlan): PlanPointers {
  let pointers = made.get(plan);
  if (pointers === undefined) {
    pointers = newPlanPointers();
    made.set(plan, pointers);
  }
  return pointers;
}

function newPlanPointers(): PlanPointers {
  const steps: Record<StepList, string[]> = { alwaysBefore: [], containerSteps: [] };
  const tasks: Record<StepList, string[][]> = { alwaysBefore: [], containerSteps: [] };
  const step = (list: StepList, i: number): string => (steps[list][i] ??= `/updateServices/${list}/${i}`);
  return {
    step,
    stepTask: (list, i, j) => ((tasks[list][i] ??= [])[j] ??= `${step(list, i)}/tasks/${j}`),
  };
}
