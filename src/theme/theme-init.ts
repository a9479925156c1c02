// Runs in <head> before the first paint so the page never flashes the wrong theme.
// It stays inline (a network request would delay rendering) and the CSP allows it by hash.
import { THEME_STORAGE_KEY } from './theme-storage.ts';

export const themeInitScript = `(function(){var t;try{t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t})();`;
