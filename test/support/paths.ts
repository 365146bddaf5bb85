/**
 * Paths the tests use.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The compiled CLI. */
export const CLI = join(ROOT, 'dist', 'edpm-rolegen.mjs');
/** The built-in plan. */
export const DEFAULT_PLAN = join(ROOT, 'plans', 'default.yaml');
/** The committed output. */
export const DIST_ROLES = join(ROOT, 'dist-roles');
