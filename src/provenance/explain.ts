/**
 * `explain`: reads the provenance sidecar of an output folder and answers
 * "why is this line here" (a generated file and line -> its plan entry) and
 * the reverse (a plan line -> every generated line it made). Reads only the
 * sidecar: no plan parse, no compile, so it stays fast on large trees.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileError, InputError } from '../core/diagnostics.js';
import { builtInPlanPath } from '../package-root.js';
import { BUILT_IN_PLAN_REFERENCE, linesFromPlan, originOfLine, parseProvenance, PROVENANCE_FILE, type PlanOrigin, type ProvenanceMap } from './provenance-map.js';

/** A sidecar read from an output folder. */
export interface OutputProvenance {
  readonly root: string;
  readonly map: ProvenanceMap;
  /** The plan file, resolved. */
  readonly planPath: string;
}

/** Reads the sidecar of the output folder `root`. */
export function readOutputProvenance(root: string): OutputProvenance {
  const path = join(root, PROVENANCE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError([fileError(path, 'no provenance map here: build the output folder with edpm-rolegen build first')]);
  }
  const map = parseProvenance(text);
  if (map === null) throw new InputError([fileError(path, 'not an edpm-rolegen provenance map')]);
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

/** `FILE[:LINE]` (also `FILE:LINE:COL`, as tools print it) -> file and line. */
export function parseTarget(target: string): { file: string; line: number | null } {
  const m = /^(.*?):(\d+)(?::\d+)?$/u.exec(target);
  if (m === null) return { file: target, line: null };
  return { file: m[1]!, line: Number(m[2]) };
}

/** One answer: a generated place and the plan entry behind it. */
export interface Explanation {
  /** Generated file, relative to the output folder. */
  readonly file: string;
  readonly fromLine: number;
  readonly toLine: number;
  readonly origin: PlanOrigin;
}

/** Why each line (or the given one) of a generated file is there. */
export function explainGenerated(out: OutputProvenance, file: string, line: number | null): Explanation[] {
  const rel = relative(out.root, resolve(file)).split(sep).join('/');
  const ranges = out.map.files.get(rel);
  if (ranges === undefined) throw new InputError([fileError(file, `not a file edpm-rolegen generated in ${out.root}`)]);
  if (line !== null) {
    const origin = originOfLine(out.map, rel, line);
    if (origin === null) throw new InputError([fileError(file, `line ${line} is past the end of the file (${ranges.at(-1)?.[1] ?? 0} lines)`)]);
    return [{ file: rel, fromLine: line, toLine: line, origin }];
  }
  return ranges.map((r) => ({ file: rel, fromLine: r[0], toLine: r[1], origin: out.map.origins[r[2]]! }));
}

/** Every generated line made by the plan entries at a line of the plan (the nearest line above with entries, else). */
export function explainPlanLine(out: OutputProvenance, line: number): Explanation[] {
  const lines = [...new Set(out.map.origins.map((o) => o.line))].filter((l) => l <= line);
  const at = lines.length === 0 ? null : Math.max(...lines);
  if (at === null) return [];
  const origins = out.map.origins.filter((o) => o.line === at);
  return origins.flatMap((origin) =>
    linesFromPlan(out.map, (o) => o === origin).map(([file, fromLine, toLine]) => ({ file, fromLine, toLine, origin })),
  );
}
