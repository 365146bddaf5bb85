/**
 * YAML text for Ansible: every generated YAML file is made here, by the
 * `yaml` package in YAML 1.1 mode (what PyYAML, and so Ansible, reads), so a
 * string such as "yes", "0644" or "{{ x }}" is always quoted as needed.
 *
 * Large plans make large files (5,000 service types: a 5 MB task file), so
 * the package is used the cheap way, with the same text as its defaults
 * would give: the document's nodes are built directly from the data (plain
 * objects, arrays and scalars only), each distinct scalar once; and the
 * package's own string serializer is asked once per string and context, its
 * answer then reused (see `memoizedStrings`).
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
 * per value. Scalars are shared: the serializer does not change nodes, and
 * one node per distinct value is one fewer allocation per repeated key or tag.
 */
function dataNode(value: unknown, scalars: Map<unknown, Scalar>): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(dataNode(item, scalars));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
      throw new Error(`internal error: only plain data is written as YAML, not a ${value.constructor.name}`);
    }
    const map = new YAMLMap();
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) map.items.push(new Pair(scalarNode(key, scalars), dataNode(member, scalars)));
    }
    return map;
  }
  if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
    throw new Error(`internal error: a ${typeof value} cannot be written as YAML`);
  }
  return scalarNode(value, scalars);
}

function scalarNode(value: unknown, scalars: Map<unknown, Scalar>): Scalar {
  let node = scalars.get(value);
  if (node === undefined) {
    node = new Scalar(value);
    scalars.set(value, node);
  }
  return node;
}

/**
 * The schema's tags with the string tag answering from memory: the yaml
 * package's string serializer (which decides plain, quoted or block style,
 * testing the string against every YAML 1.1 type) runs once per string and
 * context, a 5,000-service task file holding each role tag, key and
 * condition thousands of times. Only answers that cannot depend on more
 * than what the memory is keyed by are kept: one line, no longer than the
 * shortest line the package folds, so that neither the column the value
 * starts at nor folding play a part; the key is the string, the indentation
 * and whether it is written as an implicit key or inside a flow collection.
 */
function memoizedStrings(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:str' || tag.stringify === undefined) return tag;
    const serialize = tag.stringify.bind(tag);
    const memory = new Map<string, (string | undefined)[]>();
    const stringify: typeof serialize = (item, ctx, onComment, onChompKeep) => {
      const value = (item as Scalar).value;
      if (typeof value !== 'string' || (item as Scalar).type !== undefined) return serialize(item, ctx, onComment, onChompKeep);
      const context = ctx.indent.length * 4 + (ctx.implicitKey === true ? 2 : 0) + (ctx.inFlow === true ? 1 : 0);
      let byContext = memory.get(value);
      const known = byContext?.[context];
      if (known !== undefined) return known;
      const text = serialize(item, ctx, onComment, onChompKeep);
      if (text.length <= MIN_CONTENT_WIDTH + 1 && !text.includes('\n')) {
        if (byContext === undefined) {
          byContext = [];
          memory.set(value, byContext);
        }
        byContext[context] = text;
      }
      return text;
    };
    return { ...tag, stringify };
  });
}

/** Comment text for the yaml package: each line gets one leading space after `#`. */
function commentLines(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
}
