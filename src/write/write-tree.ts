/**
 * The writer: the only code that changes the disk. It writes a compiled tree
 * into a new folder beside the output and swaps it in, so that a build
 * interrupted at any point leaves the old tree or the new one, never a mix;
 * a swap cut off half-way is finished by the next run (see recoverSwap).
 * It keeps files it did not generate and refuses to overwrite or delete
 * generated files edited by hand since, unless forced.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { compareStrings } from '../core/compare.js';
import { fileError, InputError } from '../core/diagnostics.js';
import { describeIoError } from '../core/io-error.js';
import type { FileTree } from '../model/file-tree.js';
import { manifestOf, manifestText, MANIFEST_NAME, readManifest, sha256, type Manifest } from './manifest.js';

/** Options of a write. */
export interface WriteOptions {
  /** Overwrite or delete generated files edited by hand, and overwrite files edited without a manifest. */
  readonly force?: boolean;
  /** Called between steps; tests use it to stop the process at chosen points. */
  readonly onStep?: (step: string) => void;
}

/** What a write did. */
export interface WriteResult {
  readonly outDir: string;
  /** False when the folder already held exactly this tree. */
  readonly changed: boolean;
  readonly filesWritten: number;
  /** Files in the folder that edpm-rolegen did not generate, kept as they were. */
  readonly keptFiles: readonly string[];
  /** Generated files of the previous build that this one no longer makes, removed. */
  readonly removedFiles: readonly string[];
}

/** A write refused because it would lose hand edits. */
export class HandEditError extends Error {
  readonly files: readonly string[];
  constructor(outDir: string, files: readonly { path: string; why: string }[]) {
    super(
      [
        `refusing to write ${outDir}: it would lose changes made by hand (use --force to overwrite them):`,
        ...files.map((f) => `  ${join(outDir, f.path)}: ${f.why}`),
      ].join('\n'),
    );
    this.name = 'HandEditError';
    this.files = files.map((f) => f.path);
  }
}

/** State of a swap in progress, written beside the output folder. */
interface SwapJournal {
  readonly backup: string;
  readonly incoming: string;
}

const journalPath = (out: string): string => join(dirname(out), `.${basename(out)}.edpm-rolegen-swap.json`);
const scratchPrefix = (out: string): string => `.${basename(out)}.edpm-rolegen-`;

/** Writes a tree into `outDir`, atomically as a whole. */
export function writeTree(outDir: string, tree: FileTree, options: WriteOptions = {}): WriteResult {
  const out = resolve(outDir);
  const step = options.onStep ?? (() => {});
  checkOutputFolder(out);
  recoverSwap(out);
  step('recovered');

  const onDisk = existsSync(out) ? listFiles(out) : new Map<string, FileKind>();
  const previous = readManifest(out);
  const plan = planWrite(tree, onDisk, previous, out);
  if (plan.conflicts.length > 0 && options.force !== true) throw new HandEditError(out, plan.conflicts);

  const manifest = manifestOf(tree);
  const newManifestText = manifestText(manifest);
  if (plan.upToDate && readText(join(out, MANIFEST_NAME)) === newManifestText) {
    return { outDir: out, changed: false, filesWritten: 0, keptFiles: plan.kept, removedFiles: [] };
  }

  mkdirSync(dirname(out), { recursive: true });
  const incoming = join(dirname(out), `${scratchPrefix(out)}new-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(incoming);
  step('incoming-created');
  try {
    for (const [path, content] of tree) {
      const target = join(incoming, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      step('file-written');
    }
    for (const path of plan.kept) copyEntry(join(out, path), join(incoming, path), onDisk.get(path) ?? 'file');
    writeFileSync(join(incoming, MANIFEST_NAME), newManifestText);
  } catch (err) {
    rmSync(incoming, { recursive: true, force: true });
    throw err;
  }
  step('incoming-complete');

  if (!existsSync(out)) {
    renameSync(incoming, out);
    step('swapped');
  } else {
    const backup = join(dirname(out), `${scratchPrefix(out)}old-${process.pid}-${randomBytes(4).toString('hex')}`);
    const journal: SwapJournal = { backup, incoming };
    const journalFile = journalPath(out);
    writeFileSync(`${journalFile}.tmp`, JSON.stringify(journal));
    renameSync(`${journalFile}.tmp`, journalFile);
    step('journal-written');
    renameSync(out, backup);
    step('old-moved-aside');
    renameSync(incoming, out);
    step('swapped');
    rmSync(journalFile, { force: true });
    step('journal-removed');
    rmSync(backup, { recursive: true, force: true });
    step('backup-removed');
  }
  return { outDir: out, changed: true, filesWritten: tree.size, keptFiles: plan.kept, removedFiles: plan.removed };
}

/**
 * Finishes or undoes a swap that a killed build left behind, and removes
 * scratch folders of builds that died while writing. After it, `out` holds
 * a whole tree: the new one if the swap had begun, else the old one.
 */
export function recoverSwap(out: string): void {
  const journalFile = journalPath(out);
  rmSync(`${journalFile}.tmp`, { force: true });
  let journal: SwapJournal | null = null;
  try {
    journal = JSON.parse(readFileSync(journalFile, 'utf8')) as SwapJournal;
  } catch {
    journal = null;
  }
  const parent = dirname(out);
  const inScratch = (p: unknown): p is string => typeof p === 'string' && dirname(p) === parent && basename(p).startsWith(scratchPrefix(out));
  if (journal !== null && inScratch(journal.backup) && inScratch(journal.incoming)) {
    if (!existsSync(out) && existsSync(journal.incoming)) renameSync(journal.incoming, out);
    else if (!existsSync(out) && existsSync(journal.backup)) renameSync(journal.backup, out);
  }
  rmSync(journalFile, { force: true });
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(scratchPrefix(out))) continue;
    const pid = Number(/-(\d+)-[0-9a-f]+$/u.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The output folder must be a real folder (or absent), never a link to somewhere else. */
function checkOutputFolder(out: string): void {
  let stat;
  try {
    stat = lstatSync(out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new InputError([fileError(out, `cannot use the output folder: ${describeIoError(err)}`)]);
  }
  if (stat.isSymbolicLink()) {
    throw new InputError([fileError(out, 'the output folder is a symbolic link; give the folder it points to, or another path')]);
  }
  if (!stat.isDirectory()) throw new InputError([fileError(out, 'the output path exists and is not a folder')]);
}

type FileKind = 'file' | 'symlink' | 'other';

/** Every file below a folder (relative paths), without following links. */
export function listFiles(root: string): Map<string, FileKind> {
  const found = new Map<string, FileKind>();
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else found.set(rel, entry.isSymbolicLink() ? 'symlink' : entry.isFile() ? 'file' : 'other');
    }
  };
  walk(root, '');
  found.delete(MANIFEST_NAME);
  return found;
}

interface WritePlan {
  readonly conflicts: { path: string; why: string }[];
  readonly kept: string[];
  readonly removed: string[];
  readonly upToDate: boolean;
}

function planWrite(tree: FileTree, onDisk: ReadonlyMap<string, FileKind>, previous: Manifest | null, out: string): WritePlan {
  const conflicts: { path: string; why: string }[] = [];
  const kept: string[] = [];
  const removed: string[] = [];
  let upToDate = true;
  for (const [path, content] of tree) {
    const kind = onDisk.get(path);
    if (kind === undefined) {
      upToDate = false;
      continue;
    }
    if (kind !== 'file') {
      conflicts.push({ path, why: 'is not a regular file' });
      upToDate = false;
      continue;
    }
    const current = sha256(readFileSync(join(out, path)));
    if (current === sha256(content)) continue;
    upToDate = false;
    const recorded = previous?.get(path);
    if (recorded === undefined) conflicts.push({ path, why: 'exists and was not generated by edpm-rolegen' });
    else if (recorded !== current) conflicts.push({ path, why: 'edited since it was generated' });
  }
  const folders = new Set([...tree.keys()].flatMap((path) => path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  for (const [path, kind] of onDisk) {
    if (tree.has(path)) continue;
    const recorded = previous?.get(path);
    if (recorded === undefined && folders.has(path)) {
      conflicts.push({ path, why: `is a ${kind === 'symlink' ? 'symbolic link' : 'file'} where edpm-rolegen puts a folder (with --force it is replaced)` });
      upToDate = false;
      continue;
    }
    if (recorded === undefined) {
      kept.push(path);
      continue;
    }
    upToDate = false;
    removed.push(path);
    if (kind !== 'file' || sha256(readFileSync(join(out, path))) !== recorded) {
      conflicts.push({ path, why: 'no longer generated, and edited since it was: it would be deleted' });
    }
  }
  return { conflicts, kept: kept.sort(compareStrings), removed: removed.sort(compareStrings), upToDate };
}

function copyEntry(from: string, to: string, kind: FileKind): void {
  mkdirSync(dirname(to), { recursive: true });
  if (kind === 'symlink') symlinkSync(readlinkSync(from), to);
  else if (kind === 'file') copyFileSync(from, to);
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
