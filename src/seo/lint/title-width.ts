// How wide a title is in Google's desktop results, which draw it in Arial at 20px and cut it off at
// about 600px. Widths come from arial-advances.json (see scripts/generate-title-widths.ts).
import advances from './arial-advances.json' with { type: 'json' };

const FONT_SIZE_PX = 20;

const advanceByCodePoint = new Map<number, number>();
for (const [first, ...widths] of advances.runs) {
  widths.forEach((width, index) => advanceByCodePoint.set(first! + index, width));
}

// Characters Arial lacks are drawn from a fallback font: CJK, Hangul, full-width forms and emoji take a
// full em; anything else is taken as wide as an average lower-case Latin letter.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\p{Extended_Pictographic}]/u;
const latinLowercase = [...'abcdefghijklmnopqrstuvwxyz'].map((letter) => advanceByCodePoint.get(letter.codePointAt(0)!) ?? 0);
const AVERAGE_ADVANCE = latinLowercase.reduce((sum, width) => sum + width, 0) / latinLowercase.length;

/** Width in CSS pixels of `text` set in Arial at `fontSizePx` (kerning ignored). */
export function textWidthPx(text: string, fontSizePx = FONT_SIZE_PX): number {
  let units = 0;
  for (const character of text.normalize('NFC')) {
    const code = character.codePointAt(0)!;
    const advance = advanceByCodePoint.get(code);
    if (advance !== undefined) units += advance;
    else if (WIDE.test(character)) units += advances.unitsPerEm;
    else if (!/\p{M}/u.test(character)) units += AVERAGE_ADVANCE;
  }
  return (units / advances.unitsPerEm) * fontSizePx;
}

/** The longest start of `text` that fits in `maxPx`, as Google would show it before its "...". */
export function visiblePart(text: string, maxPx: number, fontSizePx = FONT_SIZE_PX): string {
  let shown = '';
  for (const character of text) {
    if (textWidthPx(shown + character, fontSizePx) > maxPx) break;
    shown += character;
  }
  return shown;
}
