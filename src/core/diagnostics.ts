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
  const where = d.path === '' ? '' : `${d.path}: `;
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${where}${d.message}`;
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
