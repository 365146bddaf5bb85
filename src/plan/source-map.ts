/**
 * Where the values of a parsed YAML document are: JSON paths to line and column.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A parsed YAML document and where its nodes are. */
export interface SourceMap {
  readonly file: string;
  /** The text parsed (the provenance map records its SHA-256, so that `explain` can tell an edited plan). */
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** The node at a JSON path, or the nearest ancestor that exists. */
export function nodeAt(source: SourceMap, path: readonly (string | number)[]): { node: Node | null; keyNode: Node | null } {
  let node: unknown = source.doc.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      keyNode = null;
      node = item;
    } else break;
  }
  return { node: (node as Node | null) ?? null, keyNode };
}

/** Position of the value at a JSON path (its key, when `atKey`). */
export function positionOf(source: SourceMap, path: readonly (string | number)[], atKey = false): { line: number; col: number } {
  const { node, keyNode } = nodeAt(source, path);
  const target = atKey && keyNode !== null ? keyNode : node;
  const offset = target?.range?.[0] ?? 0;
  return source.lines.linePos(offset);
}

/** Splits a JSON pointer into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/gu, '/').replace(/~0/gu, '~'));
}

/** Turns a JSON pointer's segments back into a pointer. */
export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/gu, '~0').replace(/\//gu, '~1')}`).join('');
}

