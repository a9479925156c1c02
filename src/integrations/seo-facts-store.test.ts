import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEO_FACTS_VERSION, type SiteFacts } from '../seo/report/seo-facts.ts';
import { projectCacheDir, readPreviousSeoFacts, seoFactsPath, writeSeoFacts } from './seo-facts-store.ts';

const facts: SiteFacts = {
  version: SEO_FACTS_VERSION,
  pages: [
    {
      url: 'https://blog.example/posts/a/',
      template: 'post',
      title: 'Frying fish',
      canonical: 'https://blog.example/posts/a/',
      indexable: true,
      notIndexed: [],
      robots: [],
      jsonLdTypes: ['BlogPosting'],
      inSitemap: true,
      lastmod: '2026-03-10',
    },
  ],
};

const folders: string[] = [];
function cacheDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'seo-facts-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function store(cache: string, text: string): void {
  mkdirSync(dirname(seoFactsPath(cache)), { recursive: true });
  writeFileSync(seoFactsPath(cache), text);
}

describe('the previous build’s SEO facts', () => {
  it('are what the last build stored, and the next build replaces them', () => {
    const cache = cacheDir();
    writeSeoFacts(cache, facts);
    expect(readPreviousSeoFacts(cache)).toEqual(facts);
    const next = { ...facts, pages: [] };
    writeSeoFacts(cache, next);
    expect(readPreviousSeoFacts(cache)).toEqual(next);
    // Written whole and renamed into place: no partial file is left beside it.
    expect(readdirSync(dirname(seoFactsPath(cache)))).toEqual(['seo-facts.json']);
  });

  it.each([
    { what: 'no file (a first build, or a cleared cache)', text: undefined },
    { what: 'a file from another version of the snapshot', text: JSON.stringify({ ...facts, version: SEO_FACTS_VERSION + 1 }) },
    { what: 'a file cut short', text: JSON.stringify(facts).slice(0, 40) },
    { what: 'an empty file', text: '' },
  ])('are none when the cache holds $what', ({ text }) => {
    const cache = cacheDir();
    if (text !== undefined) store(cache, text);
    expect(readPreviousSeoFacts(cache)).toBeUndefined();
  });

  it('that cannot be stored give an error naming the file and the fix, and leave no partial file', () => {
    const cache = cacheDir();
    // A folder where the file should be: the rename fails, whoever runs the build.
    mkdirSync(join(seoFactsPath(cache), 'in-the-way'), { recursive: true });
    expect(() => writeSeoFacts(cache, facts)).toThrow(
      /^Could not keep this build's SEO facts in .*seo-report\/seo-facts\.json for the next build to compare with: .*\. Make the cache folder writable, or point ASTRO_CACHE_DIR at one that is\.$/,
    );
    expect(readdirSync(dirname(seoFactsPath(cache)))).toEqual(['seo-facts.json']);
  });
});

describe('projectCacheDir', () => {
  it.each([
    { env: {}, expected: '/site/node_modules/.astro' },
    { env: { ASTRO_CACHE_DIR: '/tmp/cache' }, expected: '/tmp/cache' },
    { env: { CONTENT_DIR: 'sites/a/content' }, expected: '/site/sites/a/.astro-cache' },
  ])('is the build’s cache folder with $env', ({ env, expected }) => {
    expect(projectCacheDir('/site', env)).toBe(expected);
  });
});
