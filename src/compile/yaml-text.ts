/**
 * YAML text for Ansible: every generated YAML file is made here, by the
 * `yaml` package in YAML 1.1 mode (what PyYAML, and so Ansible, reads), so a
 * string such as "yes", "0644" or "{{ x }}" is always quoted as needed.
 *
 * Large plans make large files (5,000 service types: a 5 MB task file), so
 * the package is used the cheap way, with the same text as its defaults
 * would give: the document's nodes are built directly from the data (plain
 * objects, arrays and scalars only), one node for each distinct short
 * scalar; and the package's own string serializer is asked once per such
 * node and context, its answer then reused (see `memoizedStrings`).
 */
import { Document, isMap, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type Tags } from 'yaml';

/**
 * Longer strings are folded onto more lines (same value under YAML 1.1), so
 * that no line passes ansible-lint's limit of 160 characters.
 */
const LINE_WIDTH = 140;
/** The yaml package's shortest line before it folds (`minContentWidth`). */
const MIN_CONTENT_WIDTH = 40;

/** Options of a generated YAML file. */
export interface YamlTextOptions {
  /** Comment lines put at the top of the file (without `#`). */
  readonly header?: readonly string[];
  /** Comment lines put above a top-level key, by key. */
  readonly keyComments?: ReadonlyMap<string, readonly string[]>;
}

/** Serializes data as one YAML 1.1 document, starting with `---` and ending with a newline. */
export function yamlText(data: unknown, options: YamlTextOptions = {}): string {
  const doc = new Document(undefined, { version: '1.1', customTags: memoizedStrings });
  // No anchors or aliases: a generated file spells every value out.
  doc.contents = dataNode(data, new Map()) as typeof doc.contents;
  doc.directives!.docStart = true;
  // No `%TAG` directive can be needed (no node has an explicit tag): without
  // the default `!!` handle to consider, the serializer does not walk the
  // whole document looking for tags that use it.
  doc.directives!.tags = {};
  if (options.header !== undefined && options.header.length > 0 && doc.contents !== null) {
    doc.contents.commentBefore = commentLines(options.header);
  }
  if (options.keyComments !== undefined && isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key)) continue;
      const lines = options.keyComments.get(String(pair.key.value));
      // A key node of its own: scalar nodes are shared by every place that holds the same value.
      if (lines !== undefined) pair.key = Object.assign(new Scalar(pair.key.value), { commentBefore: commentLines(lines) });
    }
  }
  return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: MIN_CONTENT_WIDTH, indentSeq: true });
}

/**
 * The node of a value, as `new Document(data)` makes it for plain data
 * (objects and arrays become block collections, `undefined` members are
 * left out, every scalar gets its default tag), without looking up a tag
 * per value.
 */
function dataNode(value: unknown, shared: Map<unknown, SharedScalar>): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(dataNode(item, shared));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
      throw new Error(`internal error: only plain data is written as YAML, not a ${value.constructor.name}`);
    }
    const map = new YAMLMap();
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) map.items.push(new Pair(scalarNode(key, shared), dataNode(member, shared)));
    }
    return map;
  }
  if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new Error(`internal error: a ${typeof value} cannot be written as YAML`);
  }
  return scalarNode(value, shared);
}

/**
 * A scalar node that every place holding the same short value shares (the
 * serializer does not change nodes), with the text the package wrote for
 * it in each context so far.
 */
class SharedScalar extends Scalar {
  /** By context (`writtenIn`), the text the package wrote. */
  readonly texts: (string | undefined)[] = [];
}

/** A scalar node: shared when the value is short enough to be written from memory (see `memoizedStrings`). */
function scalarNode(value: unknown, shared: Map<unknown, SharedScalar>): Scalar {
  if (typeof value === 'string' && value.length > MEMO_LENGTH) return new Scalar(value);
  let node = shared.get(value);
  if (node === undefined) {
    node = new SharedScalar(value);
    shared.set(value, node);
  }
  return node;
}

/**
 * Longest text kept in memory: up to the shortest line the package folds
 * at, whatever the column, no text is folded, so it cannot depend on the
 * column it starts at.
 */
const MEMO_LENGTH = MIN_CONTENT_WIDTH + 1;

/** The context of a scalar that its text may depend on: its indentation, and whether it is an implicit key or inside a flow collection. */
function writtenIn(ctx: { indent: string; implicitKey?: boolean; inFlow?: boolean | null }): number {
  return ctx.indent.length * 4 + (ctx.implicitKey === true ? 2 : 0) + (ctx.inFlow === true ? 1 : 0);
}

/**
 * The schema's tags with the string tag answering from memory: the yaml
 * package's string serializer (which decides plain, quoted or block style,
 * testing the string against every YAML 1.1 type) runs once per shared
 * node and context, a 5,000-service task file holding each role tag, key
 * and module name thousands of times. Only one-line texts no longer than
 * MEMO_LENGTH are kept.
 */
function memoizedStrings(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:str' || tag.stringify === undefined) return tag;
    const serialize = tag.stringify.bind(tag);
    const stringify: typeof serialize = (item, ctx, onComment, onChompKeep) => {
      if (!(item instanceof SharedScalar) || item.type !== undefined) return serialize(item, ctx, onComment, onChompKeep);
      const context = writtenIn(ctx);
      const known = item.texts[context];
      if (known !== undefined) return known;
      const text = serialize(item, ctx, onComment, onChompKeep);
      if (text.length <= MEMO_LENGTH && !text.includes('\n')) item.texts[context] = text;
      return text;
    };
    return { ...tag, stringify };
  });
}

/** Comment text for the yaml package: each line gets one leading space after `#`. */
function commentLines(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
}
