/**
 * `explain FILE[:LINE] [--out DIR] [--json]`: for a generated file and line,
 * the plan entry that made it and the rule; for a line of the plan, every
 * generated line it made. Either way, a warning when the plan file is no
 * longer the text the map was built from (its positions may be stale), and
 * when the generated file was edited since the build.
 */
import { resolve } from 'node:path';
import { fileError, fileWarning, formatDiagnostic, InputError, printable, printableJson, type Diagnostic } from '../core/diagnostics.js';
import { checkPlanLine, explainGenerated, explainPlanLine, findOutputRoot, isPlanOf, parseTarget, readOutputProvenance, readPlanOnDisk, type Explanation } from '../provenance/explain.js';
import { generatedFileChecker } from './generated-file-warning.js';
import { planStateWarning } from './plan-state-warning.js';
import { EXIT, shownPath, type CliIo } from './io.js';

export function explainCommand(target: string, opts: { out?: string; json?: boolean }, io: CliIo, defaultOut: () => string): number {
  const { file, line } = parseTarget(target);
  const byFile = opts.out === undefined ? findOutputRoot(file) : null;
  const out = readOutputProvenance(opts.out ?? byFile ?? defaultOut());
  let answers: Explanation[];
  let reverse = false;
  const plan = shownPath(out.planPath);
  const planNow = readPlanOnDisk(out);
  const warnings: Diagnostic[] = [];
  if (isPlanOf(out, file)) {
    if (line === null) throw new InputError([fileError(file, 'give a line of the plan: explain PLAN:LINE')]);
    // A plan that cannot be read is refused, as before; a missing one is answered from the map as built.
    if (planNow.problem !== null) throw planNow.problem;
    if (planNow.text !== null) checkPlanLine(file, line, planNow.text);
    answers = explainPlanLine(out, line);
    reverse = true;
  } else {
    answers = explainGenerated(out, file, line);
    const rel = answers[0]?.file;
    const edited = rel === undefined ? null : generatedFileChecker(out.root, shownPath, 'explain')(rel, resolve(file));
    if (edited !== null) warnings.push(fileWarning(file, edited));
  }
  const planWarning = planStateWarning(plan, planNow, 'explain');
  if (planWarning !== null) warnings.push(planWarning);
  // Warnings on stderr (the answers stay on stdout), and in the JSON for tools.
  for (const w of warnings) io.err(`${formatDiagnostic(w)}\n`);
  if (opts.json === true) {
    io.out(
      `${printableJson(
        {
          target,
          root: shownPath(out.root),
          plan,
          planState: planNow.state,
          warnings: warnings.map(formatDiagnostic),
          direction: reverse ? 'plan-to-generated' : 'generated-to-plan',
          answers: answers.map((a) => ({
            file: a.file,
            fromLine: a.fromLine,
            toLine: a.toLine,
            plan: { file: plan, line: a.origin.line, col: a.origin.col, pointer: a.origin.pointer },
            rule: a.origin.rule,
          })),
        },
      )}\n`,
    );
    return EXIT.ok;
  }
  // Text lines with paths escaped (as in diagnostics): a path cannot forge a line nor reach the terminal as an escape sequence.
  if (answers.length === 0) io.out(`${printable(target)}: no generated line comes from here\n`);
  for (const a of answers) {
    const generated = `${shownPath(resolve(out.root, a.file))}:${a.fromLine}${a.toLine !== a.fromLine ? `-${a.toLine}` : ''}`;
    const origin = a.origin.pointer === '' ? `${plan} (no plan entry)` : `${plan}:${a.origin.line}:${a.origin.col} ${a.origin.pointer}`;
    io.out(printable(reverse ? `${origin} -> ${generated}: ${a.origin.rule}` : `${generated}: ${origin}: ${a.origin.rule}`) + '\n');
  }
  return EXIT.ok;
}
