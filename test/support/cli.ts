/**
 * Runs the real `edpm-rolegen` executable.
 */
import { spawnSync } from 'node:child_process';
import { CLI } from './paths.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `edpm-rolegen ARGS` in `cwd`. */
export function rolegen(args: readonly string[], cwd?: string): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
