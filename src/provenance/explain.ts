/**
 * `explain`: reads the provenance sidecar of an output folder and answers
 * "why is this line here" (a generated file and line -> its plan entry) and
 * the reverse (a plan line -> every generated line it made). Reads only the
 * sidecar and the plan's text (to tell whether the plan was edited since the
 * build, by the digest the sidecar records): no plan parse, no compile, so
 * it stays fast on large trees.
 */
import { hash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileError, InputError } from '../core/diagnostics.js';
import { readBoundedRegularFile } from '../core/bounded-file.js';
import { describeIoError } from '../core/io-error.js';
import { decodeUtf8 } from '../core/utf8-text.js';
import { MAX_PLAN_BYTES } from '../plan/plan-text.js';
import { builtInPlanPath } from '../package-root.js';
import { BUILT_IN_PLAN_REFERENCE, fileRanges, lastLine, linesFromPlan, originOfLine, parseProvenance, planTextDigest, PROVENANCE_FILE, type PlanOrigin, type ProvenanceMap } from './provenance-map.js';

/** A sidecar read from an output folder. */
export interface OutputProvenance {
  readonly root: string;
  readonly map: ProvenanceMap;
  /** The plan file, resolved. */
  readonly planPath: string;
}

/** Largest provenance map read, in bytes (a 5,000-service tree's is some tens of MB). */
const MAX_PROVENANCE_BYTES = 256 * 1024 * 1024;

/** Reads the sidecar of the output folder `root`. */
export function readOutputProvenance(root: string): OutputProvenance {
  const path = join(root, PROVENANCE_FILE);
  // Read only as a bounded regular file: a FIFO there would block explain, a link to /dev/zero fill the memory.
  const bytes = readBoundedRegularFile(path, MAX_PROVENANCE_BYTES, 'provenance map');
  if (bytes === null) throw new InputError([fileError(path, 'no provenance map here: build the output folder with edpm-rolegen build first')]);
  const map = parseProvenance(bytes.toString('utf8'));
  if (map === null) throw new InputError([fileError(path, `not an edpm-rolegen provenance map, or a corrupt one; build the folder again (edpm-rolegen build --out ${root})`)]);
  const planPath = map.plan === BUILT_IN_PLAN_REFERENCE ? builtInPlanPath() : isAbsolute(map.plan) ? map.plan : resolve(root, map.plan);
  return { root, map, planPath };
}

/** The output folder holding a generated file: the nearest folder above it with a provenance map. */
export function findOutputRoot(file: string): string | null {
  let dir = dirname(resolve(file));
  for (;;) {
    if (existsSync(join(dir, PROVENANCE_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * `FILE[:LINE]` (also `FILE:LINE:COL`, as tools print it) -> file and line.
 * LINE and COL are whole numbers from 1; anything else after the file's
 * last `:` (`x.yml:abc`, `x.yml:0`, `x.yml:-3`, `x.yml:3:0`) is refused
 * rather than read as part of the file's name, unless a file of that very
 * name exists and the part before the `:` does not.
 */
export function parseTarget(target: string): { file: string; line: number | null } {
  if (target === '') throw new InputError([fileError('(empty path)', 'give a generated file, FILE[:LINE], or a line of the plan, PLAN:LINE')]);
  const m = /^(.+?):([^:/]*)(?::([^:/]*))?$/su.exec(target);
  if (m === null || (existsSync(target) && !existsSync(m[1]!))) return { file: target, line: null };
  const [, file, line, col] = m as unknown as [string, string, string, string | undefined];
  for (const [what, value] of [
    ['line', line],
    ['column', col],
  ] as const) {
    if (value !== undefined && !(/^\d+$/u.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value)))) {
      throw new InputError([fileError(file, `${JSON.stringify(value)} is not a ${what} number: give FILE:LINE or FILE:LINE:COL, each a whole number from 1`)]);
    }
  }
  return { file, line: Number(line) };
}

/** A line number given to the library (the CLI's parseTarget gives only these): a whole number from 1. */
function checkLineNumber(file: string, line: number): void {
  if (!Number.isSafeInteger(line) || line < 1) {
    throw new InputError([fileError(file, `${JSON.stringify(String(line))} is not a line number: give FILE:LINE or FILE:LINE:COL, each a whole number from 1`)]);
  }
}

/** One answer: a generated place and the plan entry behind it. */
export interface Explanation {
  /** Generated file, relative to the output folder. */
  readonly file: string;
  readonly fromLine: number;
  readonly toLine: number;
  readonly origin: PlanOrigin;
}

/**
 * The generated file (relative to the output folder) that `file` is: the
 * file at its place in the output folder, or, for a copy of the output
 * elsewhere (the roles installed in a collection, where Ansible runs them
 * and prints its `task path:`), the generated file its path ends with
 * (`.../ansible_collections/osp/edpm/roles/edpm_update_services/tasks/containers.yml`
 * -> `edpm_update_services/tasks/containers.yml`). Null when neither.
 */
export function generatedFileOf(out: OutputProvenance, file: string): string | null {
  const path = resolve(file);
  const rel = relative(out.root, path).split(sep).join('/');
  if (out.map.files.has(rel)) return rel;
  const parts = path.split(sep).filter((p) => p !== '');
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    if (out.map.files.has(tail)) return tail;
  }
  return null;
}

/** Why each line (or the given one) of a generated file, or of a copy of one (see generatedFileOf), is there. */
export function explainGenerated(out: OutputProvenance, file: string, line: number | null): Explanation[] {
  const rel = generatedFileOf(out, file);
  const runs = rel === null ? undefined : out.map.files.get(rel);
  if (rel === null || runs === undefined) {
    const notGenerated = `not a file edpm-rolegen generated in ${out.root}, nor a copy of one (a path ending in one of its files)`;
    const inside = relative(out.root, resolve(file));
    if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) throw new InputError([fileError(file, notGenerated)]);
    // Outside the folder, neither generated there nor its plan: often the plan of another output folder (`explain my-plan.yaml:47` with ./dist-roles built from another plan).
    throw new InputError([
      fileError(file, `${notGenerated}, nor the plan it was built from (${out.planPath}); give --out the output folder that this file was generated in or, for a plan, built from`),
    ]);
  }
  if (line !== null) {
    checkLineNumber(file, line);
    const origin = originOfLine(out.map, rel, line);
    if (origin === null) throw new InputError([fileError(file, `line ${line} is past the end of the file (${lastLine(runs)} lines)`)]);
    return [{ file: rel, fromLine: line, toLine: line, origin }];
  }
  return fileRanges(runs).map((r) => ({ file: rel, fromLine: r[0], toLine: r[1], origin: out.map.origins[r[2]]! }));
}

/** Whether `file` is the plan the output folder was built from (through any link to it). */
export function isPlanOf(out: OutputProvenance, file: string): boolean {
  if (resolve(file) === out.planPath) return true;
  try {
    return realpathSync(file) === realpathSync(out.planPath);
  } catch {
    return false;
  }
}

/**
 * The plan file now, against the text the map was built from:
 * - `as-built`: it has the digest the map records;
 * - `edited`: it has another (its lines may have moved: the map's plan positions may be stale);
 * - `unrecorded`: the map records no digest (a sidecar of an earlier version): it cannot be told;
 * - `missing`: there is no plan file at the map's path;
 * - `unreadable`: it cannot be read as a plan (`problem` says why).
 */
export type PlanState = 'as-built' | 'edited' | 'unrecorded' | 'missing' | 'unreadable';

/** The plan file of an output folder as it is now. */
export interface PlanOnDisk {
  readonly state: PlanState;
  /** Its text, when it could be read. */
  readonly text: string | null;
  /** Why it could not be read (`unreadable`). */
  readonly problem: InputError | null;
}

/**
 * Reads the plan file the map names, as a plan is read (UTF-8, within the
 * plan size limit; through a link to it, but never a FIFO or a device
 * found there), and compares its text with the digest the map records.
 */
export function readPlanOnDisk(out: OutputProvenance): PlanOnDisk {
  const unreadable = (problem: InputError): PlanOnDisk => ({ state: 'unreadable', text: null, problem });
  let text: string;
  try {
    // A plan given through a link is read at the file it names (the bounded read follows no link itself).
    const bytes = readBoundedRegularFile(realpathSync(out.planPath), MAX_PLAN_BYTES, 'plan file', 'it is not the plan the output folder was built from');
    if (bytes === null) return { state: 'missing', text: null, problem: null };
    text = decodeUtf8(bytes, out.planPath);
  } catch (err) {
    if (err instanceof InputError) return unreadable(err);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing', text: null, problem: null };
    return unreadable(new InputError([fileError(out.planPath, `cannot read the plan file: ${describeIoError(err)}`)]));
  }
  const state = out.map.planSha256 === null ? 'unrecorded' : isTextAsBuilt(text, out.map.planSha256) ? 'as-built' : 'edited';
  return { state, text, problem: null };
}

/**
 * Whether plan text is the text whose digest a map records: by the digest a
 * map records now (CRLF line ends read as LF: a CRLF checkout of the plan is
 * not an edit), or by that of the text as it is, which a map written before
 * recorded (read as built when the plan has not changed since).
 */
function isTextAsBuilt(text: string, recorded: string): boolean {
  return planTextDigest(text) === recorded || (text.includes('\r\n') && hash('sha256', text, 'hex') === recorded);
}

/** Refuses a line past the end of the plan file, given its text (the nearest entry above it would answer for a line that is not there). */
export function checkPlanLine(file: string, line: number, text: string): void {
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (line > lines) throw new InputError([fileError(file, `line ${line} is past the end of the plan (${lines} lines)`)]);
}

/** Every generated line made by the plan entries at a line of the plan (the nearest line above with entries, else). */
export function explainPlanLine(out: OutputProvenance, line: number): Explanation[] {
  checkLineNumber(out.planPath, line);
  // Origins of no plan entry (the fixed text of the Molecule playbooks) are at no line of the plan.
  let at = 0;
  for (const o of out.map.origins) if (o.pointer !== '' && o.line <= line && o.line > at) at = o.line;
  if (at === 0) return [];
  return [...linesFromPlan(out.map, (o) => o.pointer !== '' && o.line === at)].flatMap(([i, places]) =>
    places.map(([file, fromLine, toLine]) => ({ file, fromLine, toLine, origin: out.map.origins[i]! })),
  );
}
