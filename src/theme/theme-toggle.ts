import { THEME_STORAGE_KEY } from './theme-storage.ts';

export type Theme = 'light' | 'dark';

/** Fired on document when the reader changes the theme (giscus listens to follow it). */
export const THEME_CHANGE_EVENT = 'themechange';

export function currentTheme(root: HTMLElement): Theme {
  return root.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

/** Shows the toggle (hidden without JavaScript, where it could not work) and keeps it in sync. */
export function bindThemeToggle(doc: Document): void {
  const root = doc.documentElement;
  for (const button of doc.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const sync = () => button.setAttribute('aria-pressed', String(currentTheme(root) === 'dark'));
    sync();
    button.hidden = false;
    button.addEventListener('click', () => {
      const next: Theme = currentTheme(root) === 'dark' ? 'light' : 'dark';
      root.dataset['theme'] = next;
      try {
        localStorage.setItem(THEME_STORAGE_KEY, next);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
      sync();
      doc.dispatchEvent(new CustomEvent<Theme>(THEME_CHANGE_EVENT, { detail: next }));
    });
  }
}
