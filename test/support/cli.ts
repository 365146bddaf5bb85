/**
 * Runs the `edpm-rolegen` command line: in-process through its I/O seam
 * (`runCli` with a CliIo), as most tests do, or as the real bundled
 * executable in a child process, for the few end-to-end tests.
 */
import { spawnSync } from 'node:child_process';
import { runCli } from '../../src/cli/program.js';
import { CLI } from './paths.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `edpm-rolegen ARGS` in this process, capturing what it prints. */
export async function runRolegen(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

/** Runs the bundled executable `edpm-rolegen ARGS` in a child process (end-to-end). */
export function rolegenProcess(args: readonly string[], cwd?: string): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
