/**
 * `init`: writes a plan file derived from a roles tree, to start a plan of
 * one's own. To stdout without `--out`; never overwrites a file unless
 * `--force`; written to a temporary file and renamed, so never half-written
 * (`plan-file-output.ts`). `init --from-role DIR` is `import --role DIR`.
 */
import { formatDiagnostic, printable } from '../core/diagnostics.js';
import { loadPlanFile } from '../plan/load.js';
import { builtInPlanPath } from '../package-root.js';
import { derivePlanText } from '../roles-tree/derive-plan.js';
import { scanRolesTree } from '../roles-tree/scan.js';
import { EXIT, type CliIo } from './io.js';
import { outputPlanText } from './plan-file-output.js';

/** Derives a plan from the tree and prints or writes it. */
export function initCommand(opts: { roles: string; out?: string; force?: boolean }, io: CliIo): number {
  const facts = scanRolesTree(opts.roles);
  const text = derivePlanText(facts, loadPlanFile(builtInPlanPath()));
  // As discover prints them: file:line:col, names escaped (a folder named with a newline or an escape sequence forges no line).
  for (const p of facts.problems) io.err(`${formatDiagnostic(p)}\n`);
  if (outputPlanText(text, opts.out, opts.force === true, io)) io.out(`wrote a plan for ${facts.roles.length} roles to ${printable(opts.out!)}\n`);
  return EXIT.ok;
}
