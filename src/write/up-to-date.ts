/**
 * An output folder already holding what a build of given inputs writes,
 * found without compiling.
 *
 * A build that knows the digest of its inputs (cli/build-inputs.ts) records,
 * once its tree is in place, the stamp `.edpm-rolegen-stamp.json`: that
 * digest, the SHA-256 of the manifest it wrote, and that manifest file's
 * identity (device, inode, change time). The stamp states "these inputs
 * compile to the tree this manifest lists", and holds only for the very
 * manifest file the build left: whoever builds the same plan knows the
 * digest and can write a manifest and a stamp to match files they edited,
 * but a folder handed over (copied, unpacked, checked out) has new inodes
 * and change times, which no tool sets, so it is compiled and written as
 * ever. A later build of
 * the same inputs finds the folder up to date when the stamp says so for
 * the manifest on disk (which must be exactly the text a build writes for
 * its files), and every file that manifest lists is on disk, a regular file
 * with the recorded SHA-256: a compile would give that very tree, and the
 * build would write, delete and refuse nothing, and keep the same other
 * files. That check only reads, under the folder's lock (the folder's
 * times restored, as after a build that changed nothing).
 *
 * Anything else answers null, and the build compiles and writes as ever,
 * with its own messages and errors: no folder, manifest or stamp, a stamp
 * of other inputs or another manifest, a file edited, missing or replaced,
 * a thing in the way, an interrupted build to finish, another build at
 * work, any error.
 */
import { lstatSync, mkdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareStrings } from '../core/compare.js';
import { isSafeRelativePath, manifestText, MANIFEST_NAME, MAX_MANIFEST_BYTES, readBoundedRegularFile, sha256, sha256OfFile } from './manifest.js';
import { checkOutputFolder, JOURNAL_DRAFT_NAME, JOURNAL_NAME, listFiles, STAGING_NAME, STAMP_NAME } from './output-folder.js';
import { lockOutput } from './output-lock.js';
import { removeStaging, stagingPath } from './write-journal.js';
import { foldersOf } from './write-plan.js';

/** An output folder found up to date. */
export interface UpToDate {
  /** The folder, resolved (as a write reports it). */
  readonly outDir: string;
  /** Generated files in it (the size of the tree the inputs compile to). */
  readonly files: number;
  /** Files in the folder that edpm-rolegen did not generate (a build keeps them). */
  readonly keptFiles: readonly string[];
}

/** Largest stamp read: it holds two hashes. */
const MAX_STAMP_BYTES = 4096;

/**
 * The stamp's text: the inputs, the manifest's SHA-256, and the manifest
 * file as this build left it in the folder (device, inode, change time in
 * nanoseconds). The last binds the stamp to that very file: a folder
 * copied, unpacked or checked out gets new inodes and change times (no
 * tool can set a change time), so a stamp handed over with it, even one
 * forged to match a manifest and files edited together (a task added to
 * a generated role), never finds it up to date: the build compiles and
 * writes it as ever.
 */
function stampText(inputs: string, manifest: string, manifestFile: string): string {
  return `${JSON.stringify({ generator: 'edpm-rolegen', inputs, manifest: sha256(manifest), manifestFile }, null, 2)}\n`;
}

/** The identity of the manifest file on disk (links not followed): `device:inode:ctime-ns`. */
function fileIdentity(path: string): string {
  const stat = lstatSync(path, { bigint: true });
  return `${stat.dev}:${stat.ino}:${stat.ctimeNs}`;
}

/**
 * Records that `inputs` compile to the tree whose manifest text is
 * `manifest`; called by the writer, holding the lock, once that tree is in
 * place. The stamp is renamed into place from the staging folder (which
 * the next build clears, should this one be killed meanwhile). Best effort:
 * a stamp that cannot be written only means the next build compiles.
 */
export function recordInputs(out: string, inputs: string, manifest: string): void {
  let text: string;
  try {
    text = stampText(inputs, manifest, fileIdentity(join(out, MANIFEST_NAME)));
  } catch {
    return; // no manifest to name: the next build compiles
  }
  try {
    if (readBoundedRegularFile(join(out, STAMP_NAME), MAX_STAMP_BYTES, 'build stamp')?.toString('utf8') === text) return;
  } catch {
    // Not a readable stamp: replaced below.
  }
  try {
    mkdirSync(stagingPath(out, ''), { recursive: true });
    writeFileSync(stagingPath(out, STAMP_NAME), text);
    renameSync(stagingPath(out, STAMP_NAME), join(out, STAMP_NAME));
  } catch {
    // The next build compiles.
  } finally {
    removeStaging(out);
  }
}

/** The folder when it holds exactly what a build of `inputs` writes; null when that is not certain. */
export function upToDate(outDir: string, inputs: string): UpToDate | null {
  let out: string;
  let times;
  try {
    out = checkOutputFolder(outDir, 'write');
    times = statSync(out);
  } catch {
    return null;
  }
  let release: () => void;
  try {
    // No wait: while another build holds the folder, this one waits for it as ever.
    release = lockOutput(out, 0);
  } catch {
    return null;
  }
  try {
    return verify(out, inputs);
  } catch {
    return null;
  } finally {
    release();
    utimesSync(out, times.atime, times.mtime);
  }
}

function verify(out: string, inputs: string): UpToDate | null {
  // What a build first finishes or clears away (write-journal.ts's recoverOutput).
  if ([JOURNAL_NAME, JOURNAL_DRAFT_NAME, STAGING_NAME].some((name) => exists(join(out, name)))) return null;
  const manifestBytes = readBoundedRegularFile(join(out, MANIFEST_NAME), MAX_MANIFEST_BYTES, 'build manifest');
  const stamp = readBoundedRegularFile(join(out, STAMP_NAME), MAX_STAMP_BYTES, 'build stamp');
  if (manifestBytes === null || stamp === null) return null;
  const text = manifestBytes.toString('utf8');
  if (stamp.toString('utf8') !== stampText(inputs, text, fileIdentity(join(out, MANIFEST_NAME)))) return null;
  const parsed = JSON.parse(text) as { files?: unknown };
  if (typeof parsed.files !== 'object' || parsed.files === null || Array.isArray(parsed.files)) return null;
  const entries = Object.entries(parsed.files as Record<string, unknown>);
  if (!entries.every((e): e is [string, string] => typeof e[1] === 'string' && isSafeRelativePath(e[0]))) return null;
  const manifest = new Map(entries);
  // The manifest a build writes for these files, byte for byte (else a build rewrites it).
  if (manifestText(manifest) !== text) return null;
  const onDisk = listFiles(out);
  for (const [path, hash] of manifest) {
    if (onDisk.get(path) !== 'file' || sha256OfFile(join(out, path)) !== hash) return null;
  }
  const folders = foldersOf(manifest.keys());
  const kept = [...onDisk.keys()].filter((path) => !manifest.has(path));
  if (kept.some((path) => folders.has(path))) return null;
  return { outDir: out, files: manifest.size, keptFiles: kept.sort(compareStrings) };
}

/** Whether something is at a path (links not followed); true when that cannot be told. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
