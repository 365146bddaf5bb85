/**
 * The bulk of the sidecar's text written as bytes into a buffer, decoded
 * into a string once: a 5,000-service tree has ~40,000 origins and ~250,000
 * numbers, which a string or a list made for each (then JSON.stringify)
 * costs several times more. The text is what JSON.stringify writes for the
 * same values.
 */
import type { ItemOrigin } from '../compile/origin.js';

/**
 * Writes a number at `at` as JSON.stringify writes it; returns where the
 * text ends. It takes at most 16 bytes for a safe integer, 24 for another
 * number (a sidecar's numbers are line numbers and indexes: non-negative
 * integers, written digit by digit).
 */
export function writeNumber(buffer: Buffer, at: number, n: number): number {
  if (!(n >= 0 && n <= 0x7fffffff && (n | 0) === n)) return at + buffer.write(JSON.stringify(n), at, 'latin1');
  let digits = 1;
  for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits++;
  const end = at + digits;
  let d = end - 1;
  for (; n >= 10; d--) {
    const next = (n / 10) | 0;
    buffer[d] = 48 + n - next * 10;
    n = next;
  }
  buffer[d] = 48 + n;
  return end;
}

/**
 * The origins of a map as the sidecar lists them, `["pointer",line,col,rule]`
 * one a line (indented, a comma between): written as the map finds each
 * origin, when its pointer was just read (or, for an item origin, from its
 * parts, the joined pointer never read).
 */
export class OriginRows {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  /** Whether every byte written is ASCII (then decoded as Latin-1, the same text, faster). */
  private ascii = true;

  /** A row of an origin with this pointer. */
  add(pointer: string, line: number, col: number, rule: number): void {
    const start = this.open(pointer.length);
    let at = this.plain(start + 1, pointer);
    // A pointer of printable ASCII but `"` and `\` as it is, between quotes; another by JSON.stringify.
    if (at < 0) {
      at = start + this.buffer.write(JSON.stringify(pointer), start, 'utf8') - 1;
      this.ascii &&= !/[^\x00-\x7f]/u.test(pointer);
    }
    this.close(at, line, col, rule);
  }

  /**
   * A row of an item origin (`itemOrigin`), its pointer written from its
   * parts: `list/index[/member[/memberIndex]]`, the same bytes `add` writes
   * for `origin.pointer`.
   */
  addItem(origin: ItemOrigin, line: number, col: number, rule: number): void {
    const member = origin.member;
    const start = this.open(origin.list.length + (member === null ? 0 : member.length));
    let at = this.plain(start + 1, origin.list);
    if (at >= 0) {
      const buffer = this.buffer;
      buffer[at++] = 47; // /
      at = writeNumber(buffer, at, origin.index);
      if (member !== null) {
        buffer[at++] = 47;
        at = this.plain(at, member);
        if (at >= 0 && origin.memberIndex >= 0) {
          buffer[at++] = 47;
          at = writeNumber(buffer, at, origin.memberIndex);
        }
      }
    }
    // (a part to escape: the row as `add` writes it, over what was begun; `length` has not moved)
    if (at < 0) this.add(origin.pointer, line, col, rule);
    else this.close(at, line, col, rule);
  }

  /**
   * Makes room for a row whose pointer has `size` characters (with at most
   * 32 bytes of numbers in it) and writes what comes before the pointer's
   * text, up to its opening quote; returns where the quote is.
   */
  private open(size: number): number {
    // (the most a pointer's JSON takes, 6 bytes a character, and the rest)
    const room = this.length + size * 6 + 160;
    if (room > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, room));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    const buffer = this.buffer;
    let at = this.length;
    if (at > 0) {
      buffer[at++] = 44; // ,
      buffer[at++] = 10; // \n
    }
    buffer[at++] = 32;
    buffer[at++] = 32;
    buffer[at++] = 32;
    buffer[at++] = 32;
    buffer[at++] = 91; // [
    buffer[at] = 34; // "
    return at;
  }

  /** Writes `text` at `at` as it is when it is printable ASCII but `"` and `\`; returns where it ends, or -1 (nothing to keep) when it is not. */
  private plain(at: number, text: string): number {
    const buffer = this.buffer;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 34 || c === 92) return -1;
      buffer[at++] = c;
    }
    return at;
  }

  /** Ends a row whose pointer's text ends at `at`: the closing quote, the numbers, `]`. */
  private close(at: number, line: number, col: number, rule: number): void {
    const buffer = this.buffer;
    buffer[at++] = 34;
    buffer[at++] = 44;
    at = writeNumber(buffer, at, line);
    buffer[at++] = 44;
    at = writeNumber(buffer, at, col);
    buffer[at++] = 44;
    at = writeNumber(buffer, at, rule);
    buffer[at++] = 93; // ]
    this.length = at;
  }

  /** The rows written, one a line (no newline after the last). */
  text(): string {
    return this.buffer.toString(this.ascii ? 'latin1' : 'utf8', 0, this.length);
  }
}
