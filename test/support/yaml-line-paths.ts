/**
 * The data path of every line of a YAML text as a list, for the tests of the
 * line scan (src/provenance/yaml-line-paths.ts), which gives each line's path
 * to a visitor and makes no list.
 */
import { visitYamlLinePaths, type PathRef } from '../../src/provenance/yaml-line-paths.js';

/** A path in a YAML document: mapping keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

/** The segments of a path. */
function pathSegments(ref: PathRef | null): DataPath {
  const out: (string | number)[] = [];
  for (let r = ref; r !== null; r = r.parent) out.push(r.segment);
  return out.reverse();
}

/** Paths of each line of `text` (index 0: line 1). */
export function yamlLinePaths(text: string): DataPath[] {
  const out: DataPath[] = [];
  visitYamlLinePaths(text, (line, path) => (out[line] = pathSegments(path)));
  return out;
}
