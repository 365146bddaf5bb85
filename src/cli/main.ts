#!/usr/bin/env node
/**
 * The `edpm-rolegen` executable.
 */
import { runCli } from './program.js';
import { processIo } from './io.js';

// A reader that stops early (`edpm-rolegen discover --json | head -1`) closes the pipe:
// stop quietly, as other command-line tools do, instead of a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIo);
