/**
 * Scanning a roles folder in the standard layout (`<role>/tasks/*.yml` or
 * `.yaml`, as in edpm-ansible's `roles/`) with fast-glob. The only I/O of
 * roles-tree discovery. Never throws for odd content: bad names, links that
 * loop and files where folders belong become diagnostics; only an unusable
 * root is an InputError: missing, unreadable, not a folder, or, holding no
 * role's task file, a collection or checkout (roles under `roles/`) or one
 * role's own folder.
 */
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { byKey, compareStrings } from '../core/compare.js';
import { fileError, fileWarning, InputError, type Diagnostic } from '../core/diagnostics.js';
import { describeIoError, ioErrorAdvice } from '../core/io-error.js';
import { matchesGrammar, roleName, taskFileName } from '../model/names.js';
import { containerEvidence } from './container-evidence.js';
import { ENTRY_POINTS, type RoleFact, type RolesTreeFacts, type TaskFileFact } from './facts.js';

/** Scans `root`; throws InputError when it is missing, unreadable, not a folder, or not the roles folder (misplacedRootHint). */
export function scanRolesTree(root: string): RolesTreeFacts {
  let entries: Dirent[];
  try {
    if (!statSync(root).isDirectory()) throw new InputError([fileError(root, 'the roles path is not a folder')]);
    entries = readdirSync(root, { withFileTypes: true });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([fileError(root, `cannot read the roles folder: ${describeIoError(err)}; ${ioErrorAdvice(err)}`)]);
  }
  const problems: Diagnostic[] = [];
  const warn = (path: string, message: string): void => {
    problems.push(fileWarning(path, message));
  };
  const roleDirs: string[] = [];
  for (const entry of entries.sort(byKey((e) => e.name))) {
    const path = join(root, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (!isFolder(path, warn)) continue;
    if (!matchesGrammar(roleName, entry.name)) {
      warn(path, `skipped ${JSON.stringify(entry.name)}: not a role name Ansible accepts (${roleName.rule})`);
      continue;
    }
    roleDirs.push(entry.name);
  }
  const found = new Map<string, TaskFileFact[]>(roleDirs.map((r) => [r, []]));
  const files = fg.sync(['*/tasks/*.yml', '*/tasks/*.yaml'], {
    cwd: root,
    onlyFiles: true,
    followSymbolicLinks: true,
    suppressErrors: true,
    dot: false,
    unique: true,
  });
  for (const rel of files.sort(compareStrings)) {
    const [role, , file] = rel.split('/') as [string, string, string];
    const list = found.get(role);
    if (list === undefined) continue;
    const base = file.replace(/\.ya?ml$/u, '');
    if (!matchesGrammar(taskFileName, base)) {
      warn(join(root, rel), `skipped task file ${JSON.stringify(file)}: not a plain task file name (${taskFileName.rule})`);
      continue;
    }
    if (list.some((t) => t.base === base)) {
      warn(join(root, rel), `role ${role} has both ${base}.yml and ${base}.yaml; using ${list.find((t) => t.base === base)!.file}`);
      continue;
    }
    list.push({ base, file });
  }
  if (![...found.values()].some((list) => list.length > 0)) {
    const hint = misplacedRootHint(root);
    if (hint !== null) throw new InputError([fileError(root, hint)]);
  }
  for (const role of roleDirs) {
    const tasks = join(root, role, 'tasks');
    try {
      if (!statSync(tasks).isDirectory()) warn(tasks, `role ${role}: tasks is not a folder`);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') warn(tasks, `role ${role}: cannot read tasks/: ${describeIoError(err)}`);
    }
  }
  const roles: RoleFact[] = roleDirs.map((name) => {
    const taskFiles = [...(found.get(name) ?? [])].sort(byKey((t) => t.base));
    const path = join(root, name);
    // Only a role with an update entry point can be a container service: read its task files.
    const hasEntryPoint = taskFiles.some((t) => (ENTRY_POINTS as readonly string[]).includes(t.base));
    return { name, path, taskFiles: hasEntryPoint ? taskFiles.map((t) => withContainers(path, t, warn)) : taskFiles };
  });
  return { root, roles, problems };
}

/**
 * Why a root with no role's task files is not the roles folder, when its
 * layout says where that is: a collection or an edpm-ansible checkout (the
 * roles under `roles/`), or one role's own folder (with `tasks/`). Scanned
 * as it is, such a root has no role: discover would report every plan role
 * missing, and init would write a plan without a container step.
 */
function misplacedRootHint(root: string): string | null {
  const taskFilesUnder = (pattern: string): boolean =>
    fg.sync([`${pattern}/*.yml`, `${pattern}/*.yaml`], { cwd: root, onlyFiles: true, followSymbolicLinks: true, suppressErrors: true, dot: false }).length > 0;
  const none = 'no role here (no <role>/tasks/*.yml)';
  if (taskFilesUnder('roles/*/tasks')) return `${none}; this folder holds its roles under roles/ (a collection, or an edpm-ansible checkout): give that roles folder, ${join(root, 'roles')}`;
  if (taskFilesUnder('tasks')) return `${none}; this is the folder of one role (it has tasks/): give the folder that holds the roles, ${join(root, '..')}`;
  return null;
}

/** A task file with what its text says about containers (null when it cannot be read: reported). */
function withContainers(rolePath: string, t: TaskFileFact, warn: (path: string, message: string) => void): TaskFileFact {
  const path = join(rolePath, 'tasks', t.file);
  try {
    return { ...t, containers: containerEvidence(readFileSync(path, 'utf8')) };
  } catch (err) {
    warn(path, `cannot read the task file: ${describeIoError(err)}`);
    return { ...t, containers: null };
  }
}

/** Whether a folder entry is (or links to) a folder; reports links that cannot be followed. */
function isFolder(path: string, warn: (path: string, message: string) => void): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (err) {
    const link = (() => {
      try {
        return lstatSync(path).isSymbolicLink();
      } catch {
        return false;
      }
    })();
    warn(path, `skipped: ${link ? 'a symbolic link that cannot be followed' : 'cannot be read'} (${describeIoError(err)})`);
    return false;
  }
}
