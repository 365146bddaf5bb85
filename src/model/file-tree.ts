/**
 * The compiled output: relative POSIX paths to file contents, in memory.
 * The compiler makes it, the writer writes it: it belongs to the model.
 */
import { byKey } from '../core/compare.js';

/**
 * The provenance sidecar a build puts at the top of the tree (src/provenance/):
 * the one generated file whose name has the `.edpm-rolegen` prefix the
 * writer otherwise keeps for its own files (manifest, lock, journal).
 */
export const PROVENANCE_FILE = '.edpm-rolegen-provenance.json';

/** A compiled file tree. Paths are relative, use `/`, and never contain `..`. */
export type FileTree = ReadonlyMap<string, string>;

/** Builds a file tree, refusing two files at one path. */
export class FileTreeBuilder {
  readonly #files = new Map<string, string>();

  /** Adds a file; its path must be relative and must not climb out of the tree. */
  add(path: string, content: string): this {
    if (path.startsWith('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
      throw new Error(`internal error: unsafe output path ${JSON.stringify(path)}`);
    }
    if (this.#files.has(path)) throw new Error(`internal error: two files at ${path}`);
    this.#files.set(path, content);
    return this;
  }

  /** Adds every file of another tree under a folder. */
  addAll(prefix: string, tree: FileTree): this {
    for (const [path, content] of tree) this.add(`${prefix}/${path}`, content);
    return this;
  }

  /** The tree, its paths sorted so that iteration order is stable. */
  build(): FileTree {
    return new Map([...this.#files.entries()].sort(byKey(([path]) => path)));
  }
}
