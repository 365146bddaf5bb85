/**
 * How Ansible's Jinja reads the values a role's conditions test, where
 * `show` must decide as the node does: the `bool` filter, the `in` test of a
 * service type, and Python's names and spellings of values in messages.
 *
 * The `bool` filter is ansible-core 2.19's (the project's `.venv`), which
 * 2.21 keeps: after `lower()` (no trimming), true only for yes/on/true/1 and
 * false for no/off/false/0; an int or a bool through `str()`; anything else
 * is false (or true when it equals 1, e.g. 1.0) with a deprecation warning.
 * 2.16 decides the same (true only for yes/on/true/1 and the int 1) but
 * warns of nothing.
 */

/** A value as Jinja tested it, and the warning Ansible printed doing so (null: none). */
export interface Tested<T> {
  readonly value: T;
  readonly warning: string | null;
}

const BOOL_TRUE: ReadonlySet<string> = new Set(['yes', 'on', 'true', '1']);
const BOOL_FALSE: ReadonlySet<string> = new Set(['no', 'off', 'false', '0']);

/** Ansible's `bool` filter (plugins/filter/core.py `to_bool`, 2.19). */
export function boolFilter(value: unknown): Tested<boolean> {
  let checked: unknown = value;
  if (typeof value === 'string') checked = value.toLowerCase();
  else if (typeof value === 'boolean') checked = value ? 'true' : 'false';
  else if (typeof value === 'number' && Number.isInteger(value)) checked = String(value);
  if (typeof checked === 'string' && BOOL_TRUE.has(checked)) return { value: true, warning: null };
  if (typeof checked === 'string' && BOOL_FALSE.has(checked)) return { value: false, warning: null };
  const result = checked === 1;
  return { value: result, warning: `The \`bool\` filter coerced invalid value ${pyRepr(value)} (${pyTypeName(value)}) to ${result ? 'True' : 'False'}.` };
}

/**
 * Jinja's `item in container` where the role expects a list: membership in
 * a list, a key of a mapping, a SUBSTRING of a string ('nova' in "nova,ovn"
 * and in "[nova]" is true); anything else is an error that fails the task.
 */
export function jinjaIn(item: string, container: unknown): { readonly value: boolean } | { readonly error: string } {
  if (typeof container === 'string') return { value: container.includes(item) };
  if (Array.isArray(container)) return { value: container.some((x) => x === item) };
  if (container !== null && typeof container === 'object') return { value: Object.hasOwn(container, item) };
  return { error: `argument of type '${pyTypeName(container)}' is not iterable` };
}

/** Python's name of the type of a value read from YAML/JSON (`str`, `int`, `float`, `bool`, `list`, `dict`, `NoneType`). */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

/** Python's `repr()` of a value read from YAML/JSON, as Ansible's messages quote it. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : Number.isFinite(value) ? (Number.isInteger(value) ? String(value) : String(value)) : value > 0 ? 'inf' : '-inf';
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const body = value.replace(/[\\\n\r\t]/gu, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
    return `${quote}${quote === "'" ? body.replaceAll("'", "\\'") : body}${quote}`;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** Python's `str()` of a value read from YAML/JSON (what a `str` argument check makes of it). */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

/** Python's whitespace (what `str.strip()` and `Decimal()` take off): JavaScript's without U+FEFF, with U+001C-U+001F and U+0085. A character class, for patterns. */
export const PY_SPACE_CLASS = '[\\t\\n\\v\\f\\r \\u001c-\\u001f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_SPACE_START = new RegExp(`^${PY_SPACE_CLASS}+`, 'u');
const PY_SPACE_END = new RegExp(`${PY_SPACE_CLASS}+$`, 'u');

/** Python's `str.strip()`. */
export function pyStrip(s: string): string {
  return s.replace(PY_SPACE_START, '').replace(PY_SPACE_END, '');
}
