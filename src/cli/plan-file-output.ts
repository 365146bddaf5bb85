/**
 * Where `init` and `import` put the plan they make, and `rollout` and
 * `resume` their deployments: stdout without `--out`; else a file, never
 * a folder, never overwritten without `--force`, written to a temporary
 * file beside it and renamed, so never half-written. The rename replaces
 * whatever has the name, so an `--out` that is a symbolic link, a device,
 * a FIFO or a socket is refused even with `--force`: renamed over, a link
 * would become a file (its target left as it was) and `/dev/stdout` or
 * `/dev/null` a regular file, for every program on the machine.
 */
import { lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileError, InputError } from '../core/diagnostics.js';
import { describeIoError, ioErrorAdvice } from '../core/io-error.js';
import type { CliIo } from './io.js';

/**
 * Refuses an `--out` that cannot take the plan: a folder, or an existing
 * file without `--force`. Called before any work, and again before writing.
 */
export function checkPlanOutput(out: string, force: boolean, what: OutputKind = PLAN_FILE): void {
  const existing = kindOf(out);
  if (existing === 'folder') throw new InputError([fileError(out, `is a folder; give the path of the ${what.name} to write, e.g. ${what.example}`)]);
  if (existing === 'link') throw new InputError([fileError(out, `is a symbolic link; give the file it points to, or another path for the ${what.name}`)]);
  if (existing === 'special') {
    throw new InputError([fileError(out, `is not a regular file (a device, FIFO or socket); leave out --out to print the ${what.name} to standard output, or give the path of a file, e.g. ${what.example}`)]);
  }
  if (existing === 'other' && !force) {
    throw new InputError([fileError(out, 'the file exists; use --force to overwrite it')]);
  }
}

/** Prints the plan (no `out`) or writes it; returns whether it went to a file. */
export function outputPlanText(text: string, out: string | undefined, force: boolean, io: CliIo): boolean {
  if (out === undefined) {
    io.out(text);
    return false;
  }
  writeWholeFile(out, text, force, PLAN_FILE);
  return true;
}

/** What a command writes with --out, for its messages. */
export interface OutputKind {
  readonly name: string;
  readonly example: string;
}

const PLAN_FILE: OutputKind = { name: 'plan file', example: 'my-plan.yaml' };

/**
 * Writes `text` to the file `out` whole or not at all (a temporary file
 * beside it, renamed over it): refused when `out` is a folder, or exists
 * and `force` is not given; no temporary file is left behind on failure.
 */
export function writeWholeFile(out: string, text: string, force: boolean, what: OutputKind): void {
  checkPlanOutput(out, force, what);
  const temporary = join(dirname(out), `.${basename(out)}.edpm-rolegen-${process.pid}`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, out);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw new InputError([fileError(out, `cannot write the ${what.name}: ${describeIoError(err)}; ${ioErrorAdvice(err)}`)]);
  }
}

function kindOf(path: string): 'folder' | 'link' | 'special' | 'other' | null {
  try {
    const stat = lstatSync(path);
    if (stat.isDirectory()) return 'folder';
    if (stat.isSymbolicLink()) return 'link';
    return stat.isFile() ? 'other' : 'special';
  } catch {
    return null;
  }
}
