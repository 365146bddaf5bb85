/**
 * The data path of each line of a YAML text as the compiler writes it
 * (`yaml-text.ts`: block style, sequences indented under their key), found
 * by one pass over the lines: no parse, so that tracing a 150,000-line task
 * file costs milliseconds, not the seconds a full parse takes.
 *
 * The path of a line is the path of the innermost entry that starts on it
 * (`- x` -> [.., i]; `key: v` -> [.., key]), or of the scalar it continues
 * (folded plain or quoted scalars, block scalars). Comments, blank lines and
 * `---` take the path of the collection they are in ([] at the top).
 */

/**
 * A path as its last segment and the path it extends (null: the top): the
 * lines of a collection share its path, and a line's path costs one small
 * object, not a copy of the whole path.
 */
export interface PathRef {
  readonly parent: PathRef | null;
  readonly segment: string | number;
  /** Number of segments before this one. */
  readonly depth: number;
}

const extend = (parent: PathRef | null, segment: string | number): PathRef => ({ parent, segment, depth: parent === null ? 0 : parent.depth + 1 });

interface Frame {
  /** Column of the collection's entries (of the `-` for sequences). */
  readonly indent: number;
  readonly kind: 'map' | 'seq';
  readonly path: PathRef | null;
  /** Index of the last item, for sequences. */
  index: number;
}

/** A mapping key at the start of the text: plain (no `: ` or ` #` inside) or quoted; then `:` and a space or the end. */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|(?:[^\s"'#&*!|>%@`{[\]},?:-]|[-?:](?=\S))(?:\S|\s+(?!#))*?):(?: +|$)/u;

/** What a value that is only an anchor, a tag or a comment starts with. */
const PROPERTY_OR_COMMENT = '&!#';

/** KEY's match at the start of `rest`; a text without `: ` and not ending in `:` (most scalars of a list) holds none, and skips the expression. */
function keyAt(rest: string): RegExpExecArray | null {
  return rest.includes(': ') || rest.endsWith(':') ? KEY.exec(rest) : null;
}

function unquoteKey(raw: string): string {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/gu, "'");
  return raw;
}

/**
 * A caller that knows the data written into the text can take whole lists
 * of scalars off the scan: `length` gives, for a key whose value starts on
 * the next line, the number of items when the data holds a list of scalars
 * there (else 0); when the next that many lines are each one item (`- x` at
 * one column, nothing folded onto a further line), `take` is called for
 * them instead of their paths being found (`visit` is not called for
 * them), and the scan goes on after them as if it had read them. The map
 * of a 5,000-service tree: the scenario data's ~90,000 lines are mostly such
 * lists.
 */
export interface ScalarListShortcut {
  length(keyPath: PathRef): number;
  take(keyPath: PathRef, firstLine: number, count: number): void;
}

/**
 * The column of a list of `count` scalars whose items start on the lines
 * `from ..`, when each of these lines starts an item (`- ` after exactly
 * that many spaces, the first line's); else -1. Then the lines are the
 * items, one each: an item folded onto more lines, or a block scalar, puts
 * a deeper line among them, unless it is the last item, whose further lines
 * the scan reads as it would have (see the state set after a shortcut).
 */
function scalarItemsColumn(text: string, starts: Int32Array, from: number, count: number, keyCol: number): number {
  if (from + count > starts.length - 1) return -1;
  let col = 0;
  while (text.charCodeAt(starts[from]! + col) === 32) col++;
  if (col < keyCol) return -1;
  const item = `${' '.repeat(col)}- `;
  for (let i = from; i < from + count; i++) if (!text.startsWith(item, starts[i]!)) return -1;
  return col;
}

/**
 * Where each line of a text starts, and after the last, where a line after
 * it would (`starts[n]`, n the number of lines: a last line without a
 * newline counts, the empty text has none): line i is
 * `text.slice(starts[i], starts[i + 1] - 1)`, cut only when it is read.
 */
function lineStarts(text: string): Int32Array {
  // One pass, in a list grown by doubling (a first pass to count the lines costs as much as this one).
  let starts = new Int32Array(1024);
  let count = 0;
  for (let at = 0; at < text.length; count++) {
    if (count + 1 >= starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count] = at;
    const end = text.indexOf('\n', at);
    at = end < 0 ? text.length + 1 : end + 1;
  }
  starts[count] = count === 0 ? 0 : text.endsWith('\n') ? text.length : text.length + 1;
  return starts.subarray(0, count + 1);
}

/**
 * The path of each line of `text`, given to `visit` in line order (line 0:
 * the first), but for the lines a shortcut takes (`take` is called for them
 * where they are in that order, and `visit` is not); returns the number of
 * lines. No list of the paths is made (a scenario's data has 80,000 lines).
 */
export function visitYamlLinePaths(text: string, visit: (line: number, path: PathRef | null) => void, shortcut?: ScalarListShortcut): number {
  const starts = lineStarts(text);
  const lineCount = starts.length - 1;
  const stack: Frame[] = [];
  /** A value that continues on deeper lines (a multi-line scalar): its path, and the column they are deeper than. */
  let scalar: { path: PathRef | null; indent: number } | null = null;
  /** A key or item whose value is a collection on the next, deeper lines. */
  let pending: { path: PathRef | null; indent: number } | null = null;

  /** The collection of kind `kind` whose entries are at column `col`, made when new. */
  const frameAt = (col: number, kind: 'map' | 'seq'): Frame => {
    const top = stack.at(-1);
    if (top !== undefined && top.indent === col && top.kind === kind) return top;
    let path: PathRef | null = top?.path ?? null;
    if (pending !== null && (col > pending.indent || (kind === 'seq' && col === pending.indent))) path = pending.path;
    const frame: Frame = { indent: col, kind, path, index: -1 };
    stack.push(frame);
    return frame;
  };

  for (let i = 0; i < lineCount; i++) {
    const line = text.slice(starts[i], starts[i + 1]! - 1);
    const body = line.trimStart();
    const indent = line.length - body.length;
    if (scalar !== null && (body === '' || indent > scalar.indent)) {
      visit(i, scalar.path);
      continue;
    }
    scalar = null;
    if (body === '' || body.startsWith('#') || body === '---' || body === '...') {
      visit(i, stack.at(-1)?.path ?? null);
      continue;
    }
    while (stack.length > 0 && stack.at(-1)!.indent > indent) stack.pop();
    let col = indent;
    let rest = body;
    let path: PathRef | null | undefined;
    /** The key found on the line, once looked for. */
    let key: RegExpExecArray | null | undefined;
    while (rest === '-' || rest.startsWith('- ')) {
      key = undefined;
      const seq = frameAt(col, 'seq');
      pending = null;
      seq.index++;
      path = extend(seq.path, seq.index);
      const after = rest.slice(1);
      rest = after.trimStart();
      const dash = col;
      col += 1 + (after.length - rest.length);
      if (rest === '') {
        pending = { path, indent: dash };
        break;
      }
      if (!(rest === '-' || rest.startsWith('- ')) && (key = keyAt(rest)) === null) {
        scalar = { path, indent: dash };
        rest = '';
        break;
      }
      // The item holds a collection starting at `col`.
      pending = { path, indent: dash };
    }
    if (rest === '') {
      visit(i, path !== undefined ? path : (stack.at(-1)?.path ?? null));
      continue;
    }
    const m = key === undefined ? keyAt(rest) : key;
    if (m === null) {
      // A scalar alone on its line: the document is a scalar, or a value we did not expect.
      const at = path !== undefined ? path : pending !== null ? pending.path : (stack.at(-1)?.path ?? null);
      visit(i, at);
      scalar = { path: at, indent: indent - 1 };
      pending = null;
      continue;
    }
    const map = frameAt(col, 'map');
    pending = null;
    const keyPath = extend(map.path, unquoteKey(m[1]!));
    const value = rest.slice(m[0].length);
    // An empty value, or only an anchor or a tag: a collection follows on the next lines (or nothing).
    if (value === '' && shortcut !== undefined) {
      const count = shortcut.length(keyPath);
      const at = count > 0 ? scalarItemsColumn(text, starts, i + 1, count, col) : -1;
      if (at >= 0) {
        visit(i, keyPath);
        shortcut.take(keyPath, i + 1, count);
        // As after reading the items: in the list, after its last item, whose further lines (if any) are its own.
        stack.push({ indent: at, kind: 'seq', path: keyPath, index: count - 1 });
        scalar = { path: extend(keyPath, count - 1), indent: at };
        pending = null;
        i += count;
        continue;
      }
    }
    if (value === '' || (PROPERTY_OR_COMMENT.includes(value[0]!) && /^(?:[&!]\S*\s*)*(?:#.*)?$/u.test(value))) {
      visit(i, keyPath);
      pending = { path: keyPath, indent: col };
    } else {
      // A flow collection on the key's line (a fixed playbook's `key: ["*"]`): its first entry starts there too.
      visit(i, value[0] === '[' || value[0] === '{' ? flowEntryPath(value).reduce<PathRef>(extend, keyPath) : keyPath);
      scalar = { path: keyPath, indent: col };
    }
  }
  return lineCount;
}

/** A flow mapping's first key at the start of a text: plain or quoted, then `:`. */
const FLOW_KEY = /^\{\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'{}[\],:][^{}[\],:]*?)\s*:(?:\s|$)/u;

/** The path, inside a value, of the innermost entry starting on its first line: the first entries of flow collections it opens with. */
function flowEntryPath(value: string): (string | number)[] {
  const path: (string | number)[] = [];
  let rest = value;
  for (;;) {
    if (/^\[\s*[^\s\]]/u.test(rest)) {
      path.push(0);
      rest = rest.slice(1).trimStart();
      continue;
    }
    const m = FLOW_KEY.exec(rest);
    if (m === null) return path;
    const key = unquoteKey(m[1]!.trim());
    path.push(key);
    rest = rest.slice(m[0].length).trimStart();
  }
}
