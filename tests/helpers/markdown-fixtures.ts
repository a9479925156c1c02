// Fixture folders are the tests of the Markdown plugins: src/markdown/fixtures/<plugin>/<case>/ holds
// input.md, the expected output.html, and optionally options.json (the plugin's options) and data.json
// (what the plugin adds to Astro's remarkPluginFrontmatter). A new case is a new folder.
// Each case runs through Astro's own Markdown processor, so the output is what a built page contains.
import {
  createMarkdownProcessor,
  type MarkdownHeading,
  type RehypePlugins,
  type RemarkPlugins,
  type RemarkRehype,
} from '@astrojs/markdown-remark';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

export interface FixturePlugins {
  remarkPlugins?: RemarkPlugins;
  rehypePlugins?: RehypePlugins;
  remarkRehype?: RemarkRehype;
}

export interface FixtureCase {
  name: string;
  directory: string;
  options: Record<string, unknown>;
}

export interface RenderedFixture {
  html: string;
  frontmatter: Record<string, unknown>;
  headings: MarkdownHeading[];
}

const FIXTURES = resolve(import.meta.dirname, '../../src/markdown/fixtures');

export function fixtureCases(plugin: string): FixtureCase[] {
  const root = join(FIXTURES, plugin);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const directory = join(root, entry.name);
      const optionsFile = join(directory, 'options.json');
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : {};
      return { name: entry.name, directory, options };
    });
}

/** Renders Markdown as if it were the file at `path`, through Astro's processor with these plugins. */
export async function renderMarkdown(markdown: string, path: string, plugins: FixturePlugins): Promise<RenderedFixture> {
  const processor = await createMarkdownProcessor({
    syntaxHighlight: 'prism',
    remarkPlugins: plugins.remarkPlugins ?? [],
    rehypePlugins: plugins.rehypePlugins ?? [],
    remarkRehype: plugins.remarkRehype ?? {},
  });
  const result = await processor.render(markdown, { fileURL: pathToFileURL(path), frontmatter: {} });
  return { html: result.code, frontmatter: result.metadata.frontmatter, headings: result.metadata.headings };
}

export function renderFixture(fixture: FixtureCase, plugins: FixturePlugins): Promise<RenderedFixture> {
  const input = join(fixture.directory, 'input.md');
  return renderMarkdown(readFileSync(input, 'utf8'), input, plugins);
}

/**
 * One table-driven test per plugin: every case folder must render to its output.html and, when it has a
 * data.json, add exactly that data. A case without output.html gets one written and fails, so a new
 * expectation is always reviewed before it is trusted.
 */
export function describeMarkdownFixtures(
  plugin: string,
  plugins: (options: Record<string, unknown>, fixture: FixtureCase) => FixturePlugins,
): void {
  describe(`${plugin} fixtures`, () => {
    it.each(fixtureCases(plugin))('$name', async (fixture) => {
      const rendered = await renderFixture(fixture, plugins(fixture.options, fixture));
      const outputFile = join(fixture.directory, 'output.html');
      if (!existsSync(outputFile)) {
        writeFileSync(outputFile, `${rendered.html.trim()}\n`);
        throw new Error(`Wrote ${outputFile}; review it, then run the test again.`);
      }
      expect(rendered.html.trim()).toBe(readFileSync(outputFile, 'utf8').trim());
      const dataFile = join(fixture.directory, 'data.json');
      if (existsSync(dataFile)) {
        const expected = JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, unknown>;
        const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, rendered.frontmatter[key]]));
        expect(actual).toEqual(expected);
      }
    });
  });
}
