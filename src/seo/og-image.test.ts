import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createOgRenderer, ogCacheKey, prepareOgImages } from './og-cache.ts';
import { loadOgFonts, loadOgLogo, OG_HEIGHT, OG_LOGO_BOX, OG_WIDTH, renderOgImage, titleFontSize } from './og-image.ts';
import { OG_THEME } from './og-theme.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const fonts = loadOgFonts(projectRoot);
const logoFile = join(projectRoot, 'public/logo.png');
const logo = await loadOgLogo(logoFile, '/logo.png');
const card = { siteName: 'Urban Haze', title: 'netsession_win.exe blocked by Windows Firewall?', footer: 'Updated 28 November 2026 · urban-haze.example' };

/** The pixels of a square of an image, as RGB. */
async function pixels(image: Buffer | string, box?: { left: number; top: number; size: number }): Promise<Buffer> {
  const picture = box ? sharp(image).extract({ left: box.left, top: box.top, width: box.size, height: box.size }) : sharp(image);
  return picture.flatten({ background: OG_THEME.background }).removeAlpha().raw().toBuffer();
}

/** The mean difference of two same-sized RGB pictures, 0 (identical) to 255. */
const meanDifference = (a: Buffer, b: Buffer) => a.reduce((sum, value, index) => sum + Math.abs(value - b[index]!), 0) / a.length;

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderOgImage', () => {
  it.each([
    { name: 'a short title', title: 'RAW vs JPEG' },
    { name: 'a very long title', title: 'A very long title that keeps going '.repeat(9) },
    { name: 'accented and Cyrillic text', title: 'Café crème, déjà vu and Привет мир' },
  ])('draws $name as a 1200×630 PNG', async ({ title }) => {
    const png = await renderOgImage({ siteName: 'Example', title, footer: '10 March 2026 · example.com' }, fonts, logo);
    expect(pngSize(png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
  });

  it('draws the site’s own logo beside the site name, not a blank square', async () => {
    const drawn = await pixels(await renderOgImage(card, fonts, logo), OG_LOGO_BOX);
    const expected = await sharp(logoFile).resize(OG_LOGO_BOX.size, OG_LOGO_BOX.size).flatten({ background: OG_THEME.background }).removeAlpha().raw().toBuffer();
    const { channels } = await sharp(drawn, { raw: { width: OG_LOGO_BOX.size, height: OG_LOGO_BOX.size, channels: 3 } }).stats();
    // The logo's blue square and white letter, not one flat colour.
    expect(Math.min(...channels.map((channel) => channel.stdev))).toBeGreaterThan(30);
    expect(meanDifference(drawn, expected)).toBeLessThan(6);
  });

  it('draws whatever logo the site has: another logo gives another card', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'og-logo-'));
    const red = join(folder, 'logo.svg');
    writeFileSync(red, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#c00000"/></svg>');
    const redLogo = await loadOgLogo(red, '/logo.svg');
    rmSync(folder, { recursive: true });
    const drawn = await pixels(await renderOgImage(card, fonts, redLogo), OG_LOGO_BOX);
    const centre = ((OG_LOGO_BOX.size / 2) * OG_LOGO_BOX.size + OG_LOGO_BOX.size / 2) * 3;
    expect([...drawn.subarray(centre, centre + 3)]).toEqual([0xc0, 0, 0]);
  });

  it('says which file is missing when the logo is not in public/', async () => {
    await expect(loadOgLogo('/nowhere/public/logo.png', '/logo.png')).rejects.toThrow(
      'The social cards show the site’s logo (publisher.logo "/logo.png"), but /nowhere/public/logo.png does not exist: save the logo there, or correct publisher.logo in the site config.',
    );
  });

  it('shrinks the type as titles grow', () => {
    const sizes = [10, 50, 90, 150, 300].map((length) => titleFontSize('x'.repeat(length)));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(sizes).size).toBe(5);
  });
});

describe('a card drawn on a post’s cover', () => {
  const onCover = { ...card, cover: '_astro/hero.abc.jpg' };
  const photo = (colour: string) => sharp({ create: { width: OG_WIDTH, height: OG_HEIGHT, channels: 3, background: colour } }).jpeg().toBuffer();
  const colourAt = async (image: Buffer, x: number, y: number) => [...(await pixels(image, { left: x, top: y, size: 1 }))];
  const near = (actual: number[], hex: string) => {
    const expected = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
    return actual.every((value, index) => Math.abs(value - expected[index]!) <= 6);
  };

  it('is a 1200×630 JPEG showing the cover above and the title panel below', async () => {
    const drawn = await renderOgImage(onCover, fonts, logo, await photo('#2e7d32'));
    expect(await sharp(drawn).metadata()).toMatchObject({ format: 'jpeg', width: OG_WIDTH, height: OG_HEIGHT });
    expect(near(await colourAt(drawn, 600, 40), '#2e7d32')).toBe(true);
    expect(near(await colourAt(drawn, OG_WIDTH - 8, OG_HEIGHT - 8), OG_THEME.cover.panel)).toBe(true);
  });

  it('puts the text on the same opaque panel over a white photo and a black one, so any cover stays legible', async () => {
    const onWhite = await renderOgImage(onCover, fonts, logo, await photo('#ffffff'));
    const onBlack = await renderOgImage(onCover, fonts, logo, await photo('#000000'));
    // The panel's lower half, where the title and footer are: identical whatever the photo.
    const panel = async (image: Buffer) => sharp(image).extract({ left: 0, top: OG_HEIGHT - 160, width: OG_WIDTH, height: 160 }).raw().toBuffer();
    expect(meanDifference(await panel(onWhite), await panel(onBlack))).toBeLessThan(1);
    expect(near(await colourAt(onWhite, 600, 40), '#ffffff') && near(await colourAt(onBlack, 600, 40), '#000000')).toBe(true);
  });

  it('refuses to draw a card that names a cover it was not given', async () => {
    await expect(renderOgImage(onCover, fonts, logo)).rejects.toThrow('is drawn on _astro/hero.abc.jpg, which was not given');
  });
});

describe('the card colours', () => {
  // WCAG 2.2 contrast ratio of two #rrggbb colours.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  };

  it.each([
    { name: 'the title on the card', text: OG_THEME.text, background: OG_THEME.background },
    { name: 'the date line on the card', text: OG_THEME.muted, background: OG_THEME.background },
    { name: 'the title on a cover’s panel', text: OG_THEME.cover.text, background: OG_THEME.cover.panel },
    { name: 'the date line on a cover’s panel', text: OG_THEME.cover.muted, background: OG_THEME.cover.panel },
  ])('give $name at least the 4.5:1 contrast of WCAG AA', ({ text, background }) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the OG image cache', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
  const cards = [
    { siteName: 'Example', title: 'First', footer: 'one' },
    { siteName: 'Example', title: 'Second', footer: 'two' },
  ];

  it('draws each card once and serves it from the cache afterwards', async () => {
    const renderer = createOgRenderer(projectRoot, cacheDir, logo);
    const drawings = cards.map((card) => ({ card }));
    expect(await prepareOgImages(renderer, drawings)).toMatchObject({ total: 2, rendered: 2, cached: 0 });
    expect(await prepareOgImages(renderer, drawings)).toMatchObject({ total: 2, rendered: 0, cached: 2 });
    expect(readdirSync(join(cacheDir, 'og-images')).filter((file) => file.endsWith('.png'))).toHaveLength(2);
  });

  it('draws every card again when the logo changes', () => {
    const other = { png: new Uint8Array(readFileSync(join(projectRoot, 'public/apple-touch-icon.png'))) };
    expect(createOgRenderer(projectRoot, cacheDir, other).fingerprint).not.toBe(createOgRenderer(projectRoot, cacheDir, logo).fingerprint);
  });

  it('changes the key when anything shown on the card or the template changes', () => {
    const first = cards[0]!;
    const base = ogCacheKey({ card: first }, 'fingerprint-1');
    expect(ogCacheKey({ card: { ...first, title: 'First!' } }, 'fingerprint-1')).not.toBe(base);
    expect(ogCacheKey({ card: { ...first, footer: 'changed' } }, 'fingerprint-1')).not.toBe(base);
    expect(ogCacheKey({ card: first }, 'fingerprint-2')).not.toBe(base);
    expect(ogCacheKey({ card: { ...first } }, 'fingerprint-1')).toBe(base);
  });

  it('changes the key when a cover is replaced by another photo under the same file name', () => {
    const card = { ...cards[0]!, cover: '_astro/hero.abc.jpg' };
    expect(ogCacheKey({ card, cover: new Uint8Array([1, 2, 3]) }, 'f')).not.toBe(ogCacheKey({ card, cover: new Uint8Array([1, 2, 4]) }, 'f'));
  });
});
