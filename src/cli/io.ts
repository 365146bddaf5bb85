/**
 * Where the CLI prints, so that tests can run it in-process.
 */

import { relative } from 'node:path';

/** Output streams of a CLI run. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * A path as explain, lint and show print it: relative to the working folder
 * when below it, else as given.
 */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** Exit codes: 0 success, 1 drift or failure, 2 bad input or usage. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;
