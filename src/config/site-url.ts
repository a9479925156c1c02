// Whether the site URL can be a production site's address, and which settings still point at the
// template's placeholder domain. Every canonical link, og:url, the sitemap, robots.txt and the feed are
// built from the URL, so a wrong one is published on every page.

/** The template's stand-in domain (src/site.config.ts until the owner sets theirs); reserved, never served. */
export const PLACEHOLDER_DOMAIN = 'urban-haze.example';

export type HostKind = 'loopback' | 'private' | 'link-local' | 'public';

function ipv4Kind(parts: readonly number[]): HostKind {
  const [a = 0, b = 0] = parts;
  if (a === 127 || a === 0) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (compressed, lower case). */
function ipv6Groups(address: string): number[] | undefined {
  const [head = '', tail] = address.split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':').map((group) => Number.parseInt(group, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.length === 8 && all.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? all : undefined;
}

/**
 * Which kind of host a URL's hostname is (as `new URL()` normalises it, so `127.1` and `0x7f.0.0.1` are
 * already `127.0.0.1`): loopback (this machine), a private or link-local network, or the public Internet.
 */
export function hostKind(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (host.endsWith('.local')) return 'private';
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (ipv4) return ipv4Kind(ipv4.slice(1).map(Number));
  if (!host.startsWith('[')) return 'public';
  const groups = ipv6Groups(host.slice(1, -1));
  if (!groups) return 'public';
  const [first = 0] = groups;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    // An IPv4 address written as IPv6 (::ffff:127.0.0.1).
    return ipv4Kind([groups[6]! >> 8, groups[6]! & 0xff]);
  }
  if (groups.slice(0, 7).every((group) => group === 0) && (groups[7] === 1 || groups[7] === 0)) return 'loopback';
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  return 'public';
}

const HOST_KIND_TEXT: Record<Exclude<HostKind, 'public'>, string> = {
  loopback: 'a loopback address (this machine only)',
  private: 'an address on a private network',
  'link-local': 'a link-local address (one network segment only)',
};

/** Why `url` cannot be the address of a production site, or undefined when it can. */
export function productionUrlProblem(url: string): string | undefined {
  const { hostname, protocol } = new URL(url);
  const kind = hostKind(hostname);
  if (kind !== 'public') return `${hostname} is ${HOST_KIND_TEXT[kind]}`;
  if (protocol === 'http:') return 'it uses http://, which browsers mark as not secure and search engines rank below https://';
  return undefined;
}

function pointsAtPlaceholder(value: string): boolean {
  const domain = PLACEHOLDER_DOMAIN.replace(/\./g, '\\.');
  return new RegExp(`(^|[/@.])${domain}($|[/:?#])`, 'i').test(value);
}

function pathText(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key), '');
}

/** Every setting whose value is on the placeholder domain, as paths such as `author.url` or `social[0].url`. */
export function placeholderSettings(settings: unknown, path: (string | number)[] = []): string[] {
  if (typeof settings === 'string') return pointsAtPlaceholder(settings) ? [pathText(path)] : [];
  if (Array.isArray(settings)) return settings.flatMap((item, index) => placeholderSettings(item, [...path, index]));
  if (typeof settings === 'object' && settings !== null) {
    return Object.entries(settings).flatMap(([key, value]) => placeholderSettings(value, [...path, key]));
  }
  return [];
}

/** The environment variable that set the site URL (see parseSiteConfig), or undefined when src/site.config.ts did. */
export function urlSetBy(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env['SITE_URL']) return 'SITE_URL';
  try {
    const overrides: unknown = JSON.parse(env['SITE_CONFIG_OVERRIDES'] ?? '{}');
    if (typeof overrides === 'object' && overrides !== null && 'url' in overrides) return 'SITE_CONFIG_OVERRIDES';
  } catch {
    // parseSiteConfig has already refused overrides that are not JSON.
  }
  return undefined;
}

export interface SiteUrlContext {
  /** A preview build (SITE_PREVIEW=1), which may be served from anywhere. */
  preview: boolean;
  /** The environment variable that set the URL (see urlSetBy), if one did. */
  setBy?: string | undefined;
}

export interface SiteUrlReport {
  /** Why the build must stop. */
  error?: string;
  /** One warning naming every setting left on the placeholder domain. */
  warning?: string;
}

/** The verdict on a build's settings: a production build needs a public https:// URL, and nothing left on the placeholder. */
export function siteUrlReport(settings: { url: string }, { preview, setBy }: SiteUrlContext): SiteUrlReport {
  const source = setBy ? ` (from ${setBy})` : '';
  const problem = preview ? undefined : productionUrlProblem(settings.url);
  if (problem) {
    return {
      error:
        `The site URL ${settings.url}${source} cannot be a production site's address: ${problem}, and every canonical link, ` +
        'the sitemap, robots.txt and the feed are written with it. Set url in src/site.config.ts (or the SITE_URL ' +
        'environment variable) to the public https:// address the site is served from, or make a preview build with SITE_PREVIEW=1.',
    };
  }
  const fields = placeholderSettings(settings);
  if (fields.length === 0) return {};
  if (fields.includes('url')) {
    return {
      warning:
        `The site is still on the placeholder domain ${PLACEHOLDER_DOMAIN} (${fields.join(', ')}). Before publishing, set url in ` +
        'src/site.config.ts (or SITE_URL) to the address the site is served from, and change these settings with it.',
    };
  }
  return {
    warning:
      `The site URL is ${settings.url}${source}, but these settings still point at the placeholder domain ${PLACEHOLDER_DOMAIN}: ` +
      `${fields.join(', ')}. Change them in src/site.config.ts to addresses of your own.`,
  };
}
