import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import { getPublishedPosts } from '../site/posts.ts';
import { absolute, siteConfig } from '../site/site.ts';
import { assertNoContentProblems } from '../markdown/content-problems.ts';
import { feedContent } from '../seo/feed-html.ts';
import { feedItemFields } from '../seo/feed-item.ts';
import { routes } from '../seo/urls.ts';

/** The full-content feed of listed posts in list order (freshest first), with the same canonical URLs as the pages. */
export const GET: APIRoute = async () => {
  const { listed } = await getPublishedPosts();
  const container = await AstroContainer.create();
  const items = await Promise.all(
    listed.slice(0, siteConfig.feedItems).map(async (post) => {
      const { Content, remarkPluginFrontmatter } = await render(post);
      // The feed never carries a post its page refuses, whichever of the two is built first.
      assertNoContentProblems(remarkPluginFrontmatter);
      const html = await container.renderToString(Content);
      return {
        ...feedItemFields(post.data, absolute(routes.post(post.id)), siteConfig.timezone),
        content: feedContent(html, siteConfig.url),
      };
    }),
  );
  return rss({
    title: siteConfig.title,
    description: siteConfig.description,
    site: absolute(routes.home),
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${siteConfig.language}</language><atom:link href="${absolute(routes.feed)}" rel="self" type="application/rss+xml"/>`,
  });
};
