import type { PageRule } from '../types.ts';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

export const htmlLang: PageRule = {
  id: 'html-lang',
  scope: 'page',
  description: '<html lang> names the page’s language, as the site config does, for search engines, screen readers and translation.',
  defaultLevel: 'error',
  check(page, context) {
    const fix = `Set <html lang="${context.language}"> (the site's language comes from language in src/site.config.ts).`;
    if (page.lang === undefined || page.lang.trim() === '') return [{ message: 'The <html> element has no lang attribute.', fix }];
    if (!LANGUAGE_TAG.test(page.lang)) return [{ message: `<html lang="${page.lang}"> is not a language tag.`, fix }];
    if (page.lang.toLowerCase() !== context.language.toLowerCase()) {
      return [{ message: `<html lang="${page.lang}"> differs from the site's language "${context.language}".`, fix }];
    }
    return [];
  },
};
