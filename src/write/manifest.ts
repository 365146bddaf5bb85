/**
 * The build manifest: which files of an output folder edpm-rolegen generated,
 * with their SHA-256, so that a later build can tell a generated file from a
 * hand-edited one and from a file it never wrote.
 */
import { createHash, hash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { byKey } from '../core/compare.js';
import type { FileTree } from '../model/file-tree.js';
import { fileError, InputError } from '../core/diagnostics.js';
import { readBoundedRegularFile } from '../core/bounded-file.js';
import { MANIFEST_NAME } from './output-folder.js';
import { PROVENANCE_FILE } from '../model/file-tree.js';

export { MANIFEST_NAME };

/** Largest manifest read, in bytes: thousands of entries of a hundred bytes. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Path -> SHA-256 (hex) of every generated file. */
export type Manifest = ReadonlyMap<string, string>;

/** SHA-256 of a file's content, hex. */
export function sha256(content: string | Buffer): string {
  // One-shot (no Hash object per file): a build hashes every file it checks.
  return hash('sha256', content, 'hex');
}

/**
 * SHA-256 (hex) of a file's bytes, read a MiB at a time: what is at a
 * generated path may be anything, and a file of 2 GiB or more cannot be
 * read whole (nor one of 512 MiB as text), which made build and check stop
 * on an internal error.
 */
export function sha256OfFile(path: string): string {
  // (Most files whole, one-shot, as `sha256`: an up-to-date build hashes every file it made.)
  if (statSync(path).size <= 16 * 1024 * 1024) return sha256(readFileSync(path));
  const digest = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, chunk, 0, chunk.length, null); n > 0; n = readSync(fd, chunk, 0, chunk.length, null)) digest.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return digest.digest('hex');
}

/** The manifest of a compiled tree. */
export function manifestOf(tree: FileTree): Manifest {
  return new Map([...tree].map(([path, content]) => [path, sha256(content)]));
}

/** The manifest as file text: sorted, one entry a line, stable. */
export function manifestText(manifest: Manifest): string {
  const files = Object.fromEntries([...manifest].sort(byKey(([path]) => path)));
  return `${JSON.stringify({ generator: 'edpm-rolegen', files }, null, 2)}\n`;
}

/** Re-exported for the writer's other modules, which read their files the same way. */
export { readBoundedRegularFile };

/**
 * Reads the manifest of an output folder; null when there is none or it is
 * not edpm-rolegen's. Throws InputError when it is not a regular file or is
 * too large.
 */
export function readManifest(outDir: string): Manifest | null {
  const bytes = readBoundedRegularFile(join(outDir, MANIFEST_NAME), MAX_MANIFEST_BYTES, 'build manifest');
  if (bytes === null) return null;
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { generator?: unknown; files?: unknown };
    if (parsed.generator !== 'edpm-rolegen' || typeof parsed.files !== 'object' || parsed.files === null) return null;
    const entries = Object.entries(parsed.files as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && isSafeRelativePath(e[0]),
    );
    return new Map(entries);
  } catch {
    return null;
  }
}

/**
 * A relative path that stays inside its folder and is not one of the
 * writer's own names (`.edpm-rolegen*` at the top; the provenance sidecar is
 * the one generated file with that prefix).
 */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\u0000')) return false;
  const parts = path.split('/');
  return parts.every((p) => p !== '' && p !== '.' && p !== '..') && (path === PROVENANCE_FILE || !parts[0]!.startsWith('.edpm-rolegen'));
}
