/**
 * Every string field of a plan file, as a path into the built-in plan and a
 * way to set it, so that tests can put any value in any field.
 */
import { defaultPlanData } from './plans.js';

/** A field: its JSON pointer and a setter on plan data. */
export interface PlanField {
  readonly pointer: string;
  readonly set: (plan: Record<string, any>, value: string) => void;
}

const at = (path: (string | number)[]): PlanField => ({
  pointer: `/${path.join('/')}`,
  set: (plan, value) => {
    let node: any = plan;
    for (const key of path.slice(0, -1)) node = node[key];
    node[path.at(-1)!] = value;
  },
});

/** Every string-valued field of the built-in plan, and the role form of the Open vSwitch step. */
export const PLAN_FIELDS: readonly PlanField[] = [
  at(['collection']),
  at(['ignoredRoles', 0]),
  at(['updateServices', 'essentialPackages', 0]),
  at(['updateServices', 'alwaysExcludedPackages', 3]),
  at(['updateServices', 'alwaysBefore', 0, 'role']),
  at(['updateServices', 'alwaysBefore', 0, 'tasks', 0]),
  at(['updateServices', 'containerSteps', 0, 'serviceType']),
  at(['updateServices', 'containerSteps', 0, 'role']),
  at(['updateServices', 'containerSteps', 0, 'tasks', 0]),
  // edpm_frr's step: become: [run]
  at(['updateServices', 'containerSteps', 2, 'become', 0]),
  at(['updateSystem', 'openvswitch', 'tasks']),
  {
    pointer: '/updateSystem/openvswitch/tasks/role',
    set: (plan, value) => {
      plan.updateSystem.openvswitch.tasks = { role: value, tasks: 'update' };
    },
  },
  {
    pointer: '/updateSystem/openvswitch/tasks/tasks',
    set: (plan, value) => {
      plan.updateSystem.openvswitch.tasks = { role: 'edpm_ovs', tasks: value };
    },
  },
  at(['updateSystem', 'openvswitch', 'packages', 0]),
  at(['updateSystem', 'openvswitch', 'serviceName']),
  at(['updateSystem', 'includePackages', 0]),
  at(['updateSystem', 'alwaysExcludedPackages', 1]),
  at(['updateSystem', 'kpatch', 'kernelPackages', 0]),
  at(['updateSystem', 'bootc', 'rebootRequiredFile']),
];

/** The built-in plan with one more always-excluded package in each phase, so that index 3 / 1 exist. */
export function hostileBase(): Record<string, any> {
  const plan = defaultPlanData();
  plan.updateServices.alwaysExcludedPackages.push('placeholder');
  plan.updateSystem.alwaysExcludedPackages.push('placeholder');
  return plan;
}
