/**
 * The wording of file system errors, shared by every stage that reads or
 * writes files (plan loading, the roles-tree scan, the writer).
 */

/** What each file system error means, in words, and what a person can do about it. */
const IO_ERRORS: Record<string, { reason: string; todo: string }> = {
  ENOENT: { reason: 'no such file or folder', todo: 'check the path' },
  EACCES: { reason: 'permission denied', todo: 'check the permissions, or choose another path' },
  EPERM: { reason: 'operation not permitted', todo: 'check the permissions and attributes, or choose another path' },
  EROFS: { reason: 'read-only file system', todo: 'choose a path on a writable file system' },
  EISDIR: { reason: 'is a folder where a file was expected', todo: 'give a file, or move the folder away' },
  ENOTDIR: { reason: 'a part of the path is not a folder', todo: 'check each part of the path' },
  ENAMETOOLONG: { reason: 'the path or one of its names is too long', todo: 'choose a shorter path' },
  ELOOP: { reason: 'too many levels of symbolic links', todo: 'check the links in the path' },
  EEXIST: { reason: 'already exists', todo: 'move it away, or choose another path' },
  ENOTEMPTY: { reason: 'the folder is not empty', todo: 'move its files away, or choose another path' },
  EBUSY: { reason: 'busy (in use, or a mount point)', todo: 'choose a path that is not a mount point or in use' },
  EXDEV: { reason: 'crosses file systems (a mount point inside)', todo: 'do not mount anything inside the output folder' },
  ENOSPC: { reason: 'no space left on the device', todo: 'free some space' },
  EDQUOT: { reason: 'disk quota exceeded', todo: 'free some space' },
  EMFILE: { reason: 'too many open files', todo: 'raise the open-file limit (ulimit -n)' },
  EINVAL: { reason: 'invalid argument for this file system', todo: 'check the path' },
  EIO: { reason: 'input/output error of the device', todo: 'check the disk' },
};

/** Error codes that come from the path or the files a person gave (exit 2); others are failures of the machine (exit 1). */
export const BAD_INPUT_IO_CODES: ReadonlySet<string> = new Set(['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EEXIST', 'ENOTEMPTY', 'EBUSY', 'EXDEV', 'EINVAL']);

/** The short reason of a file system error (e.g. "no such file or folder (ENOENT)"). */
export function describeIoError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return `${IO_ERRORS[code]?.reason ?? `system error ${code}`} (${code})`;
  return err instanceof Error ? err.message : String(err);
}

/** What to do about a file system error, in a few words. */
export function ioErrorAdvice(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return (code === undefined ? undefined : IO_ERRORS[code]?.todo) ?? 'check the path and the file system';
}
