/**
 * Extra variables as `ansible-playbook -e` reads them (ansible-core's
 * `load_extra_vars`, the same in 2.16, 2.19 and 2.21), so that `show`
 * decides on the very values a node would be given:
 *
 * - `@FILE`: the file, YAML or JSON, must hold a mapping;
 * - an argument starting with `/` or `.`: refused (a file name without `@`);
 * - starting with `{` or `[`: JSON, else YAML, and it must be a mapping;
 * - anything else: `key=value` pairs split as Ansible's `parse_kv` does
 *   (several in one argument, separated by spaces; quotes group words and
 *   are taken off the value; `\n`, `\t`, `\xNN`, `\uNNNN`... escapes are
 *   decoded; an `=` written `\=` is not a separator). Every value is a
 *   STRING: `x=true` is "true", `x=[a]` is "[a]". Words without `=` become
 *   the variable `_raw_params`, as in Ansible.
 *
 * Later arguments replace the variables of earlier ones (Ansible's default
 * `hash_behaviour: replace`). The file is read by the caller (the CLI reads
 * it bounded and strictly UTF-8, where `varsFilePath` says Ansible looks);
 * this module only parses.
 */
import { isScalar, LineCounter, parseDocument, type ScalarTag, type Tags } from 'yaml';
import { posix } from 'node:path';
import { diagnosticAt, InputError } from '../core/diagnostics.js';
import { pyStrip } from './ansible-values.js';

/** What `-e` gave: the variables, and what Ansible would do with them that a reader might not expect. */
export interface ExtraVars {
  readonly vars: Record<string, unknown>;
  /** Remarks on the arguments, e.g. words that became `_raw_params`. */
  readonly notes: readonly string[];
}

/** Reads the file of an `-e @FILE` argument: its text, or InputError. */
export type VarsFileReader = (path: string) => string;

/** The file name diagnostics give for an argument of `-e` itself. */
export const EXTRA_VARS_ARGUMENT = '-e';

/** `ansible-playbook -e ARG`... -> the extra variables, or InputError (exit 2) where ansible-playbook stops. */
export function loadExtraVars(args: readonly string[], readFile: VarsFileReader): ExtraVars {
  // No prototype: `__proto__` is a variable name like any other, as in Ansible.
  const vars: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const notes: string[] = [];
  for (const arg of args) {
    if (arg === '') continue; // Ansible skips an empty -e
    let data: unknown;
    if (arg.startsWith('@')) {
      const file = arg.slice(1);
      data = loadVarsText(readFile(file), file, null);
    } else if (arg.startsWith('/') || arg.startsWith('.')) {
      throw argumentError(arg, `a file name: write it -e @${arg} (Ansible: "Please prepend extra_vars filename with '@'")`);
    } else if (arg.startsWith('{') || arg.startsWith('[')) {
      data = loadVarsText(arg, EXTRA_VARS_ARGUMENT, arg);
    } else {
      const pairs = parseKv(arg);
      if (Object.hasOwn(pairs, RAW_PARAMS)) {
        notes.push(`-e ${JSON.stringify(arg)}: ${JSON.stringify(pairs[RAW_PARAMS])} is not key=value: Ansible sets the variable ${RAW_PARAMS} to it, which no role reads`);
      }
      data = pairs;
    }
    if (!isMapping(data)) {
      throw argumentError(arg, 'not a mapping of variables (Ansible: "could not be made into a dictionary")');
    }
    for (const [key, value] of Object.entries(data)) vars[key] = value;
  }
  for (const [key, value] of Object.entries(vars)) {
    if (holdsTemplate(value)) notes.push(`-e ${key} holds a Jinja template, which Ansible evaluates where a role reads it; show does not: it takes the text as it is`);
  }
  return { vars, notes };
}

/** Whether a value holds Jinja (`{{`, `{%`, `{#`) anywhere. */
function holdsTemplate(value: unknown): boolean {
  if (typeof value === 'string') return /\{[{%#]/u.test(value);
  if (Array.isArray(value)) return value.some(holdsTemplate);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => holdsTemplate(k) || holdsTemplate(v));
  return false;
}

/** Where parse_kv puts the words that are not key=value. */
const RAW_PARAMS = '_raw_params';

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function argumentError(arg: string, why: string, at: { line: number; col: number } = { line: 1, col: 1 }): InputError {
  return new InputError([diagnosticAt(EXTRA_VARS_ARGUMENT, at, `${JSON.stringify(arg)}: ${why}`)]);
}

/**
 * Text of an `-e {...}` argument or an `@FILE`, as Ansible's DataLoader
 * reads it: JSON first, else YAML 1.1 as PyYAML resolves its scalars (not
 * the YAML 1.1 of the `yaml` package: `y`/`n` stay strings, `1e3` and `09`
 * too, `2024-01-01` stays text). `arg`: the -e argument, null for a file.
 */
function loadVarsText(text: string, file: string, arg: string | null): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    // not JSON: YAML, as Ansible then tries
  }
  if (json !== undefined) {
    const depth = nestingDepth(json);
    if (depth > MAX_VARS_NESTING) {
      const message = `values nested ${depth} levels deep; show reads at most ${MAX_VARS_NESTING} (Ansible reads -e with Python's json, which stops near 1,000 with a RecursionError)`;
      throw arg === null ? new InputError([diagnosticAt(file, { line: 1, col: 1 }, message)]) : argumentError(arg, message);
    }
    return json;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', schema: 'yaml-1.1', customTags: pyyamlScalars, uniqueKeys: false, lineCounter: lines, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem !== undefined) {
    const at = lines.linePos(problem.pos[0]);
    const message = `not JSON, and not YAML: ${problem.message.split('\n')[0]}`;
    throw arg === null ? new InputError([diagnosticAt(file, at, message)]) : argumentError(arg, message, at);
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!isMapping(value)) {
    const message = 'not a mapping of variables (Ansible: "could not be made into a dictionary")';
    const at = doc.contents === null || isScalar(doc.contents) || doc.contents.range === undefined ? { line: 1, col: 1 } : lines.linePos(doc.contents.range[0]);
    throw arg === null ? new InputError([diagnosticAt(file, at, message)]) : argumentError(arg, message);
  }
  return value;
}

/** Deepest nesting of `-e` values read: show walks them recursively (JSON.parse reads any depth; 100,000 levels overflowed the stack). */
const MAX_VARS_NESTING = 1000;

/** How many collections deep a parsed JSON value goes, walked with a list of its own (no recursion). */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [v, depth] = pending.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const item of Array.isArray(v) ? v : Object.values(v)) if (item !== null && typeof item === 'object') pending.push([item, depth + 1]);
  }
  return deepest;
}

const PY_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/u;
const PY_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/u;
const PY_INT = /^[-+]?(?:0|[1-9][0-9_]*)$/u;
const PY_FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?)$/u;

/** PyYAML's resolvers where the `yaml` package's YAML 1.1 differs: booleans, decimal ints, floats; no timestamps. */
function pyyamlScalars(tags: ScalarTagList): ScalarTagList {
  const differs = new Set(['tag:yaml.org,2002:bool', 'tag:yaml.org,2002:timestamp']);
  const kept = tags.filter((t) => {
    if (typeof t !== 'object' || !('tag' in t)) return true;
    if (differs.has(t.tag)) return false;
    // the decimal int and the two floats of the `yaml` package; its NaN/Inf, binary, octal, hex and sexagesimal forms are PyYAML's too
    const test = (t as ScalarTag).test?.source;
    return !(test === '^[-+]?[0-9][0-9_]*$' || test === '^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$' || test === '^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$');
  });
  const scalar = (tag: string, test: RegExp, resolve: (s: string) => unknown): ScalarTag => ({ tag, default: true, test, resolve: resolve as ScalarTag['resolve'] });
  return [
    scalar('tag:yaml.org,2002:bool', PY_TRUE, () => true),
    scalar('tag:yaml.org,2002:bool', PY_FALSE, () => false),
    scalar('tag:yaml.org,2002:int', PY_INT, (s) => Number.parseInt(s.replaceAll('_', ''), 10)),
    scalar('tag:yaml.org,2002:float', PY_FLOAT, (s) => Number.parseFloat(s.replaceAll('_', ''))),
    ...kept,
  ];
}

type ScalarTagList = Tags;

/**
 * Ansible's `parse_kv` (without `check_raw`): `a=1 b="x y"` -> {a: "1", b: "x y"}.
 * Values are strings; words without `=` are joined into `_raw_params`.
 */
export function parseKv(text: string): Record<string, string> {
  const options: Record<string, string> = Object.create(null) as Record<string, string>;
  const raw: string[] = [];
  for (const word of splitArgs(text)) {
    const x = decodeEscapes(word, text);
    if (!x.includes('=')) {
      raw.push(word);
      continue;
    }
    // the first `=` after the first character that is not escaped
    let pos = 0;
    for (;;) {
      pos = x.indexOf('=', pos + 1);
      if (pos < 0 || x[pos - 1] !== '\\') break;
    }
    if (pos < 0) {
      raw.push(x.replaceAll('\\=', '='));
      continue;
    }
    options[pyStrip(x.slice(0, pos))] = unquote(pyStrip(x.slice(pos + 1)));
  }
  if (raw.length > 0) options[RAW_PARAMS] = joinArgs(raw);
  return options;
}


/** Ansible's `unquote`: a value in matching quotes loses them (unless the last one is escaped). */
function unquote(s: string): string {
  const quoted = s.length > 1 && s[0] === s.at(-1) && (s[0] === '"' || s[0] === "'") && s.at(-2) !== '\\';
  return quoted ? s.slice(1, -1) : s;
}

const ESCAPE = /\\U[0-9a-fA-F]{8}|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\N\{[^}]+\}|\\[\\'"abfnrtv]/gu;
const SINGLE: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", '"': '"', a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** The escapes parse_kv decodes (Python's unicode-escape of each match). */
function decodeEscapes(word: string, arg: string): string {
  return word.replace(ESCAPE, (m) => {
    const kind = m[1]!;
    if (kind === 'N') {
      throw argumentError(arg, `${m}: show cannot look up Unicode character names; write the character itself or \\uXXXX`);
    }
    if (kind === 'U' || kind === 'u' || kind === 'x') {
      const code = Number.parseInt(m.slice(2), 16);
      if (code > 0x10ffff) throw argumentError(arg, `${m} is not a Unicode character (Ansible fails on it)`);
      return String.fromCodePoint(code);
    }
    return SINGLE[kind]!;
  });
}

/** Ansible's `join_args`: words joined by a space, except after a newline. */
function joinArgs(words: readonly string[]): string {
  let out = '';
  for (const w of words) out += out === '' || out.endsWith('\n') ? w : ` ${w}`;
  return out;
}

/** How often `token` appears in `s` (Python's str.count: non-overlapping). */
function count(s: string, token: string): number {
  return s.split(token).length - 1;
}

/** Ansible's `split_args`: words split on spaces and newlines, kept together inside quotes and Jinja blocks. */
export function splitArgs(text: string): string[] {
  if (text === '') return [];
  const params: string[] = [];
  const items = text.split('\n');
  let quote: string | null = null;
  let insideQuotes = false;
  const depth = { print: 0, block: 0, comment: 0 };
  const inBlock = () => depth.print > 0 || depth.block > 0 || depth.comment > 0;
  const appendToLast = (s: string) => {
    if (params.length === 0) params.push('');
    params[params.length - 1] += s;
  };
  items.forEach((item, itemIndex) => {
    const tokens = item.split(' ');
    let continuation = false;
    tokens.forEach((token, idx) => {
      if (token === '' && idx !== 0) {
        appendToLast(' ');
        return;
      }
      if (token === '\\' && !insideQuotes) {
        continuation = true;
        return;
      }
      const wasInsideQuotes = insideQuotes;
      quote = quoteState(token, quote);
      insideQuotes = quote !== null;
      let appended = false;
      if (insideQuotes && !wasInsideQuotes && !inBlock()) {
        params.push(token);
        appended = true;
      } else if (inBlock() || insideQuotes || wasInsideQuotes) {
        if (idx === 0 && wasInsideQuotes) params[params.length - 1] += token;
        else params[params.length - 1] += `${idx > 0 ? ' ' : ''}${token}`;
        appended = true;
      }
      for (const [key, open, close] of [['print', '{{', '}}'], ['block', '{%', '%}'], ['comment', '{#', '#}']] as const) {
        const before = depth[key];
        const diff = count(token, open) - count(token, close);
        if (diff !== 0) depth[key] = Math.max(0, before + diff);
        if (depth[key] !== before && !appended) {
          params.push(token);
          appended = true;
        }
      }
      if (!inBlock() && !insideQuotes && !appended && token !== '') params.push(token);
    });
    if (items.length > 1 && itemIndex !== items.length - 1 && !continuation) appendToLast('\n');
  });
  if (inBlock() || insideQuotes) {
    throw argumentError(text, 'unbalanced quotes or Jinja block (Ansible: "failed at splitting arguments")');
  }
  return params;
}

/** Ansible's `_get_quote_state`: the quote still open after `token`, given the one open before it. */
function quoteState(token: string, open: string | null): string | null {
  let quote = open;
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!;
    if ((c === '"' || c === "'") && (i === 0 || token[i - 1] !== '\\')) {
      if (quote === null) quote = c;
      else if (c === quote) quote = null;
    }
  }
  return quote;
}

/**
 * Where ansible-playbook looks for the file of `-e @FILE` (DataLoader's
 * `path_dwim`): quotes around it taken off; a path not starting with `/` or
 * `~` joined to `./`; then `$VAR`/`${VAR}` and `~` expanded (in that order,
 * so `$HOME/x` stays under the working folder, as in Ansible) and the result
 * made absolute from `cwd`. `~user` is left as it is.
 */
export function varsFilePath(given: string, cwd: string, env: Readonly<Record<string, string | undefined>>): string {
  const file = unquote(given);
  let path = file.startsWith('/') || file.startsWith('~') ? file : `./${file}`;
  path = path.replace(/\$(\w+|\{[^}]*\})/gu, (m, name: string) => {
    const value = env[name.startsWith('{') ? name.slice(1, -1) : name];
    return value === undefined ? m : value;
  });
  if (path.startsWith('~')) {
    const end = path.indexOf('/', 1) < 0 ? path.length : path.indexOf('/', 1);
    const home = env.HOME;
    if (end === 1 && home !== undefined) path = `${home.replace(/\/+$/u, '')}${path.slice(1)}` || '/';
  }
  return posix.normalize(path.startsWith('/') ? path : `${cwd}/${path}`);
}
