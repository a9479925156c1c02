// The owner's pages (content/pages/) for the templates; the loaders have already checked them.
import { getEntry, render } from 'astro:content';

/** The About page's entry and rendered text; its loader stops the build when about.md is missing. */
export async function getAboutPage() {
  const entry = await getEntry('about', 'about');
  if (!entry) throw new Error('content/pages/about.md was not loaded; the about collection should have refused to build without it');
  return { data: entry.data, ...(await render(entry)) };
}

/** The promo note, or undefined when the site shows none (site config `promo: false`). */
export async function getPromoNote() {
  const entry = await getEntry('promo', 'promo');
  return entry && { data: entry.data, ...(await render(entry)) };
}
