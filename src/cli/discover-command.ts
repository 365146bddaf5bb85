/**
 * `discover`: what a roles tree offers for a minor update, audited against a
 * plan. A table for people, `--json` for machines.
 */
import { formatDiagnostic } from '../core/diagnostics.js';
import { loadPlanFileWithSource } from '../plan/load.js';
import { builtInPlanPath } from '../package-root.js';
import { auditCounts, auditRolesTree, type AuditReport } from '../roles-tree/audit.js';
import { scanRolesTree } from '../roles-tree/scan.js';
import { EXIT, type CliIo } from './io.js';

/**
 * The `--json` document: `{ root, plan, roles: RoleReport[], diagnostics:
 * Diagnostic[], summary: { errors, warnings, notes } }`, where each role has
 * `name`, `path`, `entryPoints` (of update, run, install), `taskFiles`, `rule`
 * (`{ tasks, reason }` or null), `serviceTypes` (`[{ name, source: plan|guess }]`)
 * and `planSteps` (JSON pointers into the plan).
 */
export interface DiscoverJson extends AuditReport {
  readonly plan: string;
  readonly summary: { errors: number; warnings: number; notes: number };
}

/** Audits the plan (default: the built-in one) against the roles tree and prints the result. */
export function discoverCommand(opts: { roles: string; plan?: string; json?: boolean }, io: CliIo): number {
  const planPath = opts.plan ?? builtInPlanPath();
  const { plan, source } = loadPlanFileWithSource(planPath);
  const report = auditRolesTree(scanRolesTree(opts.roles), plan, source);
  const summary = auditCounts(report);
  if (opts.json === true) {
    const doc: DiscoverJson = { ...report, plan: planPath, summary };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.out(rolesTable(report));
    for (const d of report.diagnostics) io.out(`${formatDiagnostic(d)}\n`);
    io.out(`${report.roles.length} roles; ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notes} notes\n`);
  }
  return summary.errors > 0 ? EXIT.failure : EXIT.ok;
}

/** The human table: one role a row. */
export function rolesTable(report: AuditReport): string {
  const head = ['ROLE', 'ENTRY POINTS', 'RULE SELECTS', 'CONTAINERS', 'SERVICE TYPE', 'PLAN STEPS'];
  const rows = report.roles.map((r) => [
    r.name,
    r.entryPoints.join(', ') || '-',
    r.rule === null ? '-' : r.rule.tasks.join(', '),
    r.rule === null ? '-' : r.ignored ? 'ignored' : r.containers === null ? 'none' : 'yes',
    r.serviceTypes.map((t) => (t.source === 'guess' ? `${t.name} (guess)` : t.name)).join(', ') || '-',
    r.planSteps.length === 0 ? '-' : r.planSteps.map((p) => p.replace(/^\/updateServices\/containerSteps\//u, '#').replace(/^\/updateServices\/alwaysBefore\//u, 'before#')).join(', '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}\n`;
  return [head, ...rows].map(line).join('');
}
