/**
 * The program the `edpm-rolegen` executable runs (bin.ts), bundled into
 * one script.
 */
import { runCli } from './program.js';
import { processIo } from './io.js';
import type { ProgramIdentity } from './build-inputs.js';

/** Runs the CLI on the process's streams; resolves to the exit code. */
export async function main(args: readonly string[], identity?: ProgramIdentity): Promise<number> {
  // A reader that stops early (`edpm-rolegen discover --json | head -1`) closes the pipe:
  // stop quietly, as other command-line tools do, instead of a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  return runCli(args, processIo, identity);
}
