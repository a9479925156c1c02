// The HTTP headers the site ships, as `_headers` rules (the format Netlify and Cloudflare Pages
// read). Written to dist/ by src/integrations/security-headers.ts; the tests serve dist/ with them.
import { serializePolicy, type CspDirectives } from './csp.ts';

export interface HeaderRule {
  /** Path pattern; `*` matches any run of characters, as on Netlify and Cloudflare Pages. */
  path: string;
  headers: Readonly<Record<string, string>>;
}

/** Powerful features no page here uses; each is switched off for the page and every frame. */
export const DISABLED_FEATURES: readonly string[] = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'browsing-topics',
];

const ONE_YEAR = 31_536_000;
const TWO_YEARS = 2 * ONE_YEAR;

export interface AssetsLocation {
  /** Astro's `build.assets` folder, whose file names carry a content hash. */
  dir: string;
  /** Astro's `base`: the path the site is served under ("/" at a domain's root). */
  base: string;
}

export function securityHeaderRules(policy: CspDirectives, assets: AssetsLocation = { dir: '_astro', base: '/' }): HeaderRule[] {
  const trim = (path: string) => path.replace(/^\/+|\/+$/g, '');
  const assetsPath = `/${[assets.base, assets.dir].map(trim).filter(Boolean).join('/')}/*`;
  return [
    {
      path: '/*',
      headers: {
        'Content-Security-Policy': serializePolicy(policy, 'header'),
        'Strict-Transport-Security': `max-age=${TWO_YEARS}; includeSubDomains`,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Permissions-Policy': DISABLED_FEATURES.map((feature) => `${feature}=()`).join(', '),
        'Cross-Origin-Opener-Policy': 'same-origin',
        // For browsers that predate frame-ancestors.
        'X-Frame-Options': 'DENY',
      },
    },
    {
      // Hashed file names change with their content, so they may be cached for good.
      path: assetsPath,
      headers: { 'Cache-Control': `public, max-age=${ONE_YEAR}, immutable` },
    },
  ];
}

export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const lines = ['# Written by the build from src/security/headers.ts and src/security/csp.ts; edit those, not this file.'];
  for (const rule of rules) {
    lines.push(rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a `_headers` file: unindented lines are paths, indented `Name: value` lines their headers. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { path: string; headers: Record<string, string> }[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const separator = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || separator === -1) throw new Error(`_headers line ${index + 1}: expected "  Name: value" under a path, got "${line.trim()}"`);
    rule.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return rules;
}

function matches(pattern: string, pathname: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(pathname);
}

/** The headers a request path receives: those of every matching rule, later rules winning. */
export function headersForPath(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => matches(rule.path, pathname)).map((rule) => rule.headers));
}
