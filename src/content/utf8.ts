// Posts must be UTF-8: Node reads a file in another encoding (Windows-1252, Latin-1) without complaint,
// turning each byte it cannot read into U+FFFD "�", which then shows in titles and social cards.

export interface InvalidUtf8 {
  /** 1-based line of the first byte that is not UTF-8. */
  line: number;
  /** 1-based column, counted in characters as an editor shows them. */
  column: number;
  /** The offending byte, e.g. 0xe9 (é in Windows-1252). */
  byte: number;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Length of the valid UTF-8 sequence starting at `index`, or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index]!;
  if (first < 0x80) return 1;
  // Lead byte: how many continuation bytes follow, and the allowed range of the first of them
  // (which rules out overlong forms, surrogates and code points above U+10FFFF).
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (first >= 0xc2 && first <= 0xdf) length = 2;
  else if (first >= 0xe0 && first <= 0xef) {
    length = 3;
    if (first === 0xe0) low = 0xa0;
    if (first === 0xed) high = 0x9f;
  } else if (first >= 0xf0 && first <= 0xf4) {
    length = 4;
    if (first === 0xf0) low = 0x90;
    if (first === 0xf4) high = 0x8f;
  } else return 0;
  for (let offset = 1; offset < length; offset++) {
    const next = bytes[index + offset];
    if (next === undefined) return 0;
    const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
    if (next < min || next > max) return 0;
  }
  return length;
}

/** Where the first byte that is not UTF-8 sits, or undefined when the whole file is valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  try {
    strict.decode(bytes);
    return undefined;
  } catch {
    // Not UTF-8: find the first bad byte below.
  }
  let line = 1;
  let column = 1;
  for (let index = 0; index < bytes.length; ) {
    const length = sequenceLength(bytes, index);
    if (length === 0) return { line, column, byte: bytes[index]! };
    if (bytes[index] === 0x0a) {
      line++;
      column = 1;
    } else {
      // A character outside the Basic Multilingual Plane still takes one column in an editor.
      column++;
    }
    index += length;
  }
  return undefined;
}

/** The fix for a file that is not UTF-8, after the place of the first bad byte. */
export function invalidUtf8Message({ byte }: InvalidUtf8): string {
  const hex = `0x${byte.toString(16).padStart(2, '0')}`;
  return (
    `the file is not UTF-8 (byte ${hex} here is not part of any UTF-8 character; it would be published as "\uFFFD"). ` +
    'Save the file as UTF-8: open it in the encoding it was written in (often Windows-1252 or Latin-1; in most editors "Reopen with encoding"), then save it with the encoding UTF-8.'
  );
}
