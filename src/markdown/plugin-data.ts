import type { VFile } from 'vfile';

/**
 * The frontmatter Astro hands to the page as `remarkPluginFrontmatter`: the place where a plugin's
 * results (reading time, outline, excerpt) reach the page, cached by Astro with the rendered HTML.
 */
export function pluginFrontmatter(file: VFile): Record<string, unknown> {
  const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
  data.astro ??= {};
  return (data.astro.frontmatter ??= {});
}
