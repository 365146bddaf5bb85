/**
 * The warning `explain` and `lint` give for a generated file that is not
 * what the build wrote (per the output folder's manifest): the map's lines
 * are those of the file as built, so the plan positions it gives for the
 * file's lines may be stale. One check, worded for each command.
 */
import { resolve } from 'node:path';
import { readBoundedRegularFile, readManifest, sha256 } from '../write/manifest.js';

/** Largest generated file hashed to tell whether it was edited since the build. */
const MAX_GENERATED_BYTES = 64 * 1024 * 1024;

/** What each command calls the plan positions it shows for the file's lines, and what it offers. */
const WORDING = {
  explain: { positions: '', again: '; build again to explain the file as it is' },
  lint: { positions: ', so the plan positions of its findings may be stale', again: '' },
} as const;

/**
 * Tells, for generated files of the output folder `root`, whether the file
 * at `path` (the generated file `rel` there, or a copy of it elsewhere) is
 * what the build wrote. Reads the manifest once.
 */
export function generatedFileChecker(root: string, show: (p: string) => string, command: keyof typeof WORDING): (rel: string, path?: string) => string | null {
  let manifest: ReadonlyMap<string, string> | null | undefined;
  const { positions, again } = WORDING[command];
  return (rel, path = resolve(root, rel)) => {
    try {
      manifest ??= readManifest(root);
      const built = manifest?.get(rel);
      const now = readBoundedRegularFile(path, MAX_GENERATED_BYTES, 'generated file');
      if (built === undefined || now === null || sha256(now) === built) return null;
    } catch {
      // A manifest or file that cannot be read: whether it changed cannot be told, and the answer stands.
      return null;
    }
    if (path !== resolve(root, rel)) {
      return `not the file the build wrote as ${show(resolve(root, rel))}, whose path it ends with (its SHA-256 is not the one in the manifest): its lines may not be those the map describes${positions}; copy the file from the output folder again, or give --out the folder it was built in`;
    }
    return `changed since the build (its SHA-256 is not the one in the manifest): its lines may have moved since the map was written${positions}${again}`;
  };
}
