import { describe, expect, it } from 'vitest';
import { routes } from '../seo/urls.ts';
import { mainNavigation } from './navigation.ts';

const marked = (here: Parameters<typeof mainNavigation>[0]) => {
  const nav = mainNavigation(here, { search: true });
  return [nav.home, ...nav.sections, nav.search!].filter((link) => link.current).map((link) => `${link.label}:${link.current}`);
};

describe('the main navigation', () => {
  it('offers Archive, Tags and About in the menu, and Search beside it', () => {
    const nav = mainNavigation(routes.home, { search: true });
    expect(nav.sections.map((link) => [link.label, link.route])).toEqual([
      ['Archive', '/archive/'],
      ['Tags', '/tags/'],
      ['About', '/about/'],
    ]);
    expect(nav.search?.route).toBe('/search/');
  });

  it('leaves Search out when search is switched off', () => {
    expect(mainNavigation(routes.home, { search: false }).search).toBeUndefined();
  });

  it('marks the page the reader is on, and nothing else', () => {
    expect(marked(routes.home)).toEqual(['Home:page']);
    expect(marked(routes.archive)).toEqual(['Archive:page']);
    expect(marked(routes.search)).toEqual(['Search:page']);
  });

  it('marks the section of a page that has no link of its own: a tag page is in Tags', () => {
    expect(marked(routes.tag('seo'))).toEqual(['Tags:true']);
    expect(marked(routes.tag('seo', 2))).toEqual(['Tags:true']);
  });

  it('marks nothing on a post or a later list page, which belong to no section of the menu', () => {
    expect(marked(routes.post('a-post'))).toEqual([]);
    expect(marked(routes.listPage(2))).toEqual([]);
  });
});
