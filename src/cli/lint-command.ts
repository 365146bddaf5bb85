/**
 * `lint [--out DIR] [--json]`: ansible-lint and yamllint on a built output
 * folder, each finding shown at its generated place and its plan entry.
 */
import { join, relative } from 'node:path';
import { lintOutput } from '../lint/lint-output.js';
import { packageRoot } from '../package-root.js';
import { readOutputProvenance } from '../provenance/explain.js';
import { EXIT, type CliIo } from './io.js';

export function lintCommand(opts: { out?: string; json?: boolean }, io: CliIo, defaultOut: () => string): number {
  const out = readOutputProvenance(opts.out ?? defaultOut());
  const findings = lintOutput(out, join(packageRoot(), '.venv', 'bin'), join(packageRoot(), '.yamllint'));
  const show = (p: string): string => {
    const rel = relative(process.cwd(), p);
    return rel === '' || rel.startsWith('..') ? p : rel;
  };
  const plan = show(out.planPath);
  if (opts.json === true) {
    io.out(`${JSON.stringify({ root: show(out.root), plan, findings }, null, 2)}\n`);
  } else {
    for (const f of findings) {
      io.out(`${show(join(out.root, f.file))}:${f.line}:${f.col}: ${f.tool}: ${f.message}\n`);
      const o = f.origin;
      io.out(o === null ? '    from the plan: (no entry)\n' : `    from the plan: ${plan}:${o.line}:${o.col} ${o.pointer === '' ? '(fixed text, no plan entry)' : o.pointer}: ${o.rule}\n`);
    }
    io.err(`${findings.length} finding(s) in ${show(out.root)}\n`);
  }
  return findings.length === 0 ? EXIT.ok : EXIT.failure;
}
