/**
 * The rules by meaning: what a plan value does on a node, checked after its
 * grammar. A name can be well-formed and still do damage: `*` as a package
 * of the targeted update updates every package, `/etc/passwd` as the
 * reboot flag overwrites it as root. Each rule here says what it prevents;
 * the README's plan reference lists them per value. (The rules of the
 * Open vSwitch package list are issue 12's and live with that list.)
 */
import type { UpdatePlan } from '../model/plan.js';
import { globMatches } from '../model/dnf-glob.js';
import { UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE } from '../model/roles.js';

/** A value that breaks a rule by meaning: where (JSON path) and why. */
export interface RuleProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The folder `edpm_reboot` reads: a file in it asks for a reboot. */
export const REBOOT_REQUIRED_FOLDER = '/var/lib/openstack/reboot_required';

/** The roles edpm-rolegen generates: a plan step including one of them would include a role from itself. */
const GENERATED_ROLES: readonly string[] = [UPDATE_SERVICES_ROLE, UPDATE_SYSTEM_ROLE];

/** True when a package pattern uses a dnf glob (`*`, `?`, `[...]`). */
export function isGlob(pattern: string): boolean {
  return /[*?[]/u.test(pattern);
}

/**
 * A package of Open vSwitch by its name, as the built-in plan's phase 1
 * exclusion `*openvswitch*` sees it: the plain package, the stream packages
 * (`openvswitch3.3`), their pinned subpackages (`python3-openvswitch3.3`)
 * and the wrappers (`rdo-openvswitch`, `rhoso-openvswitch`).
 */
function isOpenvswitchName(name: string): boolean {
  return name.toLowerCase().includes('openvswitch');
}

/**
 * Packages of an EL9 node as dnf sees them: name, version, release, arch
 * (bash, glibc and python3-libs of CentOS Stream 9, openstack-selinux and
 * tzdata as noarch packages), chosen so that their versions and releases
 * hold the digits, dots, dashes and `el9` that every package's have.
 */
const EL9_PACKAGES: readonly (readonly [string, string, string, string])[] = [
  ['bash', '5.1.8', '9.el9', 'x86_64'],
  ['glibc', '2.34', '100.el9_4.2', 'x86_64'],
  ['python3-libs', '3.9.18', '3.el9_4.5', 'x86_64'],
  ['openstack-selinux', '0.8.40', '1.el9', 'noarch'],
  ['tzdata', '2024a', '1.el9', 'noarch'],
];

/**
 * The form of a package other than its name (name.arch, name-version,
 * name-version-release, name-version-release.arch: dnf matches an
 * exclusion against each) that a pattern matches without matching the
 * name, or null. Such a pattern holds packages back by version, release
 * or architecture, whatever their names: with the test node's repositories
 * (CentOS Stream 9, dnf 4.14), excluding "*.*", "*.noarch", "*-[0-9]*" or
 * "*1*" left none of the four pending updates, "*-*" one.
 */
function pastTheName(pattern: string): { form: string; name: string } | null {
  for (const [name, version, release, arch] of EL9_PACKAGES) {
    if (globMatches(pattern, name)) continue;
    const form = [`${name}.${arch}`, `${name}-${version}`, `${name}-${version}-${release}`, `${name}-${version}-${release}.${arch}`].find((f) => globMatches(pattern, f));
    if (form !== undefined) return { form, name };
  }
  return null;
}

/** The characters of a pattern that are not glob syntax: a pattern with none matches (nearly) every package. */
function literalPart(pattern: string): string {
  return pattern.replace(/\[[^\]]*\]/gu, '').replace(/[*?]/gu, '');
}

/** Every rule by meaning the plan breaks. */
export function ruleProblems(plan: UpdatePlan): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const services = plan.updateServices;
  const system = plan.updateSystem;

  // Phase 1's targeted update (dnf state=latest, as root, with scriptlets): exact names only, none it always excludes.
  services.essentialPackages.forEach((name, i) => {
    const path = ['updateServices', 'essentialPackages', i];
    if (isGlob(name)) {
      problems.push({ path, message: `"${name}" is a glob: the targeted update of phase 1 takes exact package names (a glob would turn it into a broad update, as root)` });
      return;
    }
    const excluded = services.alwaysExcludedPackages.find((p) => globMatches(p, name));
    if (excluded !== undefined) {
      problems.push({ path, message: `"${name}" is always excluded from phase 1 (by "${excluded}"), so it would never be updated; remove one of the two` });
      return;
    }
    // Whatever the exclusions (a plan need only keep kernel, kernel-core and openvswitch, as the hand-written role does).
    if (isOpenvswitchName(name)) {
      problems.push({
        path,
        message: `"${name}" is an Open vSwitch package: phase 1 would update it with its RPM scriptlets, as root (a stream change's %preun disables the openvswitch service); Open vSwitch is updated by phase 2's own step, without them (updateSystem.openvswitch.packages)`,
      });
    }
  });

  // Exclusion lists hold packages back: globs are allowed, but not one that holds back every package,
  // by its name or by the version, release or architecture dnf also matches an exclusion against.
  const exclusions = (list: readonly string[], at: string[], phase: string): void =>
    list.forEach((pattern, i) => {
      if (literalPart(pattern) === '') {
        problems.push({ path: [...at, i], message: `"${pattern}" matches every package: ${phase} would update nothing; name the packages to hold back (globs after a literal part, e.g. "openvswitch[0-9]*")` });
        return;
      }
      const past = pastTheName(pattern);
      if (past !== null) {
        problems.push({
          path: [...at, i],
          message: `"${pattern}" holds packages back by version, release or architecture, not by name: dnf matches an exclusion against name.arch and name-version-release.arch too, and this one matches ${past.form} (package ${past.name}); ${phase} would update (nearly) nothing; name the packages to hold back`,
        });
      }
    });
  exclusions(services.alwaysExcludedPackages, ['updateServices', 'alwaysExcludedPackages'], 'phase 1');
  exclusions(system.alwaysExcludedPackages, ['updateSystem', 'alwaysExcludedPackages'], 'the all-packages step of phase 2');

  // Phase 2's all-packages update: globs allowed (default "*"); an exact name it always excludes would never be updated.
  system.includePackages.forEach((name, i) => {
    if (isGlob(name)) return;
    const excluded = system.alwaysExcludedPackages.find((p) => globMatches(p, name));
    if (excluded !== undefined) {
      problems.push({ path: ['updateSystem', 'includePackages', i], message: `"${name}" is always excluded from the all-packages step (by "${excluded}"), so it would never be updated there; remove one of the two` });
    }
  });

  // Held back while kpatch patches the running kernel: kernel packages only.
  system.kpatch.kernelPackages.forEach((name, i) => {
    if (!name.startsWith('kernel')) {
      problems.push({ path: ['updateSystem', 'kpatch', 'kernelPackages', i], message: `"${name}" is not a kernel package: only packages named kernel* are held back for kpatch (e.g. kernel, kernel-core, kernel-modules)` });
    }
  });

  // Roles whose task files run as root: any role of the collection but the generated ones (a role including itself never ends).
  const noGeneratedRole = (role: string, path: (string | number)[]): void => {
    if (GENERATED_ROLES.includes(role)) problems.push({ path, message: `"${role}" is a role edpm-rolegen generates: including it from a plan step would include the role from itself` });
  };
  services.alwaysBefore.forEach((s, i) => noGeneratedRole(s.role, ['updateServices', 'alwaysBefore', i, 'role']));
  services.containerSteps.forEach((s, i) => noGeneratedRole(s.role, ['updateServices', 'containerSteps', i, 'role']));
  if (system.openvswitch.tasks.kind === 'role') noGeneratedRole(system.openvswitch.tasks.role, ['updateSystem', 'openvswitch', 'tasks', 'role']);

  // The unit re-enabled and reloaded as root after the Open vSwitch update: an Open vSwitch service unit.
  const unit = system.openvswitch.serviceName;
  const base = unit.endsWith('.service') ? unit.slice(0, -'.service'.length) : unit;
  if (!/^(openvswitch|ovs)[A-Za-z0-9_-]*$/u.test(base)) {
    problems.push({
      path: ['updateSystem', 'openvswitch', 'serviceName'],
      message: `"${unit}" is not an Open vSwitch service: the role enables and reloads this unit as root after the Open vSwitch update; give an Open vSwitch service unit (openvswitch, ovs-vswitchd, ovsdb-server, with or without .service)`,
    });
  }

  // The reboot flag, written as root: a file directly inside the folder edpm_reboot reads.
  const flag = system.bootc.rebootRequiredFile;
  const inFolder = flag.startsWith(`${REBOOT_REQUIRED_FOLDER}/`) ? flag.slice(REBOOT_REQUIRED_FOLDER.length + 1) : null;
  if (inFolder === null || inFolder === '' || inFolder.includes('/') || inFolder === '.' || inFolder === '..') {
    problems.push({
      path: ['updateSystem', 'bootc', 'rebootRequiredFile'],
      message: `"${flag}" is not a file directly in ${REBOOT_REQUIRED_FOLDER}/, the folder edpm_reboot reads: the role writes this file as root, so it may be nowhere else (e.g. ${REBOOT_REQUIRED_FOLDER}/bootc_reboot)`,
    });
  }
  return problems;
}
