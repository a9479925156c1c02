// Site search in headless Chromium: Pagefind is fetched only when the reader searches, and the
// index holds published, indexable post text only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_ANSWER_PATH } from '../helpers/post-page-fixtures.ts';
import { openReaderContext, startSharedReaderSite, type ReaderContext, type ReaderSite } from '../helpers/reader-site.ts';

const ADVISORY_TITLE = 'netsession_win.exe blocked by Windows Firewall?';
const ADVISORY = '/posts/windows-firewall-blocked-netsession-win-exe/';

describe('site search in a real browser', () => {
  let site: ReaderSite;
  const contexts: ReaderContext[] = [];
  beforeAll(async () => {
    site = await startSharedReaderSite();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((each) => each.context.close()));
    await site?.close();
  });

  async function open(path: string): Promise<ReaderContext> {
    const reader = await openReaderContext(site);
    contexts.push(reader);
    await reader.page.goto(site.url(path), { waitUntil: 'networkidle' });
    return reader;
  }

  async function search(reader: ReaderContext, query: string): Promise<{ status: string; results: { title: string; href: string; excerpt: string }[] }> {
    await reader.page.getByRole('searchbox', { name: 'Search the articles' }).fill(query);
    const status = reader.page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/match/);
    const results = await reader.page
      .locator('[data-search-results] a')
      .evaluateAll((links) => links.map((link) => ({
          title: link.textContent ?? '',
          href: link.getAttribute('href') ?? '',
          excerpt: link.closest('li')?.querySelector('p')?.textContent ?? '',
        })),
      );
    return { status: (await status.textContent()) ?? '', results };
  }

  const pagefindRequests = (reader: ReaderContext) => reader.requests.filter((url) => new URL(url).pathname.startsWith('/pagefind/'));

  it('is linked from the header of every page', async () => {
    const reader = await open('/');
    const link = reader.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' });
    expect(await link.getAttribute('href')).toBe('/search/');
  });

  it('fetches nothing of Pagefind until the reader starts to search', async () => {
    const reader = await open('/search/');
    expect(pagefindRequests(reader)).toEqual([]);
    await reader.page.getByRole('searchbox', { name: 'Search the articles' }).focus();
    await expect.poll(() => pagefindRequests(reader).map((url) => new URL(url).pathname)).toContain('/pagefind/pagefind.js');
  });

  it('finds the advisory post for "netsession" and links to its page', async () => {
    const reader = await open('/search/');
    const { results } = await search(reader, 'netsession');
    expect(results[0]).toMatchObject({ title: ADVISORY_TITLE, href: ADVISORY });
    expect(results[0]?.excerpt.toLowerCase()).toContain('netsession');
    expect(results.every((result) => result.href.startsWith('/posts/'))).toBe(true);
    await reader.page.getByRole('link', { name: ADVISORY_TITLE }).click();
    await reader.page.waitForURL(site.url(ADVISORY));
    expect(await reader.page.locator('h1').textContent()).toBe(ADVISORY_TITLE);
  });

  it('searches at once when opened with ?q=, so a search can be linked', async () => {
    const reader = await open('/search/?q=netsession');
    await expect.poll(() => reader.page.getByRole('link', { name: ADVISORY_TITLE }).count()).toBe(1);
    expect(await reader.page.getByRole('searchbox').inputValue()).toBe('netsession');
  });

  it('finds a published post by an exact phrase from its text', async () => {
    const reader = await open('/search/');
    const { results } = await search(reader, '"peer-assisted download manager"');
    expect(results.map((result) => result.href)).toEqual([ADVISORY]);
  });

  it.each([
    { what: "a draft's phrase", query: '"tritium backup rotation"' },
    { what: 'a noindex post', query: '"quokka-basalt checklist"' },
    { what: 'the boilerplate note under every post', query: '"That is no accident"' },
    { what: 'the navigation', query: '"Skip to content"' },
  ])('finds no page for $what, searched as an exact phrase', async ({ query }) => {
    const reader = await open('/search/');
    const { status, results } = await search(reader, query);
    expect(results).toEqual([]);
    expect(status).toBe(`No articles match “${query}”.`);
  });

  it.each([
    { what: 'the draft', query: 'tritium backup rotation', word: 'tritium', url: '/posts/photo-library-backup-strategy/' },
    { what: 'the noindex post', query: 'quokka basalt', word: 'quokka', url: '/posts/private-notes/' },
  ])('never shows $what among the close matches for "$query"', async ({ query, word, url }) => {
    const reader = await open('/search/');
    const { results } = await search(reader, query);
    expect(results.map((result) => result.href)).not.toContain(url);
    expect(results.filter((result) => result.excerpt.toLowerCase().includes(word))).toEqual([]);
  });

  describe('what a post gives the index besides its text', () => {
    it('finds a post by a phrase of its quick answer, the page’s best answer', async () => {
      const reader = await open('/search/');
      const { results } = await search(reader, '"zephyr-lantern check takes two minutes"');
      expect(results.map((result) => result.href)).toEqual([QUICK_ANSWER_PATH]);
    });

    it('shows no "#" of the section links in an excerpt that runs into a heading', async () => {
      const reader = await open('/search/');
      const { results } = await search(reader, 'marzipan');
      const excerpt = results.find((result) => result.href === QUICK_ANSWER_PATH)?.excerpt ?? '';
      // The excerpt reaches the next heading, where the "#" link sits beside it on the page.
      expect(excerpt).toMatch(/marzipan\.\s+Second step/);
      expect(excerpt).not.toContain('#');
    });

    it('never puts a "#" into the excerpts of the advisory', async () => {
      const reader = await open('/search/');
      const { results } = await search(reader, 'netsession');
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) expect(result.excerpt, result.href).not.toContain('#');
    });
  });
});
