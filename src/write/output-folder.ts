/**
 * The output folder: what may be used as one, the names the writer keeps
 * inside it for itself, and a listing of what is there (without following
 * links). Reads only.
 */
import { accessSync, constants, lstatSync, readdirSync } from 'node:fs';
import { dirname, parse, resolve } from 'node:path';
import { fileError, InputError, printable } from '../core/diagnostics.js';
import { describeIoError, ioErrorAdvice } from '../core/io-error.js';

/** Name of the manifest file inside the output folder. */
export const MANIFEST_NAME = '.edpm-rolegen-manifest.json';
/** The lock a build holds while it writes. */
export const LOCK_NAME = '.edpm-rolegen.lock';
/** Taken for a moment to remove the lock of a build that died. */
export const LOCK_BREAK_NAME = '.edpm-rolegen.lock-break';
/** The journal of the renames and deletions a build has committed to. */
export const JOURNAL_NAME = '.edpm-rolegen-journal.json';
/** The journal while it is written, before it is renamed into place. */
export const JOURNAL_DRAFT_NAME = '.edpm-rolegen-journal.json.draft';
/** Where the new files are written before they are renamed into place. */
export const STAGING_NAME = '.edpm-rolegen-staging';
/** What the last build's inputs compile to (the hash of its manifest), when the build knew its inputs (up-to-date.ts). */
export const STAMP_NAME = '.edpm-rolegen-stamp.json';

/** The writer's own names at the top of the output folder: never listed as user files, never generated. */
export const WRITER_NAMES: ReadonlySet<string> = new Set([MANIFEST_NAME, LOCK_NAME, LOCK_BREAK_NAME, JOURNAL_NAME, JOURNAL_DRAFT_NAME, STAGING_NAME, STAMP_NAME]);

/** What kind of thing is at a path, links not followed. */
export type FileKind = 'file' | 'symlink' | 'other';

/**
 * Resolves `--out` and refuses, before anything is touched, a path that
 * cannot be an output folder: empty, the root folder, a symbolic link,
 * something that is not a folder, or a folder (or, when it does not exist
 * yet, the nearest existing folder above it) that this process cannot write.
 */
export function checkOutputFolder(outDir: string, purpose: 'write' | 'read'): string {
  if (outDir === '') throw new InputError([fileError('(empty path)', 'the output folder is an empty path; give a folder, e.g. --out dist-roles')]);
  const out = resolve(outDir);
  if (parse(out).root === out) {
    throw new InputError([fileError(out, 'refusing to use the root folder as the output folder; give a folder of its own, e.g. --out dist-roles')]);
  }
  let existing = out;
  for (;;) {
    let stat;
    try {
      stat = lstatSync(existing);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && purpose === 'write' && dirname(existing) !== existing) {
        existing = dirname(existing);
        continue;
      }
      if (code === 'ENOENT') return out;
      throw new InputError([fileError(existing, `cannot use the output folder: ${describeIoError(err)}; ${ioErrorAdvice(err)}`)]);
    }
    if (existing === out && stat.isSymbolicLink()) {
      throw new InputError([fileError(out, 'the output folder is a symbolic link; give the folder it points to, or another path')]);
    }
    if (!stat.isDirectory() && !(existing !== out && stat.isSymbolicLink())) {
      throw new InputError([fileError(existing, existing === out ? 'the output path exists and is not a folder' : `${printable(out)} cannot be made: this part of the path is not a folder`)]);
    }
    break;
  }
  if (purpose === 'write') {
    try {
      accessSync(existing, constants.W_OK | constants.X_OK);
    } catch (err) {
      const why = existing === out ? 'cannot write to the output folder' : `cannot make the output folder ${printable(out)} here`;
      throw new InputError([fileError(existing, `${why}: ${describeIoError(err)}; choose a folder you can write, or fix its permissions`)]);
    }
  }
  return out;
}

/** Every file below a folder (relative POSIX paths) and its kind, links not followed, the writer's own names left out. */
export function listFiles(root: string): Map<string, FileKind> {
  const found = new Map<string, FileKind>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (prefix === '' && WRITER_NAMES.has(entry.name)) continue;
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(`${dir}/${entry.name}`, rel);
      else found.set(rel, entry.isSymbolicLink() ? 'symlink' : entry.isFile() ? 'file' : 'other');
    }
  };
  walk(root, '');
  return found;
}
