// The site's colour tokens, read from the stylesheet itself: every pair of text and background a page
// uses reaches WCAG AA (4.5:1) and every control edge 3:1, in the light and the dark theme.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, lightDarkTokens } from './contrast.ts';

const tokens = lightDarkTokens(readFileSync(new URL('../styles/global.css', import.meta.url), 'utf8'));
const BACKGROUNDS = ['bg', 'surface', 'card'];
// Text tokens and the backgrounds they are drawn on.
const TEXT_PAIRS: [string, string[]][] = [
  ['text', [...BACKGROUNDS, 'accent-soft', 'code-bg']],
  ['muted', [...BACKGROUNDS, 'code-bg']],
  ['accent', [...BACKGROUNDS, 'accent-soft']],
  ['accent-hover', [...BACKGROUNDS, 'accent-soft']],
  ['badge-text', ['badge-bg']],
  // Filled buttons (search) and the dark knob of the theme toggle.
  ['card', ['accent', 'accent-hover']],
  ['code-comment', ['code-bg']],
  ['code-keyword', ['code-bg']],
  ['code-string', ['code-bg']],
  ['code-number', ['code-bg']],
  ['code-function', ['code-bg']],
];
// Non-text UI: control borders and the focus ring against every background.
const UI_PAIRS: [string, string[]][] = [
  ['border-strong', BACKGROUNDS],
  ['focus', BACKGROUNDS],
  ['accent', BACKGROUNDS],
];

function pairs(table: [string, string[]][]) {
  return table.flatMap(([foreground, backgrounds]) =>
    backgrounds.flatMap((background) => (['light', 'dark'] as const).map((theme) => ({ foreground, background, theme }))),
  );
}

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself, whichever comes first', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#767676')).toBe(1);
  });

  it('puts #767676 on white just above the AA line, as the WCAG examples do', () => {
    expect(contrastRatio('#767676', '#fff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#777777', '#fff')).toBeLessThan(4.5);
  });
});

describe('the colour tokens in global.css', () => {
  it('declares every token of the checked pairs for both themes', () => {
    const names = new Set([...TEXT_PAIRS, ...UI_PAIRS].flatMap(([foreground, backgrounds]) => [foreground, ...backgrounds]));
    expect([...names].filter((name) => !tokens.has(name))).toEqual([]);
  });

  it.each(pairs(TEXT_PAIRS))('$foreground text on $background reaches 4.5:1 in the $theme theme', ({ foreground, background, theme }) => {
    expect(contrastRatio(tokens.get(foreground)![theme], tokens.get(background)![theme])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(pairs(UI_PAIRS))('$foreground edges on $background reach 3:1 in the $theme theme', ({ foreground, background, theme }) => {
    expect(contrastRatio(tokens.get(foreground)![theme], tokens.get(background)![theme])).toBeGreaterThanOrEqual(3);
  });
});
