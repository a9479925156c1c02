import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, invalidUtf8Message } from './utf8.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('firstInvalidUtf8', () => {
  it.each([
    { name: 'plain ASCII', input: bytes('title: Hello\n'), found: undefined },
    { name: 'accents, CJK, emoji and a real U+FFFD', input: bytes('café 日本 😀 \uFFFD\n'), found: undefined },
    { name: 'a Windows-1252 é', input: bytes('---\ntitle: "Caf', [0xe9], '"\n'), found: { line: 2, column: 12, byte: 0xe9 } },
    { name: 'a bad byte after multi-byte characters, counted as characters', input: bytes('日本😀', [0xff]), found: { line: 1, column: 4, byte: 0xff } },
    { name: 'a truncated sequence at the end', input: bytes('ok\nab', [0xe6, 0x97]), found: { line: 2, column: 3, byte: 0xe6 } },
    { name: 'a lone continuation byte', input: bytes('a', [0x80]), found: { line: 1, column: 2, byte: 0x80 } },
    { name: 'an overlong encoding of "/"', input: bytes([0xc0, 0xaf]), found: { line: 1, column: 1, byte: 0xc0 } },
    { name: 'an encoded surrogate', input: bytes('x', [0xed, 0xa0, 0x80]), found: { line: 1, column: 2, byte: 0xed } },
    { name: 'a code point above U+10FFFF', input: bytes([0xf4, 0x90, 0x80, 0x80]), found: { line: 1, column: 1, byte: 0xf4 } },
    { name: 'Windows line endings', input: bytes('a\r\nb\r\n', [0x92]), found: { line: 3, column: 1, byte: 0x92 } },
  ])('$name: $found', ({ input, found }) => {
    expect(firstInvalidUtf8(input)).toEqual(found);
  });
});

describe('invalidUtf8Message', () => {
  it('names the byte and says how to save the file as UTF-8', () => {
    expect(invalidUtf8Message({ line: 2, column: 12, byte: 0xe9 })).toBe(
      'the file is not UTF-8 (byte 0xe9 here is not part of any UTF-8 character; it would be published as "\uFFFD"). ' +
        'Save the file as UTF-8: open it in the encoding it was written in (often Windows-1252 or Latin-1; in most editors ' +
        '"Reopen with encoding"), then save it with the encoding UTF-8.',
    );
  });
});
