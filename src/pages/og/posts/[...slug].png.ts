import type { APIRoute, GetStaticPaths } from 'astro';
import { needsGeneratedCard, ogRenderer, postCard } from '../../../lib/og.ts';
import { getPublishedPosts } from '../../../lib/posts.ts';
import { siteConfig } from '../../../lib/site.ts';
import { ogImage, prepareOgImages } from '../../../seo/og-cache.ts';
import type { OgCard } from '../../../seo/og-image.ts';

export const getStaticPaths = (async () => {
  if (!siteConfig.features.ogImages) return [];
  const { pages } = await getPublishedPosts();
  const posts = pages.filter(needsGeneratedCard);
  const cards = posts.map(postCard);
  const stats = await prepareOgImages(ogRenderer(), cards);
  console.log(`[og-images] ${stats.total} cards: ${stats.rendered} rendered, ${stats.cached} from cache (${stats.milliseconds} ms)`);
  return posts.map((post, index) => ({ params: { slug: post.id }, props: { card: cards[index]! } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const { png } = await ogImage(ogRenderer(), props.card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
