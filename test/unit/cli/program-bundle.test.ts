import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CODE_CACHE_FILE, loadProgram, PROGRAM_FILE } from '../../../src/cli/program-bundle.js';
import { ROOT } from '../../support/paths.js';

// The executable starts the bundled program with the V8 code cache made for
// it at build time (npm run compile, which the test setup runs).
describe('the bundled program and its code cache', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('the program built in dist/ loads with its code cache taken by V8', () => {
    const loaded = loadProgram(pathToFileURL(join(ROOT, 'dist/')), true);
    expect(loaded.cacheUsed).toBe(true);
    expect(typeof loaded.program.main).toBe('function');
  });

  it('a code cache that does not fit is refused, and the program still loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolegen-bundle-'));
    dirs.push(dir);
    copyFileSync(join(ROOT, 'dist', PROGRAM_FILE), join(dir, PROGRAM_FILE));
    // A cache made for another script (as after a change without a new cache, or another Node).
    writeFileSync(join(dir, CODE_CACHE_FILE), Buffer.alloc(4096, 7));
    const loaded = loadProgram(pathToFileURL(`${dir}/`), true);
    expect(loaded.cacheUsed).toBe(false);
    expect(typeof loaded.program.main).toBe('function');
  });
});
