// Browser side of the search page. Pagefind's script, WebAssembly and index are fetched only
// once the reader starts to search (focuses the box, types, or arrives with ?q=).
import { excerptSegments } from './excerpt.ts';
import { searchResultHref, type SearchResultData } from './search-index.ts';

interface PagefindResultData extends SearchResultData {
  excerpt: string;
}

interface PagefindApi {
  options(options: { baseUrl?: string }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;
const TYPING_PAUSE_MS = 150;

export function bindSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const bundle = form.dataset['pagefind'];
  if (!input || !status || !list || !bundle) return;

  let pagefind: Promise<PagefindApi> | undefined;
  const load = () =>
    (pagefind ??= (import(/* @vite-ignore */ bundle) as Promise<PagefindApi>).then(async (api) => {
      // Results link to the URL each post declared (with the site's base path), so nothing is prefixed.
      await api.options({ baseUrl: '/' });
      return api;
    }));

  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    let results: PagefindResultData[];
    try {
      const api = await load();
      const found = await api.search(query);
      results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    } catch (error) {
      console.warn('Search failed:', error);
      status.textContent = 'Search is not available right now. The archive lists every article.';
      return;
    }
    if (ticket !== latest) return;
    list.replaceChildren(...results.map(renderResult));
    const count = results.length === 1 ? '1 article' : `${results.length} articles`;
    status.textContent = results.length === 0 ? `No articles match “${query}”.` : `${count} match “${query}”.`;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });

  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}

function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = searchResultHref(result);
  link.textContent = result.meta['title'] ?? link.href;
  heading.append(link);
  const excerpt = document.createElement('p');
  for (const segment of excerptSegments(result.excerpt)) {
    if (!segment.marked) {
      excerpt.append(segment.text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = segment.text;
    excerpt.append(mark);
  }
  item.append(heading, excerpt);
  return item;
}
