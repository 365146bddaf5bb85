import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
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

  it('tells the program the SHA-256 of its script', () => {
    const loaded = loadProgram(pathToFileURL(join(ROOT, 'dist/')), true);
    expect(loaded.identity.digest).toBe(createHash('sha256').update(readFileSync(join(ROOT, 'dist', PROGRAM_FILE))).digest('hex'));
  });

  it('the cache of the script before an edit that kept its length is refused (V8 checks only the length), and the edit runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolegen-bundle-'));
    dirs.push(dir);
    const source = readFileSync(join(ROOT, 'dist', PROGRAM_FILE), 'utf8');
    // The same length, other code: the CLI's description says something else.
    const edited = source.replace('Compile the EDPM minor-update plan', 'COMPILE THE EDPM MINOR-UPDATE PLAN');
    expect(edited).not.toBe(source);
    expect(edited.length).toBe(source.length);
    // A package of its own (the program finds its package.json from the script).
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', PROGRAM_FILE), edited);
    copyFileSync(join(ROOT, 'dist', CODE_CACHE_FILE), join(dir, 'dist', CODE_CACHE_FILE));
    const loaded = loadProgram(pathToFileURL(`${dir}/dist/`), true);
    expect(loaded.cacheUsed).toBe(false);
    expect(loaded.identity.digest).toBe(createHash('sha256').update(edited).digest('hex'));
    let help = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
      help += String(text);
      return true;
    });
    try {
      expect(await loaded.program.main(['--help'])).toBe(0);
    } finally {
      write.mockRestore();
    }
    expect(help).toContain('COMPILE THE EDPM MINOR-UPDATE PLAN');
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
