/**
 * Reads an `edpm_update_services` role (hand-written, or generated) into what
 * it means: the includes of service-role task files in order, each with its
 * condition, `become` and tags; the packages step; the prune. Every task the
 * plan cannot hold is a diagnostic at its `file:line:col`, never a guess.
 * Used by `import` (hand-written -> plan) and by its `--check` (both roles
 * read the same way, then compared).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { collectionName, matchesGrammar, packagePattern, roleName, serviceType as serviceTypeGrammar, taskFileName } from '../model/names.js';
import { fileError, InputError, type Diagnostic } from '../core/diagnostics.js';
import { yamlErrorMessage } from '../core/yaml-error.js';
import { describeIoError } from '../core/io-error.js';
import { decodeUtf8 } from '../core/utf8-text.js';
import { UPDATE_SERVICES_VARS } from '../compile/roles/update-services.js';
import { UPDATE_SERVICES_ROLE } from '../model/roles.js';

/** The variables of the role the reader looks for: the names the compiler gives them (kept from the hand-written role). */
const { runningServices: RUNNING_SERVICES, excludePackages: USER_EXCLUSIONS, includePackages: ESSENTIAL_PACKAGES } = UPDATE_SERVICES_VARS;

/** A place in a file of the role. */
export interface RolePosition {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** One `include_role` of a service role's task file. */
export interface IncludeFact {
  /** The task's name, as written. */
  readonly name: string;
  readonly collection: string | null;
  readonly role: string;
  /** Task file base name (`update` for `update.yml`). */
  readonly tasksFrom: string;
  /** The service type whose presence runs it; null: runs on every node. */
  readonly serviceType: string | null;
  /** Whether the included tasks run with become (`apply: {become: true}`). */
  readonly become: boolean;
  /** Tags of the include task itself (what `--tags` / `--skip-tags` select). */
  readonly tags: readonly string[];
  readonly at: RolePosition;
}

/** The prune after the services. */
export interface PruneFact {
  readonly name: string;
  readonly images: boolean;
  readonly volumes: boolean;
  readonly tags: readonly string[];
  readonly become: boolean;
  readonly at: RolePosition;
}

/** A list of packages found in the role, and where. */
export interface PackageListFact {
  readonly packages: readonly string[];
  readonly at: RolePosition;
}

/** What an `edpm_update_services` role does, as the plan can say it. */
export interface ServicesRoleFacts {
  readonly root: string;
  readonly includes: readonly IncludeFact[];
  readonly prune: PruneFact | null;
  /** Default of `edpm_update_services_include_packages`. */
  readonly essentialPackages: PackageListFact | null;
  /** The packages the dnf step always excludes (task variables it adds to the user's list). */
  readonly alwaysExcluded: PackageListFact | null;
  /** Every tag the role's container and package tasks carry: the tags a user of this role can select. */
  readonly tagsUsed: ReadonlySet<string>;
  /** What the plan cannot hold (errors: left out) and what it holds differently (warnings). */
  readonly diagnostics: readonly Diagnostic[];
}

/** The task file names tried, in order, for each part of the role. */
const CONTAINERS_FILES = ['tasks/containers.yml', 'tasks/containers.yaml'];
const PACKAGES_FILES = ['tasks/packages.yml', 'tasks/packages.yaml'];
const DEFAULTS_FILES = ['defaults/main.yml', 'defaults/main.yaml'];

/** Keys an include task may have; anything else cannot be carried by a plan step. */
const INCLUDE_KEYS = new Set(['name', 'when', 'tags', 'become', 'apply']);
const INCLUDE_MODULES = ['ansible.builtin.include_role', 'include_role', 'ansible.builtin.import_role', 'import_role'];
const PRUNE_MODULES = ['containers.podman.podman_prune', 'podman_prune'];
const LOOP_KEYS = ['loop', 'with_items', 'with_list', 'with_dict', 'with_fileglob', 'with_sequence', 'with_nested', 'with_together', 'loop_control', 'until'];

/** A parsed YAML file with positions. */
interface YamlFile {
  readonly path: string;
  readonly contents: unknown;
  readonly lines: LineCounter;
}

/** Where the role's files are read from: a folder on disk, or a compiled tree in memory. */
export interface RoleFiles {
  /** Display path of the role folder; file positions are `<root>/<rel>`. */
  readonly root: string;
  /** The text of a file of the role, or null when it does not exist. */
  readonly read: (rel: string) => string | null;
}

/** Largest file of a hand-written role read (its task files are some kilobytes). */
const MAX_ROLE_FILE_BYTES = 16 * 1024 * 1024;

/** The files of a role folder on disk. */
export function roleFolder(root: string): RoleFiles {
  return {
    root,
    read: (rel) => {
      const path = join(root, rel);
      if (!existsSync(path)) return null;
      let bytes: Buffer;
      try {
        // A FIFO would block the read for ever, a device (a link to /dev/zero) never end it.
        const stat = statSync(path);
        if (!stat.isFile()) throw new InputError([fileError(path, 'not a regular file; give the role folder with its files')]);
        if (stat.size > MAX_ROLE_FILE_BYTES) throw new InputError([fileError(path, `the file is ${stat.size} bytes; the limit is ${MAX_ROLE_FILE_BYTES}`)]);
        bytes = readFileSync(path);
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError([fileError(path, `cannot read: ${describeIoError(err)}`)]);
      }
      return decodeUtf8(bytes, path);
    },
  };
}

/** The files of a role in a compiled tree (`<prefix>/tasks/...`), named as `display/...`. */
export function roleInTree(tree: ReadonlyMap<string, string>, prefix: string, display: string): RoleFiles {
  return { root: display, read: (rel) => tree.get(`${prefix}/${rel}`) ?? null };
}

/**
 * When the folder given is not the role but holds it (a roles folder such
 * as edpm-ansible's `roles/`, or a collection root with `roles/`), or is
 * the role's `tasks/` folder: which folder to give instead, as the end of
 * the error; '' when it is none of these.
 */
function wrongFolderHint(files: RoleFiles): string {
  const root = files.root;
  const exists = (rel: string): boolean => {
    try {
      return files.read(rel) !== null;
    } catch {
      return true; // there, but not a file we would read: still a sign of the layout
    }
  };
  const isRole = (rel: string) => [...CONTAINERS_FILES, 'tasks/main.yml', 'tasks/main.yaml'].some((file) => exists(`${rel}/${file}`));
  if (isRole(UPDATE_SERVICES_ROLE)) return `; this is a roles folder: give the role folder inside it, ${join(root, UPDATE_SERVICES_ROLE)}`;
  if (isRole(`roles/${UPDATE_SERVICES_ROLE}`)) return `; this folder holds the role under roles/ (a collection): give the role folder, ${join(root, 'roles', UPDATE_SERVICES_ROLE)}`;
  if (['containers.yml', 'containers.yaml'].some(exists)) return `; this is the tasks folder of a role: give the role folder, ${join(root, '..')}`;
  return '';
}

/** Reads the role in `root` (a folder, or files given); throws InputError when it has no containers task file or a file is not YAML. */
export function readServicesRole(source: string | RoleFiles): ServicesRoleFacts {
  const files = typeof source === 'string' ? roleFolder(source) : source;
  const root = files.root;
  const diagnostics: Diagnostic[] = [];
  const firstExisting = (_: string, candidates: readonly string[]): YamlFile | null => {
    for (const rel of candidates) {
      const text = files.read(rel);
      if (text !== null) return parseYamlText(join(root, rel), text);
    }
    return null;
  };
  const containers = firstExisting(root, CONTAINERS_FILES);
  if (containers === null) {
    throw new InputError([fileError(join(root, CONTAINERS_FILES[0]!), `not an edpm_update_services role: no tasks/containers.yml${wrongFolderHint(files)}`)]);
  }
  const tagsUsed = new Set<string>();
  const { includes, prune } = readContainers(containers, diagnostics, tagsUsed);
  const packagesFile = firstExisting(root, PACKAGES_FILES);
  const alwaysExcluded = packagesFile === null ? null : readPackagesStep(packagesFile, diagnostics, tagsUsed);
  if (packagesFile === null) diagnostics.push(warning(at(join(root, PACKAGES_FILES[0]!)), 'no tasks/packages.yml: the plan keeps the default always-excluded packages'));
  const defaultsFile = firstExisting(root, DEFAULTS_FILES);
  const essentialPackages = defaultsFile === null ? null : readEssentialPackages(defaultsFile, diagnostics);
  if (essentialPackages === null) {
    diagnostics.push(warning(at(join(root, DEFAULTS_FILES[0]!)), `no default of ${ESSENTIAL_PACKAGES}: the plan keeps the default essential packages`));
  }
  return { root, includes, prune, essentialPackages, alwaysExcluded, tagsUsed, diagnostics: sortDiagnostics(diagnostics) };
}

function parseYamlText(path: string, text: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, version: '1.1' });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const p = lines.linePos(e.pos[0]);
        return { severity: 'error' as const, file: path, line: p.line, col: p.col, path: '', message: yamlErrorMessage(e, 'a task file') };
      }),
    );
  }
  return { path, contents: doc.contents, lines };
}

function at(file: string, line = 1, col = 1): RolePosition {
  return { file, line, col };
}

function positionOfNode(f: YamlFile, node: unknown): RolePosition {
  const offset = (node as Node | null)?.range?.[0] ?? 0;
  const p = f.lines.linePos(offset);
  return { file: f.path, line: p.line, col: p.col };
}

function warning(where: RolePosition, message: string): Diagnostic {
  return { severity: 'warning', file: where.file, line: where.line, col: where.col, path: '', message };
}

function leftOut(where: RolePosition, message: string): Diagnostic {
  return { severity: 'error', file: where.file, line: where.line, col: where.col, path: '', message: `${message}; left out` };
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
}

/** The value node of a key of a mapping. */
function valueNode(map: YAMLMap, key: string): unknown {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
}

/** The key node of a key of a mapping. */
function keyNode(map: YAMLMap, key: string): unknown {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key)?.key;
}

function keysOf(map: YAMLMap): string[] {
  return map.items.filter((p) => isScalar(p.key)).map((p) => String((p.key as { value: unknown }).value));
}

/** Plain JS value of a node. */
function js(node: unknown): unknown {
  return node !== null && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON: () => unknown }).toJSON() : node;
}

/** Tags as Ansible reads them: a list, or a string of comma-separated tags. */
function tagList(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (Array.isArray(value) && value.every((t) => typeof t === 'string')) return value.map((t) => t.trim());
  return null;
}

/**
 * The service type a `when` tests, in the one form a plan step can carry:
 * `'<type>' in edpm_update_services_running_services` (either quote), as a
 * string or a one-item list. `undefined`: no condition. `null`: any other form.
 */
export function serviceTypeCondition(when: unknown): string | undefined | null {
  if (when === undefined) return undefined;
  const single = Array.isArray(when) ? (when.length === 1 ? when[0] : null) : when;
  if (typeof single !== 'string') return null;
  const m = /^\s*(['"])([^'"]*)\1\s+in\s+([A-Za-z_][A-Za-z0-9_]*)\s*$/u.exec(single);
  if (m === null || m[3] !== RUNNING_SERVICES || !matchesGrammar(serviceTypeGrammar, m[2]!)) return null;
  return m[2]!;
}

function readContainers(f: YamlFile, diagnostics: Diagnostic[], tagsUsed: Set<string>): { includes: IncludeFact[]; prune: PruneFact | null } {
  const includes: IncludeFact[] = [];
  let prune: PruneFact | null = null;
  if (!isSeq(f.contents)) {
    if (f.contents !== null && f.contents !== undefined) diagnostics.push(leftOut(positionOfNode(f, f.contents), 'expected a list of tasks'));
    return { includes, prune };
  }
  for (const item of f.contents.items) {
    const where = positionOfNode(f, item);
    if (!isMap(item)) {
      diagnostics.push(leftOut(where, 'not a task'));
      continue;
    }
    const name = String(js(valueNode(item, 'name')) ?? '(unnamed)');
    for (const t of tagList(js(valueNode(item, 'tags'))) ?? []) tagsUsed.add(t);
    const keys = keysOf(item);
    if (keys.includes('block')) {
      diagnostics.push(leftOut(where, `task "${name}" is a block: a plan step is one include per task file, not a block of tasks`));
      continue;
    }
    const module = keys.find((k) => INCLUDE_MODULES.includes(k));
    if (module !== undefined) {
      const include = readInclude(f, item, module, name, where, diagnostics);
      if (include !== null) {
        if (prune !== null) {
          diagnostics.push(leftOut(include.at, `include of ${include.role} ${include.tasksFrom}.yml after the prune: the plan prunes after every service`));
          continue;
        }
        includes.push(include);
      }
      continue;
    }
    const pruneModule = keys.find((k) => PRUNE_MODULES.includes(k));
    if (pruneModule !== undefined) {
      prune = readPrune(f, item, pruneModule, name, where, diagnostics);
      continue;
    }
    diagnostics.push(leftOut(where, `task "${name}" (${keys.filter((k) => !['name', 'when', 'tags', 'become', 'vars'].includes(k)).join(', ')}) is neither an include of a service role nor the prune: a plan has no place for it`));
  }
  return { includes, prune };
}

function readInclude(f: YamlFile, item: YAMLMap, module: string, name: string, where: RolePosition, diagnostics: Diagnostic[]): IncludeFact | null {
  const keyAt = (key: string): RolePosition => positionOfNode(f, keyNode(item, key));
  const valueAt = (key: string): RolePosition => positionOfNode(f, valueNode(item, key));
  const loop = LOOP_KEYS.find((k) => keysOf(item).includes(k));
  if (loop !== undefined) {
    diagnostics.push(leftOut(keyAt(loop), `task "${name}" has ${loop}: a plan step includes fixed task files, one include each, without loops`));
    return null;
  }
  const other = keysOf(item).filter((k) => k !== module && !INCLUDE_KEYS.has(k));
  if (other.length > 0) {
    diagnostics.push(leftOut(keyAt(other[0]!), `task "${name}" has ${other.join(', ')}: a plan step carries only the role, task file, condition, become and tags`));
    return null;
  }
  const args = js(valueNode(item, module));
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    diagnostics.push(leftOut(keyAt(module), `task "${name}": ${module} needs name and tasks_from`));
    return null;
  }
  const a = args as Record<string, unknown>;
  const argsAt = positionOfNode(f, valueNode(item, module));
  const otherArgs = Object.keys(a).filter((k) => !['name', 'tasks_from', 'apply'].includes(k));
  if (otherArgs.length > 0) {
    diagnostics.push(leftOut(argsAt, `task "${name}": ${module} with ${otherArgs.join(', ')}: a plan step includes a task file of a role, nothing else`));
    return null;
  }
  const fullName = typeof a.name === 'string' ? a.name : '';
  const parts = fullName.split('.');
  const role = parts.at(-1) ?? '';
  const collection = parts.length === 3 ? `${parts[0]}.${parts[1]}` : null;
  if (!matchesGrammar(roleName, role) || (parts.length !== 1 && parts.length !== 3) || (collection !== null && !matchesGrammar(collectionName, collection))) {
    diagnostics.push(leftOut(argsAt, `task "${name}": role ${JSON.stringify(fullName)} is not a role name (${roleName.rule}), with or without namespace.collection.`));
    return null;
  }
  const from = typeof a.tasks_from === 'string' ? a.tasks_from.replace(/\.ya?ml$/u, '') : '';
  if (!matchesGrammar(taskFileName, from)) {
    diagnostics.push(leftOut(argsAt, `task "${name}": tasks_from ${JSON.stringify(a.tasks_from ?? null)} is not a fixed task file of the role (${taskFileName.rule})`));
    return null;
  }
  const when = js(valueNode(item, 'when'));
  const serviceType = serviceTypeCondition(when);
  if (serviceType === null) {
    diagnostics.push(
      leftOut(
        valueAt('when'),
        `task "${name}": when ${JSON.stringify(when)} is not one test of a service type ('<type>' in ${RUNNING_SERVICES}), the only condition a plan step has`,
      ),
    );
    return null;
  }
  const tags = tagList(js(valueNode(item, 'tags')));
  if (tags === null) {
    diagnostics.push(leftOut(valueAt('tags'), `task "${name}": tags must be a list of names or a comma-separated string`));
    return null;
  }
  const apply = a.apply;
  if (apply !== undefined && (apply === null || typeof apply !== 'object' || Array.isArray(apply) || Object.keys(apply).some((k) => k !== 'become' && k !== 'tags'))) {
    diagnostics.push(leftOut(argsAt, `task "${name}": apply may hold become and tags only; a plan step has nothing else to apply`));
    return null;
  }
  const applied = (apply ?? {}) as { become?: unknown; tags?: unknown };
  const dynamic = module.endsWith('include_role');
  const taskBecome = js(valueNode(item, 'become'));
  let become = applied.become === true;
  if (!dynamic) {
    // import_role is static: the task's own keywords reach every imported task.
    become = become || taskBecome === true;
    diagnostics.push(warning(keyAt(module), `task "${name}": import_role (static) is read as include_role (dynamic), which the plan generates`));
  } else if (taskBecome !== undefined && taskBecome !== applied.become) {
    diagnostics.push(
      warning(
        keyAt('become'),
        `task "${name}": become: ${String(taskBecome)} on the include itself does not reach the included tasks (only apply does); read as become: ${String(become)}`,
      ),
    );
  }
  return { name, collection, role, tasksFrom: from, serviceType: serviceType ?? null, become, tags, at: where };
}

function readPrune(f: YamlFile, item: YAMLMap, module: string, name: string, where: RolePosition, diagnostics: Diagnostic[]): PruneFact | null {
  const args = js(valueNode(item, module));
  const a = (args !== null && typeof args === 'object' && !Array.isArray(args) ? args : {}) as Record<string, unknown>;
  const images = a.image === true;
  const volumes = a.volume === true;
  const filters = (a.image_filters ?? {}) as Record<string, unknown>;
  const extra = Object.keys(a).filter((k) => !['image', 'image_filters', 'volume'].includes(k));
  if (extra.length > 0 || keysOf(item).includes('when')) {
    diagnostics.push(leftOut(where, `task "${name}": a prune with ${[...extra, ...(keysOf(item).includes('when') ? ['when'] : [])].join(', ')}: the plan prunes images and/or volumes, unconditionally`));
    return null;
  }
  if (images && filters.dangling_only !== false) {
    diagnostics.push(warning(where, `task "${name}": prunes only dangling images; the plan prunes every unused image (image_filters: {dangling_only: false})`));
  }
  return {
    name,
    images,
    volumes,
    tags: tagList(js(valueNode(item, 'tags'))) ?? [],
    become: js(valueNode(item, 'become')) === true,
    at: where,
  };
}

/**
 * The always-excluded packages: list variables of the dnf task that its
 * `exclude` adds to the user's list. A role may run dnf more than once on
 * the essential packages (the generated one installs the missing ones, then
 * updates them): every dnf task must then exclude the same packages.
 */
function readPackagesStep(f: YamlFile, diagnostics: Diagnostic[], tagsUsed: Set<string>): PackageListFact | null {
  if (!isSeq(f.contents)) return null;
  const dnfTasks = f.contents.items.filter((item): item is YAMLMap => isMap(item) && keysOf(item).some((k) => k === 'ansible.builtin.dnf' || k === 'dnf'));
  for (const item of f.contents.items) {
    if (isMap(item)) for (const t of tagList(js(valueNode(item, 'tags'))) ?? []) tagsUsed.add(t);
  }
  if (dnfTasks.length === 0) {
    diagnostics.push(warning(positionOfNode(f, f.contents), 'expected a dnf task, found none: the plan keeps the default always-excluded packages'));
    return null;
  }
  const lists = dnfTasks.map((item) => readDnfExclusions(f, item, diagnostics));
  const first = lists[0]!;
  const other = lists.find((l) => [...l.packages].sort().join('\n') !== [...first.packages].sort().join('\n'));
  if (other !== undefined) {
    diagnostics.push(
      warning(
        other.at,
        `this dnf task always excludes [${other.packages.join(', ')}], the one at ${first.at.file}:${first.at.line} [${first.packages.join(', ')}]: a plan has one list; it keeps the default always-excluded packages`,
      ),
    );
    return null;
  }
  return first;
}

/** The packages one dnf task always excludes: its task variables that its `exclude` uses. */
function readDnfExclusions(f: YamlFile, item: YAMLMap, diagnostics: Diagnostic[]): PackageListFact {
  const module = keysOf(item).find((k) => k === 'ansible.builtin.dnf' || k === 'dnf')!;
  const args = (js(valueNode(item, module)) ?? {}) as Record<string, unknown>;
  const vars = (js(valueNode(item, 'vars')) ?? {}) as Record<string, unknown>;
  const exclude = typeof args.exclude === 'string' ? args.exclude : '';
  const names = new Set(exclude.match(/[A-Za-z_][A-Za-z0-9_]*/gu) ?? []);
  const where = positionOfNode(f, item);
  if (!names.has(USER_EXCLUSIONS)) {
    diagnostics.push(warning(where, `the dnf task's exclude does not use ${USER_EXCLUSIONS}; the generated role always adds the user's exclusions`));
  }
  if (typeof args.name === 'string' && !args.name.includes(ESSENTIAL_PACKAGES)) {
    diagnostics.push(warning(where, `the dnf task updates ${JSON.stringify(args.name)}, not ${ESSENTIAL_PACKAGES}; the plan updates that variable's packages`));
  }
  const packages: string[] = [];
  let listAt: RolePosition = where;
  for (const [name, value] of Object.entries(vars)) {
    if (!names.has(name)) continue;
    if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) {
      diagnostics.push(warning(where, `task variable ${name} is not a list of package names; ignored`));
      continue;
    }
    const varsNode = valueNode(item, 'vars');
    listAt = positionOfNode(f, isMap(varsNode) ? valueNode(varsNode, name) : varsNode);
    for (const p of value as string[]) {
      if (!matchesGrammar(packagePattern, p)) diagnostics.push(leftOut(listAt, `package ${JSON.stringify(p)} is not a package name or dnf glob (${packagePattern.rule})`));
      else if (!packages.includes(p)) packages.push(p);
    }
  }
  return { packages, at: listAt };
}

function readEssentialPackages(f: YamlFile, diagnostics: Diagnostic[]): PackageListFact | null {
  if (!isMap(f.contents)) return null;
  const node = valueNode(f.contents, ESSENTIAL_PACKAGES);
  if (node === undefined) return null;
  const value = js(node);
  const where = positionOfNode(f, node);
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) {
    diagnostics.push(warning(where, `${ESSENTIAL_PACKAGES} is not a list of package names; the plan keeps the default essential packages`));
    return null;
  }
  const packages: string[] = [];
  for (const p of value as string[]) {
    if (!matchesGrammar(packagePattern, p)) diagnostics.push(leftOut(where, `package ${JSON.stringify(p)} is not a package name or dnf glob (${packagePattern.rule})`));
    else packages.push(p);
  }
  return { packages, at: where };
}
