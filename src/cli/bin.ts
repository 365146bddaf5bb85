#!/usr/bin/env node
/**
 * The `edpm-rolegen` executable: starts the bundled program with its code
 * cache (program-bundle.ts).
 */
import { loadProgram } from './program-bundle.js';

const { program, identity } = loadProgram(new URL('./', import.meta.url), true);
process.exitCode = await program.main(process.argv.slice(2), identity);
