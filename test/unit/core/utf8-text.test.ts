import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/diagnostics.js';
import { decodeUtf8 } from '../../../src/core/utf8-text.js';

/** The one diagnostic decodeUtf8 throws for `bytes`, formatted. */
function refusal(bytes: number[] | Buffer): string {
  try {
    decodeUtf8(Uint8Array.from(bytes), 'f.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).message;
  }
  throw new Error('accepted');
}

describe('decodeUtf8', () => {
  it('decodes UTF-8, without its byte order mark', () => {
    expect(decodeUtf8(Buffer.from('a: é€😀\n'), 'f.yaml')).toBe('a: é€😀\n');
    expect(decodeUtf8(Buffer.from('\ufeffa: 1\n'), 'f.yaml')).toBe('a: 1\n');
    // A replacement character written in the file is text like any other.
    expect(decodeUtf8(Buffer.from('a: \ufffd\n'), 'f.yaml')).toBe('a: \ufffd\n');
  });

  it('refuses Latin-1 at the line and column of the first byte that is not UTF-8', () => {
    // "collection: café" saved as Latin-1 (é = 0xe9), on line 2.
    expect(refusal(Buffer.concat([Buffer.from('a: 1\ncollection: caf'), Buffer.from([0xe9, 0x0a])]))).toBe(
      'f.yaml:2:16: error: byte 0xe9 is not valid UTF-8; save the file as UTF-8',
    );
    // After a valid multi-byte character on the same line, the column counts characters.
    expect(refusal(Buffer.concat([Buffer.from('é: '), Buffer.from([0xc3])]))).toBe('f.yaml:1:4: error: byte 0xc3 is not valid UTF-8; save the file as UTF-8');
  });

  it('refuses overlong forms, surrogates and code points past U+10FFFF', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff]]) {
      expect(refusal([0x61, ...bad]), bad.join(',')).toMatch(/^f\.yaml:1:2: error: byte 0x[0-9a-f]{2} is not valid UTF-8/u);
    }
  });

  it('names UTF-16 for what it is', () => {
    expect(refusal([0xff, 0xfe, 0x61, 0x00])).toBe('f.yaml:1:1: error: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8');
  });
});
