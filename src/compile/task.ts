/**
 * Ansible tasks as data. Each builder puts the keys in one fixed order
 * (name first, block last, as ansible-lint's key-order rule wants), so every
 * generated task reads the same way.
 */

import { matchesGrammar, serviceType as serviceTypeGrammar } from '../model/names.js';

/** A task or block, ready for the YAML serializer. */
export type Task = Record<string, unknown>;

/** The keywords a generated task may carry besides its module. */
export interface TaskKeywords {
  readonly vars?: Record<string, unknown>;
  readonly register?: string;
  readonly until?: string;
  /** A number, or a Jinja expression of one. */
  readonly retries?: number | string;
  readonly delay?: number | string;
  readonly checkMode?: boolean;
  readonly changedWhen?: string | boolean;
  readonly failedWhen?: string | boolean;
  readonly when?: string | readonly string[];
  readonly become?: boolean;
  readonly tags: readonly string[];
}

/** A task calling one module with its arguments. */
export function task(name: string, module: string, args: Record<string, unknown> | string | null, keywords: TaskKeywords): Task {
  return { name, [module]: args, ...keywordFields(keywords) };
}

/** A block of tasks sharing keywords. */
export function block(name: string, tasks: readonly Task[], keywords: TaskKeywords): Task {
  return { name, ...keywordFields(keywords), block: [...tasks] };
}

function keywordFields(k: TaskKeywords): Task {
  const out: Task = {};
  if (k.vars !== undefined) out.vars = k.vars;
  if (k.register !== undefined) out.register = k.register;
  if (k.until !== undefined) out.until = k.until;
  if (k.retries !== undefined) out.retries = k.retries;
  if (k.delay !== undefined) out.delay = k.delay;
  if (k.checkMode !== undefined) out.check_mode = k.checkMode;
  if (k.changedWhen !== undefined) out.changed_when = k.changedWhen;
  if (k.failedWhen !== undefined) out.failed_when = k.failedWhen;
  if (k.when !== undefined) out.when = typeof k.when === 'string' ? k.when : [...k.when];
  if (k.become !== undefined) out.become = k.become;
  if (k.tags.length > 0) out.tags = [...k.tags];
  return out;
}

/** A Jinja expression testing that a (grammar-checked) service type is in a list variable. */
export function serviceTypeIn(serviceType: string, listVariable: string): string {
  if (!matchesGrammar(serviceTypeGrammar, serviceType)) {
    throw new Error(`internal error: service type ${JSON.stringify(serviceType)} reached Jinja unchecked`);
  }
  return `'${serviceType}' in ${listVariable}`;
}
