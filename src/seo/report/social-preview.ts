// How a built page looks when shared: as an X card, a Facebook/LinkedIn link post and a chat unfurl
// (Slack, Discord). For each, which tags it reads (falling back as that network does when one is missing),
// the part of og:image it shows, and what it cuts from the title and description. Pure: facts in, model out.
import { firstMeta } from '../lint/rules/helpers.ts';
import type { PageFacts } from '../lint/types.ts';
import { urlCrumbs } from './serp-preview.ts';
import { fitCharacters, type FittedText } from './text-fit.ts';

// Every limit the previews use, and where it comes from. "Observed" values are not published by the
// network: they are what its cards are commonly reported to show today (not measured here), and may change
// without notice.
export const SOCIAL_LIMITS = {
  x: {
    // developer.x.com, Cards › Summary card with large image: "aspect ratio of 2:1 with minimum dimensions
    // of 300x157"; Summary card: "aspect ratio of 1:1 with minimum dimensions of 144x144".
    large: { aspect: 2, minWidth: 300, minHeight: 157 },
    summary: { aspect: 1, minWidth: 144, minHeight: 144 },
    // developer.x.com, Cards › Markup: twitter:title "max 70 characters", twitter:description "max 200 characters".
    titleChars: 70,
    descriptionChars: 200,
    // Observed since October 2023: a large card shows the title over the image and no description.
    largeShowsDescription: false,
  },
  facebook: {
    // Facebook Sharing best practices: link images show at 1.91:1; "minimum allowed image dimension is
    // 200 x 200"; smaller than 600 x 315 shows as a small square beside the text (LinkedIn alike: 1200 x 627).
    aspect: 1.91,
    largeMinWidth: 600,
    largeMinHeight: 315,
    minSide: 200,
    // Observed: the title wraps to two lines (about 88 characters) and the description to one (about 110).
    titleChars: 88,
    descriptionChars: 110,
  },
  chat: {
    // Discord developer docs, Embed limits: title 256 characters. Observed: an unfurled page's description
    // is cut at about 350 characters, and Slack's no later.
    titleChars: 256,
    descriptionChars: 350,
    // Observed: the image is scaled down to fit about 400 x 300 px, never cropped.
    imageBox: { width: 400, height: 300 },
  },
} as const;

export type SocialNetwork = 'x' | 'facebook' | 'chat';

/** A rectangle in the image's own pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SocialImagePreview {
  url: string;
  alt: string | undefined;
  /** Where the URL came from (twitter:image, og:image). */
  source: string;
  /** The image's size, when known (the file itself, else og:image:width/height). */
  size: { width: number; height: number } | undefined;
  /** How it is shown: across the card, as a small thumbnail, or not at all (too small). */
  layout: 'large' | 'thumbnail' | 'none';
  /** The part of the image that stays visible; undefined when the size is unknown. */
  crop: Box | undefined;
  /** Whether anything is cut off. */
  cropped: boolean;
  /** Size drawn on screen, for networks that scale rather than crop. */
  display?: { width: number; height: number };
}

export interface SocialText extends FittedText {
  /** The tag it came from (e.g. "og:title", "<title>"). */
  source: string;
}

export interface SocialPreview {
  network: SocialNetwork;
  /** X's card type, as the page asks for it (or the default). */
  card?: 'summary_large_image' | 'summary';
  /** The site line: "urban-haze.example" (X), "URBAN-HAZE.EXAMPLE" (Facebook), the site name (chat). */
  domain: string;
  title: SocialText | undefined;
  /** Undefined when the page has none, or the network does not show one. */
  description: SocialText | undefined;
  image: SocialImagePreview | undefined;
  /** Fallbacks taken and things to know, in words for the owner. */
  notes: string[];
}

export interface SocialSite {
  /** Site name (site config `title`). */
  title: string;
}

export interface SocialOptions {
  /** The og:image's real size (read from the file in dist/); og:image:width/height otherwise. */
  imageSize?: { width: number; height: number } | undefined;
}

/** The first tag present (and not blank) of `keys`, read as the network reads them, with its name. */
function firstOf(page: PageFacts, keys: readonly string[]): { value: string; source: string } | undefined {
  for (const key of keys) {
    const value = key === '<title>' ? page.titles[0] : firstMeta(page, key);
    if (value !== undefined && value.trim() !== '') return { value: value.trim(), source: key };
  }
  return undefined;
}

function text(found: { value: string; source: string } | undefined, max: number): SocialText | undefined {
  return found && { ...fitCharacters(found.value, max), source: found.source };
}

/** The largest box of `aspect` (width ÷ height) centred in the image: what a network that fills its frame shows. */
export function centredCrop(width: number, height: number, aspect: number): Box {
  if (width / height > aspect) {
    const cropWidth = Math.round(height * aspect);
    return { x: Math.floor((width - cropWidth) / 2), y: 0, width: cropWidth, height };
  }
  const cropHeight = Math.round(width / aspect);
  return { x: 0, y: Math.floor((height - cropHeight) / 2), width, height: cropHeight };
}

/** The image scaled down (never up) to fit a box, nothing cut. */
export function fitInside(width: number, height: number, box: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, box.width / width, box.height / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

function imageSizeOf(page: PageFacts, options: SocialOptions): { width: number; height: number } | undefined {
  if (options.imageSize) return options.imageSize;
  const width = Number(firstMeta(page, 'og:image:width'));
  const height = Number(firstMeta(page, 'og:image:height'));
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** The image a network shows, how, and which part of it. */
function imagePreview(
  page: PageFacts,
  keys: readonly string[],
  altKeys: readonly string[],
  options: SocialOptions,
  layoutOf: (size: { width: number; height: number }) => { layout: SocialImagePreview['layout']; aspect?: number; box?: { width: number; height: number } },
): SocialImagePreview | undefined {
  const found = firstOf(page, keys);
  if (!found) return undefined;
  const size = imageSizeOf(page, options);
  const base = { url: absolute(found.value, page.url), alt: firstOf(page, altKeys)?.value, source: found.source, size };
  if (!size) return { ...base, layout: 'large', crop: undefined, cropped: false };
  const { layout, aspect, box } = layoutOf(size);
  if (layout === 'none') return { ...base, layout, crop: undefined, cropped: false };
  const crop = aspect === undefined ? { x: 0, y: 0, ...size } : centredCrop(size.width, size.height, aspect);
  const cropped = crop.width < size.width || crop.height < size.height;
  return { ...base, layout, crop, cropped, ...(box ? { display: fitInside(size.width, size.height, box) } : {}) };
}

const hostOf = (page: PageFacts) => urlCrumbs(firstMeta(page, 'og:url') ?? page.url)[0]!;

function fallbackNotes(found: Record<string, SocialText | SocialImagePreview | undefined>, wanted: Record<string, string>): string[] {
  return Object.entries(wanted).flatMap(([field, tag]) => {
    const value = found[field];
    if (value === undefined) return [`No ${field}: the page has no ${tag} or the tags it falls back to.`];
    return value.source === tag ? [] : [`No ${tag}: the ${field} comes from ${value.source}.`];
  });
}

/** An X card: twitter:* tags first, then Open Graph, then the page's own title and description. */
export function xPreview(page: PageFacts, options: SocialOptions = {}): SocialPreview {
  const limits = SOCIAL_LIMITS.x;
  const declared = firstMeta(page, 'twitter:card');
  // Without twitter:card (or with a type this preview does not draw) X shows the small summary card.
  const card = declared === 'summary_large_image' ? 'summary_large_image' : 'summary';
  const frame = card === 'summary' ? limits.summary : limits.large;
  const title = text(firstOf(page, ['twitter:title', 'og:title', '<title>']), limits.titleChars);
  const description = text(firstOf(page, ['twitter:description', 'og:description', 'description']), limits.descriptionChars);
  const image = imagePreview(page, ['twitter:image', 'og:image'], ['twitter:image:alt', 'og:image:alt'], options, (size) =>
    size.width < frame.minWidth || size.height < frame.minHeight
      ? { layout: 'none' }
      : { layout: card === 'summary' ? 'thumbnail' : 'large', aspect: frame.aspect },
  );
  const showsDescription = card === 'summary' || limits.largeShowsDescription;
  const notes = fallbackNotes(
    { title, image, ...(showsDescription ? { description } : {}) },
    { title: 'twitter:title', ...(showsDescription ? { description: 'twitter:description' } : {}), image: 'twitter:image' },
  );
  if (declared === undefined) notes.push('No twitter:card: X shows a small summary card unless the page asks for summary_large_image.');
  if (image?.layout === 'none') notes.push(`The image is smaller than ${frame.minWidth} x ${frame.minHeight}, so X shows the card without it.`);
  return {
    network: 'x',
    card,
    domain: hostOf(page),
    title,
    description: showsDescription ? description : undefined,
    image,
    notes,
  };
}

/** A Facebook (or LinkedIn) link post: Open Graph first, then the page's own title and description. */
export function facebookPreview(page: PageFacts, options: SocialOptions = {}): SocialPreview {
  const limits = SOCIAL_LIMITS.facebook;
  const title = text(firstOf(page, ['og:title', '<title>']), limits.titleChars);
  const description = text(firstOf(page, ['og:description', 'description']), limits.descriptionChars);
  const image = imagePreview(page, ['og:image'], ['og:image:alt'], options, (size) => {
    if (size.width < limits.minSide || size.height < limits.minSide) return { layout: 'none' };
    const large = size.width >= limits.largeMinWidth && size.height >= limits.largeMinHeight;
    return large ? { layout: 'large', aspect: limits.aspect } : { layout: 'thumbnail', aspect: 1 };
  });
  const notes = fallbackNotes({ title, description, image }, { title: 'og:title', description: 'og:description', image: 'og:image' });
  if (image?.layout === 'none') notes.push(`The image is smaller than ${limits.minSide} x ${limits.minSide}, so Facebook shows none.`);
  if (image?.layout === 'thumbnail') notes.push(`The image is smaller than ${limits.largeMinWidth} x ${limits.largeMinHeight}, so it shows as a small square beside the text.`);
  return { network: 'facebook', domain: hostOf(page).toUpperCase(), title, description, image, notes };
}

/** A Slack or Discord unfurl: Open Graph first, then twitter:*, then the page's own tags; the image scaled, not cropped. */
export function chatPreview(page: PageFacts, site: SocialSite, options: SocialOptions = {}): SocialPreview {
  const limits = SOCIAL_LIMITS.chat;
  const title = text(firstOf(page, ['og:title', 'twitter:title', '<title>']), limits.titleChars);
  const description = text(firstOf(page, ['og:description', 'twitter:description', 'description']), limits.descriptionChars);
  const image = imagePreview(page, ['og:image', 'twitter:image'], ['og:image:alt', 'twitter:image:alt'], options, () => ({ layout: 'thumbnail', box: limits.imageBox }));
  const notes = fallbackNotes({ title, description, image }, { title: 'og:title', description: 'og:description', image: 'og:image' });
  const siteName = firstMeta(page, 'og:site_name')?.trim();
  if (!siteName) notes.push(`No og:site_name: the unfurl shows the domain instead of "${site.title}".`);
  return { network: 'chat', domain: siteName || hostOf(page), title, description, image, notes };
}

/** The page as each network shows it. */
export function socialPreviews(page: PageFacts, site: SocialSite, options: SocialOptions = {}): SocialPreview[] {
  return [xPreview(page, options), facebookPreview(page, options), chatPreview(page, site, options)];
}
