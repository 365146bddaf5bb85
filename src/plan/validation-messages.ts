/**
 * The wording of schema problems: ajv's errors on a plan file -> one
 * diagnostic per problem, at the offending value, in plain words (what was
 * expected, what was found, the nearest known key for a misspelt one).
 */
import type { ErrorObject } from 'ajv';
import { diagnosticAt, type Diagnostic } from '../core/diagnostics.js';
import { pointerOf, pointerSegments, positionOf, type SourceMap } from './source-map.js';

/** One diagnostic per schema problem, at the offending value, unions summarised. */
export function schemaDiagnostics(allErrors: readonly ErrorObject[], source: SourceMap): Diagnostic[] {
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
    out.push(diagnosticAt(source.file, at, message, { path: pointer }));
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
