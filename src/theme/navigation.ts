// The header's links and which one is marked as the reader's place: the page itself
// (aria-current="page") or the section it belongs to (aria-current="true", e.g. a tag page under Tags).
import { routes, type RoutePath } from '../seo/urls.ts';

export interface NavLink {
  label: string;
  route: RoutePath;
  current: 'page' | 'true' | undefined;
}

export interface MainNavigation {
  /** The site title links home; marked when the reader is on the home page. */
  home: NavLink;
  /** The sections, in the menu (collapsed on a phone). */
  sections: NavLink[];
  /** The search page, always on show as an icon; absent when search is switched off. */
  search: NavLink | undefined;
}

function currentness(link: RoutePath, here: RoutePath): NavLink['current'] {
  if (link === here) return 'page';
  return link !== routes.home && here.startsWith(link) ? 'true' : undefined;
}

export function mainNavigation(here: RoutePath, features: { search: boolean }): MainNavigation {
  const link = (label: string, route: RoutePath): NavLink => ({ label, route, current: currentness(route, here) });
  return {
    home: link('Home', routes.home),
    sections: [link('Archive', routes.archive), link('Tags', routes.tags), link('About', routes.about)],
    search: features.search ? link('Search', routes.search) : undefined,
  };
}
