/**
 * The writer: the only code that changes the disk. It writes, replaces and
 * deletes only the files it generates inside the output folder, never the
 * folder itself, so that everything else there (files, empty folders, FIFOs,
 * sockets, links, modes, owners, times, a shell standing in it, a mount)
 * stays as it was. A build holds the folder's lock; the new files are
 * staged inside the folder and renamed into place under a journal, so that
 * a build interrupted at any point leaves the old tree or, once the next
 * build has rolled it forward, the new one (see write-journal.ts). It
 * refuses to overwrite or delete generated files edited by hand, unless
 * forced.
 */
import { accessSync, chmodSync, chownSync, constants, existsSync, lstatSync, mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileTree } from '../model/file-tree.js';
import { fileError, InputError, printable } from '../core/diagnostics.js';
import { describeIoError } from '../core/io-error.js';
import { isSafeRelativePath, manifestOf, manifestText, MANIFEST_NAME, readBoundedRegularFile, readManifest, MAX_MANIFEST_BYTES } from './manifest.js';
import { checkOutputFolder, listFiles } from './output-folder.js';
import { lockOutput } from './output-lock.js';
import { applyJournal, commitJournal, finishJournal, recoverOutput, removeStaging, stagingPath } from './write-journal.js';
import { foldersOf, planWrite, type Conflict } from './write-plan.js';
import { recordInputs } from './up-to-date.js';

/** Options of a write. */
export interface WriteOptions {
  /** Overwrite or delete generated files edited by hand, and overwrite files edited without a manifest. */
  readonly force?: boolean;
  /** How long to wait for another build of the same folder to finish (default 10 s). */
  readonly lockWaitMs?: number;
  /**
   * Digest of everything the tree was compiled from (cli/build-inputs.ts),
   * recorded with the manifest's hash once the tree is in place, so that a
   * later build of the same inputs can find the folder up to date without
   * compiling (up-to-date.ts). Without it nothing is recorded.
   */
  readonly inputs?: string;
  /** Called after each step of the write, with its name (progress reporting; tests stop the process there). */
  readonly onStep?: (step: string) => void;
}

/** What a write did. */
export interface WriteResult {
  readonly outDir: string;
  /** False when the folder already held exactly this tree. */
  readonly changed: boolean;
  /** Generated files written (new or changed). */
  readonly filesWritten: number;
  /** Files in the folder that edpm-rolegen did not generate, kept as they were. */
  readonly keptFiles: readonly string[];
  /** Generated files of the previous build that this one no longer makes, removed. */
  readonly removedFiles: readonly string[];
  /** True when an interrupted earlier build was finished first. */
  readonly recovered: boolean;
}

/** A write refused because it would lose hand edits. */
export class HandEditError extends Error {
  readonly files: readonly string[];
  constructor(outDir: string, files: readonly Conflict[]) {
    super(
      [
        `refusing to write ${printable(outDir)}: it would lose changes made by hand (use --force to overwrite them):`,
        ...files.map((f) => `  ${printable(join(outDir, f.path))}: ${f.why}`),
      ].join('\n'),
    );
    this.name = 'HandEditError';
    this.files = files.map((f) => f.path);
  }
}

/** Writes a tree into `outDir`: only its files change, and all of them or none. */
export function writeTree(outDir: string, tree: FileTree, options: WriteOptions = {}): WriteResult {
  checkTree(outDir, tree);
  const out = checkOutputFolder(outDir, 'write');
  const step = options.onStep ?? (() => {});
  const force = options.force === true;
  const existed = existsSync(out);
  const times = existed ? statSync(out) : null;
  if (!existed) mkdirSync(out, { recursive: true });
  const release = lockOutput(out, options.lockWaitMs);
  let changed = false;
  try {
    step('locked');
    const recovered = recoverOutput(out);
    step('recovered');
    const previous = readManifest(out);
    const plan = planWrite(tree, listFiles(out), previous, out, force);
    if (plan.blocked.length > 0) {
      throw new InputError(plan.blocked.map((b) => fileError(join(out, b.path), b.why)));
    }
    if (plan.conflicts.length > 0 && !force) throw new HandEditError(out, plan.conflicts);
    const newManifest = manifestText(manifestOf(tree));
    const manifestCurrent = readBoundedRegularFile(join(out, MANIFEST_NAME), MAX_MANIFEST_BYTES, 'build manifest')?.toString('utf8') === newManifest;
    const result = { outDir: out, keptFiles: plan.kept, removedFiles: plan.removed, recovered };
    if (plan.writes.length === 0 && plan.deletes.length === 0 && manifestCurrent) {
      if (options.inputs !== undefined) recordInputs(out, options.inputs, newManifest);
      return { ...result, changed: recovered, filesWritten: 0 };
    }
    checkChangeable(out, { deletes: plan.deletes, writes: [...plan.writes, MANIFEST_NAME] });
    changed = true;

    removeStaging(out);
    mkdirSync(stagingPath(out, ''), { recursive: true });
    for (const path of plan.writes) {
      const staged = stagingPath(out, path);
      mkdirSync(dirname(staged), { recursive: true });
      writeFileSync(staged, tree.get(path)!);
      keepModeAndOwner(join(out, path), staged);
      step('staged');
    }
    writeFileSync(stagingPath(out, MANIFEST_NAME), newManifest);
    keepModeAndOwner(join(out, MANIFEST_NAME), stagingPath(out, MANIFEST_NAME));
    step('staged');

    const journal = { deletes: plan.deletes, emptiedFolders: plan.emptiedFolders, writes: [...plan.writes, MANIFEST_NAME] };
    commitJournal(out, journal);
    step('journal-written');
    applyJournal(out, journal, step);
    finishJournal(out, step);
    if (options.inputs !== undefined) recordInputs(out, options.inputs, newManifest);
    return { ...result, changed: true, filesWritten: plan.writes.length };
  } finally {
    release();
    step('unlocked');
    // A build that changed nothing leaves the folder's own times as they were (the lock came and went).
    if (!changed && times !== null) utimesSync(out, times.atime, times.mtime);
  }
}

/** Finishes an interrupted build of `outDir`, if there is one; true when it did. */
export function recoverInterruptedBuild(outDir: string, options: Pick<WriteOptions, 'lockWaitMs'> = {}): boolean {
  const out = checkOutputFolder(outDir, 'write');
  if (!existsSync(out)) return false;
  const release = lockOutput(out, options.lockWaitMs);
  try {
    return recoverOutput(out);
  } finally {
    release();
  }
}

/** A tree given to the writer (possibly built by hand, not by the compiler) must stay inside its folder. */
function checkTree(outDir: string, tree: FileTree): void {
  const problems = [...tree.keys()].filter((path) => typeof path !== 'string' || !isSafeRelativePath(path) || typeof tree.get(path) !== 'string');
  const folders = foldersOf([...tree.keys()].filter((p) => typeof p === 'string'));
  problems.push(...[...tree.keys()].filter((path) => folders.has(path)));
  if (problems.length > 0) {
    throw new InputError(
      problems.map((path) =>
        fileError(
          outDir === '' ? '(empty path)' : outDir,
          `refusing to write the tree: ${JSON.stringify(String(path))} is not a relative path inside the output folder (no /, .., ., empty part, or .edpm-rolegen* name at the top), or is both a file and a folder, or its content is not text`,
        ),
      ),
    );
  }
}

/**
 * Refuses, before the journal is committed (the old tree still whole), a
 * write the journal could not carry out: a file to replace or delete, or
 * the folder it is in, that cannot be changed (immutable, on a read-only
 * mount, without write permission). Without this the build stopped
 * half-way through the renames, the folder part old and part new until the
 * cause was fixed.
 */
function checkChangeable(out: string, journal: { deletes: readonly string[]; writes: readonly string[] }): void {
  const problems: string[] = [];
  const check = (path: string, what: string): void => {
    try {
      accessSync(path, constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') problems.push(`${path}: ${what} cannot be changed: ${describeIoError(err)}`);
    }
  };
  const folders = new Set<string>();
  for (const path of [...journal.deletes, ...journal.writes]) {
    check(join(out, path), 'the generated file');
    // The nearest folder that exists: the rename or delete happens in it (or the folders made below it).
    let folder = dirname(join(out, path));
    while (folder !== out && !existsSync(folder)) folder = dirname(folder);
    folders.add(folder);
  }
  for (const folder of folders) check(folder, 'the folder');
  if (problems.length > 0) {
    throw new InputError(problems.map((p) => fileError(p.slice(0, p.indexOf(': ')), `${p.slice(p.indexOf(': ') + 2)}; nothing was changed (fix the permissions or attributes, or choose another folder)`)));
  }
}

/** A replaced generated file keeps the mode and owner the one before had. */
function keepModeAndOwner(previous: string, staged: string): void {
  let stat;
  try {
    stat = lstatSync(previous);
  } catch {
    return;
  }
  if (!stat.isFile()) return;
  chmodSync(staged, stat.mode & 0o7777);
  if (process.getuid?.() === 0) chownSync(staged, stat.uid, stat.gid);
}
