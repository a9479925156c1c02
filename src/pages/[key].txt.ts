import type { APIRoute, GetStaticPaths } from 'astro';
import { siteConfig } from '../site/site.ts';

// The IndexNow key file, /<key>.txt, holding the key alone: search engines fetch it to check that a
// submission comes from the site's owner. Built only when a key is set (indexNow.key or INDEXNOW_KEY).
// Not a page, so the sitemap, the feed and search never list it.
export const getStaticPaths = (() => {
  const { key } = siteConfig.indexNow;
  return key ? [{ params: { key } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(params.key, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
