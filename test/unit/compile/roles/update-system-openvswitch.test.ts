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

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edpm-ovs-find-'));
  writeFileSync(join(dir, 'rpm'), FAKE_RPM);
  chmodSync(join(dir, 'rpm'), 0o755);
  writeFileSync(join(dir, 'dnf'), FAKE_DNF);
  chmodSync(join(dir, 'dnf'), 0o755);
  const main = yamlOf(compilePlan(editedPlan(() => {})), 'edpm_update_system/tasks/main.yml') as Record<string, any>[];
  const find = main.find((t) => t.name === 'Find the Open vSwitch packages installed on the node and the pending updates')!;
  script = find.vars.edpm_update_system_ovs_find_script;
  unitArg = /'(\/usr\/lib\/systemd\/system\/[^']+)'/u.exec(find['ansible.builtin.command'].argv)![1]!;
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
  const r = spawnSync('sh', ['-c', script, 'find-openvswitch', unitArg, ...list], {
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

  it('finds a plain openvswitch and its pinned subpackage', () => {
    expect(find(SHAPES.plain!, ['openvswitch'])).toEqual({ lines: ['openvswitch', 'python3-openvswitch'], status: 0 });
  });

  it('finds the wrapper through its provide, the stream package through the unit, and the stream subpackages', () => {
    expect(find(SHAPES.rdoBuild!, ['openvswitch']).lines).toEqual(['openvswitch3.3', 'openvswitch3.3-devel', 'python3-openvswitch3.3', 'rdo-openvswitch']);
    expect(find(SHAPES.rdoStream!, ['openvswitch']).lines).toEqual(['openvswitch3.1', 'python3-openvswitch3.1', 'rdo-openvswitch']);
    expect(find(SHAPES.rhosoBuild!, ['openvswitch']).lines).toEqual(['openvswitch3.3', 'rhoso-openvswitch']);
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
 * The command of the Open vSwitch update, run for real under `sh` with a
 * stand-in `dnf` (fails its first FAKE_DNF_FAILURES downloads, as a flaky
 * mirror does) and `systemctl`, each appending its arguments to a log.
 */
describe('the Open vSwitch update command: download with retries, install without scriptlets, enable', () => {
  const FAKE = `#!/bin/sh
echo "$(basename "$0") $*" >> "$FAKE_LOG"
case "$(basename "$0") $*" in
  "dnf update -y --downloadonly "*)
    n=$(cat "$FAKE_COUNT" 2>/dev/null || echo 0); echo $((n + 1)) > "$FAKE_COUNT"
    [ "$n" -ge "$FAKE_DNF_FAILURES" ] || { echo "Curl error (6): could not resolve host" >&2; exit 1; } ;;
esac
exit 0
`;
  let updateScript: string;
  let bin: string;
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'edpm-ovs-update-'));
    for (const tool of ['dnf', 'systemctl', 'sleep']) {
      writeFileSync(join(bin, tool), FAKE);
      chmodSync(join(bin, tool), 0o755);
    }
    const steps = yamlOf(compilePlan(editedPlan(() => {})), 'edpm_update_system/tasks/openvswitch.yml') as Record<string, any>[];
    updateScript = steps.find((t) => t['ansible.builtin.command'] !== undefined)!.vars.edpm_update_system_ovs_update_script;
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  function run(failures: number, retries: number): { calls: string[]; status: number | null } {
    const log = join(bin, `log-${failures}-${retries}`);
    const count = join(bin, `count-${failures}-${retries}`);
    const r = spawnSync('sh', ['-c', updateScript, 'update-openvswitch', 'openvswitch', String(retries), '7', 'openvswitch3.3', 'python3-openvswitch3.3'], {
      env: { PATH: `${bin}:/usr/bin:/bin`, FAKE_LOG: log, FAKE_COUNT: count, FAKE_DNF_FAILURES: String(failures) },
      encoding: 'utf8',
    });
    let calls: string[] = [];
    try {
      calls = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
    } catch {
      calls = [];
    }
    return { calls, status: r.status };
  }

  const download = 'dnf update -y --downloadonly -- openvswitch3.3 python3-openvswitch3.3';
  const install = 'dnf update -y --cacheonly --setopt=tsflags=noscripts -- openvswitch3.3 python3-openvswitch3.3';
  it('downloads, then installs from the cache without scriptlets, then enables the unit', () => {
    expect(run(0, 5)).toEqual({ calls: [download, install, 'systemctl enable openvswitch'], status: 0 });
  });
  it('tries the download again, with the delay, until it succeeds', () => {
    expect(run(2, 5)).toEqual({ calls: [download, 'sleep 7', download, 'sleep 7', download, install, 'systemctl enable openvswitch'], status: 0 });
  });
  it('fails after the last try, before any install', () => {
    const r = run(9, 2);
    expect(r.status).not.toBe(0);
    expect(r.calls).toEqual([download, 'sleep 7', download, 'sleep 7', download]);
  });
});
