/**
 * Diagnostics: problems found in a plan or a roles tree, each tied to a
 * place in a file, and the error that carries them to the CLI.
 */

export type Severity = 'error' | 'warning' | 'note';

/** One problem, at `file:line:col`, about the value at `path` (a JSON pointer, '' for the whole document). */
export interface Diagnostic {
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
  readonly message: string;
}

/** Formats a diagnostic as one line: `file:line:col: severity: path: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path === '' ? '' : `${printable(d.path)}: `;
  return `${printable(d.file)}:${d.line}:${d.col}: ${d.severity}: ${where}${printable(d.message)}`;
}

/**
 * Text safe to print on one terminal line: control characters (C0, DEL,
 * C1), line and paragraph separators and bidirectional overrides are
 * written as `\xNN` / `\uNNNN`, so that a name cannot forge a second
 * diagnostic line nor send an escape sequence to the terminal.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/** What JSON.stringify leaves raw of UNPRINTABLE (it escapes only C0 controls): DEL, C1 (`\u009b` is CSI), separators, bidi overrides. */
const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * A value as indented JSON text that is safe on a terminal: the same JSON
 * (each string the same once parsed), with every character `printable`
 * escapes written as `\uNNNN`, so that a name read from a file (a
 * provenance map, a roles tree) cannot reach the terminal as an escape
 * sequence in `--json` output either.
 */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNPRINTABLE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Bad input: the CLI prints each diagnostic on its own line and exits 2. */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

/** A position in a file, 1-based. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Makes a diagnostic at a position of a file, about the value at `path` (a JSON pointer). */
export function diagnosticAt(file: string, at: Position, message: string, options: { path?: string; severity?: Severity } = {}): Diagnostic {
  return { severity: options.severity ?? 'error', file, line: at.line, col: at.col, path: options.path ?? '', message };
}

/** Makes an error diagnostic about a whole file (line 1, column 1). */
export function fileError(file: string, message: string): Diagnostic {
  return diagnosticAt(file, { line: 1, col: 1 }, message);
}

/** Makes a warning about a whole file (line 1, column 1). */
export function fileWarning(file: string, message: string): Diagnostic {
  return diagnosticAt(file, { line: 1, col: 1 }, message, { severity: 'warning' });
}
