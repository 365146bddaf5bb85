/**
 * Which tasks of edpm_update_system a tag selection runs, as Ansible itself
 * selects them (`ansible-playbook --list-tasks`, which applies --tags and
 * --skip-tags, the tags an import gives its tasks and those a play gives a
 * role), on the built-in plan. The Open vSwitch query is split in two
 * for the one round trip of an update: the find-and-update task, tagged as
 * the update, and the include of tasks/query.yml (the check of the list and
 * the query alone), tagged for both steps that need it (included only when
 * the first was not selected: a condition, which --list-tasks does not
 * evaluate; the unit tests pin it). For every selection:
 * - the find-and-update task is preceded by a check of the Open vSwitch list
 *   that the same selection runs (the role stops on a bad list before any
 *   change), and the tasks of query.yml (the check, then the query) are
 *   selected exactly when their include is (--list-tasks does not list what
 *   an include brings: query.yml is listed on its own, imported by a play,
 *   under the same selection);
 * - the check-mode preview, which reads the find-and-update task's result,
 *   runs exactly when that task runs;
 * - when the all-packages step runs, a query the selection runs comes before
 *   it (it reads what the query found; else it excludes every *openvswitch*
 *   package);
 * - a selection that runs any task of the role gathers the local facts
 *   first (every step reads ansible_local, the bootc guard);
 * - `show` (src/show) says what Ansible selects: the find-and-update step,
 *   the query alone, the reload and the all-packages step, each exactly when
 *   Ansible lists its task (not for tags a play gives the role: `show` has
 *   no input for them).
 */
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compilePlan } from '../../src/compile/compile-plan.js';
import { OVS_LIST_CHECK_TASK, OVS_QUERY_INCLUDE_TASK, OVS_QUERY_TASK, OVS_QUERY_TASK_FILE } from '../../src/compile/roles/update-system-openvswitch.js';
import { UPDATE_SYSTEM_TAGS } from '../../src/compile/roles/update-system.js';
import { OVS_TASK_TAGS } from '../../src/model/roles.js';
import { loadPlanFile } from '../../src/plan/load.js';
import { updateSystemRun } from '../../src/show/node-run.js';
import { collectionLayout, requireToolchain, VENV_BIN, type CollectionLayout } from '../support/ansible-toolchain.js';
import { DEFAULT_PLAN } from '../support/paths.js';

const plan = loadPlanFile(DEFAULT_PLAN);
const ROLE = `${plan.collection}.edpm_update_system`;
const FIND_AND_UPDATE = `${OVS_QUERY_TASK}; when one of them has one, download their updates, install them without their RPM scriptlets, enable the openvswitch service`;
const PREVIEW = 'Show the updates of the Open vSwitch packages (check mode)';
const RELOAD = 'Reload the openvswitch service';
const PACKAGES = 'Update every other package to its latest version';
const GATHER = 'Gather local facts';
/** A tag a play gives the role (`roles: [{role, tags: [site_update]}]`). */
const PLAY_TAG = 'site_update';

const roleTags = [...new Set([...Object.values(UPDATE_SYSTEM_TAGS).flat(), ...OVS_TASK_TAGS.update, ...OVS_TASK_TAGS.reload])];
interface Selection {
  readonly tags: readonly string[];
  readonly skipTags: readonly string[];
  /** Whether the play gives the role PLAY_TAG. */
  readonly playTag: boolean;
}
const selections: Selection[] = [
  { tags: [], skipTags: [], playTag: false },
  ...roleTags.flatMap((t) => [
    { tags: [t], skipTags: [], playTag: false },
    { tags: [], skipTags: [t], playTag: false },
  ]),
  { tags: ['edpm_update_system_packages', 'reload'], skipTags: [], playTag: false },
  { tags: ['edpm_update_system'], skipTags: ['update'], playTag: false },
  { tags: [PLAY_TAG], skipTags: [], playTag: true },
  { tags: [PLAY_TAG], skipTags: ['edpm_update_system_packages'], playTag: true },
  { tags: [PLAY_TAG], skipTags: ['ovs'], playTag: true },
  { tags: [], skipTags: [PLAY_TAG], playTag: true },
];
const label = (s: Selection): string =>
  [s.playTag ? `play tag ${PLAY_TAG}` : '', s.tags.length > 0 ? `--tags ${s.tags.join(',')}` : '', s.skipTags.length > 0 ? `--skip-tags ${s.skipTags.join(',')}` : '']
    .filter((x) => x !== '')
    .join(' ') || 'no selection';

const run = promisify(execFile);
let layout: CollectionLayout;
const listed = new Map<string, string[]>();
/** What the same selection lists of tasks/query.yml imported by a play (selections without the play tag). */
const listedQueryFile = new Map<string, string[]>();

/**
 * The names of the role's tasks `ansible-playbook --list-tasks` lists for a
 * selection, in order, for each of `playbooks` (one ansible-playbook run:
 * the selection applies to every playbook it is given, and it lists each
 * under a `playbook: PATH` line of its own).
 */
async function listTasks(s: Selection, playbooks: readonly string[]): Promise<string[][]> {
  const args = ['-i', 'localhost,', '--list-tasks'];
  if (s.tags.length > 0) args.push('--tags', s.tags.join(','));
  if (s.skipTags.length > 0) args.push('--skip-tags', s.skipTags.join(','));
  const paths = playbooks.map((p) => join(layout.dir, p));
  args.push(...paths);
  const r = await run(join(VENV_BIN, 'ansible-playbook'), args, {
    cwd: layout.dir,
    env: { ...process.env, ANSIBLE_NOCOLOR: '1', ANSIBLE_COLLECTIONS_PATH: layout.root, ANSIBLE_LOCALHOST_WARNING: 'false' },
  });
  const sections = r.stdout.split(/^playbook: /mu).slice(1);
  const shown = sections.map((section) => section.slice(0, section.indexOf('\n')));
  if (JSON.stringify(shown) !== JSON.stringify(paths)) throw new Error(`ansible-playbook --list-tasks listed ${JSON.stringify(shown)}, not ${JSON.stringify(paths)}:\n${r.stdout}`);
  const prefix = `${ROLE} : `;
  return sections.map((section) =>
    section
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith(prefix))
      .map((l) => l.slice(prefix.length).replace(/\tTAGS: \[.*\]$/u, '')),
  );
}

beforeAll(async () => {
  requireToolchain();
  layout = collectionLayout(compilePlan(plan), plan.collection);
  const play = (role: unknown) => stringify([{ name: 'Update the system', hosts: 'all', gather_facts: false, roles: [role] }]);
  writeFileSync(join(layout.dir, 'plain.yml'), play(ROLE));
  writeFileSync(join(layout.dir, 'play-tag.yml'), play({ role: ROLE, tags: [PLAY_TAG] }));
  writeFileSync(
    join(layout.dir, 'query-file.yml'),
    stringify([{ name: 'The query alone', hosts: 'all', gather_facts: false, tasks: [{ 'ansible.builtin.import_role': { name: ROLE, tasks_from: OVS_QUERY_TASK_FILE } }] }]),
  );
  // Four ansible-playbook processes at a time (each about a second); one a
  // selection, which lists both playbooks of a selection without the play tag.
  const queue = [...selections];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
        if (s.playTag) listed.set(label(s), (await listTasks(s, ['play-tag.yml']))[0]!);
        else {
          const [plain, queryFile] = await listTasks(s, ['plain.yml', 'query-file.yml']);
          listed.set(label(s), plain!);
          listedQueryFile.set(label(s), queryFile!);
        }
      }
    }),
  );
}, 300_000);
afterAll(() => rmSync(layout.root, { recursive: true, force: true }));

describe('edpm_update_system under tag selections, as Ansible selects its tasks', () => {
  it('lists every task with no selection, and none when the play tag is skipped', () => {
    expect(listed.get('no selection')).toEqual(expect.arrayContaining([OVS_LIST_CHECK_TASK, FIND_AND_UPDATE, OVS_QUERY_INCLUDE_TASK, PREVIEW, RELOAD, PACKAGES]));
    expect(listedQueryFile.get('no selection')).toEqual([OVS_LIST_CHECK_TASK, OVS_QUERY_TASK]);
    expect(listed.get(`play tag ${PLAY_TAG} --skip-tags ${PLAY_TAG}`)!.filter((t) => !t.startsWith('Validating arguments'))).toEqual([]);
  });

  for (const s of selections) {
    it(label(s), () => {
      const tasks = listed.get(label(s))!;
      const has = (name: string) => tasks.includes(name);
      // Every step reads ansible_local (the bootc guard; the play gathers no facts): a selection that runs
      // any task of the role gathers the local facts first (the task is tagged always besides the role's tags).
      const roleTasks = tasks.filter((t) => !t.startsWith('Validating arguments'));
      if (roleTasks.length > 0) expect(roleTasks[0], 'the first task the selection runs').toBe(GATHER);
      // The find-and-update task is preceded by a check of the list that the same selection runs.
      const at = tasks.indexOf(FIND_AND_UPDATE);
      if (at >= 0) expect(tasks[at - 1], FIND_AND_UPDATE).toBe(OVS_LIST_CHECK_TASK);
      expect(tasks.filter((t) => t === OVS_LIST_CHECK_TASK).length).toBe(has(FIND_AND_UPDATE) ? 1 : 0);
      // query.yml: its check and query are selected exactly when their include is.
      if (!s.playTag) expect(listedQueryFile.get(label(s))).toEqual(has(OVS_QUERY_INCLUDE_TASK) ? [OVS_LIST_CHECK_TASK, OVS_QUERY_TASK] : []);
      // The check-mode preview reads the find-and-update task's result.
      expect(has(PREVIEW)).toBe(has(FIND_AND_UPDATE));
      // The all-packages step reads what whichever query ran found (its task variables): a query the selection runs comes before it.
      for (const query of [FIND_AND_UPDATE, OVS_QUERY_INCLUDE_TASK]) if (has(PACKAGES) && has(query)) expect(tasks.indexOf(query), query).toBeLessThan(tasks.indexOf(PACKAGES));
      if (s.playTag) return;
      // show: the same selection.
      const steps = updateSystemRun(plan, { services: [], vars: { edpm_update_system_ovs_reload_after_update: true }, bootc: false, tags: s.tags, skipTags: s.skipTags }).steps;
      const texts = steps.map((step) => step.text);
      expect(texts.some((t) => t.includes('in the same command, Open vSwitch first')), 'find-and-update').toBe(has(FIND_AND_UPDATE));
      expect(texts.some((t) => t.endsWith('(the Open vSwitch update is not selected)')), 'query alone').toBe(has(OVS_QUERY_INCLUDE_TASK) && !has(FIND_AND_UPDATE));
      expect(steps.some((step) => step.kind === 'openvswitch' && step.reload), 'reload').toBe(has(RELOAD));
      expect(steps.some((step) => step.kind === 'packages'), 'every other package').toBe(has(PACKAGES));
    });
  }
});
