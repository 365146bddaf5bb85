/**
 * Where `init` and `import` put the plan they make: stdout without `--out`;
 * else a file, never overwritten without `--force`, written to a temporary
 * file beside it and renamed, so never half-written.
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
export function checkPlanOutput(out: string, force: boolean): void {
  const existing = kindOf(out);
  if (existing === 'folder') throw new InputError([fileError(out, 'is a folder; give the path of the plan file to write, e.g. my-plan.yaml')]);
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
  checkPlanOutput(out, force);
  const temporary = join(dirname(out), `.${basename(out)}.edpm-rolegen-${process.pid}`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, out);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw new InputError([fileError(out, `cannot write the plan file: ${describeIoError(err)}; ${ioErrorAdvice(err)}`)]);
  }
  return true;
}

function kindOf(path: string): 'folder' | 'other' | null {
  try {
    return lstatSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return null;
  }
}
