import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { displayPath } from '../lib/files.ts';
import { slugFromPath } from '../lib/slug.ts';
import { parseMarkdownEntry } from './frontmatter.ts';

/** Two files that would be published at the same URL. */
export class SlugCollisionError extends Error {
  override name = 'SlugCollisionError';
}

/**
 * Remembers which file claimed each slug and refuses a second file. Astro itself keeps
 * one of the two and only warns, so a post would silently vanish.
 */
export function createSlugRegistry(fileStillExists: (file: string) => boolean = () => true) {
  const owners = new Map<string, string>();
  return {
    claim(slug: string, file: string): void {
      const owner = owners.get(slug);
      if (owner !== undefined && owner !== file && fileStillExists(owner)) {
        throw new SlugCollisionError(
          `Two posts resolve to the same URL slug "${slug}": ${owner} and ${file}. ` +
            'Rename one of the files or give one of them a different slug: in its frontmatter.',
        );
      }
      owners.set(slug, file);
    },
    clear(): void {
      owners.clear();
    },
  };
}

interface MarkdownEntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<unknown>;
}

/** Which slug a post gets: its frontmatter `slug`, else its path (NFC, lower case). */
export function postSlug(entryPath: string, data: Record<string, unknown>): string {
  return typeof data['slug'] === 'string' && data['slug'] !== '' ? data['slug'].normalize('NFC') : slugFromPath(entryPath);
}

/**
 * Astro's glob loader with three changes: frontmatter read strictly (see frontmatter.ts),
 * slugs normalised, and two files with one slug fail the build naming both.
 */
export function postsLoader({ base }: { base: string }): Loader {
  let rootDirectory = process.cwd();
  let baseDirectory = rootDirectory;
  // Paths in messages are relative to the project, or absolute for content kept elsewhere.
  const shownPath = (absolute: string) => displayPath(absolute, rootDirectory);
  const registry = createSlugRegistry((file) => existsSync(resolve(rootDirectory, file)));
  const inner = glob({
    pattern: '**/*.md',
    base,
    generateId: ({ entry, data }) => {
      const slug = postSlug(entry, data);
      registry.claim(slug, shownPath(join(baseDirectory, entry)));
      return slug;
    },
  });
  return {
    name: 'posts-loader',
    async load(context: LoaderContext) {
      registry.clear();
      rootDirectory = fileURLToPath(context.config.root);
      baseDirectory = resolve(rootDirectory, base);
      const entryTypes = (context as LoaderContext & { entryTypes: Map<string, MarkdownEntryType> }).entryTypes;
      const strictEntryTypes = new Map(entryTypes).set('.md', {
        ...entryTypes.get('.md'),
        async getEntryInfo({ contents, fileUrl }: { contents: string; fileUrl: URL }) {
          const entry = parseMarkdownEntry(contents, shownPath(fileURLToPath(fileUrl)));
          return { data: entry.data, body: entry.body, rawData: entry.rawData, slug: entry.data['slug'] };
        },
      });
      await inner.load({ ...context, entryTypes: strictEntryTypes } as LoaderContext);
    },
  };
}
