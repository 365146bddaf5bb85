/**
 * YAML text for Ansible: every generated YAML file is made here, by the
 * `yaml` package in YAML 1.1 mode (what PyYAML, and so Ansible, reads), so a
 * string such as "yes", "0644" or "{{ x }}" is always quoted as needed (and
 * so is one that Kubernetes reads as a number, such as "0o17": see
 * `GO_YAML_READS_AS_OTHER`).
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
 * `SharedSeq`). Collections of one shape (10,000 include tasks that differ
 * only in their strings) are written from a template: the package writes
 * the shape once per indentation with a mark in each slot, and each string
 * of each collection in the context it recorded for that slot (see
 * `Shape`). Every text is the package's: the unit tests compare with the
 * package's own output for the same data, awkward strings and random data.
 */
import { Document, isMap, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type CollectionTag, type Node, type ScalarTag, type Tags } from 'yaml';

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

/**
 * Plain scalars that go-yaml reads as numbers or times: the YAML reader of
 * Kubernetes (sigs.k8s.io/yaml), through which `oc apply` reads the rollout
 * and service manifests. It takes a scalar that starts with a digit or a
 * sign, underscores dropped, as Go's strconv.ParseInt and ParseUint take it
 * in base 0 (`0x`/`0X`, `0o`/`0O`, `0b`/`0B`, a leading 0), or as a float
 * in YAML's float syntax; and `YYYY-M-D...` as a time. YAML 1.1, which
 * Ansible reads, has most of these quoted already, but not `0o17`, `0X1F`,
 * `0B1`, `-_1` nor `1e_3`: a rollout id or node name of that form reached
 * the cluster as a number (a label value it refuses; an extra variable
 * Ansible then gets as a number). Given to the package as a compat schema,
 * whose tags it is never asked to read with: a string one of them matches
 * is quoted, like one of YAML 1.1's.
 */
export const GO_YAML_READS_AS_OTHER: readonly ScalarTag[] = [
  {
    tag: 'tag:yaml.org,2002:int',
    default: true,
    test: /^(?:[-+]_*)?(?:0_*[xX]_*(?:[0-9a-fA-F]_*)+|0_*[oO]_*(?:[0-7]_*)+|0_*[bB]_*(?:[01]_*)+|(?:[0-9]_*)+(?:\._*(?:[0-9]_*)*)?(?:[eE]_*[-+]?_*(?:[0-9]_*)+)?|\._*(?:[0-9]_*)+(?:[eE]_*[-+]?_*(?:[0-9]_*)+)?)$/u,
    resolve: (text) => text,
  },
  { tag: 'tag:yaml.org,2002:timestamp', default: true, test: /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt \t])/u, resolve: (text) => text },
];

/** Serializes data as one YAML 1.1 document, starting with `---` and ending with a newline. */
export function yamlText(data: unknown, options: YamlTextOptions = {}): string {
  const doc = new Document(undefined, { version: '1.1', customTags: memoizedStrings, compat: [...GO_YAML_READS_AS_OTHER] });
  // No anchors or aliases: a generated file spells every value out.
  doc.contents = dataNode(data, { scalars: new Map(), collections: new Map(), shapes: new Map(), ofObject: new Map(), ids: 0 }, true) as typeof doc.contents;
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
  /** Shapes of templated collections, by their code (`shapeOf`). */
  readonly shapes: Map<string, Shape>;
  /** The node of each object or array of the data so far. */
  readonly ofObject: Map<object, Node>;
  /** Ids given so far. */
  ids: number;
}

/**
 * The node of a value, as `new Document(data)` makes it for plain data
 * (objects and arrays become block collections, `undefined` members are
 * left out, every scalar gets its default tag), without looking up a tag
 * per value. A collection is shared (`SharedSeq`) when all it holds is,
 * else templated by its shape (`TemplatedSeq`) when it can be; the
 * document's top never is (it alone takes comments).
 */
function dataNode(value: unknown, shared: SharedNodes, top = false): Node {
  if (value === null || typeof value !== 'object') {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`internal error: a ${typeof value} cannot be written as YAML`);
    }
    return scalarNode(value, shared);
  }
  // The same object in several places (a list the data shares) is one node.
  const known = shared.ofObject.get(value);
  if (known !== undefined) return known;
  const node = top ? topNode(value, shared) : collectionNode(value, shared);
  shared.ofObject.set(value, node);
  return node;
}

/** The document's top: a plain collection (it alone takes comments, and changes with them). */
function topNode(value: object, shared: SharedNodes): Node {
  if (Array.isArray(value)) return Object.assign(new YAMLSeq<Node>(), { items: value.map((item) => dataNode(item, shared)) });
  return Object.assign(new YAMLMap<Node, Node>(), { items: pairsOf(value, shared) });
}

/** The pairs of a plain object's defined members. */
function pairsOf(value: object, shared: SharedNodes): Pair<Node, Node>[] {
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    throw new Error(`internal error: only plain data is written as YAML, not a ${value.constructor.name}`);
  }
  const pairs: Pair<Node, Node>[] = [];
  for (const name of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[name];
    if (member !== undefined) pairs.push(new Pair(scalarNode(name, shared), dataNode(member, shared)));
  }
  return pairs;
}

/**
 * A collection's node: shared (`SharedSeq`) when all it holds is
 * indentation-free, else templated by its shape (`TemplatedSeq`) when it
 * has one, else plain.
 */
function collectionNode(value: object, shared: SharedNodes): Node {
  const isSeq = Array.isArray(value);
  const items: Node[] | Pair<Node, Node>[] = isSeq ? value.map((item) => dataNode(item, shared)) : pairsOf(value, shared);
  // Content: the ids of what it holds; shape: the code of each (with the keys).
  const ids: number[] | null = [];
  let codes: string[] | null = [];
  let allNull = !isSeq;
  let free = true;
  for (const item of items) {
    const child = item instanceof Pair ? (item.value as Node) : item;
    const childId = indentFreeId(child);
    if (item instanceof Pair) {
      const keyId = indentFreeId(item.key);
      if (keyId === undefined || childId === undefined) free = false;
      else ids.push(keyId, childId);
      // A key is part of the shape (its text decides where the value starts).
      if (codes !== null) codes = item.key instanceof SharedScalar ? pushCode(codes, `k${item.key.id}`, child) : null;
      if (!(child instanceof Scalar && child.value === null)) allNull = false;
    } else {
      if (childId === undefined) free = false;
      else if (free) ids.push(childId);
      if (codes !== null) codes = pushCode(codes, '', child);
    }
  }
  // (A mapping of only null values writes its keys as explicit keys, which are not marked as keys: not templated.)
  // A list of items of one code (a list of strings, of tasks of one shape) has the shape of its items whatever its length.
  const repeated = isSeq && codes !== null && items.length > 1 && codes.every((c) => c === codes![0]);
  const shape = codes === null || allNull ? null : repeated ? shapeNamed(`[*${codes[0]!}`, shared, true) : shapeNamed(`${isSeq ? '[' : '{'}${codes.join(',')}`, shared);
  if (free) {
    const node = sharedCollection(`${isSeq ? 's' : 'm'}${ids.join(',')}`, shared, () => (isSeq ? new SharedSeq(shape) : new SharedMap(shape)));
    if (node.items.length === 0) node.items = items as (Node & Pair<Node, Node>)[];
    return node;
  }
  if (shape === null) return Object.assign(isSeq ? new YAMLSeq<Node>() : new YAMLMap<Node, Node>(), { items });
  return Object.assign(isSeq ? new TemplatedSeq(shape) : new TemplatedMap(shape), { items });
}

/** `codes` with the code of a child (after `prefix`) added; null when the child cannot be part of a shape. */
function pushCode(codes: string[], prefix: string, child: Node): string[] | null {
  const code = shapeOf(child);
  if (code === null) return null;
  codes.push(prefix === '' ? code : `${prefix}:${code}`);
  return codes;
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
  constructor(
    value: unknown,
    /** Unique in the document. */
    readonly id: number,
  ) {
    super(value);
  }
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
  /** Its shape, which writes it the first time (null when it has none). */
  constructor(readonly shape: Shape | null) {
    super();
  }
  override toString(ctx?: StringifyContext, onComment?: () => void, onChompKeep?: () => void): string {
    return ctx === undefined ? super.toString() : writeShared(this, ctx, (c) => super.toString(c, onComment, onChompKeep));
  }
}

/** A block mapping of indentation-free keys and values, shared the same way as `SharedSeq`. */
class SharedMap extends YAMLMap<Node, Node> {
  indentFreeId: number | undefined;
  written: Written | undefined;
  constructor(readonly shape: Shape | null) {
    super();
  }
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
  if (recording !== null && node.items.length > 0) return slot(ctx);
  if (ctx.implicitKey === true || ctx.inFlow === true) return write(ctx);
  const written = node.written;
  if (written === undefined) {
    const text = node.shape === null ? write(ctx) : writeTemplated(node, ctx, write);
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

/**
 * A shape of collections: the same keys, the same nesting, the same numbers,
 * booleans, nulls and empty collections, in the same places; strings and
 * non-empty shared collections (its slots) may differ. The text of every
 * collection of a shape at one indentation is that of the first, written by
 * the package with a mark in each slot (its template), with the texts of its
 * own slots in their places, each written by the package in the context
 * recorded for that slot: the layout of a block collection does not depend
 * on the text of a slot (a scalar or a non-empty block collection) but
 * when it is empty or starts a new line, which no text of a string or of a
 * block collection does (checked, and written plainly if it did). A task
 * list of 5,000 service types is 10,000 tasks of one shape.
 */
interface Shape {
  readonly id: number;
  /**
   * A list's shape of one item, repeated: its template is that of a list of
   * one item (the package writes a block list as its items, each after `- `,
   * one per line at the list's indentation), filled for each item. Such a
   * list is a slot of the shape it is in (its length is not part of it).
   */
  readonly repeated: boolean;
  /** By indentation: the template, or null when one collection of the shape was written there (a shape seen once is written by the package). */
  readonly templates: Map<string, Template | null>;
}

/** The text of a shape at an indentation, cut at its slots, and the context each slot is written in. */
interface Template {
  readonly fragments: readonly string[];
  readonly contexts: readonly StringifyContext[];
  /** The document's string tag (`memoizedStrings`'s), which writes the string slots. */
  readonly strings: ScalarTag;
}

/** What a slot is written as while a template is recorded (no text the package writes holds it: it escapes control characters). */
const SLOT = '\u0000';

/** While a template is recorded: the context of each slot so far. */
let recording: StringifyContext[] | null = null;

/** Records a slot's context (a copy: the package may change its own afterwards) and writes the mark. */
function slot(ctx: StringifyContext): string {
  recording!.push({ ...ctx });
  return SLOT;
}

/** The shape of this code, made when new. */
function shapeNamed(code: string, shared: SharedNodes, repeated = false): Shape {
  let shape = shared.shapes.get(code);
  if (shape === undefined) {
    shape = { id: shared.shapes.size, repeated, templates: new Map() };
    shared.shapes.set(code, shape);
  }
  return shape;
}

/** The code of a node in its parent's shape; null when it cannot be part of a shape (a collection neither shared nor templated). */
function shapeOf(node: Node): string | null {
  // (A string slot and a collection slot differ: after a key, a collection starts on the next line.)
  if (node instanceof TemplatedSeq || node instanceof TemplatedMap) return node.shape.repeated ? '@' : `t${node.shape.id}`;
  if (node instanceof SharedSeq || node instanceof SharedMap) return node.items.length === 0 ? `e${node.indentFreeId!}` : '@';
  if (isStringSlot(node)) return '$';
  if (node instanceof SharedScalar) return `v${node.id}`;
  return null;
}

/**
 * Whether a node is a string the package writes with the string tag: every
 * string but `<<`, which YAML 1.1's merge tag claims (and writes the same
 * everywhere: it is part of a shape).
 */
function isStringSlot(node: Node): node is Scalar<string> {
  return node instanceof Scalar && typeof node.value === 'string' && node.value !== '<<';
}

/** A block sequence written from the template of its shape. */
class TemplatedSeq extends YAMLSeq<Node> {
  constructor(readonly shape: Shape) {
    super();
  }
  override toString(ctx?: StringifyContext, onComment?: () => void, onChompKeep?: () => void): string {
    return ctx === undefined ? super.toString() : writeTemplated(this, ctx, (c) => super.toString(c, onComment, onChompKeep));
  }
}

/** A block mapping written from the template of its shape. */
class TemplatedMap extends YAMLMap<Node, Node> {
  constructor(readonly shape: Shape) {
    super();
  }
  override toString(ctx?: StringifyContext, onComment?: () => void, onChompKeep?: () => void): string {
    return ctx === undefined ? super.toString() : writeTemplated(this, ctx, (c) => super.toString(c, onComment, onChompKeep));
  }
}

/** Whether a node is a slot of the shape it is in: a string, a non-empty shared collection, a list of a repeated shape. */
function isSlot(node: Node): boolean {
  if (node instanceof SharedSeq || node instanceof SharedMap) return node.items.length > 0;
  if (node instanceof TemplatedSeq) return node.shape.repeated;
  return isStringSlot(node);
}

/** The slots of a templated collection's items, in the order the package writes them. */
function slotsOf(node: TemplatedSeq | TemplatedMap | SharedSeq | SharedMap, out: Node[]): Node[] {
  for (const item of node.items) slotsIn(item instanceof Pair ? (item.value as Node) : item, out);
  return out;
}

/** The slots a node holds in the shape it is in: itself, or those of its own items (a templated collection), or none. */
function slotsIn(node: Node, out: Node[]): Node[] {
  if (isSlot(node)) out.push(node);
  else if (node instanceof TemplatedSeq || node instanceof TemplatedMap) slotsOf(node, out);
  return out;
}

/** Records the template of a node written by `write` (its slots marked). */
function recordTemplate(ctx: StringifyContext, write: (ctx: StringifyContext) => string): Template {
  const contexts: StringifyContext[] = [];
  recording = contexts;
  let text: string;
  try {
    text = write(ctx);
  } finally {
    recording = null;
  }
  return { fragments: text.split(SLOT), contexts, strings: stringTag(ctx) };
}

/** A template filled with the texts of these slots; null if one has a text the layout would treat otherwise than the mark (none that the package writes for a string or a block collection: then written plainly). */
function filled(template: Template, slots: readonly Node[]): string | null {
  if (slots.length !== template.contexts.length || template.fragments.length !== slots.length + 1) {
    throw new Error('internal error: a templated YAML collection does not have the slots of its template');
  }
  let text = template.fragments[0]!;
  for (let i = 0; i < slots.length; i++) {
    const slotNode = slots[i]!;
    const context = template.contexts[i]!;
    const part = slotNode instanceof Scalar ? template.strings.stringify!(slotNode, context) : slotNode.toString(context);
    if (part === '' || part.startsWith('\n')) return null;
    text += part + template.fragments[i + 1]!;
  }
  return text;
}

/** The text of a templated collection in a context (`write`: the package's, for the template; inside a template being recorded, the node is part of it, or a slot). */
function writeTemplated(node: TemplatedSeq | TemplatedMap | SharedSeq | SharedMap, ctx: StringifyContext, write: (ctx: StringifyContext) => string): string {
  const shape = node.shape;
  if (recording !== null) return shape?.repeated === true ? slot(ctx) : write(ctx);
  if (ctx.implicitKey === true || ctx.inFlow === true || shape === null) return write(ctx);
  if (shape.repeated) return writeRepeated(node as TemplatedSeq | SharedSeq, shape, ctx, write);
  let template = shape.templates.get(ctx.indent);
  if (template === undefined) {
    shape.templates.set(ctx.indent, null);
    return write(ctx);
  }
  if (template === null) {
    template = recordTemplate(ctx, write);
    shape.templates.set(ctx.indent, template);
  }
  return filled(template, slotsOf(node, [])) ?? write(ctx);
}

/** The text of a list of a repeated shape: each item from the template of a list of one item, one per line at the list's indentation. */
function writeRepeated(node: TemplatedSeq | SharedSeq, shape: Shape, ctx: StringifyContext, write: (ctx: StringifyContext) => string): string {
  let template = shape.templates.get(ctx.indent);
  if (template === undefined || template === null) {
    const one = Object.assign(new YAMLSeq<Node>(), { items: [node.items[0]!] });
    template = recordTemplate(ctx, (c) => one.toString(c));
    shape.templates.set(ctx.indent, template);
  }
  const parts: string[] = [];
  for (const item of node.items) {
    const text = filled(template, slotsIn(item, []));
    if (text === null) return write(ctx);
    parts.push(text);
  }
  return parts.join(`\n${ctx.indent}`);
}

/** The string tag of the document's schema (`memoizedStrings`'s). */
function stringTag(ctx: StringifyContext): ScalarTag {
  const schema = ctx.doc.schema as unknown as { tags: readonly (ScalarTag | CollectionTag)[] };
  return schema.tags.find((t): t is ScalarTag => t.tag === 'tag:yaml.org,2002:str' && 'stringify' in t && t.stringify !== undefined)!;
}

/** A scalar node: shared when the value is short enough to be written from memory (see `memoizedStrings`). */
function scalarNode(value: unknown, shared: SharedNodes): Scalar {
  if (typeof value === 'string' && value.length > MEMO_LENGTH) return new Scalar(value);
  let node = shared.scalars.get(value);
  if (node === undefined) {
    node = new SharedScalar(value, shared.ids++);
    if (isIndentFree(value)) node.indentFreeId = node.id;
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
      // (A key is part of its mapping's shape, never a slot.)
      if (recording !== null && ctx.implicitKey !== true) return slot(ctx);
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
