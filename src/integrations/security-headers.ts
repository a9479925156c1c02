import { existsSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import type { CspDirectives } from '../security/csp.ts';
import { renderHeadersFile, securityHeaderRules } from '../security/headers.ts';

/**
 * Writes dist/_headers from the one policy (src/security/csp.ts), and tells pages whether to
 * carry the `<meta>` fallback: only in a build, because `astro dev` injects inline styles.
 */
export function securityHeaders(options: { policy: CspDirectives }): AstroIntegration {
  let assets = { dir: '_astro', base: '/' };
  return {
    name: 'urban-haze:security-headers',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.SECURITY_POLICY_META': JSON.stringify(command === 'build') } } });
      },
      'astro:config:done': ({ config }) => {
        assets = { dir: config.build.assets, base: config.base };
      },
      'astro:build:done': ({ dir, logger }) => {
        const target = new URL('_headers', dir);
        // dist/ starts empty, so a _headers file here was copied from public/.
        if (existsSync(target)) {
          logger.warn('public/_headers is replaced by the generated one; put header changes in src/security/headers.ts and delete public/_headers.');
        }
        writeFileSync(target, renderHeadersFile(securityHeaderRules(options.policy, assets)));
        logger.info('_headers written (Content-Security-Policy and security headers for Netlify and Cloudflare Pages)');
      },
    },
  };
}
