/**
 * The folder of the edpm-rolegen package, found from this module's location,
 * so that the built-in plan, templates and schema are found both when running
 * from source and from the compiled `dist/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Absolute path of the package folder. */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'edpm-rolegen') {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('internal error: the edpm-rolegen package folder was not found');
    dir = parent;
  }
}

/** Version of the package. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Path of the built-in plan file. */
export function builtInPlanPath(): string {
  return join(packageRoot(), 'plans', 'default.yaml');
}

/** Path of the JSON Schema of plan files. */
export function planSchemaPath(): string {
  return join(packageRoot(), 'schemas', 'plan.schema.json');
}
