/**
 * The build manifest: which files of an output folder edpm-rolegen generated,
 * with their SHA-256, so that a later build can tell a generated file from a
 * hand-edited one and from a file it never wrote.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byKey } from '../core/compare.js';
import type { FileTree } from '../model/file-tree.js';

/** Name of the manifest file inside the output folder. */
export const MANIFEST_NAME = '.edpm-rolegen-manifest.json';

/** Path -> SHA-256 (hex) of every generated file. */
export type Manifest = ReadonlyMap<string, string>;

/** SHA-256 of a file's content, hex. */
export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
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

/** Reads the manifest of an output folder; null when there is none or it is unreadable. */
export function readManifest(outDir: string): Manifest | null {
  let text: string;
  try {
    text = readFileSync(join(outDir, MANIFEST_NAME), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as { generator?: unknown; files?: unknown };
    if (parsed.generator !== 'edpm-rolegen' || typeof parsed.files !== 'object' || parsed.files === null) return null;
    const entries = Object.entries(parsed.files as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && isSafeRelativePath(e[0]),
    );
    return new Map(entries);
  } catch {
    return null;
  }
}

/** A relative path that stays inside its folder. */
export function isSafeRelativePath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.includes('\\') && !path.includes('\u0000') && path.split('/').every((p) => p !== '' && p !== '.' && p !== '..');
}
