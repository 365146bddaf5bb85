/**
 * Plan loading: text of a plan file (YAML or JSON) -> validated UpdatePlan.
 * Every problem is reported with `file:line:col`, the JSON path of the value
 * and what was expected. `parsePlan` is pure; `loadPlanFile` reads the file.
 */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import { diagnosticAt, fileError, InputError, type Diagnostic } from '../core/diagnostics.js';
import { describeIoError } from '../core/io-error.js';
import validatePlanFile from './plan-validator.generated.js';
import { normalizePlan } from './normalize.js';
import type { SourceMap } from './source-map.js';
import { schemaDiagnostics } from './validation-messages.js';
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

/** Parses YAML/JSON text into plain data, keeping node positions. */
export function parsePlanDocument(text: string, file: string): { source: SourceMap; data: unknown } {
  if (text.length > MAX_PLAN_BYTES) {
    throw new InputError([fileError(file, `plan text is ${text.length} characters; the limit is ${MAX_PLAN_BYTES}`)]);
  }
  if (text.includes('\u0000')) {
    const at = positionOfOffset(text, text.indexOf('\u0000'));
    throw new InputError([diagnosticAt(file, at, 'plan contains a NUL character')]);
  }
  const depth = nestingDepth(text);
  if (depth.depth > MAX_NESTING) {
    throw new InputError([diagnosticAt(file, positionOfOffset(text, depth.offset), `nesting deeper than ${MAX_NESTING} levels`)]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: Diagnostic[] = doc.errors.map((e) => diagnosticAt(file, lines.linePos(e.pos[0]), yamlMessage(e.message)));
  // Tags (!unsafe, !!python/..., custom ones) have no place in a plan: refuse them rather than guess.
  visitTags(doc, (offset, tag) => {
    problems.push(diagnosticAt(file, lines.linePos(offset), `YAML tags are not allowed in a plan (found ${tag})`));
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
