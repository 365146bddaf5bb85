/**
 * YAML text for Ansible: every generated YAML file is made here, by the
 * `yaml` package in YAML 1.1 mode (what PyYAML, and so Ansible, reads), so a
 * string such as "yes", "0644" or "{{ x }}" is always quoted as needed.
 */
import { Document, isMap, isScalar } from 'yaml';

/**
 * Longer strings are folded onto more lines (same value under YAML 1.1), so
 * that no line passes ansible-lint's limit of 160 characters.
 */
const LINE_WIDTH = 140;

/** Options of a generated YAML file. */
export interface YamlTextOptions {
  /** Comment lines put at the top of the file (without `#`). */
  readonly header?: readonly string[];
  /** Comment lines put above a top-level key, by key. */
  readonly keyComments?: ReadonlyMap<string, readonly string[]>;
}

/** Serializes data as one YAML 1.1 document, starting with `---` and ending with a newline. */
export function yamlText(data: unknown, options: YamlTextOptions = {}): string {
  // No anchors or aliases: a generated file spells every value out (and
  // the search for repeated objects is a tenth of the work on large plans).
  const doc = new Document(data, { version: '1.1', aliasDuplicateObjects: false });
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
      if (lines !== undefined) pair.key.commentBefore = commentLines(lines);
    }
  }
  return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, indentSeq: true });
}

/** Comment text for the yaml package: each line gets one leading space after `#`. */
function commentLines(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
}
