/**
 * `show --services a,b [-e key=value]... [--bootc] [--tags T] [--skip-tags T] [--plan FILE] [--roles DIR] [--json]`:
 * the exact sequence a node would run in each phase, each step with the
 * plan entry behind it.
 */
import { relative } from 'node:path';
import { parse } from 'yaml';
import { fileError, InputError } from '../core/diagnostics.js';
import { matchesGrammar, serviceType } from '../model/names.js';
import { loadPlanFileWithSource } from '../plan/load.js';
import { pointerSegments, positionOf } from '../plan/source-map.js';
import { builtInPlanPath } from '../package-root.js';
import { nodeRun } from '../show/node-run.js';
import { scanRolesTree } from '../roles-tree/scan.js';
import { taskFileNamesOf } from '../roles-tree/facts.js';
import { EXIT, type CliIo } from './io.js';

/** Extra variables as `ansible-playbook -e` takes them: `key=value` (the value read as YAML) or a YAML/JSON mapping. */
export function parseExtraVars(args: readonly string[]): Record<string, unknown> {
  // No prototype: `__proto__` is a variable name like any other, as in Ansible, not a way to give
  // every variable a value the output does not show.
  const vars: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const arg of args) {
    const bad = (why: string): never => {
      throw new InputError([{ severity: 'error', file: '-e', line: 1, col: 1, path: '', message: `${JSON.stringify(arg)}: ${why}` }]);
    };
    if (arg.trim().startsWith('{')) {
      let value: unknown;
      try {
        value = parse(arg, { version: '1.1' });
      } catch (err) {
        bad(`not a YAML or JSON mapping (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) bad('not a mapping');
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) vars[key] = v;
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq <= 0) bad('expected key=value');
    const key = arg.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/u.test(key)) bad('the key is not a variable name');
    const text = arg.slice(eq + 1);
    try {
      vars[key] = text === '' ? '' : parse(text, { version: '1.1' });
    } catch {
      vars[key] = text;
    }
  }
  return vars;
}

/** A comma-separated list of an option, as ansible-playbook reads `--tags`; null when the option is not given. */
function commaList(value: string | undefined): string[] | null {
  return value === undefined ? null : value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

export function showCommand(
  opts: { plan?: string; services?: string; extraVars?: string[]; bootc?: boolean; tags?: string; skipTags?: string; roles?: string; json?: boolean },
  io: CliIo,
): number {
  const planFile = opts.plan ?? builtInPlanPath();
  const { plan, source } = loadPlanFileWithSource(planFile);
  // not given: edpm_service_types is not set (the role then fails), unless -e sets it
  const services = commaList(opts.services);
  const badServices = (services ?? []).filter((s) => !matchesGrammar(serviceType, s));
  if (badServices.length > 0) {
    throw new InputError(badServices.map((s) => fileError('<command line>', `--services: ${JSON.stringify(s)} is not a service type: expected ${serviceType.rule}`)));
  }
  const vars = parseExtraVars(opts.extraVars ?? []);
  const tags = commaList(opts.tags) ?? [];
  const skipTags = commaList(opts.skipTags) ?? [];
  // With the roles tree the roles were built with, task files are named as they exist there (update.yaml stays update.yaml).
  const taskFile = opts.roles === undefined ? undefined : taskFileNamesOf(scanRolesTree(opts.roles));
  const phases = nodeRun(plan, { services, vars, bootc: opts.bootc === true, tags, skipTags, ...(taskFile === undefined ? {} : { taskFile }) });
  const where = (pointer: string): string => {
    if (pointer === '') return '';
    const at = positionOf(source, pointerSegments(pointer));
    return `${displayPath(source.file)}:${at.line}:${at.col} ${pointer}`;
  };
  if (opts.json === true) {
    const doc = {
      plan: planFile,
      services,
      vars,
      bootc: opts.bootc === true,
      tags,
      skipTags,
      phases: phases.map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s, at: where(s.from) })) })),
    };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const phase of phases) {
    const selection = [tags.length > 0 ? `--tags ${tags.join(',')}` : '', skipTags.length > 0 ? `--skip-tags ${skipTags.join(',')}` : ''].filter((x) => x !== '').join(' ');
    const about = phase.phase === 'update-services' ? `, service types: ${servicesText(services, vars)}` : opts.bootc === true ? ', bootc host' : '';
    io.out(`${phase.phase} (${phase.role})${about}${selection === '' ? '' : `, ${selection}`}\n`);
    phase.steps.forEach((step, i) => {
      const at = where(step.from);
      io.out(`  ${String(i + 1).padStart(2)}. ${step.text}${at === '' ? '' : `\n      from ${at}`}\n`);
    });
  }
  return EXIT.ok;
}

/** The service types the node runs, as the header says them: -e edpm_service_types overrides --services, as on a node. */
function servicesText(services: readonly string[] | null, vars: Record<string, unknown>): string {
  if (Object.hasOwn(vars, 'edpm_service_types')) {
    const v = vars.edpm_service_types;
    return `${Array.isArray(v) ? v.map(String).join(', ') || '(none)' : JSON.stringify(v)} (-e edpm_service_types)`;
  }
  return services === null ? '(not set)' : services.join(', ') || '(none)';
}

/** A path relative to the working folder when it is below it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
