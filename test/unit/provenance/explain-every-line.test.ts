import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTree } from '../../../src/write/write-tree.js';
import { loadPlanFileWithSource, readPlanText } from '../../../src/plan/load.js';
import { nodeAt, pointerSegments } from '../../../src/plan/source-map.js';
import { compileWithProvenance, planReference } from '../../../src/provenance/compile-with-provenance.js';
import { explainGenerated, explainPlanLine, readOutputProvenance } from '../../../src/provenance/explain.js';
import { PROVENANCE_FILE } from '../../../src/provenance/provenance-map.js';
import { runRolegen } from '../../support/cli.js';
import { DEFAULT_PLAN, ROOT } from '../../support/paths.js';

const ROLLOUT_PLAN = join(ROOT, 'plans', 'examples', 'rollout.yaml');
/** Both phases rolled out: the combined update.yml has a play per phase. */
const BOTH_PHASES_PLAN = join(ROOT, 'test', 'fixtures', 'plans', 'rollout-both-phases.yaml');
const PLANS = [DEFAULT_PLAN, join(ROOT, 'plans', 'examples', 'minimal.yaml'), join(ROOT, 'plans', 'examples', 'downstream.yaml'), ROLLOUT_PLAN, BOTH_PHASES_PLAN];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A plan built with its provenance into a folder of its own (removed after the file), and the map read back from there. */
function builtWithProvenance(planPath: string) {
  const { plan, source } = loadPlanFileWithSource(planPath);
  const out = mkdtempSync(join(tmpdir(), 'rolegen-explain-'));
  dirs.push(out);
  writeTree(out, compileWithProvenance(plan, source, planReference(planPath, out)).tree);
  return { plan, source, out, provenance: readOutputProvenance(out) };
}

/** A word of a line equal to `name` (names are made of [a-z0-9_-]). */
const mentions = (line: string, name: string): boolean => new RegExp(`(^|[^a-z0-9_-])${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}($|[^a-z0-9_-])`, 'u').test(line);

describe('explain, on every line of every generated file', () => {
  for (const planPath of PLANS) {
    it(`points at a plan entry naming the same role, package or variable (${planPath.slice(ROOT.length)})`, () => {
      const { plan, out, provenance } = builtWithProvenance(planPath);
      expect(provenance.planPath).toBe(planPath);
      // The plan as the compiler read it (defaults applied), in the plan file's shape.
      const data = { ...plan, updateSystem: { ...plan.updateSystem, openvswitch: { ...plan.updateSystem.openvswitch, tasks: plan.updateSystem.openvswitch.tasks.kind === 'inline' ? 'inline' : plan.updateSystem.openvswitch.tasks } } } as unknown;
      const valueAt = (pointer: string): unknown => pointerSegments(pointer).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
      /** The entry and its step (a role's step holds its task files): what an origin may name. */
      const entryText = (pointer: string): string => {
        const step = /^\/(updateServices\/(?:containerSteps|alwaysBefore)\/\d+|updateSystem\/openvswitch)/u.exec(pointer);
        return JSON.stringify(valueAt(step === null ? pointer : `/${step[1]}`));
      };
      const roles = new Set([...plan.updateServices.alwaysBefore, ...plan.updateServices.containerSteps].map((s) => s.role));
      if (plan.updateSystem.openvswitch.tasks.kind === 'role') roles.add(plan.updateSystem.openvswitch.tasks.role);
      const packages = new Set([
        ...plan.updateServices.essentialPackages, ...plan.updateServices.alwaysExcludedPackages, ...plan.updateSystem.includePackages,
        ...plan.updateSystem.alwaysExcludedPackages, ...plan.updateSystem.openvswitch.packages, ...plan.updateSystem.kpatch.kernelPackages,
      ]);
      let lines = 0;
      let withRole = 0;
      let withPackage = 0;
      let withVariable = 0;
      for (const file of provenance.map.files.keys()) {
        if (file === PROVENANCE_FILE) continue;
        const text = readPlanText(join(out, file)).split('\n');
        const all = explainGenerated(provenance, join(out, file), null);
        expect(all.at(-1)?.toLine, file).toBe(text.at(-1) === '' ? text.length - 1 : text.length);
        // The runs of the map cover the file from line 1, one after the other, none empty.
        expect(all.filter((e, i) => e.fromLine !== (i === 0 ? 1 : all[i - 1]!.toLine + 1) || e.toLine < e.fromLine), file).toEqual([]);
        for (let n = 1; n <= all.at(-1)!.toLine; n++) {
          const line = text[n - 1]!;
          const [answer] = explainGenerated(provenance, join(out, file), n);
          const origin = answer!.origin;
          const where = `${file}:${n} (${line.trim()}) -> ${origin.pointer}`;
          lines++;
          // every origin is a real place of the plan
          if (origin.pointer !== '') {
            expect(valueAt(origin.pointer), where).not.toBeUndefined();
          } else expect(origin.rule, where).toMatch(/fixed text/u);
          // fixed text of the Molecule playbooks may name a word that is also a role (the edpm_podman connection plugin)
          const fixedScenarioText = origin.pointer === '' && file.includes('/molecule/') && !file.endsWith('data/scenario.yml');
          for (const role of roles) {
            if (!mentions(line, role) || fixedScenarioText) continue;
            withRole++;
            expect(origin.pointer, where).not.toBe('');
            // the entry itself, not the whole phase (whose text names every role)
            expect(origin.pointer, where).not.toMatch(/^\/update(Services|System)$/u);
            expect(entryText(origin.pointer), where).toContain(`"${role}"`);
          }
          const item = /^\s*- "?([^"\s]+)"?$/u.exec(line)?.[1];
          // (galaxy tags in meta/main.yml are words such as "openvswitch", not packages)
          if (item !== undefined && !file.endsWith('meta/main.yml') && packages.has(item) && origin.pointer !== '' && !origin.pointer.startsWith('/updateServices/containerSteps')) {
            withPackage++;
            expect(entryText(origin.pointer), where).toContain(JSON.stringify(item));
          }
          // a variable whose default comes from the plan: its key line points at that plan value
          const variable = /^(edpm_\w+):/u.exec(line)?.[1] ?? /^\| `(edpm_\w+)` \|/u.exec(line)?.[1];
          if (variable !== undefined && (file.endsWith('defaults/main.yml') || file.endsWith('README.md')) && origin.pointer.startsWith('/update')) {
            if (origin.rule.startsWith('default of')) {
              withVariable++;
              expect(origin.rule, where).toContain(variable);
            }
          }
        }
      }
      expect(lines).toBeGreaterThan(1000);
      expect(withRole).toBeGreaterThan(10);
      expect(withPackage).toBeGreaterThan(10);
      expect(withVariable).toBeGreaterThanOrEqual(4);
    });
  }

  it('answers the reverse: every generated line a plan line made', () => {
    const { source, provenance } = builtWithProvenance(DEFAULT_PLAN);
    const ovnStep = source.lines.linePos(nodeAt(source, ['updateServices', 'containerSteps', 1]).node!.range![0]).line;
    const made = explainPlanLine(provenance, ovnStep).map((a) => `${a.file}:${a.fromLine}`);
    expect(made.some((m) => m.startsWith('edpm_update_services/README.md:'))).toBe(true);
    const tasksLine = ovnStep + 2; // tasks: [update, run]
    const includes = explainPlanLine(provenance, tasksLine).filter((a) => a.file === 'edpm_update_services/tasks/containers.yml');
    expect(includes).toHaveLength(2);
    expect(includes.map((a) => a.origin.pointer)).toEqual(['/updateServices/containerSteps/1/tasks/0', '/updateServices/containerSteps/1/tasks/1']);
  });
});

describe('explain on the Open vSwitch step and the rollout lines', () => {
  /** The origin pointer and rule of the first line of `file` holding `text`. */
  const originOfText = (planPath: string, file: string, text: string): { pointer: string; rule: string } => {
    const { out, provenance } = builtWithProvenance(planPath);
    const lines = readPlanText(join(out, file)).split('\n');
    const n = lines.findIndex((l) => l.includes(text)) + 1;
    expect(n, `${file}: ${text}`).toBeGreaterThan(0);
    const [answer] = explainGenerated(provenance, join(out, file), n);
    return answer!.origin;
  };

  it('traces the Open vSwitch list check, the query, the inline step and its settings to their plan entries', () => {
    expect(originOfText(DEFAULT_PLAN, 'edpm_update_system/tasks/main.yml', 'name: Check the Open vSwitch package list').pointer).toBe('/updateSystem/openvswitch/packages');
    const query = originOfText(DEFAULT_PLAN, 'edpm_update_system/tasks/query.yml', 'find-openvswitch');
    expect(originOfText(DEFAULT_PLAN, 'edpm_update_system/tasks/query.yml', 'name: Check the Open vSwitch package list').pointer).toBe('/updateSystem/openvswitch/packages');
    expect(originOfText(DEFAULT_PLAN, 'edpm_update_system/tasks/main.yml', 'file: query.yml').rule).toMatch(/query of the installed Open vSwitch packages/u);
    expect(query.pointer).toBe('/updateSystem/openvswitch/packages');
    expect(query.rule).toMatch(/query of the installed Open vSwitch packages/u);
    // The find-and-update task (tasks/main.yml): the inline step.
    expect(originOfText(DEFAULT_PLAN, 'edpm_update_system/tasks/main.yml', '--setopt=tsflags=noscripts').rule).toMatch(/without their RPM scriptlets/u);
    expect(originOfText(DEFAULT_PLAN, 'edpm_update_system/tasks/main.yml', 'find-update-openvswitch').pointer).toBe('/updateSystem/openvswitch/serviceName');
    expect(originOfText(DEFAULT_PLAN, 'edpm_update_system/tasks/openvswitch.yml', 'download_only: true').rule).toMatch(/in check mode/u);
    expect(originOfText(DEFAULT_PLAN, 'edpm_update_system/tasks/openvswitch.yml', 'state: reloaded').pointer).toBe('/updateSystem/openvswitch/reloadAfterUpdate');
    expect(originOfText(DEFAULT_PLAN, 'edpm_update_system/vars/main.yml', 'edpm_update_system_ovs_download_retries:').pointer).toBe('/updateSystem/openvswitch/downloadRetries');
    expect(originOfText(DEFAULT_PLAN, 'edpm_update_system/vars/main.yml', 'edpm_update_system_ovs_download_delay:').pointer).toBe('/updateSystem/openvswitch/downloadDelay');
  });

  it('traces the rollout progress tasks, their variable, the play batches and the scenario waves to the phase rollout', () => {
    // (the example rolls update-services out; update-system runs on every node at once)
    expect(originOfText(ROLLOUT_PLAN, 'edpm_update_services/molecule/update_services_rollout/data/scenario.yml', 'failing_wave:').pointer).toBe('/rollout/updateServices');
    for (const [key, role] of [['updateServices', 'edpm_update_services']] as const) {
      expect(originOfText(ROLLOUT_PLAN, `${role}/tasks/main.yml`, 'name: Skip this node when it completed').pointer).toBe(`/rollout/${key}`);
      expect(originOfText(ROLLOUT_PLAN, `${role}/tasks/main.yml`, 'name: Write the local fact').pointer).toBe(`/rollout/${key}`);
      expect(originOfText(ROLLOUT_PLAN, `${role}/defaults/main.yml`, `${role}_rollout_id:`).pointer).toBe(`/rollout/${key}`);
      expect(originOfText(ROLLOUT_PLAN, `playbooks/${role.replace('edpm_', '')}.yml`, 'serial:').pointer).toBe(`/rollout/${key}`);
      expect(originOfText(ROLLOUT_PLAN, `playbooks/${role.replace('edpm_', '')}.yml`, 'max_fail_percentage:').pointer).toBe(`/rollout/${key}`);
    }
  });

  it("traces each play's batches of the combined update.yml (and a folded budget's every line) to its own phase's rollout", () => {
    const { out, provenance } = builtWithProvenance(BOTH_PHASES_PLAN);
    for (const file of ['playbooks/update.yml', 'playbooks/update_system.yml', 'playbooks/update_services.yml']) {
      const lines = readPlanText(join(out, file)).split('\n');
      /** The pointer of each line from `serial:` to the line before `environment:` or `tasks:`, per play. */
      const batches: string[][] = [];
      let current: string[] | null = null;
      lines.forEach((line, i) => {
        if (line.startsWith('  serial:')) batches.push((current = []));
        else if (/^ {2}(environment|tasks):/u.test(line)) current = null;
        if (current !== null) current.push(explainGenerated(provenance, join(out, file), i + 1)[0]!.origin.pointer);
      });
      const expected = {
        'playbooks/update.yml': ['/rollout/updateSystem', '/rollout/updateServices'],
        'playbooks/update_system.yml': ['/rollout/updateSystem'],
        'playbooks/update_services.yml': ['/rollout/updateServices'],
      }[file]!;
      expect(batches.map((b) => [...new Set(b)]), file).toEqual(expected.map((p) => [p]));
      // update-system's budget in nodes is a Jinja expression folded over several lines
      if (file !== 'playbooks/update_services.yml') expect(batches[0]!.length, file).toBeGreaterThan(3);
      // the lines after them are the compiler's fixed text
      const tasksLine = lines.findIndex((l) => l.startsWith('  tasks:')) + 1;
      expect(explainGenerated(provenance, join(out, file), tasksLine)[0]!.origin.pointer, file).toBe('/collection');
    }
  });
});

describe('edpm-rolegen explain', () => {
  it('prints the plan entry of a generated line (as Ansible prints a task path), JSON too, and the reverse', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rolegen-explain-'));
    dirs.push(out);
    expect((await runRolegen(['build', '--out', out])).status).toBe(0);
    const containers = join(out, 'edpm_update_services', 'tasks', 'containers.yml');
    const text = readPlanText(containers).split('\n');
    const line = text.findIndex((l) => l.includes('name: osp.edpm.edpm_ovn')) + 1;
    const r = await runRolegen(['explain', `${containers}:${line}`]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${containers}:${line}: plans/default\\.yaml:\\d+:\\d+ /updateServices/containerSteps/1/tasks/0: include of a task file of a container step`));
    const j = JSON.parse((await runRolegen(['explain', '--json', `${containers}:${line}:5`])).stdout);
    expect(j.answers[0].plan).toMatchObject({ file: 'plans/default.yaml', pointer: '/updateServices/containerSteps/1/tasks/0' });
    const back = await runRolegen(['explain', '--out', out, `${DEFAULT_PLAN}:${j.answers[0].plan.line}`]);
    const range = new RegExp(`-> ${containers}:(\\d+)-(\\d+): include of a task file`).exec(back.stdout);
    expect(Number(range?.[1])).toBeLessThan(line);
    expect(Number(range?.[2])).toBeGreaterThan(line);
    expect((await runRolegen(['check', '--out', out])).status).toBe(0);
  });

  it('exit 2 on a file that was not generated or a folder without a map', async () => {
    const r = await runRolegen(['explain', join(ROOT, 'README.md') + ':3', '--out', join(ROOT, 'dist-roles')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/README\.md:1:1: error: not a file edpm-rolegen generated in /u);
    const none = await runRolegen(['explain', '/nonexistent/x.yml:1', '--out', tmpdir()]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`${join(tmpdir(), PROVENANCE_FILE)}:1:1: error: no provenance map here`);
  });
});
