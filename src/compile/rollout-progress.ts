/**
 * Node progress of a rolled-out phase: when the phase completes on a node,
 * the role records it there as a local fact (phase, rollout id, plan
 * identity, time); a later run given the same rollout id skips that node
 * and says so. A run without a rollout id, or with another one, ignores
 * the record, so a new minor update never skips a node. Emitted only for
 * the phases the plan rolls out: without a rollout, the role is unchanged.
 */
import { createHash } from 'node:crypto';
import type { UpdatePlan } from '../model/plan.js';
import { ROLLOUT_ID_VARIABLE } from '../model/rollout.js';
import type { RoleVariable } from './role-variable.js';
import { block, task, type Task } from './task.js';

/** Where the facts live on the node (Ansible's default `fact_path`). */
export const LOCAL_FACTS_DIR = '/etc/ansible/facts.d';

/** The names a phase's progress uses. */
export interface ProgressNames {
  /** The phase as recorded, e.g. `update-services`. */
  readonly phase: string;
  /** The role's variable holding the rollout id. */
  readonly rolloutIdVariable: string;
  /** The local fact's name: `ansible_local.<fact>`, file `<fact>.fact`. */
  readonly fact: string;
}

/** The progress names of a role. */
export function progressNames(role: string, phase: string): ProgressNames {
  return { phase, rolloutIdVariable: `${role}_rollout_id`, fact: `${role}_progress` };
}

/** The identity of a plan: SHA-256 of its validated model, as recorded on the nodes. */
export function planIdentity(plan: UpdatePlan): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16)}`;
}

/** The local fact's file on the node. */
export function progressFactFile(names: ProgressNames): string {
  return `${LOCAL_FACTS_DIR}/${names.fact}.fact`;
}

/** The time format of a record's `completed_at` (strftime, UTC). */
export const COMPLETED_AT_FORMAT = '%Y-%m-%dT%H:%M:%SZ';

/**
 * What a node records when it completed the phase, field by field: the
 * content of the local fact, which the role writes with `to_nice_json`
 * (its keys sorted), with `completed_at` the controller's time in
 * COMPLETED_AT_FORMAT. The role's values are Jinja expressions; a test
 * fixture of a recorded node gives plain ones.
 */
export function progressRecord(names: ProgressNames, rolloutId: string, identity: string, completedAt: string): Record<string, string> {
  return { phase: names.phase, rollout_id: rolloutId, plan: identity, completed_at: completedAt };
}

/** The role variable naming the rollout. */
export function rolloutIdRoleVariable(names: ProgressNames): RoleVariable {
  return {
    name: names.rolloutIdVariable,
    type: 'str',
    default: `{{ ${ROLLOUT_ID_VARIABLE} | default('') }}`,
    description: [
      'Id of the rollout this run belongs to (default: edpm_rollout_id, which the rollout and resume deployments pass).',
      `When set, a node that completed ${names.phase} under the same id is skipped, and completing it is recorded in the local fact ${names.fact}.`,
      'Empty: nothing is skipped or recorded.',
    ],
  };
}

const recorded = (names: ProgressNames): string => `(ansible_local.${names.fact} | default({}))`;

/** Tasks that end the play for a node that completed the phase under this rollout, saying so. */
export function progressSkipTasks(names: ProgressNames, tags: readonly string[]): Task[] {
  const fact = recorded(names);
  return [
    block(
      `Skip this node when it completed ${names.phase} under this rollout`,
      [
        task(
          `Say that this node completed ${names.phase} under this rollout`,
          'ansible.builtin.debug',
          {
            msg: `{{ inventory_hostname }}: ${names.phase} completed under rollout {{ ${names.rolloutIdVariable} }} at {{ ${fact}.completed_at | default('?') }} (plan {{ ${fact}.plan | default('?') }}): skipped`,
          },
          { tags },
        ),
        task('End the play for this node', 'ansible.builtin.meta', 'end_host', { tags }),
      ],
      {
        when: [`${names.rolloutIdVariable} | length > 0`, `(${fact}.rollout_id | default('')) == ${names.rolloutIdVariable}`],
        tags,
      },
    ),
  ];
}

/** The record's fields known only on the node: given as Jinja expressions, not literals. */
const RUN_TIME_FIELDS: ReadonlySet<string> = new Set(['rollout_id', 'completed_at']);

/** The record as a Jinja dict: the phase and the plan (compiler-made names) as literals, the rollout id from its variable, the time from the controller. */
function recordExpression(names: ProgressNames, identity: string): string {
  const record = progressRecord(names, names.rolloutIdVariable, identity, `now(utc=true).strftime('${COMPLETED_AT_FORMAT}')`);
  const fields = Object.entries(record).map(([k, v]) => `'${k}': ${RUN_TIME_FIELDS.has(k) ? v : `'${v}'`}`);
  return `{${fields.join(', ')}}`;
}

/** Tasks that record, as the role's last step, that the phase completed on the node. */
export function progressRecordTasks(names: ProgressNames, identity: string, tags: readonly string[]): Task[] {
  return [
    block(
      `Record that ${names.phase} completed on this node under this rollout`,
      [
        task('Create the local facts folder', 'ansible.builtin.file', { path: LOCAL_FACTS_DIR, state: 'directory', mode: '0755' }, { tags }),
        task(
          `Write the local fact ${names.fact}`,
          'ansible.builtin.copy',
          {
            dest: progressFactFile(names),
            content: `{{ ${recordExpression(names, identity)} | to_nice_json }}\n`,
            mode: '0644',
          },
          { tags },
        ),
      ],
      { when: `${names.rolloutIdVariable} | length > 0`, become: true, tags },
    ),
  ];
}
