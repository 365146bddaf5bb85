/**
 * Reading a plan file's text, apart from parsing it (load.ts): `build`
 * reads the plan before it knows whether it must compile it (an output
 * folder built from the same inputs is up to date without a compile), and
 * this module loads no YAML parser or validator.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileError, InputError } from '../core/diagnostics.js';
import { describeIoError, ioErrorAdvice } from '../core/io-error.js';
import { decodeUtf8 } from '../core/utf8-text.js';

/**
 * A plan's text with its line ends as the loader reads them: a CRLF is one
 * line break, as an LF is (YAML reads both so, inside scalars too, and
 * counts lines and columns alike), so a plan checked out with CRLF line ends
 * (git's autocrlf) is the same plan at the same positions. A lone CR is no
 * line break for the loader, and stays. The UTF-8 byte order mark is already
 * gone (decodeUtf8 drops it).
 */
export function planTextWithLfLineEnds(text: string): string {
  return text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text;
}

/** Largest plan file read, in bytes. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/** Reads a plan file's text within the size limit. */
export function readPlanText(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError([fileError(path, 'not a regular file')]);
    size = stat.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([fileError(path, `cannot read plan file: ${describeIoError(err)}; ${ioErrorAdvice(err)}`)]);
  }
  if (size > MAX_PLAN_BYTES) {
    throw new InputError([fileError(path, `plan file is ${size} bytes; the limit is ${MAX_PLAN_BYTES}`)]);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError([fileError(path, `cannot read plan file: ${describeIoError(err)}; ${ioErrorAdvice(err)}`)]);
  }
  return decodeUtf8(bytes, path);
}
