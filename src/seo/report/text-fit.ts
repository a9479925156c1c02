// Cutting text the way result pages and cards do: by pixel width (search results) or by character count
// (social cards), after a whole word, never inside a grapheme (an emoji with its modifiers, a letter with
// its accents, a surrogate pair). Widths are the lint's own measure (textWidthPx in ../lint/title-width.ts),
// so a preview is cut exactly when the title-width rule warns.
import { textWidthPx } from '../lint/title-width.ts';

/** What a cut text shows, and whether anything was cut. */
export interface FittedText {
  /** The whole text, whitespace collapsed. */
  full: string;
  /** What is shown: the whole text, or its start and an ellipsis. */
  shown: string;
  truncated: boolean;
  /** Direction of its first strong character, for `dir` on the element that shows it. */
  dir: 'ltr' | 'rtl';
}

export interface FittedLines extends FittedText {
  /** Each line as it wraps, the last one ending in the ellipsis when cut. */
  lines: string[];
}

export const ELLIPSIS = '…';

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export const collapseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

// ICU's segmenters are slow (tens of microseconds a call), and most titles need neither: in text of these
// characters (Latin, Greek, Cyrillic, Hebrew, Arabic letters and punctuation, no combining marks, joiners or
// surrogates) each UTF-16 unit is one grapheme, and words end at spaces.
const ONE_UNIT_GRAPHEMES = /^[\x20-\x7e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u05be\u05c0\u05c3\u05c6\u05d0-\u05ea\u05f0-\u05f4\u060c\u061b\u061f\u0620-\u064a\u0660-\u066f\u0671-\u06d5\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*$/;
// Scripts written without spaces between words, where only the dictionary segmenter finds word ends.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** User-perceived characters: what a reader (and a network's character limit) counts. */
export function graphemes(text: string): string[] {
  if (ONE_UNIT_GRAPHEMES.test(text)) return text.split('');
  return Array.from(graphemeSegmenter.segment(text), (part) => part.segment);
}

/** The last grapheme boundary at or before UTF-16 offset `end`. */
function graphemeFloor(text: string, end: number): number {
  if (ONE_UNIT_GRAPHEMES.test(text)) return Math.min(end, text.length);
  let boundary = 0;
  for (const { index, segment } of graphemeSegmenter.segment(text)) {
    if (index + segment.length > end) break;
    boundary = index + segment.length;
  }
  return boundary;
}

// Width at 1 px per grapheme: widths add up (the measure ignores kerning), so a prefix is measured in one
// pass rather than re-measuring each longer start as visiblePart does, which costs seconds on 1,000 pages.
const unitWidths = new Map<string, number>();

/** The end (UTF-16 offset) of the longest start of `text`, in whole graphemes, no wider than `maxPx`. */
export function fittingEnd(text: string, maxPx: number, fontPx: number): number {
  let width = 0;
  let end = 0;
  for (const segment of graphemes(text)) {
    let unit = unitWidths.get(segment);
    if (unit === undefined) {
      unit = textWidthPx(segment, 1);
      unitWidths.set(segment, unit);
    }
    width += unit * fontPx;
    // A hair of tolerance for the sum's rounding, so a text exactly at the limit is kept whole.
    if (width > maxPx + 1e-9) break;
    end += segment.length;
  }
  return end;
}

/**
 * Where to cut `text` so that no more than its first `end` UTF-16 units are kept and no word is split:
 * the end of the last whole word (or of a CJK word, which the segmenter finds by dictionary). A single
 * word longer than the room is cut at the last grapheme that fits, as browsers do.
 */
function wordCut(text: string, end: number): number {
  const safeEnd = graphemeFloor(text, end);
  if (safeEnd >= text.length) return text.length;
  let cut = 0;
  if (!UNSPACED_SCRIPT.test(text)) {
    // A word ends where a space begins (or the text is cut just before one).
    cut = /\s/.test(text.charAt(safeEnd)) ? safeEnd : text.lastIndexOf(' ', safeEnd - 1);
    return cut > 0 ? cut : safeEnd;
  }
  for (const { index, segment } of wordSegmenter.segment(text)) {
    if (index + segment.length > safeEnd) break;
    cut = index + segment.length;
  }
  return cut > 0 ? cut : safeEnd;
}

/** The kept start and the ellipsis: " …" after a whole word that ended at a space, "…" after anything else. */
function withEllipsis(text: string, cut: number): string {
  const kept = text.slice(0, cut).trimEnd();
  return /\s/.test(text.charAt(cut)) || kept.length < cut ? `${kept} ${ELLIPSIS}` : `${kept}${ELLIPSIS}`;
}

const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

export function textDirection(text: string): 'ltr' | 'rtl' {
  const strong = /\p{L}/u.exec(text)?.[0];
  return strong !== undefined && RTL_SCRIPT.test(strong) ? 'rtl' : 'ltr';
}

export interface PixelBox {
  fontPx: number;
  /** Width of one line. */
  lineWidthPx: number;
  /** Lines shown before the text is cut. */
  maxLines: number;
}

/**
 * `text` wrapped into lines of `lineWidthPx` at word boundaries; if it needs more than `maxLines`, the last
 * line is cut after a whole word and ends in an ellipsis that fits inside the line. With one line this is
 * the lint's rule: cut exactly when the text is wider than the line.
 */
export function fitPixels(text: string, box: PixelBox): FittedLines {
  const full = collapseSpace(text);
  const { fontPx, lineWidthPx, maxLines } = box;
  const lines: string[] = [];
  let rest = full;
  let truncated = false;
  while (rest !== '') {
    if (textWidthPx(rest, fontPx) <= lineWidthPx) {
      lines.push(rest);
      break;
    }
    if (lines.length === maxLines - 1) {
      const room = lineWidthPx - textWidthPx(` ${ELLIPSIS}`, fontPx);
      lines.push(withEllipsis(rest, wordCut(rest, fittingEnd(rest, room, fontPx))));
      truncated = true;
      break;
    }
    // At least one grapheme per line, so a line narrower than one character still makes progress.
    const cut = wordCut(rest, fittingEnd(rest, lineWidthPx, fontPx)) || (graphemes(rest)[0] ?? rest).length;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  return { full, shown: lines.join(' '), lines, truncated, dir: textDirection(full) };
}

/** `text` cut to at most `max` graphemes, the ellipsis included, after a whole word. */
export function fitCharacters(text: string, max: number): FittedText {
  const full = collapseSpace(text);
  const parts = graphemes(full);
  if (parts.length <= max) return { full, shown: full, truncated: false, dir: textDirection(full) };
  const end = parts.slice(0, Math.max(0, max - 1)).join('').length;
  let shown = withEllipsis(full, wordCut(full, end));
  // " …" after a word at exactly the limit is one grapheme too many: drop the space.
  if (graphemes(shown).length > max) shown = shown.replace(` ${ELLIPSIS}`, ELLIPSIS);
  return { full, shown, truncated: true, dir: textDirection(full) };
}
