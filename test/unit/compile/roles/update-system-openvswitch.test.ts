/**
 * The node-side query that finds the Open vSwitch packages to update (and
 * to keep out of the all-packages step) and the pending updates, run for
 * real: the generated task's script under `sh`, with a stand-in `rpm` on
 * PATH that answers from a list of installed packages and a stand-in `dnf`
 * that prints a `check-update` listing as dnf 4.14 (EL9) lays it out (a blank
 * line, `name.arch  version  repository` lines, then "Obsoleting Packages"
 * with each obsoleted package indented under its obsoleter) and exits 100
 * when it lists updates, 0 when none, 1 on an error. The stand-in answers the two queries the script
 * makes the way rpm 4.16 (EL9) does: `rpm -q --qf FMT --whatprovides CAP...`
 * prints FMT for each package providing CAP (a capability, or a file path:
 * its owner), else "no package provides CAP" (on stdout) and exits non-zero;
 * `rpm -qa --qf FMT` prints FMT for every package. The package lists stand
 * for the shapes the RPM fixtures build (molecule/rpms) and for what else a
 * real EL9 node has (bash, which provides /bin/sh; gpg-pubkey, whose
 * SOURCERPM is "(none)"; openvswitch-selinux-extra-policy, an Open vSwitch
 * package of another source, whose scriptlets load an SELinux module and must
 * run). The Molecule scenarios prove the same on real rpm and dnf.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editedPlan, yamlOf } from '../../../support/plans.js';
import { compilePlan } from '../../../../src/compile/compile-plan.js';

interface Installed {
  readonly name: string;
  readonly sourcerpm: string;
  readonly provides?: readonly string[];
  readonly files?: readonly string[];
}

const UNIT = '/usr/lib/systemd/system/openvswitch.service';

/** What every node has beside Open vSwitch. */
const SYSTEM: Installed[] = [
  { name: 'bash', sourcerpm: 'bash-5.1.8-9.el9.src.rpm', provides: ['/bin/sh', 'bash'], files: ['/usr/bin/bash'] },
  { name: 'gpg-pubkey', sourcerpm: '(none)' },
  { name: 'openvswitch-selinux-extra-policy', sourcerpm: 'openvswitch-selinux-extra-policy-1.0-34.el9fdp.src.rpm' },
  { name: 'edpm-fixture-tools', sourcerpm: 'edpm-fixture-tools-1.0-1.src.rpm' },
];

const stream = (s: string, release: string, sub: readonly string[]): Installed[] => [
  { name: `openvswitch${s}`, sourcerpm: `openvswitch${s}-${s}.0-${release}.src.rpm`, files: [UNIT] },
  ...sub.map((n) => ({ name: n, sourcerpm: `openvswitch${s}-${s}.0-${release}.src.rpm` })),
];
const wrapper = (name: string, s: string): Installed => ({ name, sourcerpm: `${name}-${s}-1.src.rpm`, provides: [name, 'openvswitch'] });

const SHAPES: Record<string, Installed[]> = {
  plain: [
    { name: 'openvswitch', sourcerpm: 'openvswitch-3.2.0-1.src.rpm', provides: ['openvswitch'], files: [UNIT] },
    { name: 'python3-openvswitch', sourcerpm: 'openvswitch-3.2.0-1.src.rpm' },
  ],
  rdoBuild: [wrapper('rdo-openvswitch', '3.3'), ...stream('3.3', '1', ['python3-openvswitch3.3', 'openvswitch3.3-devel'])],
  rdoStream: [wrapper('rdo-openvswitch', '3.1'), ...stream('3.1', '1', ['python3-openvswitch3.1'])],
  rhosoBuild: [wrapper('rhoso-openvswitch', '3.3'), ...stream('3.3', '1', [])],
  // A subpackage of another build of the same source still belongs to it.
  mixedBuilds: [
    wrapper('rhoso-openvswitch', '3.3'),
    ...stream('3.3', '2', []),
    { name: 'network-scripts-openvswitch3.3', sourcerpm: 'openvswitch3.3-3.3.0-1.src.rpm' },
  ],
  none: [],
  // RDO's real wrapper (rdo-common/rdo-openvswitch, rdo-openvswitch.spec): one
  // source builds rdo-openvswitch (Epoch 1, Provides openvswitch) and wrapper
  // subpackages that do not provide openvswitch, such as
  // python3-rdo-openvswitch (Provides python3-openvswitch, obsoletes the old
  // stream's python3-openvswitch3.x) and rdo-ovn (Requires rdo-openvswitch of
  // its exact version-release); the FDP stream package (openvswitch3.4.spec)
  // conflicts with the older streams instead of obsoleting them. A wrapper
  // update must take its subpackages along, or best=True fails on them.
  rdoWrapperSubpackages: [
    { name: 'rdo-openvswitch', sourcerpm: 'rdo-openvswitch-3.3-1.el9s.src.rpm', provides: ['rdo-openvswitch', 'openvswitch', 'rhosp-openvswitch'] },
    { name: 'python3-rdo-openvswitch', sourcerpm: 'rdo-openvswitch-3.3-1.el9s.src.rpm', provides: ['python3-rdo-openvswitch', 'python3-openvswitch'] },
    { name: 'rdo-ovn', sourcerpm: 'rdo-openvswitch-3.3-1.el9s.src.rpm', provides: ['rdo-ovn', 'ovn'] },
    { name: 'openvswitch3.3', sourcerpm: 'openvswitch3.3-3.3.4-62.el9fdp.src.rpm', files: [UNIT] },
    { name: 'python3-openvswitch3.3', sourcerpm: 'openvswitch3.3-3.3.4-62.el9fdp.src.rpm' },
  ],
};

const FAKE_RPM = `#!/usr/bin/env node
const db = JSON.parse(require('fs').readFileSync(process.env.FAKE_RPM_DB, 'utf8'));
const args = process.argv.slice(2);
const at = args.indexOf('--qf');
const fmt = args[at + 1].replace(/\\\\n/g, '\\n');
const show = (p) => process.stdout.write(fmt.replace(/%\\{SOURCERPM\\}/g, p.sourcerpm).replace(/%\\{NAME\\}/g, p.name));
if (args.includes('-qa')) { db.forEach(show); process.exit(0); }
const w = args.indexOf('--whatprovides');
let missing = 0;
for (const cap of args.slice(w + 1)) {
  const found = db.filter((p) => (p.provides || []).includes(cap) || (p.files || []).includes(cap) || p.name === cap);
  if (found.length === 0) { process.stdout.write('no package provides ' + cap + '\\n'); missing++; }
  found.forEach(show);
}
process.exit(missing);
`;

const FAKE_DNF = `#!/bin/sh
case "$*" in
  "-q --refresh check-update") printf '%s' "$FAKE_DNF_LISTING"; exit "$FAKE_DNF_STATUS" ;;
  "-q repolist --enabled") printf '%s' "$FAKE_DNF_REPOS"; exit 0 ;;
  *) echo "unexpected dnf arguments: $*" >&2; exit 2 ;;
esac
`;

let dir: string;
let script: string;
let unitArg: string;
let serviceArg: string;
/** The query alone's arguments after `sh -c SCRIPT NAME`: unit, service, retries and delay, mode. */
let argvHead: RegExpExecArray;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edpm-ovs-find-'));
  writeFileSync(join(dir, 'rpm'), FAKE_RPM);
  chmodSync(join(dir, 'rpm'), 0o755);
  writeFileSync(join(dir, 'dnf'), FAKE_DNF);
  chmodSync(join(dir, 'dnf'), 0o755);
  // The query alone: tasks/query.yml (included when the find-and-update task is not selected).
  const alone = yamlOf(compilePlan(editedPlan(() => {})), 'edpm_update_system/tasks/query.yml') as Record<string, any>[];
  const find = alone.find((t) => t.name === 'Find the Open vSwitch packages installed on the node and the pending updates')!;
  script = find.vars.edpm_update_system_ovs_find_update_script;
  argvHead = /^\{\{ \['sh', '-c', edpm_update_system_ovs_find_update_script, 'find-openvswitch', '(\/usr\/lib\/systemd\/system\/[^']+)', '([^']+)', (.*), 'query'\] \+/u.exec(find['ansible.builtin.command'].argv)!;
  unitArg = argvHead[1]!;
  serviceArg = argvHead[2]!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the generated query on a node with these packages, for the package list `list`, dnf check-update printing `listing` and exiting `dnfStatus`. */
function query(
  installed: readonly Installed[],
  list: readonly string[],
  listing = '',
  dnfStatus = 0,
  repos = 'edpm-fixture-update   EDPM fixture updates\n',
): { openvswitch: string[]; updates: string[]; other: string[]; status: number | null } {
  const db = join(dir, 'db.json');
  writeFileSync(db, JSON.stringify([...SYSTEM, ...installed]));
  const r = spawnSync('sh', ['-c', script, 'find-openvswitch', unitArg, serviceArg, '0', '0', 'query', ...list], {
    env: { PATH: `${dir}:/usr/bin:/bin`, FAKE_RPM_DB: db, FAKE_DNF_LISTING: listing, FAKE_DNF_STATUS: String(dnfStatus), FAKE_DNF_REPOS: repos },
    encoding: 'utf8',
  });
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  const after = (prefix: string) => lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
  return { openvswitch: after('openvswitch '), updates: after('update '), other: lines.filter((l) => !/^(openvswitch|update) /u.test(l)), status: r.status };
}

/** The Open vSwitch packages the query finds (nothing pending). */
function find(installed: readonly Installed[], list: readonly string[]): { lines: string[]; status: number | null } {
  const r = query(installed, list);
  expect(r.updates).toEqual([]);
  expect(r.other).toEqual([]);
  return { lines: r.openvswitch, status: r.status };
}

describe('finding the Open vSwitch packages installed on a node', () => {
  it('asks for the unit of the plan', () => {
    expect(unitArg).toBe(UNIT);
  });
  it('is the find-and-update script in mode query, its refresh tried again with the download retries and delay', () => {
    expect(serviceArg).toBe('openvswitch');
    expect(argvHead[3]).toBe('edpm_update_system_ovs_download_retries | int | string, edpm_update_system_ovs_download_delay | int | string');
  });

  it('finds a plain openvswitch and its pinned subpackage', () => {
    expect(find(SHAPES.plain!, ['openvswitch'])).toEqual({ lines: ['openvswitch', 'python3-openvswitch'], status: 0 });
  });

  it('finds the wrapper through its provide, the stream package through the unit, and the stream subpackages', () => {
    expect(find(SHAPES.rdoBuild!, ['openvswitch']).lines).toEqual(['openvswitch3.3', 'openvswitch3.3-devel', 'python3-openvswitch3.3', 'rdo-openvswitch']);
    expect(find(SHAPES.rdoStream!, ['openvswitch']).lines).toEqual(['openvswitch3.1', 'python3-openvswitch3.1', 'rdo-openvswitch']);
    expect(find(SHAPES.rhosoBuild!, ['openvswitch']).lines).toEqual(['openvswitch3.3', 'rhoso-openvswitch']);
  });

  it("takes the wrapper's own subpackages (RDO's python3-rdo-openvswitch, rdo-ovn), which do not provide openvswitch", () => {
    expect(find(SHAPES.rdoWrapperSubpackages!, ['openvswitch']).lines).toEqual(['openvswitch3.3', 'python3-openvswitch3.3', 'python3-rdo-openvswitch', 'rdo-openvswitch', 'rdo-ovn']);
  });

  it('takes subpackages of another build of the same source', () => {
    expect(find(SHAPES.mixedBuilds!, ['openvswitch']).lines).toEqual(['network-scripts-openvswitch3.3', 'openvswitch3.3', 'rhoso-openvswitch']);
  });

  it('leaves out packages of other sources, Open vSwitch ones included, and packages with no source', () => {
    for (const shape of Object.values(SHAPES)) {
      const { lines } = find(shape, ['openvswitch', 'rdo-openvswitch', 'rhoso-openvswitch']);
      for (const other of SYSTEM) expect(lines).not.toContain(other.name);
    }
  });

  it('finds nothing, without failing, where no Open vSwitch is installed', () => {
    expect(find(SHAPES.none!, ['openvswitch', 'rhoso-openvswitch'])).toEqual({ lines: [], status: 0 });
  });

  it('finds the same whichever listed names are installed', () => {
    expect(find(SHAPES.rdoBuild!, ['rhoso-openvswitch', 'openvswitch']).lines).toEqual(find(SHAPES.rdoBuild!, ['openvswitch']).lines);
    expect(find(SHAPES.rdoBuild!, ['rdo-openvswitch']).lines).toEqual(find(SHAPES.rdoBuild!, ['openvswitch']).lines);
  });
});

describe('the pending updates the query lists (dnf check-update)', () => {
  const listing = [
    '',
    'openstack-selinux.noarch                  2.0-1                    edpm-fixture-update',
    'rhoso-openvswitch.noarch                  3.3-1                    edpm-fixture-openvswitch-update',
    'a-package-with-a-very-long-name-that-wraps.x86_64',
    '                                          1.2.3-4.el9              edpm-fixture-update',
    'Obsoleting Packages',
    'openvswitch3.3.noarch                     3.3.0-2                  edpm-fixture-openvswitch-update',
    '    openvswitch3.1.noarch                 3.1.0-1                  @System',
    '',
  ].join('\n');
  it('lists each package of the listing by name, without its architecture, with the obsoleting and the obsoleted packages', () => {
    const r = query(SHAPES.rdoStream!, ['openvswitch'], listing, 100);
    expect(r.status).toBe(0);
    expect(r.openvswitch).toEqual(['openvswitch3.1', 'python3-openvswitch3.1', 'rdo-openvswitch']);
    // A wrapped line's second half gives a word that is no package name ("1.2.3-4"): harmless, it only makes a step run.
    expect(r.updates).toEqual(['1.2.3-4', 'a-package-with-a-very-long-name-that-wraps', 'openstack-selinux', 'openvswitch3.1', 'openvswitch3.3', 'rhoso-openvswitch']);
    expect(r.other).toEqual([]);
  });
  it('lists nothing when dnf has nothing to update', () => {
    expect(query(SHAPES.rdoBuild!, ['openvswitch'], '', 0)).toEqual({
      openvswitch: ['openvswitch3.3', 'openvswitch3.3-devel', 'python3-openvswitch3.3', 'rdo-openvswitch'],
      updates: [],
      other: [],
      status: 0,
    });
  });
  it('fails, with dnf\'s status, when dnf fails (a repository that cannot be read): the role must not take "nothing pending" from an error', () => {
    expect(query(SHAPES.plain!, ['openvswitch'], '', 1).status).toBe(1);
  });
  it('lists nothing on a node with no repository enabled (dnf exits 1 there; the dnf module finds nothing to update either)', () => {
    const r = query(SHAPES.plain!, ['openvswitch'], 'Error: There are no enabled repositories in "/etc/yum.repos.d".\n', 1, '');
    expect(r.status).toBe(0);
    expect(r.updates).toEqual([]);
    expect(r.openvswitch.length).toBeGreaterThan(0);
  });
});

/**
 * The find-and-update command (steps 2 and 3 in one task), run for real
 * under `sh` with the stand-in `rpm` above, and stand-ins of `dnf`,
 * `systemctl` and `sleep` that append their arguments to a log. The
 * stand-in dnf answers `check-update` and `repolist` as above (its first
 * FAKE_CHECK_FAILURES refreshes fail, as an unreachable mirror makes them),
 * fails its first FAKE_DNF_FAILURES downloads as a flaky mirror does, and
 * prints on stdout what dnf 4 prints on a transaction (a table whose lines
 * start with a package name), which must not reach the task's stdout, where
 * the role reads the `openvswitch NAME` and `update NAME` lines.
 */
describe('the find-and-update command: the same findings, then download with retries, install without scriptlets, enable', () => {
  const FAKE_DNF_ALL = `#!/bin/sh
echo "dnf $*" >> "$FAKE_LOG"
count() { n=$(cat "$1" 2>/dev/null || echo 0); echo $((n + 1)) > "$1"; echo "$n"; }
case "$*" in
  "-q --refresh check-update")
    [ "$(count "$FAKE_COUNT.check")" -ge "\${FAKE_CHECK_FAILURES:-0}" ] || { echo "Curl error (6): could not resolve host" >&2; exit 1; }
    printf '%s' "$FAKE_DNF_LISTING"; exit "$FAKE_DNF_STATUS" ;;
  "-q repolist --enabled") printf '%s' "$FAKE_DNF_REPOS"; exit 0 ;;
  "update -y --downloadonly -- "*)
    [ "$(count "$FAKE_COUNT.download")" -ge "\${FAKE_DNF_FAILURES:-0}" ] || { echo "Curl error (6): could not resolve host" >&2; exit 1; }
    echo "Upgrading:"; echo " openvswitch3.3   noarch   3.3.0-2   edpm-fixture-openvswitch-update   9 k"; exit 0 ;;
  "update -y --cacheonly --setopt=tsflags=noscripts -- "*)
    echo " openvswitch3.3   noarch   3.3.0-2"; echo " update   noarch"; exit "\${FAKE_INSTALL_STATUS:-0}" ;;
  *) echo "unexpected dnf arguments: $*" >&2; exit 2 ;;
esac
`;
  // systemctl as systemd 252 answers for a unit masked (FAKE_UNIT_STATE=masked: enable fails) or
  // broken (FAKE_UNIT_STATE=bad: enable fails, is-enabled says so); else enable succeeds.
  const FAKE_TOOL = `#!/bin/sh
echo "$(basename "$0") $*" >> "$FAKE_LOG"
[ "$(basename "$0")" = systemctl ] || exit 0
case "$1:\${FAKE_UNIT_STATE:-}" in
  enable:masked) echo "Failed to enable unit: Unit file /etc/systemd/system/openvswitch.service is masked." >&2; exit 1 ;;
  enable:bad) echo "Failed to enable unit: Unit openvswitch.service has a bad unit file setting." >&2; exit 1 ;;
  is-enabled:masked) echo masked; exit 1 ;;
  is-enabled:bad) echo bad; exit 1 ;;
esac
echo "Created symlink /etc/systemd/system/multi-user.target.wants/openvswitch.service"
exit 0
`;
  const OVS_LISTING = [
    '',
    'openstack-selinux.noarch                  2.0-1                    edpm-fixture-update',
    'openvswitch3.3.noarch                     3.3.0-2                  edpm-fixture-openvswitch-update',
    '',
  ].join('\n');
  const OTHER_LISTING = ['', 'openstack-selinux.noarch                  2.0-1                    edpm-fixture-update', ''].join('\n');
  let findUpdateScript: string;
  let argvOf: string;
  let bin: string;
  let runs = 0;
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'edpm-ovs-update-'));
    writeFileSync(join(bin, 'rpm'), FAKE_RPM);
    writeFileSync(join(bin, 'dnf'), FAKE_DNF_ALL);
    for (const tool of ['systemctl', 'sleep']) writeFileSync(join(bin, tool), FAKE_TOOL);
    for (const tool of ['rpm', 'dnf', 'systemctl', 'sleep']) chmodSync(join(bin, tool), 0o755);
    const main = yamlOf(compilePlan(editedPlan(() => {})), 'edpm_update_system/tasks/main.yml') as Record<string, any>[];
    const task = main.find((t) => t.vars?.edpm_update_system_ovs_find_update_script !== undefined)!;
    findUpdateScript = task.vars.edpm_update_system_ovs_find_update_script;
    argvOf = task['ansible.builtin.command'].argv;
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  interface Run {
    readonly installed?: readonly Installed[];
    readonly listing?: string;
    readonly dnfStatus?: number;
    readonly repos?: string;
    readonly mode?: 'update' | 'check';
    readonly retries?: number;
    readonly checkFailures?: number;
    readonly downloadFailures?: number;
    readonly installStatus?: number;
    readonly unitState?: 'masked' | 'bad';
  }
  function run(r: Run): { stdout: string[]; calls: string[]; status: number | null } {
    runs += 1;
    const db = join(bin, `db-${runs}.json`);
    const log = join(bin, `log-${runs}`);
    writeFileSync(db, JSON.stringify([...SYSTEM, ...(r.installed ?? SHAPES.rdoBuild!)]));
    const out = spawnSync('sh', ['-c', findUpdateScript, 'find-update-openvswitch', UNIT, 'openvswitch', String(r.retries ?? 5), '7', r.mode ?? 'update', 'openvswitch'], {
      env: {
        PATH: `${bin}:/usr/bin:/bin`,
        FAKE_RPM_DB: db,
        FAKE_LOG: log,
        FAKE_COUNT: join(bin, `count-${runs}`),
        FAKE_DNF_LISTING: r.listing ?? OVS_LISTING,
        FAKE_DNF_STATUS: String(r.dnfStatus ?? 100),
        FAKE_DNF_REPOS: r.repos ?? 'edpm-fixture-update   EDPM fixture updates\n',
        FAKE_CHECK_FAILURES: String(r.checkFailures ?? 0),
        FAKE_DNF_FAILURES: String(r.downloadFailures ?? 0),
        FAKE_INSTALL_STATUS: String(r.installStatus ?? 0),
        FAKE_UNIT_STATE: r.unitState ?? '',
      },
      encoding: 'utf8',
    });
    let calls: string[] = [];
    try {
      calls = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
    } catch {
      calls = [];
    }
    return { stdout: out.stdout.split('\n').filter((l) => l !== ''), calls, status: out.status };
  }

  const check = 'dnf -q --refresh check-update';
  const names = 'openvswitch3.3 openvswitch3.3-devel python3-openvswitch3.3 rdo-openvswitch';
  const download = `dnf update -y --downloadonly -- ${names}`;
  const install = `dnf update -y --cacheonly --setopt=tsflags=noscripts -- ${names}`;
  const found = ['openvswitch openvswitch3.3', 'openvswitch openvswitch3.3-devel', 'openvswitch python3-openvswitch3.3', 'openvswitch rdo-openvswitch'];
  const pending = ['update openstack-selinux', 'update openvswitch3.3'];

  it('is given the unit, the service, the retries, the delay, whether in check mode, then the list, as arguments', () => {
    expect(argvOf).toContain("'find-update-openvswitch', '/usr/lib/systemd/system/openvswitch.service', 'openvswitch', ");
    expect(argvOf).toContain("'check' if ansible_check_mode else 'update'] + edpm_update_system_ovs_update_packages }}");
  });
  it('prints what the query alone prints, on every shape and listing (in check mode, where it stops there)', () => {
    for (const [shape, installed] of Object.entries(SHAPES)) {
      for (const listing of [OVS_LISTING, OTHER_LISTING, '']) {
        const alone = query(installed, ['openvswitch'], listing, listing === '' ? 0 : 100);
        const r = run({ installed, listing, dnfStatus: listing === '' ? 0 : 100, mode: 'check' });
        expect(r.status, shape).toBe(0);
        expect(r.stdout, shape).toEqual([...alone.openvswitch.map((n) => `openvswitch ${n}`), ...alone.updates.map((n) => `update ${n}`)]);
      }
    }
  });
  it('with a pending update of an Open vSwitch package: downloads, installs from the cache without scriptlets, says "changed", enables the unit; dnf\'s own output kept off stdout', () => {
    expect(run({})).toEqual({ stdout: [...found, ...pending, 'changed'], calls: [check, download, install, 'systemctl enable openvswitch'], status: 0 });
  });
  it('leaves a unit masked on purpose masked (as edpm_ovs\'s update does), having updated; fails when enabling fails otherwise', () => {
    // systemd 252 refuses to enable a masked unit; before, the command then failed after the packages
    // had changed, and a second run, with nothing pending, left the unit masked and succeeded.
    const masked = run({ unitState: 'masked' });
    expect(masked).toEqual({ stdout: [...found, ...pending, 'changed'], calls: [check, download, install, 'systemctl enable openvswitch', 'systemctl is-enabled openvswitch'], status: 0 });
    const bad = run({ unitState: 'bad' });
    expect(bad.status).toBe(1);
    expect(bad.calls).toEqual([check, download, install, 'systemctl enable openvswitch', 'systemctl is-enabled openvswitch']);
  });
  it('in check mode: finds the same, changes nothing', () => {
    expect(run({ mode: 'check' })).toEqual({ stdout: [...found, ...pending], calls: [check], status: 0 });
  });
  it('with no pending update of an Open vSwitch package, or none installed: nothing but the query', () => {
    expect(run({ listing: OTHER_LISTING })).toEqual({ stdout: [...found, 'update openstack-selinux'], calls: [check], status: 0 });
    expect(run({ installed: SHAPES.none!, listing: OVS_LISTING })).toEqual({ stdout: pending, calls: [check], status: 0 });
    expect(run({ listing: '', dnfStatus: 0 })).toEqual({ stdout: found, calls: [check], status: 0 });
  });
  it('tries the download again, with the delay, until it succeeds', () => {
    expect(run({ downloadFailures: 2 }).calls).toEqual([check, download, 'sleep 7', download, 'sleep 7', download, install, 'systemctl enable openvswitch']);
  });
  it('fails after the last try of the download, before any install, without saying "changed"', () => {
    const r = run({ downloadFailures: 9, retries: 2 });
    expect(r.status).not.toBe(0);
    expect(r.calls).toEqual([check, download, 'sleep 7', download, 'sleep 7', download]);
    expect(r.stdout).not.toContain('changed');
  });
  it('fails, without "changed" nor enabling the unit, when the install fails; the install is never tried again', () => {
    const r = run({ installStatus: 1 });
    expect(r.status).toBe(1);
    expect(r.calls).toEqual([check, download, install]);
    expect(r.stdout).toEqual([...found, ...pending]);
  });
  it('tries the refresh of the metadata again, with the delay, before any change; then fails with dnf\'s status', () => {
    expect(run({ checkFailures: 2 }).calls).toEqual([check, 'dnf -q repolist --enabled', 'sleep 7', check, 'dnf -q repolist --enabled', 'sleep 7', check, download, install, 'systemctl enable openvswitch']);
    const failed = run({ checkFailures: 9, retries: 1 });
    expect(failed.status).toBe(1);
    expect(failed.calls).toEqual([check, 'dnf -q repolist --enabled', 'sleep 7', check, 'dnf -q repolist --enabled']);
    expect(failed.stdout).toEqual([]);
  });
  it('finds nothing pending, without failing, on a node with no repository enabled', () => {
    const r = run({ listing: 'Error: There are no enabled repositories in "/etc/yum.repos.d".\n', dnfStatus: 1, repos: '' });
    expect(r).toEqual({ stdout: found, calls: [check, 'dnf -q repolist --enabled'], status: 0 });
  });
});
