import { describe, expect, it } from 'vitest';
import { textWidthPx, visiblePart } from '../lint/title-width.ts';
import { fitCharacters, fitPixels, fittingEnd, graphemes, textDirection } from './text-fit.ts';

const oneLine = { fontPx: 20, lineWidthPx: 600, maxLines: 1 };

describe('fitPixels', () => {
  it('keeps a text that fits, and cuts one exactly 1 px too wide', () => {
    // 31 Ws are 585.4 px at Arial 20 px; 32 are 604.3 px. A cut keeps 30 and the ellipsis, 586 px.
    expect(fitPixels('W'.repeat(31), oneLine)).toMatchObject({ truncated: false, shown: 'W'.repeat(31) });
    expect(fitPixels('W'.repeat(31), { ...oneLine, lineWidthPx: 585 }).truncated).toBe(true);
  });

  it.each([
    { case: 'Latin words', text: 'How to read the weather from the colour of a city sky at dusk, dawn and midday', shown: /^How to read the weather from the colour of a city sky at dusk, …$/ },
    { case: 'one long word', text: 'W'.repeat(40), shown: /^W{30}…$/ },
    { case: 'emoji with skin tone and ZWJ sequences', text: `Rainy days ${'👩🏽‍💻 '.repeat(20)}`, shown: /^Rainy days (👩🏽‍💻 )+…$/u },
    { case: 'CJK without spaces', text: '東京の空の色を読む方法についての長い記事です。'.repeat(3), shown: /^[^\s]+…$/u },
    { case: 'Hebrew (right to left)', text: 'איך לקרוא את מזג האוויר מצבע השמיים של העיר בשקיעה ובזריחה ובצהריים ובלילה', shown: / …$/ },
  ])('cuts $case after a whole word and grapheme, the ellipsis inside the limit', ({ text, shown }) => {
    const fitted = fitPixels(text, oneLine);
    expect(fitted.truncated).toBe(true);
    expect(fitted.shown).toMatch(shown);
    expect(textWidthPx(fitted.shown)).toBeLessThanOrEqual(600);
    // Every grapheme of what is shown is a whole grapheme of the text.
    const whole = new Set(graphemes(text));
    for (const part of graphemes(fitted.shown.replace(/ ?…$/, ''))) expect(whole.has(part)).toBe(true);
  });

  it('wraps into lines at word boundaries and cuts only the last line', () => {
    const fitted = fitPixels('Seven ways the haze over a city changes the colour of a sunset and what each one means for tomorrow', {
      fontPx: 20,
      lineWidthPx: 328,
      maxLines: 2,
    });
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[0]).toBe('Seven ways the haze over a city');
    expect(fitted.lines[1]).toMatch(/^changes the colour of a sunset …$/);
    for (const line of fitted.lines) expect(textWidthPx(line)).toBeLessThanOrEqual(328);
  });
});

describe('fittingEnd', () => {
  it.each([
    { text: 'W'.repeat(40), maxPx: 600, fontPx: 20 },
    { text: 'How to read the weather from the colour of a city sky at dusk', maxPx: 300, fontPx: 20 },
    { text: 'Café au lait, naïve façade, 東京の空', maxPx: 200, fontPx: 14 },
  ])('keeps the same start as the lint\'s visiblePart: "$text" in $maxPx px', ({ text, maxPx, fontPx }) => {
    expect(text.slice(0, fittingEnd(text, maxPx, fontPx))).toBe(visiblePart(text, maxPx, fontPx));
  });

  it('never ends inside a grapheme, where visiblePart may', () => {
    const family = '👨‍👩‍👧';
    expect(visiblePart(`${family}${family}`, 30, 20)).toBe('👨\u200d');
    expect(fittingEnd(`${family}${family}`, 30, 20)).toBe(0);
  });
});

describe('fitCharacters', () => {
  it.each([
    { text: 'Short title', max: 70, shown: 'Short title' },
    { text: 'The haze over the river at six in the morning', max: 20, shown: 'The haze over the …' },
    { text: 'Supercalifragilistic', max: 10, shown: 'Supercali…' },
    { text: '🌧️🌧️🌧️🌧️🌧️', max: 3, shown: '🌧️🌧️…' },
    { text: 'one two', max: 4, shown: 'one…' },
    { text: 'שָׁלוֹם שָׁלוֹם', max: 6, shown: 'שָׁלוֹם …' },
    { text: 'cafe\u0301 cafe\u0301', max: 6, shown: 'cafe\u0301 …' },
  ])('cuts "$text" to $max graphemes as "$shown"', ({ text, max, shown }) => {
    const fitted = fitCharacters(text, max);
    expect(fitted.shown).toBe(shown);
    expect(graphemes(fitted.shown).length).toBeLessThanOrEqual(max);
  });
});

describe('graphemes', () => {
  it('counts as ICU does for every character below U+20C1, the shortcut for plain text included', () => {
    const icu = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (let code = 0x20; code <= 0x20c0; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `a${String.fromCodePoint(code)}b`;
      expect(graphemes(text), `U+${code.toString(16)}`).toEqual(Array.from(icu.segment(text), (part) => part.segment));
    }
  });
});

describe('textDirection', () => {
  it.each([
    { text: 'Hello', dir: 'ltr' },
    { text: '2026: שלום', dir: 'rtl' },
    { text: 'مرحبا بالعالم', dir: 'rtl' },
    { text: '東京', dir: 'ltr' },
  ])('reads "$text" as $dir', ({ text, dir }) => {
    expect(textDirection(text)).toBe(dir);
  });
});
