// @ts-check
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { readProjectPaths } from './src/config/build-env.ts';
import { atomicOutput } from './src/integrations/atomic-output.ts';
import { commentsSetup } from './src/integrations/comments-setup.ts';
import { draftPreview } from './src/integrations/draft-preview.ts';
import { ogImages } from './src/integrations/og-images.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { seoLint } from './src/integrations/seo-lint.ts';
import { seoSitemap } from './src/integrations/sitemap.ts';
import { siteUrlCheck } from './src/integrations/site-url-check.ts';
import { markdownPipeline } from './src/markdown/pipeline.ts';
import { sitePolicy } from './src/security/csp.ts';
import { urlPolicyOf } from './src/seo/urls.ts';
import { buildEnv, siteConfig } from './src/site.config.ts';

const paths = readProjectPaths(process.env);
const urlPolicy = urlPolicyOf(siteConfig);
const search = siteConfig.features.search ? searchIndex() : undefined;

export default defineConfig({
  // Code always comes from this project, whichever root (ASTRO_ROOT) a test site builds in.
  ...(paths.root ? { root: paths.root } : {}),
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  site: siteConfig.url,
  base: new URL(siteConfig.url).pathname,
  trailingSlash: siteConfig.trailingSlash,
  build: { format: siteConfig.buildFormat, inlineStylesheets: 'never' },
  cacheDir: paths.cacheDir,
  // The strict zod schema is the only frontmatter check; Astro's own telemetry and dev toolbar stay off.
  devToolbar: { enabled: false },
  integrations: [
    siteUrlCheck({ site: siteConfig, preview: buildEnv.preview, env: process.env }),
    draftPreview(),
    commentsSetup({ giscus: siteConfig.giscus }),
    // Once the pages are written, search indexing starts in Pagefind's own process, so it runs on the
    // other core while this one draws OG cards and writes the sitemap and headers. It must end before
    // the SEO lint: the two together would hold both their memory at once (a peak 1.2× a plain build's).
    ...(search ? [search.start] : []),
    // OG cards before the SEO lint, which checks them.
    ...(siteConfig.features.ogImages ? [ogImages({ site: siteConfig, urls: urlPolicy })] : []),
    ...(siteConfig.features.sitemap ? seoSitemap(siteConfig.url) : []),
    securityHeaders({ policy: sitePolicy(siteConfig) }),
    ...(search ? [search.finish] : []),
    ...(siteConfig.features.seoLint ? [seoLint({ config: siteConfig, contentDir: paths.contentDir })] : []),
    // Last: the build writes into dist.staging/, and only once every hook above has passed does it replace dist/.
    atomicOutput(),
  ],
  // Scripts always ship as files under /_astro/, never inlined, so the CSP can stay `script-src 'self'`.
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // Prism emits classes, not inline styles, so the CSP needs no 'unsafe-inline' for code.
    syntaxHighlight: 'prism',
    processor: unified(markdownPipeline(siteConfig, { contentDir: paths.contentDir, publicDir: './public' })),
  },
});
