/**
 * `lint`: runs the project's ansible-lint (profile production, nothing
 * skipped) and yamllint (the project's .yamllint) from `.venv` on a built
 * output folder, laid out as a collection so that fully qualified role names
 * resolve, and re-reports each finding at its generated place and at the
 * plan entry behind it (from the provenance map).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileError, InputError } from '../core/diagnostics.js';
import { originOfLine, type PlanOrigin } from '../provenance/provenance-map.js';
import type { OutputProvenance } from '../provenance/explain.js';

/** One finding of a linter, at its generated place and its plan entry. */
export interface LintFinding {
  readonly tool: 'ansible-lint' | 'yamllint';
  /** Generated file, relative to the output folder. */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly origin: PlanOrigin | null;
}

/** The two roles and the playbooks: what is linted (the rest of the output is not Ansible content). */
const LINTED = ['edpm_update_services', 'edpm_update_system', 'playbooks'];

/** The collection name the playbooks call the roles by (`ns.name.edpm_update_services`). */
function collectionOf(root: string): string {
  const playbook = join(root, 'playbooks', 'update_services.yml');
  const m = existsSync(playbook) ? /([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)\.edpm_update_services\b/u.exec(readFileSync(playbook, 'utf8')) : null;
  if (m === null) throw new InputError([fileError(playbook, 'cannot tell the collection of the roles: no playbooks/update_services.yml naming <collection>.edpm_update_services')]);
  return m[1]!;
}

/** Runs both linters on the output folder of `out`, with the tools of `venvBin` and the yamllint settings `yamllintConfig`. */
export function lintOutput(out: OutputProvenance, venvBin: string, yamllintConfig: string): LintFinding[] {
  for (const tool of ['ansible-lint', 'yamllint']) {
    if (!existsSync(join(venvBin, tool))) {
      throw new InputError([fileError(join(venvBin, tool), 'the linters are missing: run bash scripts/python-env.sh (npm test does it)')]);
    }
  }
  const collection = collectionOf(out.root);
  const [ns, name] = collection.split('.') as [string, string];
  const tmp = mkdtempSync(join(tmpdir(), 'rolegen-lint-'));
  try {
    const dir = join(tmp, 'ansible_collections', ns, name);
    mkdirSync(join(dir, 'roles'), { recursive: true });
    for (const part of LINTED) {
      if (!existsSync(join(out.root, part))) continue;
      cpSync(join(out.root, part), part === 'playbooks' ? join(dir, part) : join(dir, 'roles', part), { recursive: true });
    }
    const env = { ...process.env, PATH: `${venvBin}:${process.env.PATH ?? ''}`, ANSIBLE_COLLECTIONS_PATH: tmp, ANSIBLE_NOCOLOR: '1', NO_COLOR: '1' };
    const run = (tool: string, args: string[]) => spawnSync(join(venvBin, tool), args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ansibleLint = run('ansible-lint', ['--profile', 'production', '--offline', '--strict', '-c', '/dev/null', '-f', 'pep8', '--nocolor', '.']);
    const yamllint = run('yamllint', ['-c', yamllintConfig, '-f', 'parsable', '.']);
    const findings = [...parseFindings('ansible-lint', ansibleLint.stdout, out), ...parseFindings('yamllint', yamllint.stdout, out)];
    if (ansibleLint.status !== 0 && findings.every((f) => f.tool !== 'ansible-lint')) {
      throw new Error(`ansible-lint failed without a finding: ${(ansibleLint.stderr || ansibleLint.stdout).trim().split('\n').slice(-5).join(' | ')}`);
    }
    return findings;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Findings printed as `path:line[:col]: message` (ansible-lint pep8, yamllint parsable). */
export function parseFindings(tool: LintFinding['tool'], output: string, out: OutputProvenance): LintFinding[] {
  const found: LintFinding[] = [];
  for (const raw of output.split('\n')) {
    const m = /^(?:\.\/)?((?:roles\/)?[^:\s]+):(\d+)(?::(\d+))?:\s*(.*)$/u.exec(raw.trim());
    if (m === null) continue;
    const file = m[1]!.replace(/^roles\//u, '');
    const line = Number(m[2]);
    found.push({ tool, file, line, col: m[3] === undefined ? 1 : Number(m[3]), message: m[4]!, origin: originOfLine(out.map, file, line) });
  }
  return found;
}
