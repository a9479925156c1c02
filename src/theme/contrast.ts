// WCAG 2.x contrast between two colours, and the light/dark colour tokens of a stylesheet, so the
// palette can be checked pair by pair instead of by eye.

export interface ThemeColours {
  light: string;
  dark: string;
}

/** `--name: light-dark(#light, #dark);` declarations of hex colours, by token name (without "--"). */
export function lightDarkTokens(css: string): Map<string, ThemeColours> {
  const tokens = new Map<string, ThemeColours>();
  for (const match of css.matchAll(/--([a-z0-9-]+):\s*light-dark\(\s*(#[0-9a-f]{3,6})\s*,\s*(#[0-9a-f]{3,6})\s*\)/gi)) {
    tokens.set(match[1]!, { light: match[2]!, dark: match[3]! });
  }
  return tokens;
}

function channels(hex: string): [number, number, number] {
  const digits = hex.replace(/^#/, '');
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${hex}`);
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16) / 255) as [number, number, number];
}

/** Relative luminance as WCAG defines it (sRGB, 0 for black to 1 for white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white), order not mattering. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}
