/**
 * Text of a file a person gave (a plan, a node list, a status, a role's
 * task file): UTF-8, as YAML and JSON are, or an error at the first byte
 * that is not, instead of the replacement characters a lenient decoding
 * would put in its place (a name changed behind the reader's back).
 */
import { diagnosticAt, InputError } from './diagnostics.js';

const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes `bytes` of `file` as UTF-8; InputError at the line and column of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return STRICT.decode(bytes);
  } catch {
    // Below: only on bad input.
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError([diagnosticAt(file, { line: 1, col: 1 }, 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8')]);
  }
  const at = firstInvalidUtf8(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++;
  const col = STRICT.decode(bytes.subarray(lineStart, at)).length + 1;
  const byte = bytes[at]!.toString(16).padStart(2, '0');
  throw new InputError([diagnosticAt(file, { line, col }, `byte 0x${byte} is not valid UTF-8; save the file as UTF-8`)]);
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (bytes.length when all are). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < bytes.length && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) i += 1;
    else if (c >= 0xc2 && c <= 0xdf) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      const lo = c === 0xe0 ? 0xa0 : 0x80;
      const hi = c === 0xed ? 0x9f : 0xbf;
      if (!cont(i + 1, lo, hi)) return i;
      if (!cont(i + 2)) return i;
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      const lo = c === 0xf0 ? 0x90 : 0x80;
      const hi = c === 0xf4 ? 0x8f : 0xbf;
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return i;
      i += 4;
    } else return i;
  }
  return i;
}
