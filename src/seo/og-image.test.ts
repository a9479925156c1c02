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

describe('the OG image cache', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
  const cards = [
    { siteName: 'Example', title: 'First', footer: 'one' },
    { siteName: 'Example', title: 'Second', footer: 'two' },
  ];

  it('draws each card once and serves it from the cache afterwards', async () => {
    const renderer = createOgRenderer(projectRoot, cacheDir, logo);
    expect(await prepareOgImages(renderer, cards)).toMatchObject({ total: 2, rendered: 2, cached: 0 });
    expect(await prepareOgImages(renderer, cards)).toMatchObject({ total: 2, rendered: 0, cached: 2 });
    expect(readdirSync(join(cacheDir, 'og-images')).filter((file) => file.endsWith('.png'))).toHaveLength(2);
  });

  it('draws every card again when the logo changes', () => {
    const other = { png: new Uint8Array(readFileSync(join(projectRoot, 'public/apple-touch-icon.png'))) };
    expect(createOgRenderer(projectRoot, cacheDir, other).fingerprint).not.toBe(createOgRenderer(projectRoot, cacheDir, logo).fingerprint);
  });

  it('changes the key when anything shown on the card or the template changes', () => {
    const base = ogCacheKey(cards[0]!, 'fingerprint-1');
    expect(ogCacheKey({ ...cards[0]!, title: 'First!' }, 'fingerprint-1')).not.toBe(base);
    expect(ogCacheKey({ ...cards[0]!, footer: 'changed' }, 'fingerprint-1')).not.toBe(base);
    expect(ogCacheKey(cards[0]!, 'fingerprint-2')).not.toBe(base);
    expect(ogCacheKey({ ...cards[0]! }, 'fingerprint-1')).toBe(base);
  });
});
