import { describe, expect, it } from 'vitest';
import { textWidthPx, visiblePart } from './title-width.ts';

describe('textWidthPx', () => {
  // Arial's advance widths (units per em 2048): W 1933, i 455, space 569, a 1139.
  it.each([
    { text: 'W', px: (1933 / 2048) * 20 },
    { text: 'i', px: (455 / 2048) * 20 },
    { text: 'a a', px: ((1139 * 2 + 569) / 2048) * 20 },
  ])('measures "$text" as Arial draws it at 20px', ({ text, px }) => {
    expect(textWidthPx(text)).toBeCloseTo(px, 6);
  });

  it('measures width, not length: 40 capital Ws are far wider than 60 small is', () => {
    expect(textWidthPx('W'.repeat(40))).toBeGreaterThan(600);
    expect(textWidthPx('i'.repeat(60))).toBeLessThan(300);
  });

  it('gives characters Arial lacks a fallback width: a full em for CJK and emoji', () => {
    expect(textWidthPx('日本')).toBe(40);
    expect(textWidthPx('🎉')).toBe(20);
  });

  it('treats composed and decomposed accents alike', () => {
    expect(textWidthPx('cafe\u0301')).toBeCloseTo(textWidthPx('café'), 6);
  });
});

describe('visiblePart', () => {
  it('keeps the longest start of the text that fits', () => {
    const shown = visiblePart('W'.repeat(40), 600);
    expect(shown).toBe('W'.repeat(31));
    expect(textWidthPx(shown)).toBeLessThanOrEqual(600);
    expect(textWidthPx(`${shown}W`)).toBeGreaterThan(600);
  });

  it('keeps whole characters only, never half of an emoji', () => {
    expect(visiblePart('🚀'.repeat(40), 600)).toBe('🚀'.repeat(30));
  });
});
