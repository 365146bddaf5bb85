/**
 * `lint [--out DIR] [--json]`: ansible-lint and yamllint on a built output
 * folder, each finding shown at its generated place and its plan entry;
 * once per run, a warning when the plan file is no longer the text the
 * folder was built from, and once per file with findings, when the file is
 * not what the build wrote (either way the findings' plan positions may be
 * stale), as `explain` gives.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileError, fileWarning, formatDiagnostic, InputError, printable, printableJson } from '../core/diagnostics.js';
import { lintOutput } from '../lint/lint-output.js';
import { packageRoot } from '../package-root.js';
import { readOutputProvenance, readPlanOnDisk } from '../provenance/explain.js';
import { generatedFileChecker } from './generated-file-warning.js';
import { planStateWarning } from './plan-state-warning.js';
import { EXIT, shownPath, type CliIo } from './io.js';

export function lintCommand(opts: { out?: string; json?: boolean }, io: CliIo, defaultOut: () => string): number {
  const venvBin = join(packageRoot(), '.venv', 'bin');
  if (!existsSync(join(venvBin, 'ansible-lint')) && !existsSync(join(packageRoot(), 'scripts', 'python-env.sh'))) {
    // An installed package (npm) ships neither the pinned linters nor the script that makes them.
    throw new InputError([
      fileError(join(venvBin, 'ansible-lint'), 'lint runs the linters pinned in a checkout of edpm-rolegen (its .venv, made by bash scripts/python-env.sh), which an installed package does not ship: run it from a checkout (node dist/edpm-rolegen.mjs lint --out DIR)'),
    ]);
  }
  const out = readOutputProvenance(opts.out ?? defaultOut());
  const plan = shownPath(out.planPath);
  const planNow = readPlanOnDisk(out);
  const warning = planStateWarning(plan, planNow, 'lint');
  const warnings = warning === null ? [] : [formatDiagnostic(warning)];
  // Said before the linters run (they take a while); on stderr (the findings stay on stdout), and in the JSON for tools.
  for (const w of warnings) io.err(`${w}\n`);
  const findings = lintOutput(out, venvBin, join(packageRoot(), '.yamllint'));
  // A file with findings that is not what the build wrote (a hand edit): its lines may have moved since the map was written.
  const changed = generatedFileChecker(out.root, shownPath, 'lint');
  for (const file of new Set(findings.map((f) => f.file))) {
    const why = changed(file);
    if (why === null) continue;
    const w = formatDiagnostic(fileWarning(shownPath(join(out.root, file)), why));
    warnings.push(w);
    io.err(`${w}\n`);
  }
  if (opts.json === true) {
    io.out(`${printableJson({ root: shownPath(out.root), plan, planState: planNow.state, warnings, findings })}\n`);
  } else {
    for (const f of findings) {
      io.out(`${printable(`${shownPath(join(out.root, f.file))}:${f.line}:${f.col}: ${f.tool}: ${f.message}`)}\n`);
      const o = f.origin;
      io.out(o === null ? '    from the plan: (no entry)\n' : `    from the plan: ${printable(`${plan}:${o.line}:${o.col} ${o.pointer === '' ? '(fixed text, no plan entry)' : o.pointer}: ${o.rule}`)}\n`);
    }
    io.err(`${findings.length} finding(s) in ${printable(shownPath(out.root))}\n`);
  }
  return findings.length === 0 ? EXIT.ok : EXIT.failure;
}
