/**
 * `init`: writes a plan file derived from a roles tree, to start a plan of
 * one's own. To stdout without `--out`; never overwrites a file unless
 * `--force`; written to a temporary file and renamed, so never half-written.
 */
import { lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileError, InputError } from '../core/diagnostics.js';
import { describeIoError, ioErrorAdvice } from '../core/io-error.js';
import { loadPlanFile } from '../plan/load.js';
import { builtInPlanPath } from '../package-root.js';
import { derivePlanText } from '../roles-tree/derive-plan.js';
import { scanRolesTree } from '../roles-tree/scan.js';
import { EXIT, type CliIo } from './io.js';

/** Derives a plan from the tree and prints or writes it. */
export function initCommand(opts: { roles: string; out?: string; force?: boolean }, io: CliIo): number {
  const facts = scanRolesTree(opts.roles);
  const text = derivePlanText(facts, loadPlanFile(builtInPlanPath()));
  for (const p of facts.problems) io.err(`${p.file}: ${p.severity}: ${p.message}\n`);
  if (opts.out === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  const existing = kindOf(opts.out);
  if (existing === 'folder') throw new InputError([fileError(opts.out, 'is a folder; give the path of the plan file to write, e.g. my-plan.yaml')]);
  if (existing === 'other' && opts.force !== true) {
    throw new InputError([fileError(opts.out, 'the file exists; use --force to overwrite it')]);
  }
  const temporary = join(dirname(opts.out), `.${basename(opts.out)}.edpm-rolegen-${process.pid}`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, opts.out);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw new InputError([fileError(opts.out, `cannot write the plan file: ${describeIoError(err)}; ${ioErrorAdvice(err)}`)]);
  }
  io.out(`wrote a plan for ${facts.roles.length} roles to ${opts.out}\n`);
  return EXIT.ok;
}

function kindOf(path: string): 'folder' | 'other' | null {
  try {
    return lstatSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return null;
  }
}
