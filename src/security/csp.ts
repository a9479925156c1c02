// The site's Content-Security-Policy, in one place. The `_headers` file written at build time and
// the `<meta>` fallback in every page are both serialised from `sitePolicy`, so they cannot drift.
import { createHash } from 'node:crypto';
import { GISCUS_ORIGIN } from '../social/giscus.ts';
import { themeInitScript } from '../theme/theme-init.ts';

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

export interface PolicyNeeds {
  /** Inline scripts the pages carry, byte for byte; each is allowed by its hash, never by 'unsafe-inline'. */
  inlineScripts: readonly string[];
  /** giscus comments are on, so its frame may load. */
  comments: boolean;
  /** Hosts posts may embed in an `<iframe>` (the site config's `embeds.frameHosts`), served over https. */
  frameHosts?: readonly string[];
}

/** The CSP source that allows exactly this inline script: `'sha256-…'` of its UTF-8 text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** Everything is refused unless a page needs it: own scripts, styles, images, the search index, giscus, embeds. */
export function contentSecurityPolicy(needs: PolicyNeeds): CspDirectives {
  const frames = [...(needs.comments ? [GISCUS_ORIGIN] : []), ...(needs.frameHosts ?? []).map((host) => `https://${host}`)];
  return {
    'default-src': ["'none'"],
    // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search; it allows no JavaScript eval.
    'script-src': ["'self'", ...needs.inlineScripts.map(scriptHash), "'wasm-unsafe-eval'"],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    // Pagefind fetches its index files and runs its search in a worker, both from this site.
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    ...(frames.length > 0 ? { 'frame-src': frames } : {}),
    'form-action': ["'self'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
}

/** Directives a `<meta>` policy cannot carry (browsers ignore them there): send them as headers. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

export type PolicyDelivery = 'header' | 'meta';

export function serializePolicy(policy: CspDirectives, delivery: PolicyDelivery): string {
  return Object.entries(policy)
    .filter(([name]) => delivery === 'header' || !HEADER_ONLY_DIRECTIVES.includes(name))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy of this site: its one inline script (the theme initialiser), giscus when configured, the allowed embeds. */
export function sitePolicy(config: { giscus?: unknown; embeds?: { frameHosts: readonly string[] } }): CspDirectives {
  return contentSecurityPolicy({
    inlineScripts: [themeInitScript],
    comments: config.giscus !== undefined,
    frameHosts: config.embeds?.frameHosts ?? [],
  });
}
