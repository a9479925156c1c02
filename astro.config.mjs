// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { readProjectPaths } from './src/config/build-env.ts';
import { draftPreview } from './src/integrations/draft-preview.ts';
import { seoLint } from './src/integrations/seo-lint.ts';
import { markdownPipeline } from './src/markdown/pipeline.ts';
import { siteConfig } from './src/site.config.ts';

const paths = readProjectPaths(process.env);

export default defineConfig({
  site: siteConfig.url,
  base: new URL(siteConfig.url).pathname,
  trailingSlash: siteConfig.trailingSlash,
  build: { format: siteConfig.buildFormat, inlineStylesheets: 'never' },
  cacheDir: paths.cacheDir,
  // The strict zod schema is the only frontmatter check; Astro's own telemetry and dev toolbar stay off.
  devToolbar: { enabled: false },
  // The SEO lint checks dist/ after every other integration has written its files (sitemap included).
  integrations: [draftPreview(), sitemap(), seoLint({ config: siteConfig, contentDir: paths.contentDir })],
  // Scripts always ship as files under /_astro/, never inlined, so the CSP can stay `script-src 'self'`.
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // Prism emits classes, not inline styles, so the CSP needs no 'unsafe-inline' for code.
    syntaxHighlight: 'prism',
    processor: unified(markdownPipeline(siteConfig, { contentDir: paths.contentDir, publicDir: './public' })),
  },
});
