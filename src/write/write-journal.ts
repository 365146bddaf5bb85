/**
 * The write journal: how a build replaces generated files so that an
 * interruption at any point leaves the old tree or the new one.
 *
 * A build writes every new or changed file into the staging folder inside
 * the output folder, then commits by renaming the journal into place: the
 * list of generated files to delete, the folders those leave empty, and the
 * files to rename from staging into place (the manifest last). Before the
 * journal exists, the output holds the old tree untouched; once it exists,
 * the build is rolled forward, by this build or, if it is killed, by the
 * next one (every step is safe to repeat). Only the writer's exact names
 * are ever removed: the staging folder, the journal and its draft.
 */
import { lstatSync, mkdirSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileError, InputError, printable } from '../core/diagnostics.js';
import { describeIoError } from '../core/io-error.js';
import { isSafeRelativePath, readBoundedRegularFile } from './manifest.js';
import { JOURNAL_DRAFT_NAME, JOURNAL_NAME, MANIFEST_NAME, STAGING_NAME } from './output-folder.js';

/** Largest journal read, in bytes. */
const MAX_JOURNAL_BYTES = 8 * 1024 * 1024;

/** What a committed build still has to do, in order. Paths are relative to the output folder. */
export interface WriteJournal {
  /** Generated files (or, with --force, things in the way of generated folders) to delete. */
  readonly deletes: readonly string[];
  /** Folders the deletions may leave empty, deepest first: removed when empty. */
  readonly emptiedFolders: readonly string[];
  /** Files to rename from the staging folder into place, the manifest last. */
  readonly writes: readonly string[];
}

/** Path of a file inside the staging folder. */
export function stagingPath(out: string, path: string): string {
  return join(out, STAGING_NAME, path);
}

/** Writes the journal and renames it into place: from here on, the build is rolled forward. */
export function commitJournal(out: string, journal: WriteJournal): void {
  const draft = join(out, JOURNAL_DRAFT_NAME);
  writeFileSync(draft, `${JSON.stringify({ generator: 'edpm-rolegen', ...journal })}\n`);
  renameSync(draft, join(out, JOURNAL_NAME));
}

/** True when a build of this folder was interrupted after it committed: the next build finishes it. */
export function recoveryPending(out: string): boolean {
  try {
    lstatSync(join(out, JOURNAL_NAME));
    return true;
  } catch {
    return false;
  }
}

/** Carries out a committed journal; every step may be repeated. `step` is called after each. */
export function applyJournal(out: string, journal: WriteJournal, step: (name: string) => void = () => {}): void {
  for (const path of journal.deletes) {
    refuseLinkOnPath(out, path);
    const target = join(out, path);
    const kind = kindOf(target);
    if (kind !== null && kind !== 'folder') unlinkSync(target);
    step('deleted');
  }
  for (const folder of journal.emptiedFolders) {
    refuseLinkOnPath(out, folder);
    try {
      rmdirSync(join(out, folder));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR') throw err;
    }
  }
  for (const path of journal.writes) {
    const from = stagingPath(out, path);
    refuseLinkOnPath(out, `${STAGING_NAME}/${path}`);
    if (kindOf(from) === null) continue; // renamed into place before an interruption
    refuseLinkOnPath(out, path);
    mkdirSync(dirname(join(out, path)), { recursive: true });
    renameSync(from, join(out, path));
    step('renamed');
  }
}

/** Removes the journal, then the staging folder: the build is complete. */
export function finishJournal(out: string, step: (name: string) => void = () => {}): void {
  rmSync(join(out, JOURNAL_NAME), { force: true });
  step('journal-removed');
  removeStaging(out);
  step('staging-removed');
}

/** Removes the staging folder and the journal draft, the writer's own scratch (exact names only). */
export function removeStaging(out: string): void {
  rmSync(join(out, STAGING_NAME), { recursive: true, force: true });
  rmSync(join(out, JOURNAL_DRAFT_NAME), { force: true });
}

/**
 * Finishes what an interrupted build left: rolls a committed journal
 * forward, or removes the scratch of a build that died before committing
 * (its output is the old tree, untouched). The caller holds the lock.
 * True when a committed build was finished.
 */
export function recoverOutput(out: string): boolean {
  const journal = readJournal(out);
  if (journal === null) {
    removeStaging(out);
    return false;
  }
  try {
    applyJournal(out, journal);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([
      fileError(
        out,
        `an interrupted build cannot be finished: ${describeIoError(err)}${ioPath(err)}; fix that and build again (the journal ${JOURNAL_NAME} says what remains)`,
      ),
    ]);
  }
  finishJournal(out);
  return true;
}

function readJournal(out: string): WriteJournal | null {
  const bytes = readBoundedRegularFile(join(out, JOURNAL_NAME), MAX_JOURNAL_BYTES, 'build journal');
  if (bytes === null) return null;
  let parsed: Partial<Record<keyof WriteJournal | 'generator', unknown>>;
  try {
    parsed = JSON.parse(bytes.toString('utf8')) as typeof parsed;
  } catch {
    parsed = {};
  }
  const paths = (value: unknown, extra: readonly string[] = []): string[] | null =>
    Array.isArray(value) && value.every((p) => typeof p === 'string' && (isSafeRelativePath(p) || extra.includes(p))) ? (value as string[]) : null;
  const deletes = paths(parsed.deletes);
  const emptiedFolders = paths(parsed.emptiedFolders);
  const writes = paths(parsed.writes, [MANIFEST_NAME]);
  if (parsed.generator !== 'edpm-rolegen' || deletes === null || emptiedFolders === null || writes === null) {
    throw new InputError([fileError(join(out, JOURNAL_NAME), 'the build journal is damaged; compare the folder with the plan (edpm-rolegen check), then remove the journal and build again')]);
  }
  return { deletes, emptiedFolders, writes };
}

/**
 * Refuses a path of the output folder whose folders (every part but the
 * last) are not all real folders: a symbolic link there (put by hand, or
 * a folder swapped for one) would make a rename, a deletion or a folder
 * removal act outside the output folder (`link/x` with `link` -> `/etc`);
 * so would a staging folder that is a link, whose files would be moved
 * into the output folder from wherever it points. The writer never acts
 * through a link; the parts that do not exist yet are made by it.
 */
function refuseLinkOnPath(out: string, path: string): void {
  const parts = path.split('/');
  let at = out;
  for (const part of parts.slice(0, -1)) {
    at = join(at, part);
    let stat;
    try {
      stat = lstatSync(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    if (!stat.isDirectory()) {
      throw new InputError([
        fileError(
          at,
          `${stat.isSymbolicLink() ? 'is a symbolic link' : 'is not a folder'} on the way to ${printable(path)}, which the build journal renames or deletes: edpm-rolegen never writes or deletes through a link; remove it (and the journal ${JOURNAL_NAME}, after edpm-rolegen check), then build again`,
        ),
      ]);
    }
  }
}

function kindOf(path: string): 'folder' | 'other' | null {
  try {
    return lstatSync(path).isDirectory() ? 'folder' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function ioPath(err: unknown): string {
  const path = (err as NodeJS.ErrnoException | undefined)?.path;
  return path === undefined ? '' : ` at ${printable(path)}`;
}
