// How the cover image of a post card loads and which width the browser should fetch. The sizes
// mirror the card grid in PostList.astro, whose columns follow the list's own width: one column on a
// phone, two once the list is 40rem wide (a 44rem window), three from 64rem (the home page's 68rem
// frame split by two 1.5rem gaps); a featured card's cover takes 55% of its row.

export type CardLayout = 'grid' | 'featured';

export interface CoverLoading {
  loading: 'eager' | 'lazy';
  fetchpriority: 'high' | undefined;
}

/**
 * Only the first card of a page's first list loads at once, with high priority: it is the largest thing
 * in the first screen (the LCP element) of a list, tag or 404 page. Every other cover waits until it is
 * about to scroll into view; a post page's lead image is its hero, so its related cards are all lazy.
 */
export function coverLoading(position: number, isLeadList: boolean): CoverLoading {
  return isLeadList && position === 0 ? { loading: 'eager', fetchpriority: 'high' } : { loading: 'lazy', fetchpriority: undefined };
}

export const COVER_WIDTHS: Record<CardLayout, number[]> = {
  grid: [400, 720],
  featured: [480, 800, 1200],
};

export const COVER_SIZES: Record<CardLayout, string> = {
  grid: '(min-width: 71rem) 21.7rem, (min-width: 44rem) calc(50vw - 2rem), calc(100vw - 2.5rem)',
  featured: '(min-width: 71rem) 37.4rem, (min-width: 44rem) 55vw, calc(100vw - 2.5rem)',
};
