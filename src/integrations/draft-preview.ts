import type { AstroIntegration } from 'astro';

/**
 * Tells the pages whether unpublished posts may be built: only under `astro dev`, decided
 * by the command itself. (`import.meta.env.DEV` is not enough: it is true in a build run with
 * NODE_ENV=test, which would publish drafts.)
 */
export function draftPreview(): AstroIntegration {
  return {
    name: 'urban-haze:draft-preview',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { 'import.meta.env.PREVIEW_UNPUBLISHED': JSON.stringify(command === 'dev') } },
        });
      },
    },
  };
}
