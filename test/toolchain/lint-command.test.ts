import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requireToolchain } from '../support/ansible-toolchain.js';
import { rolegenProcess, runRolegen } from '../support/cli.js';
import type { LinterRuns } from '../support/linter-runs.js';
import { examples, mismatch } from '../support/readme-examples.js';
import { CLI, DEFAULT_PLAN } from '../support/paths.js';

// `lint` run in-process (runRolegen) twice on the same files, as text then
// --json, runs the real linters once: the second run gets the first run's
// linter output (test/support/linter-runs.ts, keyed by the files' bytes) and
// lays out, reads and prints the findings itself. The executable's runs
// (rolegenProcess, child processes) always run the linters.
const linters = vi.hoisted(() => ({ runs: undefined as LinterRuns | undefined }));
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:child_process')>();
  const { linterRuns } = await import('../support/linter-runs.js');
  linters.runs = linterRuns(real.spawnSync);
  return { ...real, spawnSync: linters.runs.spawnSync };
});

// `edpm-rolegen lint`: the project's real ansible-lint and yamllint (.venv)
// on a built output folder; each finding is shown where it is and at the
// plan entry that made the line.
describe('edpm-rolegen lint', () => {
  let dir: string;
  beforeAll(() => {
    requireToolchain();
    dir = mkdtempSync(join(tmpdir(), 'rolegen-lint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds nothing in a fresh build, exit 0; after the README's hand edit, prints what the README shows, exit 1", () => {
    // As the README's reader: a plan of their own (the quick start's copy of the built-in one), built, then linted, in their folder.
    const cwd = mkdtempSync(join(dir, 'reader-'));
    copyFileSync(DEFAULT_PLAN, join(cwd, 'my-plan.yaml'));
    expect(rolegenProcess(['build', '--plan', 'my-plan.yaml', '--out', 'my-roles'], cwd).status).toBe(0);
    // Both streams as a terminal shows them, in the order the command writes them.
    const lint = () => spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" lint --out my-roles 2>&1`], { cwd, encoding: 'utf8' });
    const fresh = lint();
    // The plan as built: no warning before the count.
    expect(fresh.stdout).toBe('0 finding(s) in my-roles\n');
    expect(fresh.status).toBe(0);
    const example = examples().find((e) => e.command === 'edpm-rolegen lint --out my-roles');
    expect(example).toBeDefined();
    // The README's hand edit: a space left at the end of line 56 of containers.yml.
    const containers = join(cwd, 'my-roles', 'edpm_update_services', 'tasks', 'containers.yml');
    const lines = readFileSync(containers, 'utf8').split('\n');
    lines[55] = `${lines[55]} `;
    writeFileSync(containers, lines.join('\n'));
    const edited = lint();
    expect(edited.status).toBe(1);
    expect(mismatch(example!.shown, edited.stdout.replace(/\n$/u, '').split('\n')), edited.stdout).toBeNull();
  });

  it('re-reports a finding in a generated file at its plan entry, exit 1; once each, a warning that the plan and the file were edited since the build', async () => {
    const out = join(dir, 'edited');
    const plan = join(dir, 'plan.yaml');
    copyFileSync(DEFAULT_PLAN, plan);
    expect((await runRolegen(['build', '--plan', plan, '--out', out])).status).toBe(0);
    // The plan edited after the build: a line added at the top moves every entry down, and the map does not know it.
    writeFileSync(plan, `# reviewed by hand\n${readFileSync(plan, 'utf8')}`);
    const warning = `${plan}:1:1: warning: edited since the build (its SHA-256 is not the one in the provenance map): plan lines may have moved, so the plan positions of the findings may be stale; build again, then lint, to trace the findings to the plan as it is`;
    const containers = join(out, 'edpm_update_services', 'tasks', 'containers.yml');
    const lines = readFileSync(containers, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('name: osp.edpm.edpm_ovn')) + 1;
    // a hand edit a linter flags: trailing spaces (yamllint) and a short module name (ansible-lint fqcn)
    lines[at - 1] = `${lines[at - 1]}   `;
    const module = lines.findLastIndex((l, i) => i < at && l.includes('ansible.builtin.include_role:'));
    lines[module] = lines[module]!.replace('ansible.builtin.include_role:', 'include_role:');
    writeFileSync(containers, lines.join('\n'));
    const r = await runRolegen(['lint', '--out', out]);
    expect(r.status).toBe(1);
    const findings = r.stdout.split('\n');
    const trailing = findings.findIndex((l) => l.startsWith(`${containers}:${at}:`) && l.includes('yamllint') && l.includes('trailing-spaces'));
    expect(trailing, r.stdout).toBeGreaterThanOrEqual(0);
    expect(findings[trailing + 1]).toMatch(/^ {4}from the plan: .*:\d+:\d+ \/updateServices\/containerSteps\/1\/tasks\/0: include of a task file/u);
    expect(findings[trailing + 1]!.startsWith(`    from the plan: ${plan}:`)).toBe(true);
    // The plan: said once, before the linters run, however many findings; the file edited by hand: once, with its findings' count.
    const changed = `${containers}:1:1: warning: changed since the build (its SHA-256 is not the one in the manifest): its lines may have moved since the map was written, so the plan positions of its findings may be stale`;
    expect(r.stderr.split('\n')).toEqual([warning, changed, expect.stringMatching(/^\d+ finding\(s\) in /u), '']);
    const fqcn = findings.findIndex((l) => l.startsWith(`${containers}:${module + 1}:`) && l.includes('ansible-lint') && l.includes('fqcn'));
    expect(fqcn, r.stdout).toBeGreaterThanOrEqual(0);
    expect(findings[fqcn + 1]).toContain('/updateServices/containerSteps/1/tasks/0');
    const json = JSON.parse((await runRolegen(['lint', '--out', out, '--json'])).stdout);
    expect(json.planState).toBe('edited');
    expect(json.warnings).toEqual([warning, changed]);
    expect(json.findings.some((f: any) => f.tool === 'yamllint' && f.origin?.pointer === '/updateServices/containerSteps/1/tasks/0')).toBe(true);
    console.log(`linters in-process: ${linters.runs?.runs} run, ${linters.runs?.reused} given the result of the same files' run`);
  });

  it('an output folder holding plugins beside the generated playbooks and roles: lint runs none of them', async () => {
    // Before, lint copied the whole playbooks/ and role folders for the linters, and ansible-lint imported the
    // filter plugin left in playbooks/filter_plugins/ (its code ran as the user running lint). Now only the
    // generated YAML and Markdown files the provenance map lists are copied, each as a regular file.
    const out = join(dir, 'plugins');
    expect((await runRolegen(['build', '--out', out])).status).toBe(0);
    const marker = join(dir, 'plugin-ran');
    const plugin = `open(${JSON.stringify(marker)}, 'a').write('ran\\n')\nclass FilterModule:\n    def filters(self):\n        return {}\n`;
    for (const folder of [join(out, 'playbooks', 'filter_plugins'), join(out, 'edpm_update_services', 'filter_plugins')]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'hostile.py'), plugin);
    }
    // The map names a plugin as a generated file: not YAML, not copied either.
    const sidecar = join(out, '.edpm-rolegen-provenance.json');
    const map = JSON.parse(readFileSync(sidecar, 'utf8'));
    map.files['playbooks/filter_plugins/hostile.py'] = [1, 0];
    writeFileSync(sidecar, JSON.stringify(map));
    const r = await runRolegen(['lint', '--out', out]);
    expect(r.stderr).toMatch(/^0 finding\(s\) in /u);
    expect(r.status).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('a provenance map whose rules and pointers hold terminal escape sequences: the findings are printed with them escaped, text and --json', async () => {
    // The map is a file of the output folder, edited by hand or handed over; before, its strings reached the terminal as they were.
    const out = join(dir, 'escapes');
    expect((await runRolegen(['build', '--out', out])).status).toBe(0);
    const containers = join(out, 'edpm_update_services', 'tasks', 'containers.yml');
    writeFileSync(containers, readFileSync(containers, 'utf8').replace('\n', '   \n')); // trailing spaces on line 1: a yamllint finding
    const sidecar = join(out, '.edpm-rolegen-provenance.json');
    const map = JSON.parse(readFileSync(sidecar, 'utf8'));
    map.rules = map.rules.map((r: string) => `\u001b[2J\u001b]0;pwned\u0007\u009b31m${r}`);
    map.origins = map.origins.map(([pointer, ...rest]: [string, ...unknown[]]) => [`${pointer}\u001b[5m`, ...rest]);
    writeFileSync(sidecar, JSON.stringify(map));
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u;
    const text = await runRolegen(['lint', '--out', out]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m');
    expect(raw.test(text.stdout), JSON.stringify(text.stdout)).toBe(false);
    const json = await runRolegen(['lint', '--out', out, '--json']);
    expect(raw.test(json.stdout), JSON.stringify(json.stdout)).toBe(false);
    expect(JSON.parse(json.stdout).findings.some((f: any) => f.origin?.rule?.startsWith('\u001b[2J\u001b]0;pwned\u0007\u009b31m'))).toBe(true);
  });
});
