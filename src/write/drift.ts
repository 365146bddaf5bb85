/**
 * Drift: how the files on disk differ from what the plan compiles to, as
 * unified diffs. Reads only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { compareStrings } from '../core/compare.js';
import type { FileTree } from '../model/file-tree.js';
import { readManifest } from './manifest.js';
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
    const current = onDisk.get(path) === 'file' ? readFileSync(join(out, path), 'utf8') : null;
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
    const current = readFileSync(join(out, path), 'utf8');
    drift.push({ path, kind: 'stale', patch: createTwoFilesPatch(`a/${path}`, '/dev/null', current, '', '', '', { context: 3 }) });
  }
  return drift;
}
