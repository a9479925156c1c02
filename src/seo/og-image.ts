// Open Graph cards: 1200×630 PNGs drawn with satori (layout to SVG) and resvg (SVG to PNG),
// in Inter from the @fontsource package, so a build needs no network and no system fonts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface OgCard {
  /** Small line above the title: the site's name. */
  siteName: string;
  title: string;
  /** Bottom line, e.g. the publication date and the site's domain. */
  footer: string;
}

export interface OgFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

// Inter's subsets cover Latin, Cyrillic, Greek and Vietnamese; satori falls back between them per glyph.
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

/** Loads Inter 400 and 700 from node_modules, resolved from the project root. */
export function loadOgFonts(projectRoot: string): OgFont[] {
  const require = createRequire(join(projectRoot, 'package.json'));
  const files = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  return SUBSETS.flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      name: 'Inter',
      data: readFileSync(join(files, `inter-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  );
}

/** Title size steps: short titles large, long ones smaller; past six lines the title is ellipsised. */
export function titleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 30) return 76;
  if (length <= 60) return 64;
  if (length <= 100) return 54;
  if (length <= 160) return 46;
  return 40;
}

interface Element {
  type: string;
  props: { style: Record<string, string | number>; children?: string | Element | Element[] };
}

const element = (type: string, style: Element['props']['style'], children?: Element['props']['children']): Element => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

function cardTree(card: OgCard): Element {
  return element(
    'div',
    {
      width: '100%',
      height: '100%',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 80px',
      // Without border-box, the padding pushes text past the right edge.
      boxSizing: 'border-box',
      // Flat colours: a gradient made each card ~170 KB, a flat one ~30 KB, which every build writes.
      backgroundColor: '#0b2540',
      borderLeft: '24px solid #4aa3ff',
      color: '#ffffff',
      fontFamily: 'Inter',
    },
    [
      element('div', { display: 'flex', alignItems: 'center', fontSize: 34, fontWeight: 700, color: '#cfe6ff' }, [
        element('div', { width: 44, height: 44, borderRadius: 10, backgroundColor: '#ffffff', marginRight: 18 }),
        element('div', { display: 'flex' }, card.siteName),
      ]),
      element(
        'div',
        { display: 'block', fontSize: titleFontSize(card.title), fontWeight: 700, lineHeight: 1.15, lineClamp: 6 },
        card.title,
      ),
      element('div', { display: 'flex', fontSize: 28, fontWeight: 400, color: '#dbe8f5' }, card.footer),
    ],
  );
}

/** Draws one card as a PNG. */
export async function renderOgImage(card: OgCard, fonts: OgFont[]): Promise<Buffer> {
  const svg = await satori(cardTree(card) as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
}
