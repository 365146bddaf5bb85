/**
 * The one ordering of names and paths: by UTF-16 code units, as `<` compares
 * strings, never by locale, so that output is the same on every machine.
 */

/** Compares two strings by code units: negative, zero or positive. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two values by a string key of each. */
export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareStrings(key(a), key(b));
}
