export interface ExcerptSegment {
  text: string;
  /** A matched word, shown highlighted. */
  marked: boolean;
}

/**
 * Splits a Pagefind excerpt into plain-text pieces, so results are built as text nodes and never
 * parsed as HTML. Pagefind escapes only `<` and `>` in page text and wraps matches in `<mark>`;
 * this undoes exactly that.
 */
export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let position = 0;
  const push = (raw: string, marked: boolean) => {
    const text = raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    if (text === '') return;
    const last = segments.at(-1);
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  };
  for (const match of excerpt.matchAll(pattern)) {
    push(excerpt.slice(position, match.index), false);
    push(match[1] ?? '', true);
    position = match.index + match[0].length;
  }
  push(excerpt.slice(position), false);
  return segments;
}
