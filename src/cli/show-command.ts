/**
 * `show --services a,b [-e key=value|{...}|@FILE]... [--bootc] [--tags T] [--skip-tags T] [--plan FILE] [--roles DIR] [--json]`:
 * the exact sequence a node would run in each phase, each step with the
 * plan entry behind it.
 */
import { realpathSync } from 'node:fs';
import { fileError, InputError, printable } from '../core/diagnostics.js';
import { readBoundedRegularFile } from '../core/bounded-file.js';
import { describeIoError } from '../core/io-error.js';
import { decodeUtf8 } from '../core/utf8-text.js';
import { loadExtraVars, varsFilePath } from '../show/extra-vars.js';
import { matchesGrammar, serviceType } from '../model/names.js';
import { loadPlanFileWithSource } from '../plan/load.js';
import { pointerSegments, positionOf } from '../plan/source-map.js';
import { builtInPlanPath } from '../package-root.js';
import { nodeRun } from '../show/node-run.js';
import { scanRolesTree } from '../roles-tree/scan.js';
import { taskFileNamesOf } from '../roles-tree/facts.js';
import { EXIT, shownPath, type CliIo } from './io.js';

/** Largest `-e @FILE` read, in bytes: a file of variables has no use for more. */
export const MAX_VARS_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The text of an `-e @FILE`, found where ansible-playbook looks for it
 * (`varsFilePath`: relative to the working folder, `$VAR` and `~` expanded)
 * and read through a link as Ansible does, but only a regular file within
 * the size limit (never a FIFO or a device) and strictly UTF-8.
 */
export function readVarsFile(given: string): string {
  const path = varsFilePath(given, process.cwd(), process.env);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (err) {
    throw new InputError([fileError(path, `cannot read the -e @ file: ${describeIoError(err)}`)]);
  }
  const bytes = readBoundedRegularFile(real, MAX_VARS_FILE_BYTES, '-e @ file', 'give a regular file of variables');
  if (bytes === null) throw new InputError([fileError(path, 'cannot read the -e @ file: it does not exist')]);
  const text = decodeUtf8(bytes, path);
  if (text.startsWith('$ANSIBLE_VAULT;')) throw new InputError([fileError(path, 'the -e @ file is encrypted with Ansible Vault: show cannot decrypt it; give its variables decrypted')]);
  return text;
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
  const { vars, notes } = loadExtraVars(opts.extraVars ?? [], readVarsFile);
  const tags = commaList(opts.tags) ?? [];
  const skipTags = commaList(opts.skipTags) ?? [];
  // With the roles tree the roles were built with, task files are named as they exist there (update.yaml stays update.yaml).
  const taskFile = opts.roles === undefined ? undefined : taskFileNamesOf(scanRolesTree(opts.roles));
  const phases = nodeRun(plan, { services, vars, bootc: opts.bootc === true, tags, skipTags, ...(taskFile === undefined ? {} : { taskFile }) });
  // The plan file as explain and lint name it: relative to the working folder when below it, else absolute.
  const planShown = shownPath(source.file);
  /** The plan entry of a step: its place in the plan file, null for the compiler's fixed steps. */
  const entry = (pointer: string): { file: string; line: number; col: number; pointer: string } | null => {
    if (pointer === '') return null;
    const at = positionOf(source, pointerSegments(pointer));
    return { file: planShown, line: at.line, col: at.col, pointer };
  };
  const where = (pointer: string): string => {
    const e = entry(pointer);
    return e === null ? '' : `${e.file}:${e.line}:${e.col} ${e.pointer}`;
  };
  if (opts.json === true) {
    // Shaped as explain --json: the plan file once at the top, each step's entry as {file, line, col, pointer}.
    const doc = {
      plan: planShown,
      services,
      vars,
      notes,
      bootc: opts.bootc === true,
      tags,
      skipTags,
      phases: phases.map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s, plan: entry(s.from) })) })),
    };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const note of notes) io.out(`note: ${printable(note)}\n`);
  for (const phase of phases) {
    const selection = [tags.length > 0 ? `--tags ${tags.join(',')}` : '', skipTags.length > 0 ? `--skip-tags ${skipTags.join(',')}` : ''].filter((x) => x !== '').join(' ');
    const about = phase.phase === 'update-services' ? `, service types: ${servicesText(services, vars)}` : opts.bootc === true ? ', bootc host' : '';
    io.out(`${phase.phase} (${phase.role})${about}${selection === '' ? '' : `, ${selection}`}\n`);
    for (const note of phase.notes) io.out(`  note: ${printable(note)}\n`);
    phase.steps.forEach((step, i) => {
      const at = where(step.from);
      io.out(`  ${String(i + 1).padStart(2)}. ${printable(step.text)}${at === '' ? '' : `\n      from ${printable(at)}`}\n`);
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
