import type { APIRoute } from 'astro';
import { absolute, buildEnv, siteConfig } from '../site/site.ts';
import { robotsTxt } from '../seo/robots.ts';
import { routes } from '../seo/urls.ts';

export const GET: APIRoute = () =>
  new Response(robotsTxt({
    preview: buildEnv.preview,
    sitemapUrl: siteConfig.features.sitemap && !buildEnv.preview ? absolute(routes.sitemap) : undefined,
  }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
