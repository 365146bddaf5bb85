/**
 * `lint`: runs the project's ansible-lint (profile production, nothing
 * skipped) and yamllint (the project's .yamllint) from `.venv` on a built
 * output folder, laid out as a collection so that fully qualified role names
 * resolve, and re-reports each finding at its generated place and at the
 * plan entry behind it (from the provenance map).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isRealFolder, readBoundedRegularFile } from '../core/bounded-file.js';
import { compareStrings } from '../core/compare.js';
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

/** Largest generated file copied for the linters (the largest of a 5,000-service plan is some MB). */
const MAX_LINTED_BYTES = 64 * 1024 * 1024;

/** The collection name the playbooks call the roles by (`ns.name.edpm_update_services`). */
function collectionOf(root: string): string {
  const playbook = join(root, 'playbooks', 'update_services.yml');
  // Read as the linters' copies are (a FIFO there blocked lint for ever).
  const text = readBoundedRegularFile(playbook, MAX_LINTED_BYTES, 'generated file', 'build the folder again')?.toString('utf8');
  const m = text === undefined ? null : /([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)\.edpm_update_services\b/u.exec(text);
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
    for (const [rel, bytes] of generatedContent(out)) {
      const to = rel.startsWith('playbooks/') ? join(dir, rel) : join(dir, 'roles', rel);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, bytes);
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

/**
 * The generated files the linters read: those of the two roles and the
 * playbooks that the provenance map lists, as YAML or Markdown, each read
 * as a regular file inside the output folder (never through a link).
 * Nothing else of the folder is copied: ansible-lint imports the plugins
 * it finds beside the playbooks and in the roles (a `filter_plugins/*.py`
 * left in `playbooks/` ran when the whole folders were copied), and the
 * map, a file of the folder, may name any path, so the kind of file is
 * checked too.
 */
function generatedContent(out: OutputProvenance): [string, Buffer][] {
  const files: [string, Buffer][] = [];
  for (const rel of [...out.map.files.keys()].sort(compareStrings)) {
    const parts = rel.split('/');
    if (!LINTED.includes(parts[0]!) || !/\.(?:ya?ml|md)$/u.test(rel) || parts.some((p) => p === '' || p === '.' || p === '..')) continue;
    if (parts.slice(0, -1).some((_, i) => !isRealFolder(join(out.root, ...parts.slice(0, i + 1))))) continue;
    const bytes = readBoundedRegularFile(join(out.root, rel), MAX_LINTED_BYTES, 'generated file', 'build the folder again');
    if (bytes !== null) files.push([rel, bytes]);
  }
  return files;
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
