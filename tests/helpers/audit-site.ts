// A small built site for the audit's end-to-end tests, written by hand so each test can change one
// thing the way a rebuild would: a post's text, the shared stylesheet (a new hashed file name in every
// page), or a heavy image on one post. Five pages of four templates that meet every default budget.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import sharp from 'sharp';
import { editSharedStylesheet } from '../../scripts/bench/site-edits.ts';

export const AUDIT_SITE_URL = 'https://urban-haze.example/';
export const POSTS = ['/posts/alpha/', '/posts/beta/', '/posts/gamma/'] as const;
export const PAGES = ['/', ...POSTS, '/about/'] as const;

const TEMPLATES: Record<string, string> = { '/': 'home', '/about/': 'about' };
const templateOf = (path: string) => TEMPLATES[path] ?? 'post';

function page(path: string, stylesheet: string, extra = ''): string {
  const title = path === '/' ? 'Audit fixture' : `${path.split('/').filter(Boolean).pop()} · Audit fixture`;
  const links = PAGES.filter((other) => other !== path)
    .map((other) => `<li><a href="${other}">${other === '/' ? 'Home' : `Read ${other.split('/').filter(Boolean).pop()}`}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <meta name="description" content="A hand-written page of the audit's test site; it meets every budget until a test changes it.">
    <link rel="canonical" href="${new URL(path, AUDIT_SITE_URL).href}">
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="/_astro/${stylesheet}">
  </head>
  <body data-template="${templateOf(path)}">
    <main>
      <h1>${title}</h1>
      <p>This page is ${path}. It has a heading, a paragraph, links with text and good contrast.</p>
      ${extra}
      <nav aria-label="Other pages"><ul>${links}</ul></nav>
    </main>
  </body>
</html>
`;
}

const fileOf = (path: string) => (path === '/' ? 'index.html' : `${path.slice(1)}index.html`);

export interface AuditSite {
  dist: string;
  /** Rewrites one post's text, as editing its Markdown would. */
  editPost(path: string): void;
  /** Changes the shared stylesheet: a new hashed name, referenced from every page, as a CSS edit would. */
  editSharedCss(): void;
  /** Puts a ~600 KiB photo (with width and height) on one page. */
  addHeavyImage(path: string): Promise<void>;
  cleanup(): void;
}

export function writeAuditSite(): AuditSite {
  const root = mkdtempSync(join(tmpdir(), 'audit-site-'));
  const dist = join(root, 'dist');
  let stylesheetName = 'site.Css00001.css';
  const stylesheet = () => stylesheetName;
  const extras = new Map<string, string>();
  const write = (file: string, text: string | Buffer) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  };
  const writePages = () => {
    for (const path of PAGES) write(fileOf(path), page(path, stylesheet(), extras.get(path)));
  };
  write(`_astro/${stylesheet()}`, 'body{font:18px/1.6 system-ui,sans-serif;color:#111;background:#fff;margin:0 auto;max-width:40rem;padding:1rem}a{color:#0b4f9c}\n');
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#0b4f9c"/></svg>\n');
  write('favicon.ico', Buffer.alloc(0));
  write('404.html', page('/404.html', stylesheet()).replace('data-template="post"', 'data-template="not-found"').replace(/<link rel="canonical"[^>]*>\n/, '<meta name="robots" content="noindex">\n'));
  write('robots.txt', `User-agent: *\nAllow: /\nSitemap: ${AUDIT_SITE_URL}sitemap-index.xml\n`);
  write(
    'sitemap-index.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${PAGES.map((path) => `<url><loc>${new URL(path, AUDIT_SITE_URL).href}</loc></url>`).join('')}</urlset>\n`,
  );
  write('_headers', '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  writePages();
  return {
    dist,
    editPost(path) {
      const file = join(dist, fileOf(path));
      writeFileSync(file, readFileSync(file, 'utf8').replace('It has a heading', 'It was edited, and has a heading'));
    },
    editSharedCss() {
      stylesheetName = basename(editSharedStylesheet(dist).to);
    },
    async addHeavyImage(path) {
      // Noise does not compress: 520 × 400 RGB pixels make a PNG of about 600 KiB.
      const png = await sharp({ create: { width: 520, height: 400, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
      write('images/heavy-photo.png', png);
      extras.set(path, '<img src="/images/heavy-photo.png" width="520" height="400" alt="A photo far heavier than it needs to be">');
      const file = join(dist, fileOf(path));
      writeFileSync(file, page(path, stylesheet(), extras.get(path)));
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
