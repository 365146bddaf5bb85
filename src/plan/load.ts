/**
 * Plan loading: text of a plan file (YAML or JSON) -> validated UpdatePlan.
 * Every problem is reported with `file:line:col`, the JSON path of the value
 * and what was expected. `parsePlan` is pure; `loadPlanFile` reads the file.
 */
import { readFileSync, statSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { fileError, InputError, type Diagnostic } from './diagnostics.js';
import validatePlanFile from './plan-validator.generated.js';
import { normalizePlan } from './normalize.js';
import { pointerOf, pointerSegments, positionOf, type SourceMap } from './source-map.js';
import type { UpdatePlan } from '../model/plan.js';

/** Largest plan file read, in bytes. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;
/** Most aliases a plan may expand: plans have no use for many, alias bombs have. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of collections in a plan. */
export const MAX_NESTING = 64;


/** Parses and validates plan text; throws InputError with every problem found. */
export function parsePlan(text: string, file: string): UpdatePlan {
  return parsePlanWithSource(text, file).plan;
}

/** Like parsePlan, also returning where each value of the plan is, for later diagnostics. */
export function parsePlanWithSource(text: string, file: string): { plan: UpdatePlan; source: SourceMap } {
  const { source, data } = parsePlanDocument(text, file);
  if (!validatePlanFile(data)) {
    throw new InputError(schemaDiagnostics(validatePlanFile.errors ?? [], source));
  }
  return { plan: normalizePlan(data, source), source };
}

/** Reads and validates a plan file; throws InputError when it cannot be read or is invalid. */
export function loadPlanFile(path: string): UpdatePlan {
  return parsePlan(readPlanText(path), path);
}

/** Reads and validates a plan file, also returning where its values are. */
export function loadPlanFileWithSource(path: string): { plan: UpdatePlan; source: SourceMap } {
  return parsePlanWithSource(readPlanText(path), path);
}

/** Reads a plan file's text within the size limit. */
export function readPlanText(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError([fileError(path, 'not a regular file')]);
    size = stat.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([fileError(path, `cannot read plan file: ${describeIoError(err)}`)]);
  }
  if (size > MAX_PLAN_BYTES) {
    throw new InputError([fileError(path, `plan file is ${size} bytes; the limit is ${MAX_PLAN_BYTES}`)]);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError([fileError(path, `cannot read plan file: ${describeIoError(err)}`)]);
  }
}

/** The short reason of a file system error (e.g. "no such file (ENOENT)"). */
export function describeIoError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EISDIR: 'is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ELOOP: 'too many levels of symbolic links',
  };
  if (code !== undefined) return `${reasons[code] ?? 'i/o error'} (${code})`;
  return err instanceof Error ? err.message : String(err);
}

/** Parses YAML/JSON text into plain data, keeping node positions. */
export function parsePlanDocument(text: string, file: string): { source: SourceMap; data: unknown } {
  if (text.length > MAX_PLAN_BYTES) {
    throw new InputError([fileError(file, `plan text is ${text.length} characters; the limit is ${MAX_PLAN_BYTES}`)]);
  }
  if (text.includes('\u0000')) {
    const at = positionOfOffset(text, text.indexOf('\u0000'));
    throw new InputError([{ severity: 'error', file, ...at, path: '', message: 'plan contains a NUL character' }]);
  }
  const depth = nestingDepth(text);
  if (depth.depth > MAX_NESTING) {
    throw new InputError([
      { severity: 'error', file, ...positionOfOffset(text, depth.offset), path: '', message: `nesting deeper than ${MAX_NESTING} levels` },
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: Diagnostic[] = doc.errors.map((e) => {
    const at = lines.linePos(e.pos[0]);
    return { severity: 'error' as const, file, line: at.line, col: at.col, path: '', message: yamlMessage(e.message) };
  });
  // Tags (!unsafe, !!python/..., custom ones) have no place in a plan: refuse them rather than guess.
  visitTags(doc, (offset, tag) => {
    const at = lines.linePos(offset);
    problems.push({ severity: 'error', file, line: at.line, col: at.col, path: '', message: `YAML tags are not allowed in a plan (found ${tag})` });
  });
  if (problems.length > 0) throw new InputError(problems);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new InputError([fileError(file, `cannot expand the document: ${err instanceof Error ? err.message : String(err)}`)]);
  }
  return { source: { file, doc, lines }, data };
}

/** Depth of bracket and indentation nesting, estimated without parsing, to refuse hostile documents early. */
function nestingDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let offset = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\n') quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > max) {
        max = depth;
        offset = i;
      }
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  const indent = /^( *)\S/gmu;
  for (let m = indent.exec(text); m !== null; m = indent.exec(text)) {
    const level = Math.floor((m[1]?.length ?? 0) / 2);
    if (level > max) {
      max = level;
      offset = m.index;
    }
  }
  return { depth: max, offset };
}

/** Calls `found` for every node of the document that carries an explicit tag. */
function visitTags(doc: Document.Parsed, found: (offset: number, tag: string) => void): void {
  visit(doc, {
    Node(_, node) {
      if (node.tag !== undefined && node.range !== undefined && node.range !== null) found(node.range[0], node.tag);
    },
  });
}

function positionOfOffset(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

function yamlMessage(message: string): string {
  return `invalid YAML: ${message.split('\n')[0] ?? message}`;
}

/** One diagnostic per schema problem, at the offending value, unions summarised. */
function schemaDiagnostics(allErrors: readonly ErrorObject[], source: SourceMap): Diagnostic[] {
  const errors = resolveUnions(allErrors);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    let segments = pointerSegments(e.instancePath);
    let atKey = false;
    let message = schemaMessage(e);
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      segments = [...segments, key];
      atKey = true;
      message = `unknown key "${key}"${suggestKey(key, e.parentSchema)}`;
    }
    const pointer = pointerOf(segments);
    const id = `${pointer}\u0000${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const at = positionOf(source, segments, atKey);
    out.push({ severity: 'error', file: source.file, line: at.line, col: at.col, path: pointer, message });
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}

/**
 * Errors of a union (anyOf) read best as those of the one form the value has
 * the shape of (a mapping for the role form of the Open vSwitch step); when
 * no form has its shape, as one summary line.
 */
function resolveUnions(errors: readonly ErrorObject[]): ErrorObject[] {
  let out = [...errors];
  for (const union of errors.filter((e) => e.keyword === 'anyOf')) {
    const inside = (e: ErrorObject) => e !== union && e.schemaPath.startsWith(`${union.schemaPath}/`);
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors.filter(inside)) {
      const branch = e.schemaPath.slice(union.schemaPath.length + 1).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const shaped = [...branches.values()].filter((list) => !list.some((e) => e.instancePath === union.instancePath && (e.keyword === 'type' || e.keyword === 'const')));
    out = out.filter((e) => !inside(e));
    if (shaped.length === 1) out = out.filter((e) => e !== union).concat(shaped[0]!);
  }
  return out;
}

function schemaMessage(e: ErrorObject): string {
  const description = (e.parentSchema as { description?: string } | undefined)?.description;
  switch (e.keyword) {
    case 'type':
      return `expected ${article((e.params as { type: string }).type)}, found ${describeValue(e.data)}`;
    case 'pattern':
    case 'minLength':
    case 'maxLength':
      return `${describeValue(e.data)} is not valid: expected ${description ?? e.message ?? 'a valid value'}`;
    case 'required':
      return `missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'uniqueItems':
      return `duplicate items (${(e.params as { j: number }).j} and ${(e.params as { i: number }).i}): list items must be unique`;
    case 'minItems':
      return `expected at least ${(e.params as { limit: number }).limit} item(s)`;
    case 'maxItems':
      return `expected at most ${(e.params as { limit: number }).limit} items`;
    case 'minimum':
    case 'maximum':
      return `${describeValue(e.data)} is out of range: ${e.message ?? ''}`;
    case 'anyOf':
      return `expected ${description ?? 'one of the allowed forms'}, found ${describeValue(e.data)}`;
    default:
      return e.message ?? `failed ${e.keyword}`;
  }
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', boolean: 'a boolean (true or false)', integer: 'an integer', number: 'a number' };
  return names[type] ?? type;
}

/** A short, printable description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  return `${typeof value} ${String(value)}`;
}

function suggestKey(key: string, parentSchema: unknown): string {
  const known = Object.keys((parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  if (best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3))) return `; did you mean "${best}"?`;
  return known.length > 0 ? `; expected one of ${known.join(', ')}` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}
