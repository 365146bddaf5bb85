/**
 * Reading a file the program keeps beside its output (a manifest, a
 * provenance map, a journal) without trusting what is at its path: a FIFO
 * would block the read forever, a link to /dev/zero would fill the memory.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { fileError, InputError } from './diagnostics.js';
import { describeIoError } from './io-error.js';

/**
 * Reads a file only when it is a regular file (never through a link, never
 * a FIFO or a device) of at most `limit` bytes; null when it does not exist.
 * Throws InputError otherwise, saying what to do (`advice`: by default, for
 * the files kept beside an output, to remove it and build again).
 */
export function readBoundedRegularFile(path: string, limit: number, what: string, advice = 'remove it and build again'): Buffer | null {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a link is refused, not followed.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new InputError([fileError(path, `the ${what} is a symbolic link; edpm-rolegen reads it only as a regular file: ${advice}`)]);
    throw new InputError([fileError(path, `cannot read the ${what}: ${describeIoError(err)}`)]);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new InputError([fileError(path, `the ${what} is not a regular file; ${advice}`)]);
    if (stat.size > limit) throw new InputError([fileError(path, `the ${what} is ${stat.size} bytes; the limit is ${limit}: ${advice}`)]);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Whether a path is a folder itself, not a link to one (nor anything else, nor missing). */
export function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
