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
 * node and context, its answer then reused (see `memoizedStrings`). A
 * list or mapping holding only short scalars (a task's tags, a scenario's
 * list of roles) is one node for all the places holding the same content,
 * written by the package once and re-indented for the other places (see
 * `SharedSeq`).
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
  doc.contents = dataNode(data, { scalars: new Map(), collections: new Map(), ids: 0 }) as typeof doc.contents;
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

/** The nodes shared by the places of a document that hold the same value. */
interface SharedNodes {
  /** Short scalars, by value. */
  readonly scalars: Map<unknown, SharedScalar>;
  /** Collections of indentation-free nodes, by content (`contentKey`). */
  readonly collections: Map<string, SharedSeq | SharedMap>;
  /** Ids given so far. */
  ids: number;
}

/**
 * The node of a value, as `new Document(data)` makes it for plain data
 * (objects and arrays become block collections, `undefined` members are
 * left out, every scalar gets its default tag), without looking up a tag
 * per value.
 */
function dataNode(value: unknown, shared: SharedNodes): Node {
  if (Array.isArray(value)) {
    const items: Node[] = [];
    let key: string | null = 's';
    for (const item of value) {
      const node = dataNode(item, shared);
      items.push(node);
      if (key !== null) key = indentFreeId(node) === undefined ? null : `${key}${indentFreeId(node)!},`;
    }
    const seq = key === null ? new YAMLSeq() : sharedCollection(key, shared, () => new SharedSeq());
    if (seq.items.length === 0) seq.items = items;
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
      throw new Error(`internal error: only plain data is written as YAML, not a ${value.constructor.name}`);
    }
    const pairs: Pair<Node, Node>[] = [];
    let key: string | null = 'm';
    for (const name of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[name];
      if (member === undefined) continue;
      const k = scalarNode(name, shared);
      const v = dataNode(member, shared);
      pairs.push(new Pair(k, v));
      if (key !== null) key = indentFreeId(k) === undefined || indentFreeId(v) === undefined ? null : `${key}${indentFreeId(k)!}:${indentFreeId(v)!},`;
    }
    const map = key === null ? new YAMLMap<Node, Node>() : sharedCollection(key, shared, () => new SharedMap());
    if (map.items.length === 0) map.items = pairs;
    return map;
  }
  if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new Error(`internal error: a ${typeof value} cannot be written as YAML`);
  }
  return scalarNode(value, shared);
}

/**
 * Whether a scalar's text is one line of at most MEMO_LENGTH characters
 * wherever it is written (so never folded, whatever its column): a number,
 * a boolean, null, or a string of printable ASCII short enough that even
 * quoted it fits, holding no character that quoting escapes or doubles,
 * and not starting like a document marker (written differently at the top).
 */
function isIndentFree(value: unknown): boolean {
  return typeof value !== 'string' || (value.length <= MEMO_LENGTH - 2 && INDENT_FREE_STRING.test(value));
}
const INDENT_FREE_STRING = /^(?!%|---|\.\.\.)[\x20\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/u;

/** The id of a node whose text is the same at every indentation but for the indentation of its lines; undefined for others. */
function indentFreeId(node: Node): number | undefined {
  return node instanceof SharedScalar || node instanceof SharedSeq || node instanceof SharedMap ? node.indentFreeId : undefined;
}

/** The shared collection of this content (made by `make`, with a new id, when new; its items then set by the caller). */
function sharedCollection<T extends SharedSeq | SharedMap>(key: string, shared: SharedNodes, make: () => T): T {
  let node = shared.collections.get(key) as T | undefined;
  if (node === undefined) {
    node = make();
    node.indentFreeId = shared.ids++;
    shared.collections.set(key, node);
  }
  return node;
}

/**
 * A scalar node that every place holding the same short value shares (the
 * serializer does not change nodes), with the text the package wrote for
 * it in each context so far.
 */
class SharedScalar extends Scalar {
  /** By context (`writtenIn`), the text the package wrote. */
  readonly texts: (string | undefined)[] = [];
  /** Set when the text is the same at every indentation (`isIndentFree`). */
  indentFreeId: number | undefined;
}

/** The text a shared collection was first written as, at which indentation, and the texts made from it for other indentations. */
interface Written {
  readonly indent: string;
  readonly text: string;
  others?: Map<string, string>;
}

/**
 * A block sequence of indentation-free nodes that every place holding the
 * same content shares. In block style, each line of its text after the
 * first starts with the indentation of the context and every scalar in it
 * is one line whatever its column (`isIndentFree`): its text anywhere else
 * is that text with the indentation of those lines changed.
 */
class SharedSeq extends YAMLSeq<Node> {
  indentFreeId: number | undefined;
  written: Written | undefined;
  override toString(ctx?: StringifyContext, onComment?: () => void, onChompKeep?: () => void): string {
    return ctx === undefined ? super.toString() : writeShared(this, ctx, (c) => super.toString(c, onComment, onChompKeep));
  }
}

/** A block mapping of indentation-free keys and values, shared the same way as `SharedSeq`. */
class SharedMap extends YAMLMap<Node, Node> {
  indentFreeId: number | undefined;
  written: Written | undefined;
  override toString(ctx?: StringifyContext, onComment?: () => void, onChompKeep?: () => void): string {
    return ctx === undefined ? super.toString() : writeShared(this, ctx, (c) => super.toString(c, onComment, onChompKeep));
  }
}

/** The context the package writes a node in (its type is not exported). */
type StringifyContext = NonNullable<Parameters<YAMLSeq['toString']>[0]>;

/**
 * The text of a shared collection in a context: written by the package
 * (`write`) the first time, then re-indented. (Never a key, never inside a
 * flow collection in a generated file: written by the package each time if
 * it were.)
 */
function writeShared(node: SharedSeq | SharedMap, ctx: StringifyContext, write: (ctx: StringifyContext) => string): string {
  if (ctx.implicitKey === true || ctx.inFlow === true) return write(ctx);
  const written = node.written;
  if (written === undefined) {
    const text = write(ctx);
    node.written = { indent: ctx.indent, text };
    return text;
  }
  if (written.indent === ctx.indent) return written.text;
  written.others ??= new Map();
  let text = written.others.get(ctx.indent);
  if (text === undefined) {
    text = written.text.replaceAll(`\n${written.indent}`, `\n${ctx.indent}`);
    written.others.set(ctx.indent, text);
  }
  return text;
}

/** A scalar node: shared when the value is short enough to be written from memory (see `memoizedStrings`). */
function scalarNode(value: unknown, shared: SharedNodes): Scalar {
  if (typeof value === 'string' && value.length > MEMO_LENGTH) return new Scalar(value);
  let node = shared.scalars.get(value);
  if (node === undefined) {
    node = new SharedScalar(value);
    if (isIndentFree(value)) node.indentFreeId = shared.ids++;
    shared.scalars.set(value, node);
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
