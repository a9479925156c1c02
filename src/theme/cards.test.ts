import { describe, expect, it } from 'vitest';
import { COVER_SIZES, COVER_WIDTHS, coverLoading } from './cards.ts';

describe('cover images of post cards', () => {
  it('loads the first cover of a page’s first list at once, with high priority: it is the likely LCP element', () => {
    expect(coverLoading(0, true)).toEqual({ loading: 'eager', fetchpriority: 'high' });
  });

  it('lazy-loads every other cover, and every cover of a list that is not the lead', () => {
    expect(coverLoading(1, true)).toEqual({ loading: 'lazy', fetchpriority: undefined });
    expect(coverLoading(0, false)).toEqual({ loading: 'lazy', fetchpriority: undefined });
  });

  it('offers a width for a phone at 2× and a desktop card, each no wider than the 1600 px source', () => {
    for (const widths of Object.values(COVER_WIDTHS)) {
      expect(widths).toEqual([...widths].sort((a, b) => a - b));
      expect(Math.max(...widths)).toBeLessThanOrEqual(1600);
      expect(Math.max(...widths)).toBeGreaterThanOrEqual(720);
    }
  });

  it('ends every sizes list with a fallback for the narrowest screens', () => {
    for (const sizes of Object.values(COVER_SIZES)) expect(sizes.split(',').at(-1)).not.toMatch(/min-width/);
  });
});
