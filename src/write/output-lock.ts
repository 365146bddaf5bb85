/**
 * The output lock: one build at a time writes an output folder. The lock is
 * a file inside the folder, made with O_EXCL, holding the pid of the build.
 * A build that finds it waits (a while) for the holder to end; the lock of a
 * build that died (killed, power cut) is taken over, under a short second
 * lock so that two builds never both take it over.
 */
import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readBoundedRegularFile } from '../core/bounded-file.js';
import { describeIoError } from '../core/io-error.js';
import { printable } from '../core/diagnostics.js';
import { LOCK_BREAK_NAME, LOCK_NAME } from './output-folder.js';

/** How long a build waits for another one to release the folder, by default. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;
/** A lock file still empty after this long was left by a build that died while taking it. */
const EMPTY_LOCK_STALE_MS = 2_000;
/** A break lock older than this was left by a build that died while taking over a lock. */
const BREAK_LOCK_STALE_MS = 10_000;

/** Another build holds the output folder. */
export class OutputLockedError extends Error {
  constructor(out: string, holder: number | null, waitedMs: number) {
    super(
      `${printable(out)} is being written by another edpm-rolegen build${holder === null ? '' : ` (pid ${holder})`}; ` +
        `waited ${Math.round(waitedMs / 1000)} s. Run again when it has finished; if no build is running, remove ${printable(join(out, LOCK_NAME))}`,
    );
    this.name = 'OutputLockedError';
  }
}

/** Takes the lock of an output folder (which must exist), waiting up to `waitMs`; returns its release. */
export function lockOutput(out: string, waitMs: number = DEFAULT_LOCK_WAIT_MS): () => void {
  const lock = join(out, LOCK_NAME);
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lock)) return () => releaseLock(lock);
    const holder = lockHolder(lock);
    if (holder === 'gone') continue;
    if (holder === 'dead' || (holder === 'empty' && ageMs(lock) > EMPTY_LOCK_STALE_MS)) {
      breakLock(out, lock);
      continue;
    }
    const waited = Date.now() - start;
    if (waited >= waitMs) throw new OutputLockedError(out, typeof holder === 'number' ? holder : null, waited);
    sleep(Math.min(20 + attempt * 10, 200) + Math.floor(Math.random() * 20));
  }
}

function tryCreate(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Largest lock read: a build writes its pid and a newline there. */
const MAX_LOCK_BYTES = 4096;

/**
 * The lock's text; null when it is gone. Read only as a small regular
 * file, never through a link: a build makes it so, and a link to
 * /dev/zero or a FIFO put in its place would otherwise fill the memory or
 * block the build for ever (InputError, naming it).
 */
function readLock(lock: string): string | null {
  return readBoundedRegularFile(lock, MAX_LOCK_BYTES, 'build lock', 'remove it, then build again')?.toString('utf8') ?? null;
}

/** The pid in the lock when its process runs; 'dead', 'empty' (being made) or 'gone'. */
function lockHolder(lock: string): number | 'dead' | 'empty' | 'gone' {
  const text = readLock(lock);
  if (text === null) return 'gone';
  const pid = Number(text.trim());
  if (text.trim() === '' ) return 'empty';
  if (!Number.isInteger(pid) || pid <= 0) return 'dead';
  return processAlive(pid) ? pid : 'dead';
}

/** Removes a dead build's lock, unless another build did so (and took the lock) meanwhile. */
function breakLock(out: string, lock: string): void {
  const breaker = join(out, LOCK_BREAK_NAME);
  if (!tryCreate(breaker)) {
    if (ageMs(breaker) > BREAK_LOCK_STALE_MS) unlinkQuietly(breaker);
    else sleep(10);
    return;
  }
  try {
    const holder = lockHolder(lock);
    if (holder === 'dead' || (holder === 'empty' && ageMs(lock) > EMPTY_LOCK_STALE_MS)) unlinkQuietly(lock);
  } finally {
    unlinkQuietly(breaker);
  }
}

function releaseLock(lock: string): void {
  try {
    if (readLock(lock)?.trim() === String(process.pid)) unlinkSync(lock);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot release the lock ${printable(lock)}: ${describeIoError(err)}`);
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
