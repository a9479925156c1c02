// The social cards' look in one place: the site's light palette (src/styles/global.css: --bg, --text,
// --muted, --accent) and its typeface, Inter, in the weights the site uses. Change a colour here and
// every card is drawn again (the cache fingerprints this file).
export const OG_THEME = {
  background: '#fbfbfa',
  /** Title and site name. */
  text: '#1c1e21',
  /** The date and domain line. */
  muted: '#52575f',
  /** The band down the left edge, in the logo's blue. */
  accent: '#0b5cad',
  /** A card drawn on a post's cover: the site's dark palette, on an opaque panel so any photo keeps it legible. */
  cover: { panel: '#14161a', text: '#e8e9eb', muted: '#a9afb8' },
  font: 'Inter',
  weights: { siteName: 800, title: 700, footer: 400 },
} as const;

/** The font weights the cards need, loaded from @fontsource/inter. */
export const OG_FONT_WEIGHTS = [...new Set(Object.values(OG_THEME.weights))].sort();
