// What a page's Lighthouse audit depends on in dist/: its HTML, every file it loads (stylesheets,
// scripts, images, fonts, followed through CSS and JS) and the `_headers` rules that apply to them.
// Astro names build assets by content hash (/_astro/BaseLayout.BAq3LoVl.css), so one edit of shared
// CSS renames a file and changes the text of every page. Here a page's HTML is compared with those
// hashes taken out, and each file it loads by its content, so the audit can tell "this page changed"
// from "only a file the page shares with others changed".
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../../src/security/headers.ts';
import { distFileForPath, type ServePolicy } from './dist-server.ts';
import { AuditInputError } from './site-pages.ts';

/** Astro's `build.assets` default: the folder of hashed build assets. */
export const DEFAULT_ASSETS_DIR = '_astro';

/** A built page: its file in dist/ ("posts/a/index.html") and its public pathname ("/posts/a/"). */
export interface PageRef {
  file: string;
  path: string;
  /**
   * Same-origin request paths the page made on its last audit that the HTML does not show (the
   * browser's own /favicon.ico, files a script loads from a computed URL). Included when they exist.
   */
  extraPaths?: readonly string[];
}

export interface PageInputs {
  /** SHA-256 of the page's HTML with asset hashes taken out (`normalizedHtml`). */
  htmlHash: string;
  /** Each file the page loads, by stable name (`stableDependencyName`): SHA-256 of its content, or "missing". */
  deps: Record<string, string>;
  /** SHA-256 of the distinct sets of `_headers` headers the page and its files are served with. */
  headersHash: string;
}

export type InputChange =
  | { kind: 'same' }
  | { kind: 'html-changed' }
  /** The page's own HTML is as before; these files (stable names) or "_headers" are not. */
  | { kind: 'shared-changed'; changed: string[] };

// ---------------------------------------------------------------------------------------------
// Stable names

/**
 * A Vite/Astro hash segment before the extension: 8 base64url characters, and for an image Astro
 * transformed, "_" and the transform's hash (photo.DwQ1RZ4K_Z1Gv3Ml.webp).
 */
const HASHED_NAME = /^(.+)\.[A-Za-z0-9_-]{8}(?:_[A-Za-z0-9_-]+)?(\.[A-Za-z0-9]+)$/;

/** A file name with its hash segment removed: "BaseLayout.BAq3LoVl.css" → "BaseLayout.css"; other names as they are. */
export function stableAssetName(fileName: string): string {
  return fileName.replace(HASHED_NAME, '$1$2');
}

/** The URL prefix of the assets folder under a base path: "/" → "/_astro/", "/blog/" → "/blog/_astro/". */
export function assetsPrefixOf(basePath: string, assetsDir = DEFAULT_ASSETS_DIR): string {
  return `${basePath.replace(/\/?$/, '/')}${assetsDir.replace(/^\/+|\/+$/g, '')}/`;
}

/** A dist/ file's name with the hash segment removed when it lies in the assets folder: "_astro/BaseLayout.css". */
export function stableDependencyName(distFile: string, assetsDir = DEFAULT_ASSETS_DIR): string {
  const folder = `${assetsDir.replace(/^\/+|\/+$/g, '')}/`;
  if (!distFile.startsWith(folder)) return distFile;
  const slash = distFile.lastIndexOf('/');
  return distFile.slice(0, slash + 1) + stableAssetName(distFile.slice(slash + 1));
}

// ---------------------------------------------------------------------------------------------
// Reading references out of HTML, CSS and JS (pure)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `rel` tokens whose link the browser fetches for the page (canonical, alternate, sitemap, … are only links). */
const LOADED_LINK_RELS = new Set(['stylesheet', 'icon', 'apple-touch-icon', 'apple-touch-icon-precomposed', 'mask-icon', 'manifest', 'preload', 'modulepreload', 'prefetch']);

/** Attributes holding one URL the browser loads, per element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  // SVG sprites and images; "#id" points into the page itself.
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  // Astro islands load their component and renderer when they hydrate.
  'astro-island': ['component-url', 'renderer-url', 'before-hydration-url'],
};

function isJavaScriptType(type: string | undefined): boolean {
  if (type === undefined) return true;
  const normalized = type.trim().toLowerCase();
  return normalized === '' || normalized === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(normalized);
}

/** The URLs of a `srcset` (or `imagesrcset`), descriptors dropped. */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let index = 0;
  while (index < srcset.length) {
    while (index < srcset.length && /[\s,]/.test(srcset[index]!)) index++;
    const start = index;
    while (index < srcset.length && !/\s/.test(srcset[index]!)) index++;
    let url = srcset.slice(start, index);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      // Descriptors ("800w", "2x") run to the next comma outside parentheses.
      let depth = 0;
      for (; index < srcset.length; index++) {
        const char = srcset[index];
        if (char === '(') depth++;
        else if (char === ')') depth--;
        else if (char === ',' && depth <= 0) break;
      }
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}

/** URLs a stylesheet loads: `url(…)` (fonts, images, `@import url(…)`) and `@import "…"`. Comments are skipped. */
export function cssReferences(css: string): string[] {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const references: { at: number; url: string }[] = [];
  for (const match of code.matchAll(/\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi)) {
    references.push({ at: match.index, url: match[1] ?? match[2] ?? match[3] ?? '' });
  }
  for (const match of code.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) {
    references.push({ at: match.index, url: match[1] ?? match[2] ?? '' });
  }
  return references
    .sort((a, b) => a.at - b.at)
    .map((reference) => reference.url.trim())
    .filter((url) => url !== '' && !url.startsWith('#'));
}

/**
 * URLs a JavaScript module loads, to resolve against the module's own URL: static `import … from`,
 * `export … from`, `import "…"`, `import("…")` and `new URL("…", import.meta.url)` with a literal,
 * and, with `basePath`, string literals naming a file in the assets folder: Vite's preload lists for
 * dynamic imports ("_astro/x.js", relative to the base) and asset URLs ("/_astro/photo.Ab12Cd34.jpg").
 * A regular-expression scan, so a look-alike inside a string or comment is reported too.
 */
export function jsReferences(code: string, options: { basePath?: string; assetsDir?: string } = {}): string[] {
  const literal = String.raw`(?:"([^"\n]*)"|'([^'\n]*)'|` + '`([^`$\\n]*)`)';
  const before = String.raw`(?:^|[^\w$.])`;
  const patterns = [
    new RegExp(`${before}(?:import|export)\\b[^;"'\`()]{0,4000}?\\bfrom\\s*${literal}`, 'g'),
    new RegExp(`${before}import\\s*${literal}`, 'g'),
    new RegExp(`${before}import\\s*\\(\\s*${literal}\\s*[,)]`, 'g'),
    new RegExp(`\\bnew\\s+URL\\s*\\(\\s*${literal}\\s*,\\s*import\\.meta\\.url\\s*\\)`, 'g'),
  ];
  const references: { at: number; url: string }[] = [];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) references.push({ at: match.index, url: match[1] ?? match[2] ?? match[3] ?? '' });
  }
  if (options.basePath !== undefined) {
    // Vite's preload list, relative to the base: const __vite__mapDeps=(…m.f=["_astro/a.js","_astro/a.css"]…);
    // and asset URLs a module holds ("/_astro/photo.Ab12Cd34.jpg").
    const basePath = options.basePath.replace(/\/?$/, '/');
    const folder = escapeRegExp(`${(options.assetsDir ?? DEFAULT_ASSETS_DIR).replace(/^\/+|\/+$/g, '')}/`);
    for (const match of code.matchAll(new RegExp(`["'\`](?:${escapeRegExp(basePath)})?(${folder}[^"'\`\\s$]+)["'\`]`, 'g'))) {
      references.push({ at: match.index, url: basePath + match[1]! });
    }
  }
  const seen = new Set<string>();
  return references
    .sort((a, b) => a.at - b.at)
    .map((reference) => reference.url)
    .filter((url) => url !== '' && !seen.has(url) && seen.add(url));
}

interface HtmlScan {
  /** URLs the page loads, in document order, with the URL each resolves against. */
  references: { url: string; base: string }[];
  /** [start, end) ranges of tag markup and of `<script>`/`<style>` text: where asset names may be rewritten. */
  markup: [number, number][];
}

function scanHtml(html: string, pagePath: string, jsOptions: { basePath?: string; assetsDir?: string }): HtmlScan {
  const references: HtmlScan['references'] = [];
  const markup: HtmlScan['markup'] = [];
  let base = pagePath;
  let noscriptDepth = 0;
  let rawText: 'script' | 'style' | 'ignored' | undefined;
  const add = (url: string | undefined) => {
    if (noscriptDepth === 0 && url !== undefined && url.trim() !== '' && !url.trim().startsWith('#')) references.push({ url: url.trim(), base });
  };
  const addCss = (css: string) => cssReferences(css).forEach(add);
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        markup.push([parser.startIndex, parser.endIndex + 1]);
        if (name === 'noscript') noscriptDepth++;
        if (name === 'base' && attrs['href'] !== undefined && URL.canParse(attrs['href'], PLACEHOLDER_ORIGIN + base)) {
          base = new URL(attrs['href'], PLACEHOLDER_ORIGIN + base).pathname;
        }
        if (name === 'link') {
          const rels = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
          if (rels.some((rel) => LOADED_LINK_RELS.has(rel))) {
            add(attrs['href']);
            if (attrs['imagesrcset'] !== undefined) srcsetUrls(attrs['imagesrcset']).forEach(add);
          }
        } else if (name === 'script') {
          const loaded = isJavaScriptType(attrs['type']) && attrs['nomodule'] === undefined;
          if (loaded) add(attrs['src']);
          rawText = loaded && attrs['src'] === undefined ? 'script' : 'ignored';
        } else if (name === 'style') rawText = 'style';
        else if (name === 'input' && attrs['type']?.toLowerCase() === 'image') add(attrs['src']);
        for (const attribute of URL_ATTRIBUTES[name] ?? []) add(attrs[attribute]);
        if ((name === 'img' || name === 'source') && attrs['srcset'] !== undefined) srcsetUrls(attrs['srcset']).forEach(add);
        if (attrs['style'] !== undefined) addCss(attrs['style']);
      },
      ontext(text) {
        if (rawText === undefined) return;
        markup.push([parser.startIndex, parser.endIndex + 1]);
        if (rawText === 'style') addCss(text);
        if (rawText === 'script') jsReferences(text, jsOptions).forEach(add);
      },
      onclosetag(name) {
        if (name === 'noscript' && noscriptDepth > 0) noscriptDepth--;
        if (name === 'script' || name === 'style') rawText = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { references, markup };
}

/**
 * The page's HTML with the hash segment taken out of every asset file name in a root-relative URL
 * under `assetsPrefix` ("/_astro/", or "/blog/_astro/" under a base path), in tags and in
 * `<script>`/`<style>` text: two builds that differ only in the contents of shared assets give the
 * same text. Page text (a post quoting an asset URL, say), absolute URLs and everything else are
 * left as they are.
 */
export function normalizedHtml(html: string, assetsPrefix: string): string {
  return normalizeWithin(html, assetsPrefix, scanHtml(html, '/', {}).markup);
}

function normalizeWithin(html: string, assetsPrefix: string, markup: readonly [number, number][]): string {
  const name = String.raw`[^\s"'\x60()<>,\\/?#&;]+`;
  // Root-relative URLs only: "https://cdn.example/_astro/…" is another site's file, and stays as it is.
  const pattern = new RegExp(`(?<![^\\s"'\x60(,=;])(${escapeRegExp(assetsPrefix)}(?:${name}/)*)(${name})`, 'g');
  let range = 0;
  return html.replace(pattern, (whole: string, folder: string, file: string, at: number) => {
    while (range < markup.length && markup[range]![1] <= at) range++;
    const inside = range < markup.length && markup[range]![0] <= at;
    return inside ? folder + stableAssetName(file) : whole;
  });
}

// ---------------------------------------------------------------------------------------------
// Following a page's references through dist/

/** Resolves references without a real origin: anything that lands on another origin is external. */
const PLACEHOLDER_ORIGIN = 'http://page-inputs.invalid';

/** The same-origin request path a reference asks for, or undefined for other origins, data:, mailto:, …. */
export function requestPathOf(reference: string, from: string): string | undefined {
  if (!URL.canParse(reference, PLACEHOLDER_ORIGIN + from)) return undefined;
  const url = new URL(reference, PLACEHOLDER_ORIGIN + from);
  return url.origin === PLACEHOLDER_ORIGIN ? url.pathname : undefined;
}

interface Dependency {
  /** The dist/ file that answers, or undefined when no file can (a path outside the base). */
  file: string | undefined;
  /** The request path it was first found by. */
  path: string;
  /** SHA-256 of the file's content, or undefined when it is missing. */
  hash: string | undefined;
}

export type ReadDistFile = (distFile: string) => Buffer | undefined;

interface WalkerOptions {
  policy: ServePolicy;
  assetsDir?: string;
}

/** What one read of a file says: its content hash and, for CSS and JS, the request paths it loads. */
interface FileFacts {
  hash: string | undefined;
  loads: readonly string[];
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Follows references through dist/, reading each file once; only its hash and references are kept. */
class DependencyWalker {
  private readonly facts = new Map<string, FileFacts>();
  private readonly jsOptions: { basePath: string; assetsDir: string };
  private readonly read: ReadDistFile;
  private readonly policy: ServePolicy;

  constructor(read: ReadDistFile, options: WalkerOptions) {
    this.read = read;
    this.policy = options.policy;
    this.jsOptions = { basePath: options.policy.basePath, assetsDir: options.assetsDir ?? DEFAULT_ASSETS_DIR };
  }

  /** The facts of a file, reached by `path` (which its relative references resolve against). */
  private factsOf(file: string, path: string): FileFacts {
    let facts = this.facts.get(file);
    if (facts) return facts;
    const content = this.read(file);
    const kind = /\.css$/i.test(file) ? 'css' : /\.m?js$/i.test(file) ? 'js' : undefined;
    const text = content !== undefined && kind !== undefined ? content.toString('utf8') : undefined;
    const references = text === undefined ? [] : kind === 'css' ? cssReferences(text) : jsReferences(text, this.jsOptions);
    facts = {
      hash: content === undefined ? undefined : sha256(content),
      loads: references.map((reference) => requestPathOf(reference, path)).filter((child): child is string => child !== undefined),
    };
    this.facts.set(file, facts);
    return facts;
  }

  /** The page's HTML scan and its dependencies, in the order they are first found (document order, depth first). */
  walk(page: PageRef): { html: string; scan: HtmlScan; deps: Dependency[] } {
    const buffer = this.read(page.file);
    if (buffer === undefined) {
      throw new AuditInputError(`${page.file} (the page ${page.path}) is not in dist/. Rebuild the site, or pass the dist/ file that serves ${page.path}.`);
    }
    const html = buffer.toString('utf8');
    const scan = scanHtml(html, page.path, this.jsOptions);
    const deps: Dependency[] = [];
    const seen = new Set<string>([page.file]);
    const visit = (path: string, optional: boolean) => {
      const file = distFileForPath(path, this.policy);
      if (seen.has(file ?? path)) return;
      const facts = file === undefined ? undefined : this.factsOf(file, path);
      if (optional && facts?.hash === undefined) return;
      seen.add(file ?? path);
      deps.push({ file, path, hash: facts?.hash });
      for (const child of facts?.loads ?? []) visit(child, false);
    };
    for (const reference of scan.references) {
      const path = requestPathOf(reference.url, reference.base);
      if (path !== undefined) visit(path, false);
    }
    for (const extra of page.extraPaths ?? []) {
      const path = requestPathOf(extra, page.path);
      if (path !== undefined) visit(path, true);
    }
    return { html, scan, deps };
  }
}

/**
 * The dist/ files (relative, "/"-separated, sorted) a page loads, found from its HTML and followed
 * through CSS and JS, plus its `extraPaths` that exist. `missing` are those referenced but absent:
 * their dist/ file name, or the request path ("/elsewhere/x.css") when no file of dist/ can serve it.
 * The page's own HTML is not among them.
 */
export function pageDependencies(page: PageRef, read: ReadDistFile, policy: ServePolicy, options: { assetsDir?: string } = {}): { files: string[]; missing: string[] } {
  const { deps } = new DependencyWalker(read, { policy, ...options }).walk(page);
  return {
    files: deps.flatMap((dep) => (dep.hash === undefined ? [] : [dep.file!])).sort(),
    missing: deps.flatMap((dep) => (dep.hash === undefined ? [dep.file ?? dep.path] : [])).sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Hashing a page's inputs

export interface InputHasherOptions {
  /** Reads a dist/ file (relative, "/"-separated); undefined when there is none. */
  read: ReadDistFile;
  policy: ServePolicy;
  /** Astro's `build.assets` folder; "_astro" unless the site sets another. */
  assetsDir?: string;
  /** The site's `_headers` rules; read from dist/_headers when not given (none when it is absent). */
  headerRules?: readonly HeaderRule[];
}

/**
 * Hashes pages' inputs. Each file is read and hashed once per hasher, however many pages load it,
 * so use one hasher for one build of dist/ (and a new one for the next build).
 */
export class InputHasher {
  private readonly walker: DependencyWalker;
  private readonly assetsDir: string;
  private readonly assetsPrefix: string;
  private readonly headerRules: readonly HeaderRule[];

  constructor(options: InputHasherOptions) {
    this.assetsDir = options.assetsDir ?? DEFAULT_ASSETS_DIR;
    this.assetsPrefix = assetsPrefixOf(options.policy.basePath, this.assetsDir);
    this.walker = new DependencyWalker(options.read, { policy: options.policy, assetsDir: this.assetsDir });
    const headersFile = options.headerRules === undefined ? options.read('_headers') : undefined;
    this.headerRules = options.headerRules ?? (headersFile ? parseHeadersFile(headersFile.toString('utf8')) : []);
  }

  pageInputs(page: PageRef): PageInputs {
    const { html, scan, deps } = this.walker.walk(page);
    const entries: [string, string][] = [];
    const headers = new Set([JSON.stringify(headersForPath(this.headerRules, page.path))]);
    const used = new Map<string, number>();
    for (const dep of deps) {
      const stable = dep.file === undefined ? dep.path : stableDependencyName(dep.file, this.assetsDir);
      // Two chunks may share a name ("index.Ab12Cd34.css", "index.Ef56Gh78.css"): the second found is "index.css#2".
      const count = (used.get(stable) ?? 0) + 1;
      used.set(stable, count);
      const name = count === 1 ? stable : `${stable}#${count}`;
      entries.push([name, dep.hash ?? 'missing']);
      headers.add(JSON.stringify(headersForPath(this.headerRules, dep.path)));
    }
    return {
      htmlHash: sha256(normalizeWithin(html, this.assetsPrefix, scan.markup)),
      deps: Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      // The distinct header sets, so a file added under an existing rule changes `deps`, not this.
      headersHash: sha256(JSON.stringify([...headers].sort())),
    };
  }
}

/**
 * How a page's inputs changed since its last audit: its HTML (which calls for auditing it), or only
 * files it shares and `_headers` (one page per template may stand for the rest), or nothing.
 */
export function compareInputs(previous: PageInputs, current: PageInputs): InputChange {
  if (previous.htmlHash !== current.htmlHash) return { kind: 'html-changed' };
  const names = new Set([...Object.keys(previous.deps), ...Object.keys(current.deps)]);
  const changed = [...names].filter((name) => previous.deps[name] !== current.deps[name]).sort();
  if (previous.headersHash !== current.headersHash) changed.push('_headers');
  return changed.length === 0 ? { kind: 'same' } : { kind: 'shared-changed', changed };
}
