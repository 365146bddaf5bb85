/**
 * The examples of the README's "Understanding the output" (`$ edpm-rolegen
 * ...` and the lines shown after it), and the comparison of what a command
 * printed with what the README shows: a README line ending in `...` stands
 * for a line that starts so; a line of only `...`, for any number of lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

/** One `$ edpm-rolegen ...` of the section and the lines the README shows after it. */
export interface Example {
  readonly command: string;
  readonly shown: readonly string[];
}

export function examples(): Example[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Understanding the output\n'), readme.indexOf('\n## Library\n'));
  const found: Example[] = [];
  for (const block of section.split('\n```').filter((_, i) => i % 2 === 1)) {
    let current: { command: string; shown: string[] } | null = null;
    for (const line of block.split('\n').slice(1)) {
      if (line.startsWith('$ ')) {
        current = { command: line.slice(2), shown: [] };
        found.push(current);
      } else if (current !== null) current.shown.push(line);
    }
  }
  return found;
}

/** Whether `actual` is what the README shows (see the header), else the first README line that does not match. */
export function mismatch(shown: readonly string[], actual: readonly string[]): string | null {
  let at = 0;
  let skipping = false;
  for (const line of shown) {
    if (line.trim() === '...') {
      skipping = true;
      continue;
    }
    const matches = (a: string): boolean => (line.endsWith('...') ? a.startsWith(line.slice(0, -3)) : a === line);
    while (at < actual.length && !matches(actual[at]!) && skipping) at++;
    if (at >= actual.length || !matches(actual[at]!)) return line;
    at++;
    skipping = false;
  }
  return skipping || at === actual.length ? null : `(nothing more; printed: ${actual[at]})`;
}
