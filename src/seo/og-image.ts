// Open Graph cards: 1200×630 images drawn with satori (layout to SVG) and resvg (SVG to PNG),
// in Inter from the @fontsource package, so a build needs no network and no system fonts.
// Colours and weights are tokens in og-theme.ts. A post with a raster cover gets its card drawn
// on the cover: the photo above, the title on an opaque panel below, so any photo stays legible.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { OG_FONT_WEIGHTS, OG_THEME } from './og-theme.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface OgCard {
  /** Small line above the title: the site's name. */
  siteName: string;
  title: string;
  /** Bottom line, e.g. the publication date and the site's domain. */
  footer: string;
  /** The post's cover, already cropped to 1200×630, as a path in dist/ (`_astro/hero.x.jpg`): the card is drawn on it. */
  cover?: string;
}

/** A card and the bytes of its cover, when it has one: all a worker needs to draw it. */
export interface OgDrawing {
  card: OgCard;
  cover?: Uint8Array;
}

/** The file type a card is written as: a photo compresses as JPEG, flat colour and text as PNG. */
export const ogImageType = (card: Pick<OgCard, 'cover'>): { extension: 'jpg' | 'png'; mime: 'image/jpeg' | 'image/png' } =>
  card.cover ? { extension: 'jpg', mime: 'image/jpeg' } : { extension: 'png', mime: 'image/png' };

export interface OgFont {
  name: string;
  data: Buffer;
  weight: (typeof OG_FONT_WEIGHTS)[number];
  style: 'normal';
}

/** The site's logo, as the PNG the cards embed. */
export interface OgLogo {
  png: Uint8Array;
}

// The card's frame, in pixels: the accent band down the left edge and the padding inside it.
const BAND = 24;
const PADDING = { x: 80, y: 64 };
const OG_LOGO_SIZE = 64;

/** Where the logo sits on the card: the top-left corner of the content box, before the site name. */
export const OG_LOGO_BOX = { left: BAND + PADDING.x, top: PADDING.y, size: OG_LOGO_SIZE } as const;

// On a cover, the panel's padding and the longest title kept (in lines), so the photo keeps the top half.
const COVER_PADDING = { x: 64, top: 32, bottom: 36 };
const COVER_TITLE_LINES = 3;
const COVER_LOGO_SIZE = 44;

// Inter's subsets cover Latin, Cyrillic, Greek and Vietnamese; satori falls back between them per glyph.
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

/** Loads Inter in the cards' weights from node_modules, resolved from the project root. */
export function loadOgFonts(projectRoot: string): OgFont[] {
  const require = createRequire(join(projectRoot, 'package.json'));
  const files = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  return SUBSETS.flatMap((subset) =>
    OG_FONT_WEIGHTS.map((weight) => ({
      name: OG_THEME.font,
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

/**
 * Reads the site's logo (the publisher logo in public/, any format sharp reads, SVG too) and
 * rasterises it at twice its size on the card. satori draws only what reaches it as image data.
 */
export async function loadOgLogo(file: string, setting: string): Promise<OgLogo> {
  if (!existsSync(file)) {
    throw new Error(`The social cards show the site’s logo (publisher.logo "${setting}"), but ${file} does not exist: save the logo there, or correct publisher.logo in the site config.`);
  }
  const png = await sharp(file)
    .resize(OG_LOGO_SIZE * 2, OG_LOGO_SIZE * 2, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  return { png: new Uint8Array(png) };
}

const dataUri = (bytes: Uint8Array): string => {
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  return `data:image/${jpeg ? 'jpeg' : 'png'};base64,${Buffer.from(bytes).toString('base64')}`;
};

interface Element {
  type: string;
  props: { style: Record<string, string | number>; children?: string | Element | Element[]; src?: string; width?: number; height?: number };
}

const element = (type: string, style: Element['props']['style'], children?: Element['props']['children']): Element => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

const image = (bytes: Uint8Array, width: number, height: number, style: Element['props']['style']): Element => ({
  type: 'img',
  props: { src: dataUri(bytes), width, height, style: { width, height, ...style } },
});

const logoElement = (logo: OgLogo, size = OG_LOGO_SIZE): Element => image(logo.png, size, size, { marginRight: Math.round(size / 3) });

/** The card drawn on a cover: the photo fills it, and the text sits on an opaque panel along the bottom. */
function coverTree(card: OgCard, logo: OgLogo, cover: Uint8Array): Element {
  const { cover: colours } = OG_THEME;
  return element('div', { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', fontFamily: OG_THEME.font }, [
    image(cover, OG_WIDTH, OG_HEIGHT, { position: 'absolute', top: 0, left: 0 }),
    element(
      'div',
      {
        // Positioned, like the photo, so it is painted after it: on top.
        position: 'relative',
        display: 'flex',
        flexDirection: 'column',
        width: '100%',
        padding: `${COVER_PADDING.top}px ${COVER_PADDING.x}px ${COVER_PADDING.bottom}px`,
        boxSizing: 'border-box',
        backgroundColor: colours.panel,
        borderLeft: `${BAND}px solid ${OG_THEME.accent}`,
        color: colours.text,
      },
      [
        element('div', { display: 'flex', alignItems: 'center', fontSize: 28, fontWeight: OG_THEME.weights.siteName, letterSpacing: '-0.01em' }, [
          logoElement(logo, COVER_LOGO_SIZE),
          element('div', { display: 'flex' }, card.siteName),
        ]),
        element(
          'div',
          {
            display: 'block',
            marginTop: 14,
            fontSize: Math.min(titleFontSize(card.title), 50),
            fontWeight: OG_THEME.weights.title,
            lineHeight: 1.15,
            letterSpacing: '-0.02em',
            lineClamp: COVER_TITLE_LINES,
          },
          card.title,
        ),
        element('div', { display: 'flex', marginTop: 14, fontSize: 24, fontWeight: OG_THEME.weights.footer, color: colours.muted }, card.footer),
      ],
    ),
  ]);
}

function cardTree(card: OgCard, logo: OgLogo): Element {
  return element(
    'div',
    {
      width: '100%',
      height: '100%',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `${PADDING.y}px ${PADDING.x}px`,
      // Without border-box, the padding pushes text past the right edge.
      boxSizing: 'border-box',
      // Flat colours: a gradient made each card ~170 KB, a flat one ~30 KB, which every build writes.
      backgroundColor: OG_THEME.background,
      borderLeft: `${BAND}px solid ${OG_THEME.accent}`,
      color: OG_THEME.text,
      fontFamily: OG_THEME.font,
    },
    [
      element('div', { display: 'flex', alignItems: 'center', fontSize: 36, fontWeight: OG_THEME.weights.siteName, letterSpacing: '-0.01em' }, [
        logoElement(logo),
        element('div', { display: 'flex' }, card.siteName),
      ]),
      element(
        'div',
        { display: 'block', fontSize: titleFontSize(card.title), fontWeight: OG_THEME.weights.title, lineHeight: 1.15, letterSpacing: '-0.02em', lineClamp: 6 },
        card.title,
      ),
      element('div', { display: 'flex', fontSize: 28, fontWeight: OG_THEME.weights.footer, color: OG_THEME.muted }, card.footer),
    ],
  );
}

/**
 * Draws one card: a PNG, or, on a cover (`card.cover`, whose bytes are `cover`), a JPEG. A card
 * naming a cover is never drawn without it.
 */
export async function renderOgImage(card: OgCard, fonts: OgFont[], logo: OgLogo, cover?: Uint8Array): Promise<Buffer> {
  if (card.cover && !cover) throw new Error(`the card "${card.title}" is drawn on ${card.cover}, which was not given`);
  const tree = card.cover && cover ? coverTree(card, logo, cover) : cardTree(card, logo);
  const svg = await satori(tree as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
  // A photo as PNG is ~1 MB; as JPEG at this quality ~100 KB with the text still crisp.
  return card.cover ? sharp(png).jpeg({ quality: 86, mozjpeg: true }).toBuffer() : png;
}
