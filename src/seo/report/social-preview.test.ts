import { describe, expect, it } from 'vitest';
import { readPageFacts } from '../lint/page-facts.ts';
import { centredCrop, chatPreview, facebookPreview, socialPreviews, xPreview } from './social-preview.ts';
import { graphemes } from './text-fit.ts';

const site = { title: 'Urban Haze' };
const url = 'https://urban-haze.example/posts/city-haze/';

/** The tags this site's head emits for a post (src/seo/head.ts), overridable one by one; `null` leaves a tag out. */
function page(tags: Record<string, string | null> = {}, title: string | null = 'City haze · Urban Haze') {
  const all: Record<string, string | null> = {
    description: 'Why the sky over a city turns orange at dusk.',
    'og:title': 'City haze',
    'og:description': 'Why the sky over a city turns orange at dusk.',
    'og:url': url,
    'og:site_name': 'Urban Haze',
    'og:image': 'https://urban-haze.example/og/posts/city-haze.png',
    'og:image:width': '1200',
    'og:image:height': '630',
    'og:image:alt': 'An orange sky over roofs',
    'twitter:card': 'summary_large_image',
    'twitter:image:alt': 'An orange sky over roofs',
    ...tags,
  };
  const metas = Object.entries(all)
    .filter(([, content]) => content !== null)
    .map(([key, content]) => (key.startsWith('og:') ? `<meta property="${key}" content="${content}">` : `<meta name="${key}" content="${content}">`))
    .join('');
  return readPageFacts(`<html lang="en-GB"><head>${title === null ? '' : `<title>${title}</title>`}${metas}</head></html>`, 'posts/city-haze/index.html', url);
}

const sized = (width: number, height: number) => page({ 'og:image:width': String(width), 'og:image:height': String(height) });

describe('what each network crops from og:image', () => {
  it.each([
    // X large card, 2:1, centred.
    { network: 'x', width: 1200, height: 630, layout: 'large', crop: { x: 0, y: 15, width: 1200, height: 600 } },
    { network: 'x', width: 1200, height: 1200, layout: 'large', crop: { x: 0, y: 300, width: 1200, height: 600 } },
    { network: 'x', width: 800, height: 200, layout: 'large', crop: { x: 200, y: 0, width: 400, height: 200 } },
    // Facebook/LinkedIn, 1.91:1; smaller than 600 x 315 becomes a square thumbnail.
    { network: 'facebook', width: 1200, height: 630, layout: 'large', crop: { x: 0, y: 1, width: 1200, height: 628 } },
    { network: 'facebook', width: 1200, height: 1200, layout: 'large', crop: { x: 0, y: 286, width: 1200, height: 628 } },
    { network: 'facebook', width: 800, height: 200, layout: 'thumbnail', crop: { x: 300, y: 0, width: 200, height: 200 } },
    // Chat unfurls scale the whole image down instead.
    { network: 'chat', width: 1200, height: 630, layout: 'thumbnail', crop: { x: 0, y: 0, width: 1200, height: 630 }, display: { width: 400, height: 210 } },
    { network: 'chat', width: 1200, height: 1200, layout: 'thumbnail', crop: { x: 0, y: 0, width: 1200, height: 1200 }, display: { width: 300, height: 300 } },
    { network: 'chat', width: 800, height: 200, layout: 'thumbnail', crop: { x: 0, y: 0, width: 800, height: 200 }, display: { width: 400, height: 100 } },
  ])('$network shows $width x $height as $layout, cropped to $crop.width x $crop.height', ({ network, width, height, layout, crop, display }) => {
    const preview = socialPreviews(sized(width, height), site).find((each) => each.network === network)!;
    expect(preview.image).toMatchObject({ layout, crop, size: { width, height } });
    expect(preview.image!.cropped).toBe(crop.width < width || crop.height < height);
    if (display) expect(preview.image!.display).toEqual(display);
  });

  it('uses the real file size over og:image:width/height when it is given', () => {
    expect(xPreview(sized(1200, 630), { imageSize: { width: 1200, height: 1200 } }).image!.crop).toEqual({ x: 0, y: 300, width: 1200, height: 600 });
  });

  it.each([
    { network: 'x', width: 299, height: 200, note: /smaller than 300 x 157/ },
    { network: 'facebook', width: 199, height: 199, note: /smaller than 200 x 200/ },
  ])('$network shows no image when it is below the minimum ($width x $height)', ({ network, width, height, note }) => {
    const preview = socialPreviews(sized(width, height), site).find((each) => each.network === network)!;
    expect(preview.image).toMatchObject({ layout: 'none', crop: undefined });
    expect(preview.notes.join('\n')).toMatch(note);
  });

  it('cannot say what is cropped when the size is unknown', () => {
    const preview = facebookPreview(page({ 'og:image:width': null, 'og:image:height': null }));
    expect(preview.image).toMatchObject({ size: undefined, crop: undefined });
  });

  it('resolves a relative og:image against the page', () => {
    expect(xPreview(page({ 'og:image': '/og/a.png' })).image!.url).toBe('https://urban-haze.example/og/a.png');
  });

  it('is a centred crop of the largest box of the ratio', () => {
    expect(centredCrop(1000, 1000, 1.91)).toEqual({ x: 0, y: 238, width: 1000, height: 524 });
  });
});

describe('what each network truncates', () => {
  const longTitle = 'How the haze over a city changes the colour of its sunsets, and what each colour says about tomorrow';
  const longDescription = `${'Dust, exhaust and sea salt each scatter the evening light their own way. '.repeat(6)}`.trim();

  it.each([
    { network: 'x', titleMax: 70, descriptionMax: undefined },
    { network: 'facebook', titleMax: 88, descriptionMax: 110 },
    { network: 'chat', titleMax: 256, descriptionMax: 350 },
  ])('$network cuts the title at $titleMax characters and the description at $descriptionMax', ({ network, titleMax, descriptionMax }) => {
    const preview = socialPreviews(page({ 'og:title': longTitle, 'og:description': longDescription }), site).find((each) => each.network === network)!;
    expect(graphemes(preview.title!.shown).length).toBeLessThanOrEqual(titleMax);
    expect(preview.title!.truncated).toBe(graphemes(longTitle).length > titleMax);
    if (descriptionMax === undefined) expect(preview.description).toBeUndefined();
    else {
      expect(preview.description!.truncated).toBe(true);
      // Cut after a whole word: what is kept is the start of the text, and a space follows it there.
      const kept = preview.description!.shown.replace(/ ?…$/, '');
      expect(longDescription.startsWith(kept)).toBe(true);
      expect(longDescription.charAt(kept.length)).toBe(' ');
      expect(graphemes(preview.description!.shown).length).toBeLessThanOrEqual(descriptionMax);
    }
  });

  it.each([
    { case: 'emoji', title: `Sunsets ${'🌇'.repeat(80)}` },
    { case: 'CJK', title: '都市の霞'.repeat(30) },
    { case: 'RTL', title: 'שקיעה מעל העיר '.repeat(10) },
  ])('cuts a $case title on whole graphemes', ({ title }) => {
    const shown = xPreview(page({ 'og:title': title })).title!;
    expect(shown.truncated).toBe(true);
    expect(graphemes(shown.shown).length).toBeLessThanOrEqual(70);
    const whole = new Set(graphemes(title));
    for (const part of graphemes(shown.shown.replace(/ ?…$/, ''))) expect(whole.has(part)).toBe(true);
  });

  it('shows the description on a small X summary card', () => {
    expect(xPreview(page({ 'twitter:card': 'summary' })).description!.shown).toBe('Why the sky over a city turns orange at dusk.');
  });
});

describe('the domain line', () => {
  it.each([
    { network: 'x', domain: 'urban-haze.example' },
    { network: 'facebook', domain: 'URBAN-HAZE.EXAMPLE' },
    { network: 'chat', domain: 'Urban Haze' },
  ])('$network shows "$domain"', ({ network, domain }) => {
    expect(socialPreviews(page(), site).find((each) => each.network === network)!.domain).toBe(domain);
  });

  it('a chat unfurl shows the domain when og:site_name is missing, and says so', () => {
    const preview = chatPreview(page({ 'og:site_name': null }), site);
    expect(preview.domain).toBe('urban-haze.example');
    expect(preview.notes).toContain('No og:site_name: the unfurl shows the domain instead of "Urban Haze".');
  });
});

describe('fallbacks when tags are missing', () => {
  it.each([
    { case: 'twitter:title is used first', tags: { 'twitter:title': 'X title' }, title: 'X title', source: 'twitter:title' },
    { case: 'og:title when there is no twitter:title', tags: {}, title: 'City haze', source: 'og:title' },
    { case: '<title> when there is neither', tags: { 'og:title': null }, title: 'City haze · Urban Haze', source: '<title>' },
  ])('X takes the title from $case', ({ tags, title, source }) => {
    expect(xPreview(page(tags)).title).toMatchObject({ shown: title, source });
  });

  it.each([
    { network: 'x', tags: { 'og:description': null }, source: 'description' },
    { network: 'facebook', tags: { 'og:description': null }, source: 'description' },
    { network: 'chat', tags: { 'og:description': null, 'twitter:description': 'From X' }, source: 'twitter:description' },
  ])('$network falls back to $source for the description', ({ network, tags, source }) => {
    const preview = socialPreviews(page({ 'twitter:card': 'summary', ...tags }), site).find((each) => each.network === network)!;
    expect(preview.description!.source).toBe(source);
  });

  it('X takes the image from og:image when there is no twitter:image, and notes the fallbacks', () => {
    const preview = xPreview(page());
    expect(preview.image!.source).toBe('og:image');
    expect(preview.notes).toEqual(['No twitter:title: the title comes from og:title.', 'No twitter:image: the image comes from og:image.']);
  });

  it('X shows a small summary card when the page names no card type', () => {
    const preview = xPreview(page({ 'twitter:card': null }));
    expect(preview.card).toBe('summary');
    expect(preview.image!.layout).toBe('thumbnail');
    expect(preview.notes).toContain('No twitter:card: X shows a small summary card unless the page asks for summary_large_image.');
  });

  it.each([
    { network: 'x' },
    { network: 'facebook' },
    { network: 'chat' },
  ])('$network has no title, no description and no image when the page has none of the tags', ({ network }) => {
    const bare = page({ description: null, 'og:title': null, 'og:description': null, 'og:image': null, 'og:site_name': null }, null);
    const preview = socialPreviews(bare, site).find((each) => each.network === network)!;
    expect(preview).toMatchObject({ title: undefined, description: undefined, image: undefined });
    expect(preview.notes.some((note) => note.startsWith('No title:'))).toBe(true);
  });
});
