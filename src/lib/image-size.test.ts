import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageSize } from './image-size.ts';

const blank = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

describe('readImageSize', () => {
  it.each([
    { format: 'png', encode: (image: Sharp) => image.png() },
    { format: 'jpeg', encode: (image: Sharp) => image.jpeg() },
    { format: 'jpeg', encode: (image: Sharp) => image.jpeg({ progressive: true }) },
    { format: 'gif', encode: (image: Sharp) => image.gif() },
    { format: 'webp', encode: (image: Sharp) => image.webp() },
    { format: 'webp', encode: (image: Sharp) => image.webp({ lossless: true }) },
  ] as const)('reads the size of a $format file written by sharp', async ({ format, encode }) => {
    const bytes = await encode(blank(1200, 630)).toBuffer();
    expect(readImageSize(bytes)).toEqual({ width: 1200, height: 630, format });
  });

  it.each([
    { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="480"></svg>', size: [800, 480] },
    { svg: '<?xml version="1.0"?>\n<svg viewBox="0 0 400 300" xmlns="http://www.w3.org/2000/svg"/>', size: [400, 300] },
    { svg: '<svg width="200px" viewBox="0 0 400 300"/>', size: [200, 150] },
  ])('reads an SVG’s size from width/height or its viewBox: $svg', ({ svg, size }) => {
    expect(readImageSize(new TextEncoder().encode(svg))).toEqual({ width: size[0], height: size[1], format: 'svg' });
  });

  it('returns undefined for a file that is not an image', () => {
    expect(readImageSize(new TextEncoder().encode('<!doctype html><title>x</title>'))).toBeUndefined();
    expect(readImageSize(new Uint8Array([0x89, 0x50]))).toBeUndefined();
  });
});
