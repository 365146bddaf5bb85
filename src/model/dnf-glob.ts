/**
 * dnf's package name globs (fnmatch: `*`, `?`, `[...]`), matched as dnf
 * matches them against a package name: what an exclusion holds back.
 */

/** Whether a dnf glob (fnmatch: `*`, `?`, `[...]`) matches a package name. */
export function globMatches(pattern: string, name: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/[\\^\]]/gu, '\\$&')}]`;
        i = end;
      }
    } else source += c.replace(/[.+^$(){}|\\]/gu, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u').test(name);
}
