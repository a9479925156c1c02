import type { AstroIntegration } from 'astro';
import type { GiscusConfig } from '../config/site-schema.ts';
import { giscusSetupWarnings } from '../social/giscus.ts';

/**
 * Says once per build when comments are off or keyed to something that changes; when they are
 * off, the giscus bundle is left out of the build altogether.
 */
export function commentsSetup(options: { giscus: GiscusConfig | undefined }): AstroIntegration {
  return {
    name: 'urban-haze:comments',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.COMMENTS_ENABLED': JSON.stringify(options.giscus !== undefined) } } });
      },
      'astro:build:start': ({ logger }) => {
        for (const warning of giscusSetupWarnings(options.giscus)) logger.warn(warning);
      },
    },
  };
}
