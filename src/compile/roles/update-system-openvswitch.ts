/**
 * The Open vSwitch step of phase 2, part of the edpm_update_system role
 * (update-system.ts): its tasks, vars, variables and README step.
 *
 * Open vSwitch ships in three shapes (see the RPM fixtures in
 * molecule/rpms): a plain `openvswitch` package; a stream package
 * (`openvswitch3.3`) selected by a wrapper (`rdo-openvswitch`,
 * `rhoso-openvswitch`) that requires it and provides `openvswitch`; either
 * with subpackages pinned to the exact version-release of their main
 * package (`python3-openvswitch3.3`). So the packages to update are found on
 * the node, never from a fixed list of names:
 *
 * 1. check the package list (`edpm_ovs_packages`, else the role's own):
 *    not empty, no dnf glob, only Open vSwitch package names (controller
 *    only, before any change: a glob such as `*` would update every
 *    package without its scriptlets);
 * 2. find, in one query on the node (no change in itself; run in check
 *    mode too), the Open vSwitch packages installed: the installed packages
 *    built from the same source package as those that provide a listed name
 *    (the wrapper, or a plain openvswitch) or own the service's unit (the
 *    stream package), i.e. with their subpackages; and, from `dnf
 *    check-update` after a refresh of the metadata, the installed packages
 *    with a pending update (or obsoleted by a newer one);
 * 3. if an Open vSwitch package has a pending update, in the same command
 *    (one round trip for steps 2 and 3), unless in check mode: download their
 *    updates into the dnf cache (retries and delay of edpm_ovs, which the
 *    refresh of step 2 also takes); install them with `dnf update --cacheonly
 *    --setopt=tsflags=noscripts -- <names>`: within a stream this takes the
 *    new build of the stream package and its pinned subpackages; a new
 *    wrapper brings a new stream package, which obsoletes the old stream's
 *    packages; and no RPM scriptlet stops or disables the service; then
 *    enable the service (a stream change leaves it disabled). Nothing
 *    pending, nothing else reaches the node: a second run of the role costs
 *    two round trips, an update three. In check mode the dnf module shows
 *    what the update would bring instead;
 * 4. on request, reload it as edpm_ovs does. (Conditions on what ran, not
 *    handlers: the steps run in this order, before every other package,
 *    with no flush to get right.)
 *
 * The all-packages step (update-system.ts) excludes what step 2 found, so
 * that it neither touches these packages nor fails to depsolve on them
 * (dnf excludes by name: excluding the stream package but not its pinned
 * subpackage fails with "filtered out by exclude filtering" under EL9's
 * best=True), and runs only when step 2 saw a pending update it does not
 * exclude. Steps 1 and 2 also run when the step's tasks come from a role
 * (`tasks: {role, tasks}`), for that exclusion.
 *
 * Tags. Steps 2 and 3 are one task tagged as the update is (the step's tags
 * and edpm_ovs's `update`, `ovs`), so that it runs exactly when an update
 * would; the all-packages step needs step 2 too (`--tags
 * edpm_update_system_packages`), so a second task, step 2 alone (tagged for
 * both steps, as the query always was), runs when the first did not run in
 * the play (not selected by the tags: a task skipped by its condition costs
 * no round trip). Each has its own check of the list (step 1) before it,
 * tagged as it is, so that whatever the tags select, the list is checked
 * before any change. Ansible's selection is left to Ansible (a role applied
 * with tags of its own adds tags no expression can see): the tasks only ask
 * whether the other ran.
 */
import { diagnosticAt, InputError } from '../../core/diagnostics.js';
import { openvswitchPackage, openvswitchPackageProblems } from '../../model/names.js';
import type { UpdatePlan } from '../../model/plan.js';
import { OVS_ROLE, OVS_TASK_TAGS, UPDATE_SYSTEM_ROLE } from '../../model/roles.js';
import type { CompileContext } from '../compile-context.js';
import { itemOrigin, recordListOrigins, recordMemberOrigin, recordOrigin } from '../origin.js';
import type { RoleVariable } from '../role-variable.js';
import { task, type Task } from '../task.js';

const P = UPDATE_SYSTEM_ROLE;

/** Variable names of the Open vSwitch step. */
export const OVS_VARS = {
  packages: `${P}_ovs_packages`,
  reload: `${P}_ovs_reload_after_update`,
  /** edpm_ovs's own names, honoured when set. */
  ovsRolePackages: `${OVS_ROLE}_packages`,
  ovsRoleReload: `${OVS_ROLE}_reload_after_update`,
  ovsRoleRetries: `${OVS_ROLE}_download_retries`,
  ovsRoleDelay: `${OVS_ROLE}_download_delay`,
  /** The names every EDPM role's downloads fall back to. */
  downloadRetries: 'edpm_download_retries',
  downloadDelay: 'edpm_download_delay',
  /** Internal: the values that apply (the list as a task variable, the rest in vars/main.yml). */
  effectivePackages: `${P}_ovs_update_packages`,
  effectiveReload: `${P}_ovs_reload`,
  effectiveRetries: `${P}_ovs_download_retries`,
  effectiveDelay: `${P}_ovs_download_delay`,
  /** Registered results and task variables. */
  query: `${P}_ovs_query`,
  queryWords: `${P}_ovs_query_words`,
  /** The find-and-update task's result: defined when the tags selected the task (even when skipped by its condition), changed when it installed. */
  update: `${P}_ovs_update`,
  findUpdateScript: `${P}_ovs_find_update_script`,
  /** Task variable of the check-mode preview: the words of the find-and-update task's lines. */
  updateWords: `${P}_ovs_update_words`,
  /** What the query found (task variables of the all-packages step): the Open vSwitch packages installed, and the packages with a pending update. */
  installed: `${P}_ovs_installed_packages`,
  pending: `${P}_pending_updates`,
} as const;
const V = OVS_VARS;

/** Name of the task that checks the package list (the scenarios expect the role to stop there). */
export const OVS_LIST_CHECK_TASK = 'Check the Open vSwitch package list';

/** Name of the query of step 2. */
export const OVS_QUERY_TASK = 'Find the Open vSwitch packages installed on the node and the pending updates';

/** The line FIND_AND_UPDATE_OPENVSWITCH_SCRIPT prints once it has installed the updates: the task reports changed on it. */
export const OPENVSWITCH_UPDATED_LINE = 'changed';

/**
 * What step 2 finds on the node, printed one line per finding, each sorted
 * (the query alone is the script below with MODE `query`, which stops there):
 * - `openvswitch NAME`: the installed packages whose source package is that
 *   of a package providing UNIT or one of the NAMEs (none when no Open
 *   vSwitch is installed). `rpm -q --whatprovides` takes capabilities and
 *   file paths alike, and prints "no package provides X" for the others
 *   (dropped: only `*.src.rpm` lines are kept); source packages are compared
 *   by name, so that subpackages of another build of the same source still
 *   count;
 * - `update NAME`: the first word, without its `.arch`, of each line of
 *   `dnf check-update` (exit 100 when it lists updates, 0 when none, any
 *   other status fails the query, but for a node with no repository enabled,
 *   where dnf exits 1 and nothing can be updated, as the dnf module finds
 *   too), metadata refreshed first: the installed
 *   packages with an update and, under "Obsoleting Packages", the packages
 *   that obsolete installed ones and those they obsolete. A word that is no
 *   package name (a wrapped line) only makes a step run that would have
 *   found nothing to do.
 *
 * Steps 2 and 3 in one command (one round trip), run as `sh -c SCRIPT
 * find-update-openvswitch UNIT SERVICE RETRIES DELAY MODE NAME...`
 * (arguments, never pasted into the text):
 * - finds what is said above and prints those lines
 *   (`openvswitch NAME`, then `update NAME`), the refresh and
 *   `dnf check-update` tried again RETRIES times DELAY seconds apart (a
 *   failure of the whole command is not tried again: it may have installed);
 * - then, only when MODE is `update` (not in check mode) and an installed
 *   Open vSwitch package is among the pending updates: downloads the updates
 *   of all of them into the dnf cache, tried again RETRIES times DELAY
 *   seconds apart; `dnf update` of them from the cache, without scriptlets
 *   (the dnf module cannot pass `--setopt`); prints OPENVSWITCH_UPDATED_LINE;
 *   `systemctl enable SERVICE` (a unit masked on purpose is left masked, as
 *   `edpm_ovs`'s update leaves it: enabling it fails, which then fails the
 *   command only when the unit is not masked). dnf's and systemctl's own output goes to
 *   stderr, so that stdout holds only the lines above. Stops at the first
 *   failure: no install without the whole download.
 */
export const FIND_AND_UPDATE_OPENVSWITCH_SCRIPT = [
  'set -eu',
  'unit=$1 service=$2 retries=$3 delay=$4 mode=$5',
  'shift 5',
  "sources=$(rpm -q --qf '%{SOURCERPM}\\n' --whatprovides \"$@\" \"$unit\" 2>/dev/null | sed -n 's/-[^-]*-[^-]*[.]src[.]rpm$//p' | sort -u)",
  "installed=''",
  'if [ -n "$sources" ]; then',
  "  installed=$(rpm -qa --qf '%{SOURCERPM} %{NAME}\\n' | awk -v sources=\"$sources\" '",
  '    BEGIN { n = split(sources, list, "\\n"); for (i = 1; i <= n; i++) wanted[list[i]] = 1 }',
  '    { sub(/-[^-]*-[^-]*[.]src[.]rpm$/, "", $1) }',
  '    $1 in wanted { print $2 }',
  "  ' | sort -u)",
  'fi',
  'tries=0',
  'until',
  '  status=0',
  '  updates=$(dnf -q --refresh check-update) || status=$?',
  '  if [ "$status" -eq 1 ] && repos=$(dnf -q repolist --enabled) && [ -z "$repos" ]; then',
  "    status=0 updates=''",
  '  fi',
  '  [ "$status" -eq 0 ] || [ "$status" -eq 100 ]',
  'do',
  '  [ "$tries" -lt "$retries" ] || exit "$status"',
  '  tries=$((tries + 1))',
  '  sleep "$delay"',
  'done',
  "pending=$(printf '%s\\n' \"$updates\" | awk '",
  '  NF > 0 && $0 !~ /^Obsoleting Packages/ { n = $1; sub(/[.][^.]*$/, "", n); print n }',
  "' | sort -u)",
  "printf '%s\\n' \"$installed\" | sed -n 's/^./openvswitch &/p'",
  "printf '%s\\n' \"$pending\" | sed -n 's/^./update &/p'",
  'if [ "$mode" != update ] || [ -z "$installed" ] || ! printf \'%s\\n\' "$pending" | grep -qxF -e "$installed"; then',
  '  exit 0',
  'fi',
  'set -f',
  'set -- $installed',
  'tries=0',
  'until dnf update -y --downloadonly -- "$@" >&2; do',
  '  [ "$tries" -lt "$retries" ] || exit 1',
  '  tries=$((tries + 1))',
  '  sleep "$delay"',
  'done',
  'dnf update -y --cacheonly --setopt=tsflags=noscripts -- "$@" >&2',
  `echo ${OPENVSWITCH_UPDATED_LINE}`,
  // A unit masked on purpose stays masked, as the hand-written role (edpm_ovs's update) left it: enabling it fails.
  'systemctl enable "$service" >&2 || {',
  '  state=$(systemctl is-enabled "$service" 2>/dev/null) || true',
  '  case $state in masked | masked-runtime) ;; *) exit 1 ;; esac',
  '  echo "$service is $state: left as it is, not enabled" >&2',
  '}',
  '',
].join('\n');

/** Path of the service's unit, whose owner is the package that really is Open vSwitch. */
export function openvswitchUnitPath(serviceName: string): string {
  return `/usr/lib/systemd/system/${serviceName.replace(/\.service$/u, '')}.service`;
}

/** A Jinja test: whether step 2 ran (not skipped by a condition or by tags), alone or with the update. */
export function openvswitchQueryRan(plan: UpdatePlan): string {
  return plan.updateSystem.openvswitch.tasks.kind === 'inline'
    ? `(${V.update}.stdout_lines is defined or ${V.query}.stdout_lines is defined)`
    : `(${V.query}.stdout_lines is defined)`;
}

/** The installed Open vSwitch packages found by step 2, or every *openvswitch* name when step 2 did not run (tags). */
export function installedOpenvswitchExpression(plan: UpdatePlan): string {
  return `(${V.installed} if ${openvswitchQueryRan(plan)} else ['*openvswitch*'])`;
}

/** The packages with a pending update that step 2 found; every package ('*') when it did not run (tags). */
export function pendingUpdatesExpression(plan: UpdatePlan): string {
  return `(${V.pending} if ${openvswitchQueryRan(plan)} else ['*'])`;
}

/** The words of the lines a query task (registered as `register`) printed: `[kind, name]` each. */
const wordsOf = (register: string) => `${register}.stdout_lines | map('split') | list`;
/** Of the words of a query, the names of one kind (`openvswitch`: installed; `update`: pending). */
const namesOf = (words: string, kind: 'openvswitch' | 'update') => `${words} | selectattr(0, 'equalto', '${kind}') | map(attribute=1) | list`;

/** Variables of the Open vSwitch step. */
export function openvswitchVariables(plan: UpdatePlan): RoleVariable[] {
  const ovs = plan.updateSystem.openvswitch;
  const inline = ovs.tasks.kind === 'inline';
  // edpm_ovs's own names of the step's settings: there for the Open vSwitch step, whatever its tasks.
  const edpmOvsName = { pointer: '/updateSystem/openvswitch', rule: "edpm_ovs's own name of a setting of the Open vSwitch step, read before the role's" };
  const list: RoleVariable[] = [
    {
      name: V.packages,
      type: 'list',
      elements: 'str',
      default: recordListOrigins([...ovs.packages], '/updateSystem/openvswitch/packages', `default of ${V.packages}: the plan's Open vSwitch packages`),
      from: { pointer: '/updateSystem/openvswitch/packages', rule: `default of ${V.packages}: the plan's Open vSwitch packages` },
      description: [
        'Open vSwitch packages, by name (no glob): the installed packages that provide them, or own the',
        `${ovs.serviceName} unit, and their subpackages are ${inline ? 'updated first, without their RPM scriptlets' : "left to the Open vSwitch role's tasks"},`,
        `and never by the step that updates every other package. ${V.ovsRolePackages} overrides it when set.`,
        'The role stops before any change when the list is empty, has a glob or a package that is not Open vSwitch.',
      ],
    },
    {
      name: V.ovsRolePackages,
      type: 'list',
      elements: 'str',
      description: [`The edpm_ovs role's name for ${V.packages}; takes precedence when set.`],
      from: edpmOvsName,
    },
  ];
  if (!inline) return list;
  return [
    ...list,
    {
      name: V.reload,
      type: 'bool',
      default: ovs.reloadAfterUpdate,
      from: { pointer: '/updateSystem/openvswitch/reloadAfterUpdate', rule: `default of ${V.reload}: the plan's reloadAfterUpdate` },
      description: [`Whether to reload (never restart) the ${ovs.serviceName} service after its packages were updated.`, `${V.ovsRoleReload} overrides it when set.`],
    },
    {
      name: V.ovsRoleReload,
      type: 'bool',
      description: [`The edpm_ovs role's name for ${V.reload}; takes precedence when set.`],
      from: edpmOvsName,
    },
    {
      name: V.ovsRoleRetries,
      type: 'int',
      description: [`How often the download of the Open vSwitch packages is tried again; else ${V.downloadRetries}, else ${ovs.downloadRetries}.`],
    },
    {
      name: V.ovsRoleDelay,
      type: 'int',
      description: [`Seconds between two downloads of the Open vSwitch packages; else ${V.downloadDelay}, else ${ovs.downloadDelay}.`],
    },
    {
      name: V.downloadRetries,
      type: 'int',
      description: [`How often EDPM roles try a download again; the Open vSwitch download's when ${V.ovsRoleRetries} is not set.`],
    },
    {
      name: V.downloadDelay,
      type: 'int',
      description: [`Seconds between two tries of a download in EDPM roles; the Open vSwitch download's when ${V.ovsRoleDelay} is not set.`],
    },
  ];
}

/** The tags of the tasks before the Open vSwitch step (see the module's comment). */
export interface OpenvswitchPreludeTags {
  /** Of step 2 alone: both steps that need it (the Open vSwitch step and the all-packages step). */
  readonly query: readonly string[];
  /** Of steps 2 and 3 in one task (inline step): those of the update. */
  readonly update: readonly string[];
}

/**
 * The tasks `tasks/main.yml` runs before the Open vSwitch step and the
 * all-packages step (`main`): the check of the list and, for the inline
 * step, the find-and-update task (steps 1 to 3, tagged as the update); then
 * the include of `tasks/query.yml` (`query`: the check and the query alone,
 * steps 1 and 2, tagged for both steps), when the find-and-update task was
 * not selected. With tasks from a role: the check and the query, in main.yml
 * (no query.yml). What they found is read by the all-packages step
 * (addOpenvswitchFindingsVars).
 */
export function openvswitchPreludeTasks(
  plan: UpdatePlan,
  when: readonly string[],
  tags: OpenvswitchPreludeTags,
): { readonly main: Task[]; readonly query: Task[] | null } {
  const ovs = plan.updateSystem.openvswitch;
  const inline = ovs.tasks.kind === 'inline';
  const list = V.effectivePackages;
  const pattern = openvswitchPackage.pattern;
  // A plan file's list passed the same check when it was loaded
  // (plan/normalize.ts); a plan built in memory by a library caller is
  // checked here, as bad input.
  const problems = openvswitchPackageProblems(ovs.packages);
  if (problems.length > 0) {
    throw new InputError(
      problems.map((p) => diagnosticAt('(plan)', { line: 1, col: 1 }, p.message, { path: `/updateSystem/openvswitch/packages${p.index === undefined ? '' : `/${p.index}`}` })),
    );
  }
  // The list that applies, as a task variable of the tasks that read it (nothing else uses it).
  const listVar = { [list]: `{{ ${V.ovsRolePackages} | default(${V.packages}) }}` };
  const fromList = { pointer: '/updateSystem/openvswitch/packages', rule: "the check of the Open vSwitch package list (the plan's list unless edpm_ovs_packages is set), before any change" };
  const fromQuery = { pointer: '/updateSystem/openvswitch/packages', rule: `the query of the installed Open vSwitch packages: what provides the listed names or owns the ${ovs.serviceName} unit, with their subpackages` };
  const unitFile = openvswitchUnitPath(ovs.serviceName);
  const listCheck = (checkWhen: readonly string[] | undefined, checkTags: readonly string[]) =>
    recordOrigin(task(OVS_LIST_CHECK_TASK, 'ansible.builtin.assert', {
      that: [
        `${list} is sequence and ${list} is not string and ${list} is not mapping`,
        `${list} | length > 0`,
        `${list} | reject('string') | list == []`,
        `${list} | reject('match', '${pattern}') | list == []`,
        `${list} | reject('search', 'openvswitch') | list == []`,
      ],
      fail_msg:
        `${V.ovsRolePackages} (else ${V.packages}) must name at least one Open vSwitch package, without globs ` +
        `(${openvswitchPackage.rule}): the Open vSwitch step updates them without their RPM scriptlets; found {{ ${list} }}`,
      quiet: true,
    }, { vars: listVar, ...(checkWhen === undefined ? {} : { when: checkWhen }), tags: checkTags }), fromList);
  // Step 2 alone. Inline step: in tasks/query.yml, included when the find-and-update task was not
  // selected by the tags (the include's condition: no condition of their own).
  const queryWhen = inline ? undefined : when;
  const retriesArgs = inline ? `${V.effectiveRetries} | int | string, ${V.effectiveDelay} | int | string` : "'0', '0'";
  const query = recordOrigin(task(OVS_QUERY_TASK, 'ansible.builtin.command', {
    // The find-and-update script, which updates nothing in mode `query`. It refreshes the dnf metadata,
    // tried again as the Open vSwitch download is (inline step; with tasks from a role: not tried again).
    argv: `{{ ['sh', '-c', ${V.findUpdateScript}, 'find-openvswitch', '${unitFile}', '${ovs.serviceName}', ${retriesArgs}, 'query'] + ${list} }}`,
  }, {
    vars: { ...listVar, [V.findUpdateScript]: FIND_AND_UPDATE_OPENVSWITCH_SCRIPT },
    register: V.query,
    checkMode: false,
    changedWhen: false,
    ...(queryWhen === undefined ? {} : { when: queryWhen }),
    become: true,
    tags: tags.query,
  }), fromQuery);
  if (!inline) return { main: [listCheck(when, tags.query), query], query: null };
  const unit = ovs.serviceName;
  const findAndUpdate = recordOrigin(
    task(`${OVS_QUERY_TASK}; when one of them has one, download their updates, install them without their RPM scriptlets, enable the ${unit} service`, 'ansible.builtin.command', {
      argv:
        `{{ ['sh', '-c', ${V.findUpdateScript}, 'find-update-openvswitch', '${unitFile}', '${unit}', ` +
        `${retriesArgs}, 'check' if ansible_check_mode else 'update'] + ${list} }}`,
    }, {
      vars: { ...listVar, [V.findUpdateScript]: FIND_AND_UPDATE_OPENVSWITCH_SCRIPT },
      register: V.update,
      // Runs in check mode too, for the query; the script itself never updates there.
      checkMode: false,
      changedWhen: `'${OPENVSWITCH_UPDATED_LINE}' in (${V.update}.stdout_lines | default([]))`,
      when,
      become: true,
      tags: tags.update,
    }),
    {
      pointer: '/updateSystem/openvswitch/serviceName',
      rule:
        `the inline Open vSwitch step: find the installed Open vSwitch packages and the pending updates, and when one of them has one, download the updates ` +
        `(retries and delay: edpm_ovs, else the plan), install them without their RPM scriptlets, enable ${unit} again`,
    },
  );
  // The check and the query alone, when the find-and-update task was not selected: one include
  // (skipped on the controller in a whole run) rather than two skipped tasks. The include and both
  // tasks carry the same tags, so a selection that picks the include picks both.
  const queryInclude = recordOrigin(
    task(OVS_QUERY_INCLUDE_TASK, 'ansible.builtin.include_tasks', { file: `${OVS_QUERY_TASK_FILE}.yml` }, {
      when: [...when, `${V.update} is not defined`],
      tags: tags.query,
    }),
    fromQuery,
  );
  return { main: [listCheck(when, tags.update), findAndUpdate, queryInclude], query: [listCheck(undefined, tags.query), query] };
}

/** File (without .yml) of the check and the query alone (inline step): included by tasks/main.yml when the find-and-update task was not selected. */
export const OVS_QUERY_TASK_FILE = 'query';

/** Name of the include of OVS_QUERY_TASK_FILE. */
export const OVS_QUERY_INCLUDE_TASK = 'Check the Open vSwitch package list and find the packages alone (the update is not selected)';

/**
 * What step 2 found, as task variables of the task that reads it (the
 * all-packages step): its words, from whichever of the two query tasks ran,
 * then the installed Open vSwitch packages and the packages with a pending
 * update. Task variables, not facts: no task of their own (a controller
 * round of its own on every run), and templated only when read, which is
 * only when step 2 ran (openvswitchQueryRan). Added to `vars` (a task's
 * variables), each with its origin.
 */
export function addOpenvswitchFindingsVars(vars: Record<string, unknown>, plan: UpdatePlan): void {
  const inline = plan.updateSystem.openvswitch.tasks.kind === 'inline';
  const source = inline ? `(${V.update} if ${V.update}.stdout_lines is defined else ${V.query})` : V.query;
  const findings = {
    [V.queryWords]: `{{ ${wordsOf(source)} }}`,
    [V.installed]: `{{ ${namesOf(V.queryWords, 'openvswitch')} }}`,
    [V.pending]: `{{ ${namesOf(V.queryWords, 'update')} }}`,
  };
  const fromQuery = {
    pointer: '/updateSystem/openvswitch/packages',
    rule: `what the query of step 2 found: the installed Open vSwitch packages (what provides the listed names or owns the ${plan.updateSystem.openvswitch.serviceName} unit, with their subpackages) and the pending updates`,
  };
  for (const [name, value] of Object.entries(findings)) {
    vars[name] = value;
    recordMemberOrigin(vars, name, fromQuery);
  }
}

/** `tasks/openvswitch.yml`. */
export function openvswitchTasks(plan: UpdatePlan, tags: readonly string[], context: CompileContext): Task[] {
  const ovs = plan.updateSystem.openvswitch;
  if (ovs.tasks.kind === 'role') {
    const role = ovs.tasks.role;
    return ovs.tasks.tasks.map((file, i) =>
      recordOrigin(
        task(`Update Open vSwitch with ${role} ${context.taskFile(role, file)}`, 'ansible.builtin.import_role', {
          name: `${plan.collection}.${role}`,
          tasks_from: context.taskFile(role, file),
        }, { tags }),
        itemOrigin({ list: '/updateSystem/openvswitch/tasks/tasks', index: i }, 'a task file of the Open vSwitch role the plan names, in plan order'),
      ),
    );
  }
  const unit = ovs.serviceName;
  // edpm_ovs's own tags (update/ovs on the update, reload/ovs on the reload),
  // which tag selections written for the hand-written roles use.
  const updateTags = [...tags, ...OVS_TASK_TAGS.update];
  const inline = (rule: string, pointer = '/updateSystem/openvswitch') => ({ pointer, rule });
  // What the find-and-update task (tasks/main.yml, tagged as this preview) found.
  const found = (kind: 'openvswitch' | 'update') => namesOf(V.updateWords, kind);
  const [preview, reload] = [
    // Check mode only: the find-and-update task does not update there; the
    // dnf module says what the update would bring (no download, no refresh: the query made one).
    task('Show the updates of the Open vSwitch packages (check mode)', 'ansible.builtin.dnf', {
      name: `{{ ${found('openvswitch')} }}`,
      state: 'latest',
      update_only: true,
      download_only: true,
    }, {
      vars: { [V.updateWords]: `{{ ${wordsOf(V.update)} }}` },
      when: ['ansible_check_mode', `${found('openvswitch')} | intersect(${found('update')}) | length > 0`],
      become: true,
      tags: updateTags,
    }),
    // After an update only; `--tags reload` alone selects only this task: the
    // update was not selected in this play (its result is undefined), and the
    // reload is what was asked for.
    task(`Reload the ${unit} service`, 'ansible.builtin.systemd_service', {
      name: unit,
      daemon_reload: true,
      state: 'reloaded',
      masked: false,
    }, { when: [`${V.update} is not defined or ${V.update} is changed`, `${V.effectiveReload} | bool`], become: true, tags: [...tags, ...OVS_TASK_TAGS.reload] }),
  ] as const;
  return [
    recordOrigin(preview, inline('the inline Open vSwitch step in check mode: what the update of the packages found would bring')),
    recordOrigin(reload, inline(`the inline Open vSwitch step: reload ${unit} when asked`, '/updateSystem/openvswitch/reloadAfterUpdate')),
  ];
}

/** `vars/main.yml`: the values the inline step uses, honouring edpm_ovs's names and the EDPM-wide download settings (none when its tasks come from a role). */
export function openvswitchRoleVars(plan: UpdatePlan): Record<string, string> | null {
  const ovs = plan.updateSystem.openvswitch;
  if (ovs.tasks.kind !== 'inline') return null;
  const vars = {
    [V.effectiveReload]: `{{ ${V.ovsRoleReload} | default(${V.reload}) }}`,
    [V.effectiveRetries]: `{{ ${V.ovsRoleRetries} | default(${V.downloadRetries}) | default(${ovs.downloadRetries}) }}`,
    [V.effectiveDelay]: `{{ ${V.ovsRoleDelay} | default(${V.downloadDelay}) | default(${ovs.downloadDelay}) }}`,
  };
  recordMemberOrigin(vars, V.effectiveReload, { pointer: '/updateSystem/openvswitch/reloadAfterUpdate', rule: `the reload setting that applies: ${V.ovsRoleReload}, else ${V.reload} (the plan's reloadAfterUpdate)` });
  recordMemberOrigin(vars, V.effectiveRetries, { pointer: '/updateSystem/openvswitch/downloadRetries', rule: `the download retries that apply: ${V.ovsRoleRetries}, else ${V.downloadRetries}, else the plan's downloadRetries` });
  recordMemberOrigin(vars, V.effectiveDelay, { pointer: '/updateSystem/openvswitch/downloadDelay', rule: `the download delay that applies: ${V.ovsRoleDelay}, else ${V.downloadDelay}, else the plan's downloadDelay` });
  return vars;
}

/** The values the README's Open vSwitch step shows (templates/readme/edpm_update_system-steps.md.hbs). */
export function openvswitchReadmeData(plan: UpdatePlan, context: CompileContext): Record<string, unknown> {
  const ovs = plan.updateSystem.openvswitch;
  const common = { vars: V, packages: ovs.packages, serviceName: ovs.serviceName, unitPath: openvswitchUnitPath(ovs.serviceName) };
  if (ovs.tasks.kind === 'role') {
    const role = ovs.tasks.role;
    return { ...common, role: `${plan.collection}.${role}`, taskFiles: ovs.tasks.tasks.map((t) => context.taskFile(role, t)) };
  }
  return { ...common, role: null, downloadRetries: ovs.downloadRetries, downloadDelay: ovs.downloadDelay };
}
