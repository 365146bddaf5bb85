import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIoError } from '../../../src/core/io-error.js';

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
      expect(describeIoError(errorOf(() => readFileSync(dir)))).toBe('is a folder (EISDIR)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('falls back to the code for others and to the message without one', () => {
    expect(describeIoError(Object.assign(new Error('x'), { code: 'EMFILE' }))).toBe('i/o error (EMFILE)');
    expect(describeIoError(new Error('disk on fire'))).toBe('disk on fire');
  });
});
