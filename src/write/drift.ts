/**
 * Drift: how the files on disk differ from what the plan compiles to, as
 * unified diffs. Reads only.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { compareStrings } from '../core/compare.js';
import type { FileTree } from '../model/file-tree.js';
import { readManifest, sha256, sha256OfFile } from './manifest.js';
import { checkOutputFolder, listFiles, type FileKind } from './output-folder.js';
import { recoveryPending } from './write-journal.js';

/** One file that differs. */
export interface DriftEntry {
  readonly path: string;
  readonly kind: 'missing' | 'changed' | 'stale';
  /** Unified diff from the file on disk to the compiled file. */
  readonly patch: string;
}

/** Whether an output folder can be compared: it is missing, a build of it was interrupted, or it is ready; InputError when the path cannot be an output folder. */
export function outputState(outDir: string): 'missing' | 'recovery-pending' | 'ready' {
  // What build refuses as an output folder (a file, a link, the root), check refuses alike: one line, exit 2.
  const out = checkOutputFolder(outDir, 'read');
  if (!existsSync(out)) return 'missing';
  return recoveryPending(out) ? 'recovery-pending' : 'ready';
}

/** Compares a compiled tree with an output folder. Empty when they match. */
export function findDrift(outDir: string, tree: FileTree): DriftEntry[] {
  const out = resolve(outDir);
  const drift: DriftEntry[] = [];
  const onDisk = existsSync(out) ? listFiles(out) : new Map<string, FileKind>();
  for (const [path, content] of tree) {
    const file = join(out, path);
    if (onDisk.get(path) === 'file' && lstatSync(file).size > MAX_DIFF_BYTES) {
      if (sha256OfFile(file) !== sha256(content)) drift.push({ path, kind: 'changed', patch: tooLargeToDiff(path, file, `b/${path}`) });
      continue;
    }
    const current = onDisk.get(path) === 'file' ? readFileSync(file, 'utf8') : null;
    if (current === content) continue;
    drift.push({
      path,
      kind: current === null ? 'missing' : 'changed',
      patch: createTwoFilesPatch(current === null ? '/dev/null' : `a/${path}`, `b/${path}`, current ?? '', content, '', '', { context: 3 }),
    });
  }
  const manifest = existsSync(out) ? readManifest(out) : null;
  for (const path of [...(manifest?.keys() ?? [])].sort(compareStrings)) {
    if (tree.has(path) || onDisk.get(path) !== 'file') continue;
    const file = join(out, path);
    if (lstatSync(file).size > MAX_DIFF_BYTES) {
      drift.push({ path, kind: 'stale', patch: tooLargeToDiff(path, file, '/dev/null') });
      continue;
    }
    const current = readFileSync(file, 'utf8');
    drift.push({ path, kind: 'stale', patch: createTwoFilesPatch(`a/${path}`, '/dev/null', current, '', '', '', { context: 3 }) });
  }
  return drift;
}

/**
 * Largest file on disk shown line by line: beyond it (a generated path
 * holding anything, up to a file of gigabytes), the file is compared by
 * its digest, and the diff says only that it differs and how large it is
 * (read whole, it stopped check on an internal error from 512 MiB on).
 */
const MAX_DIFF_BYTES = 64 * 1024 * 1024;

/** The diff of a file too large to show line by line: its header and one line saying so. */
function tooLargeToDiff(path: string, file: string, to: string): string {
  return `--- a/${path}\n+++ ${to}\n# ${path} on disk is ${lstatSync(file).size} bytes, more than check shows line by line (${MAX_DIFF_BYTES}): not shown\n`;
}
