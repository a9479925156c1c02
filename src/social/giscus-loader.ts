// Browser side of the comments: nothing from giscus is fetched until the reader nears the
// thread; then the bundled web component is imported and kept in step with the site theme.
import type { GiscusWidget } from 'giscus';
import { currentTheme, THEME_CHANGE_EVENT } from '../theme/theme-toggle.ts';
import { GISCUS_ORIGIN, giscusTheme, isGiscusMessage, themeInFrameUrl, themeMessage } from './giscus.ts';

/** Start loading this far before the thread scrolls into view, so it is ready when reached. */
const PRELOAD_MARGIN = '600px 0px';

/** Mounts giscus in `section` (which carries the widget attributes as `data-giscus` JSON) once it is near. */
export function loadCommentsWhenNear(section: HTMLElement): void {
  const mount = () => {
    mountGiscus(section).catch((error: unknown) => {
      // Offline or blocked: the link to the discussion on GitHub stays as the way in.
      section.dataset['giscusState'] = 'failed';
      console.warn('Comments could not be loaded:', error);
    });
  };
  if (!('IntersectionObserver' in window)) return mount();
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      mount();
    },
    { rootMargin: PRELOAD_MARGIN },
  );
  observer.observe(section);
}

async function mountGiscus(section: HTMLElement): Promise<void> {
  const attributes = JSON.parse(section.dataset['giscus'] ?? '{}') as Record<string, string>;
  await import('giscus');
  const root = document.documentElement;
  const widget: GiscusWidget = document.createElement('giscus-widget');
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  // Read the theme now, not at page load, so a toggle made while giscus downloaded counts.
  widget.setAttribute('theme', giscusTheme(currentTheme(root)));
  // The component posts setConfig to giscus.app when its theme changes, and sends its whole
  // config again when the frame loads, so a toggle before then is applied on load.
  document.addEventListener(THEME_CHANGE_EVENT, () => widget.setAttribute('theme', giscusTheme(currentTheme(root))));
  window.addEventListener('message', function onFirstMessage(event: MessageEvent) {
    const frame = widget.iframeRef;
    if (!frame?.contentWindow || event.source !== frame.contentWindow || !isGiscusMessage(event)) return;
    window.removeEventListener('message', onFirstMessage);
    // giscus's first message proves it is listening. The load-time setConfig can arrive before
    // its app has started; if the reader toggled after the frame was requested, say it again.
    const theme = currentTheme(root);
    if (themeInFrameUrl(frame.src) !== giscusTheme(theme)) frame.contentWindow.postMessage(themeMessage(theme), GISCUS_ORIGIN);
  });
  section.querySelector('[data-giscus-frame]')?.append(widget);
}
