import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOgRenderer, ogCacheKey, prepareOgImages } from './og-cache.ts';
import { loadOgFonts, OG_HEIGHT, OG_WIDTH, renderOgImage, titleFontSize } from './og-image.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const fonts = loadOgFonts(projectRoot);

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
    const png = await renderOgImage({ siteName: 'Example', title, footer: '10 March 2026 · example.com' }, fonts);
    expect(pngSize(png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
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
    const renderer = createOgRenderer(projectRoot, cacheDir);
    expect(await prepareOgImages(renderer, cards)).toMatchObject({ total: 2, rendered: 2, cached: 0 });
    expect(await prepareOgImages(renderer, cards)).toMatchObject({ total: 2, rendered: 0, cached: 2 });
    expect(readdirSync(join(cacheDir, 'og-images')).filter((file) => file.endsWith('.png'))).toHaveLength(2);
  });

  it('changes the key when anything shown on the card or the template changes', () => {
    const base = ogCacheKey(cards[0]!, 'fingerprint-1');
    expect(ogCacheKey({ ...cards[0]!, title: 'First!' }, 'fingerprint-1')).not.toBe(base);
    expect(ogCacheKey({ ...cards[0]!, footer: 'changed' }, 'fingerprint-1')).not.toBe(base);
    expect(ogCacheKey(cards[0]!, 'fingerprint-2')).not.toBe(base);
    expect(ogCacheKey({ ...cards[0]! }, 'fingerprint-1')).toBe(base);
  });
});
