/**
 * `import --role DIR [--out FILE] [--force] [--check]`: the plan of a
 * hand-written edpm_update_services role. What the plan cannot hold is
 * reported on stderr at its file:line (exit 1); `--check` compiles the plan
 * and prints the semantic differences of the generated role from the
 * hand-written one on stdout, nothing when they are equivalent.
 */
import { statSync } from 'node:fs';
import { fileError, formatDiagnostic, InputError, printable } from '../core/diagnostics.js';
import { describeIoError } from '../core/io-error.js';
import { parsePlan } from '../plan/load.js';
import { checkImport, importRole } from '../import/import-role.js';
import { formatDifference } from '../import/semantic-diff.js';
import { EXIT, type CliIo } from './io.js';
import { checkPlanOutput, outputPlanText } from './plan-file-output.js';

export function importCommand(opts: { role: string; out?: string; force?: boolean; check?: boolean }, io: CliIo): number {
  try {
    if (!statSync(opts.role).isDirectory()) throw new InputError([fileError(opts.role, 'not a folder: give the folder of the edpm_update_services role')]);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([fileError(opts.role, `cannot read the role folder: ${describeIoError(err)}`)]);
  }
  if (opts.out !== undefined) checkPlanOutput(opts.out, opts.force === true);
  const imported = importRole(opts.role);
  const planName = opts.out ?? '(imported plan)';
  // Never hand out a plan that does not load: its errors would name the plan, not the role.
  parsePlan(imported.plan.text, planName);
  for (const d of imported.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  const leftOut = imported.diagnostics.filter((d) => d.severity === 'error').length;
  if (opts.check === true) {
    if (opts.out !== undefined) outputPlanText(imported.plan.text, opts.out, opts.force === true, io);
    const differences = checkImport(imported, planName);
    for (const d of differences) io.out(`${printable(formatDifference(d))}\n`);
    io.err(`${differences.length} semantic difference(s) between ${printable(opts.role)} and the role compiled from its imported plan; ${leftOut} part(s) left out\n`);
    return differences.length === 0 && leftOut === 0 ? EXIT.ok : EXIT.failure;
  }
  if (outputPlanText(imported.plan.text, opts.out, opts.force === true, io)) {
    io.err(`wrote the plan of ${printable(opts.role)} to ${printable(opts.out!)}\n`);
  }
  if (leftOut > 0) io.err(`${leftOut} part(s) of the role could not be represented and were left out of the plan\n`);
  return leftOut === 0 ? EXIT.ok : EXIT.failure;
}
