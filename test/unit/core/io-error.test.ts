import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIoError, ioErrorAdvice } from '../../../src/core/io-error.js';

/** The error a real file system call throws. */
function errorOf(call: () => unknown): unknown {
  try {
    call();
  } catch (err) {
    return err;
  }
  throw new Error('the call did not fail');
}

describe('describeIoError', () => {
  it('says what a real ENOENT and EISDIR mean, with the code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolegen-io-'));
    try {
      expect(describeIoError(errorOf(() => readFileSync(join(dir, 'missing.yaml'))))).toBe('no such file or folder (ENOENT)');
      expect(describeIoError(errorOf(() => readFileSync(dir)))).toBe('is a folder where a file was expected (EISDIR)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('names ENAMETOOLONG and EMFILE for what they are, and says what to do', () => {
    expect(describeIoError(errorOf(() => readFileSync(join('/tmp', 'x'.repeat(300)))))).toBe('the path or one of its names is too long (ENAMETOOLONG)');
    expect(ioErrorAdvice(errorOf(() => readFileSync(join('/tmp', 'x'.repeat(300)))))).toBe('choose a shorter path');
    expect(describeIoError(Object.assign(new Error('x'), { code: 'EMFILE' }))).toBe('too many open files (EMFILE)');
  });
  it('falls back to the code for others and to the message without one', () => {
    expect(describeIoError(Object.assign(new Error('x'), { code: 'EWHAT' }))).toBe('system error EWHAT (EWHAT)');
    expect(describeIoError(new Error('disk on fire'))).toBe('disk on fire');
  });
});
