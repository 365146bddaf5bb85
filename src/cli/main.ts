/**
 * The program the `edpm-rolegen` executable runs (bin.ts), bundled into
 * one script.
 */
import { writeSync } from 'node:fs';
import { BAD_INPUT_IO_CODES, describeIoError, ioErrorAdvice } from '../core/io-error.js';
import { runCli } from './program.js';
import { EXIT, processIo } from './io.js';
import type { ProgramIdentity } from './build-inputs.js';

/** Runs the CLI on the process's streams; resolves to the exit code. */
export async function main(args: readonly string[], identity?: ProgramIdentity): Promise<number> {
  for (const [stream, name] of [
    [process.stdout, 'standard output'],
    [process.stderr, 'standard error'],
  ] as const) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      // A reader that stops early (`edpm-rolegen discover --json | head -1`) closes the pipe:
      // stop quietly, as other command-line tools do, instead of a stack trace.
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // Output that cannot be written (`> plan.yaml` on a full disk: ENOSPC; EIO):
      // one line on stderr, as for any other file, and a failure exit code.
      if (stream === process.stdout) {
        try {
          writeSync(2, `edpm-rolegen: error: cannot write to ${name}: ${describeIoError(err)}; ${ioErrorAdvice(err)}; what was printed is incomplete\n`);
        } catch {
          // stderr is gone too: the exit code says it.
        }
      }
      process.exit(err.code !== undefined && BAD_INPUT_IO_CODES.has(err.code) ? EXIT.badInput : EXIT.failure);
    });
  }
  return runCli(args, processIo, identity);
}
