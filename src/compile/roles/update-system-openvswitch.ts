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
 * 2. find, in one query on the node (no change; run in check mode too),
 *    the Open vSwitch packages installed: the installed packages built
 *    from the same source package as those that provide a listed name (the
 *    wrapper, or a plain openvswitch) or own the service's unit (the stream
 *    package), i.e. with their subpackages; and, from `dnf check-update`
 *    after a refresh of the metadata, the installed packages with a pending
 *    update (or obsoleted by a newer one). Nothing pending, nothing else
 *    reaches the node: a second run of the role costs two round trips;
 * 3. if an Open vSwitch package has a pending update, in one command (one
 *    round trip): download their updates into the dnf cache (retries and
 *    delay of edpm_ovs, which the query also takes); install them with
 *    `dnf update --cacheonly --setopt=tsflags=noscripts -- <names>`: within
 *    a stream this takes the new build of the stream package and its pinned
 *    subpackages; a new wrapper brings a new stream package, which obsoletes
 *    the old stream's packages; and no RPM scriptlet stops or disables the
 *    service; then enable the service (a stream change leaves it disabled).
 *    In check mode, where the command does not run, the dnf module shows
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
 */
import { diagnosticAt, InputError } from '../../core/diagnostics.js';
import { openvswitchPackage, openvswitchPackageProblems } from '../../model/names.js';
import type { UpdatePlan } from '../../model/plan.js';
import { OVS_ROLE, OVS_TASK_TAGS, UPDATE_SYSTEM_ROLE } from '../../model/roles.js';
import type { CompileContext } from '../compile-context.js';
import { recordListOrigins, recordMemberOrigin, recordOrigin } from '../origin.js';
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
  findScript: `${P}_ovs_find_script`,
  update: `${P}_ovs_update`,
  updateScript: `${P}_ovs_update_script`,
  /** Facts kept from the query: the Open vSwitch packages installed, and the packages with a pending update. */
  installed: `${P}_ovs_installed_packages`,
  pending: `${P}_pending_updates`,
} as const;
const V = OVS_VARS;

/** Name of the task that checks the package list (the scenarios expect the role to stop there). */
export const OVS_LIST_CHECK_TASK = 'Check the Open vSwitch package list';

/** Name of the query of step 2. */
export const OVS_QUERY_TASK = 'Find the Open vSwitch packages installed on the node and the pending updates';

/**
 * The node-side query of step 2, run as `sh -c SCRIPT find UNIT NAME...`
 * (arguments, never pasted into the text). Prints one line per finding,
 * each sorted:
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
 */
export const FIND_OPENVSWITCH_SCRIPT = [
  'set -eu',
  'unit=$1',
  'shift',
  "sources=$(rpm -q --qf '%{SOURCERPM}\\n' --whatprovides \"$@\" \"$unit\" 2>/dev/null | sed -n 's/-[^-]*-[^-]*[.]src[.]rpm$//p' | sort -u)",
  'if [ -n "$sources" ]; then',
  "  rpm -qa --qf '%{SOURCERPM} %{NAME}\\n' | awk -v sources=\"$sources\" '",
  '    BEGIN { n = split(sources, list, "\\n"); for (i = 1; i <= n; i++) wanted[list[i]] = 1 }',
  '    { sub(/-[^-]*-[^-]*[.]src[.]rpm$/, "", $1) }',
  '    $1 in wanted { print "openvswitch " $2 }',
  "  ' | sort -u",
  'fi',
  'status=0',
  'updates=$(dnf -q --refresh check-update) || status=$?',
  'if [ "$status" -eq 1 ] && repos=$(dnf -q repolist --enabled) && [ -z "$repos" ]; then',
  "  status=0 updates=''",
  'fi',
  '[ "$status" -eq 0 ] || [ "$status" -eq 100 ] || exit "$status"',
  "printf '%s\\n' \"$updates\" | awk '",
  '  NF > 0 && $0 !~ /^Obsoleting Packages/ { n = $1; sub(/[.][^.]*$/, "", n); print "update " n }',
  "' | sort -u",
  '',
].join('\n');

/**
 * Steps 3 to 5 but the reload, in one command (one round trip), run as `sh
 * -c SCRIPT update UNIT RETRIES DELAY NAME...`: download the updates of the
 * names into the dnf cache, tried again RETRIES times DELAY seconds apart;
 * then `dnf update` of the names from the cache, without scriptlets (the dnf
 * module cannot pass `--setopt`); then `systemctl enable UNIT`. Stops at the
 * first failure: no install without the whole download.
 */
export const UPDATE_OPENVSWITCH_SCRIPT = [
  'set -eu',
  'unit=$1 retries=$2 delay=$3',
  'shift 3',
  'tries=0',
  'until dnf update -y --downloadonly -- "$@"; do',
  '  [ "$tries" -lt "$retries" ] || exit 1',
  '  tries=$((tries + 1))',
  '  sleep "$delay"',
  'done',
  'dnf update -y --cacheonly --setopt=tsflags=noscripts -- "$@"',
  'systemctl enable "$unit"',
  '',
].join('\n');

/** Path of the service's unit, whose owner is the package that really is Open vSwitch. */
export function openvswitchUnitPath(serviceName: string): string {
  return `/usr/lib/systemd/system/${serviceName.replace(/\.service$/u, '')}.service`;
}

/** A Jinja test: whether the query of step 2 ran (not skipped by a condition or by tags). */
export const OPENVSWITCH_QUERY_RAN = `(${V.query}.stdout_lines is defined)`;

/** The installed Open vSwitch packages found by step 2, or every *openvswitch* name when step 2 did not run (tags). */
export const INSTALLED_OPENVSWITCH_EXPRESSION = `(${V.installed} if ${OPENVSWITCH_QUERY_RAN} else ['*openvswitch*'])`;

/** The packages with a pending update that step 2 found; every package ('*') when it did not run (tags). */
export const PENDING_UPDATES_EXPRESSION = `(${V.pending} if ${OPENVSWITCH_QUERY_RAN} else ['*'])`;

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

/**
 * The two tasks `tasks/main.yml` runs before the Open vSwitch step and the
 * all-packages step (it carries both steps' tags): the check of the list and
 * the query of the installed Open vSwitch packages.
 */
export function openvswitchPreludeTasks(plan: UpdatePlan, when: readonly string[], tags: readonly string[]): Task[] {
  const ovs = plan.updateSystem.openvswitch;
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
  // The list that applies, as a task variable of both tasks (nothing else uses it).
  const listVar = { [list]: `{{ ${V.ovsRolePackages} | default(${V.packages}) }}` };
  const fromList = { pointer: '/updateSystem/openvswitch/packages', rule: "the check of the Open vSwitch package list (the plan's list unless edpm_ovs_packages is set), before any change" };
  const fromQuery = { pointer: '/updateSystem/openvswitch/packages', rule: `the query of the installed Open vSwitch packages: what provides the listed names or owns the ${ovs.serviceName} unit, with their subpackages` };
  return [
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
    }, { vars: listVar, when, tags }), fromList),
    recordOrigin(task(OVS_QUERY_TASK, 'ansible.builtin.command', {
      argv: `{{ ['sh', '-c', ${V.findScript}, 'find-openvswitch', '${openvswitchUnitPath(ovs.serviceName)}'] + ${list} }}`,
    }, {
      vars: { ...listVar, [V.findScript]: FIND_OPENVSWITCH_SCRIPT },
      register: V.query,
      // It refreshes the dnf metadata: tried again as the Open vSwitch download is.
      ...(ovs.tasks.kind === 'inline'
        ? { until: `${V.query} is succeeded`, retries: `{{ ${V.effectiveRetries} }}`, delay: `{{ ${V.effectiveDelay} }}` }
        : {}),
      checkMode: false,
      changedWhen: false,
      when,
      become: true,
      tags,
    }), fromQuery),
    recordOrigin(task('Keep what the query found', 'ansible.builtin.set_fact', {
      [V.installed]: `{{ ${V.queryWords} | selectattr(0, 'equalto', 'openvswitch') | map(attribute=1) | list }}`,
      [V.pending]: `{{ ${V.queryWords} | selectattr(0, 'equalto', 'update') | map(attribute=1) | list }}`,
    }, { vars: { [V.queryWords]: `{{ ${V.query}.stdout_lines | map('split') | list }}` }, when, tags }), fromQuery),
  ];
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
        { pointer: `/updateSystem/openvswitch/tasks/tasks/${i}`, rule: 'a task file of the Open vSwitch role the plan names, in plan order' },
      ),
    );
  }
  const unit = ovs.serviceName;
  // edpm_ovs's own tags (update/ovs on the update, reload/ovs on the reload),
  // which tag selections written for the hand-written roles use.
  const updateTags = [...tags, ...OVS_TASK_TAGS.update];
  const inline = (rule: string, pointer = '/updateSystem/openvswitch') => ({ pointer, rule });
  const pending = `${V.installed} | intersect(${V.pending}) | length > 0`;
  const [preview, update, reload] = [
    // Check mode only: the command below does not run there; the dnf module
    // says what the update would bring (no download, no refresh: the query made one).
    task('Show the updates of the Open vSwitch packages (check mode)', 'ansible.builtin.dnf', {
      name: `{{ ${V.installed} }}`,
      state: 'latest',
      update_only: true,
      download_only: true,
    }, {
      when: ['ansible_check_mode', pending],
      become: true,
      tags: updateTags,
    }),
    task(`Download the updates of the Open vSwitch packages, install them without their RPM scriptlets, enable the ${unit} service`, 'ansible.builtin.command', {
      argv: `{{ ['sh', '-c', ${V.updateScript}, 'update-openvswitch', '${unit}', ${V.effectiveRetries} | int | string, ${V.effectiveDelay} | int | string] + ${V.installed} }}`,
    }, {
      vars: { [V.updateScript]: UPDATE_OPENVSWITCH_SCRIPT },
      register: V.update,
      changedWhen: true,
      // Only when the query saw a pending update of one of them: else nothing reaches the node.
      when: pending,
      become: true,
      tags: updateTags,
    }),
    // `--tags reload` alone selects only this task: the update did not run in
    // this play (its result is undefined), and the reload is what was asked for.
    task(`Reload the ${unit} service`, 'ansible.builtin.systemd_service', {
      name: unit,
      daemon_reload: true,
      state: 'reloaded',
      masked: false,
    }, { when: [`${V.update} is not defined or ${V.update} is not skipped`, `${V.effectiveReload} | bool`], become: true, tags: [...tags, ...OVS_TASK_TAGS.reload] }),
  ] as const;
  return [
    recordOrigin(preview, inline('the inline Open vSwitch step in check mode: what the update of the packages found would bring')),
    recordOrigin(
      update,
      inline(
        `the inline Open vSwitch step: download the updates of the packages found (retries and delay: edpm_ovs, else the plan), install them without their RPM scriptlets, enable ${unit} again`,
        '/updateSystem/openvswitch/serviceName',
      ),
    ),
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
