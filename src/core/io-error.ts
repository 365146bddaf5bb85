/**
 * The wording of file system errors, shared by every stage that reads or
 * writes files (plan loading, the roles-tree scan, the writer).
 */

/** The short reason of a file system error (e.g. "no such file or folder (ENOENT)"). */
export function describeIoError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EISDIR: 'is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ELOOP: 'too many levels of symbolic links',
  };
  if (code !== undefined) return `${reasons[code] ?? 'i/o error'} (${code})`;
  return err instanceof Error ? err.message : String(err);
}
