import type { APIRoute } from 'astro';
import { getPublishedPosts } from '../site/posts.ts';
import { absolute, siteConfig } from '../site/site.ts';
import { siteLlmsTxt } from '../seo/llms-txt.ts';
import { routes } from '../seo/urls.ts';

/** /llms.txt: the listed posts (the one publishing rule: no draft, scheduled or noindex post) at their canonical URLs. */
export const GET: APIRoute = async () => {
  const { listed } = await getPublishedPosts();
  const text = siteLlmsTxt({
    site: siteConfig,
    posts: listed.map((post) => ({ title: post.data.title, url: absolute(routes.post(post.id)), description: post.data.description })),
    optional: [
      { title: `About ${siteConfig.title}`, url: absolute(routes.about) },
      { title: 'Archive', url: absolute(routes.archive), notes: 'every post by year' },
    ],
  });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
