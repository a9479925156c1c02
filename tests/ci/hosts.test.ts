// The other static hosts: Netlify builds with netlify.toml and, like Cloudflare Pages, sends the
// _headers file the build writes. These check that the settings and that file fit each host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitePolicy } from '../../src/security/csp.ts';
import { renderHeadersFile, securityHeaderRules } from '../../src/security/headers.ts';
import { PROJECT_ROOT } from '../helpers/fixture-site.ts';

/** `key = "value"` settings of one [table] of a TOML file (all netlify.toml here uses). */
function tomlTable(text: string, table: string): Record<string, string> {
  const body = text.split(/^\s*\[/m).find((part) => part.startsWith(`${table}]`)) ?? '';
  return Object.fromEntries([...body.matchAll(/^\s*([\w-]+)\s*=\s*"([^"]*)"/gm)].map((match) => [match[1]!, match[2]!]));
}

describe('netlify.toml', () => {
  const toml = readFileSync(join(PROJECT_ROOT, 'netlify.toml'), 'utf8');

  it('builds with astro build, SEO lint included, and publishes Astro’s output folder', () => {
    expect(tomlTable(toml, 'build')).toEqual({ command: 'npx astro build', publish: 'dist' });
    expect(readFileSync(join(PROJECT_ROOT, 'astro.config.mjs'), 'utf8')).not.toMatch(/outDir/);
  });

  it('asks for the Node version the project runs on', () => {
    const wanted = Number(tomlTable(toml, 'build.environment')['NODE_VERSION']);
    const engines = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(wanted).toBeGreaterThanOrEqual(Number(/\d+/.exec(engines)![0]));
  });

  it('leaves the headers to dist/_headers instead of repeating them', () => {
    expect(toml).not.toMatch(/^\s*\[\[headers\]\]/m);
  });
});

describe('the _headers file on Cloudflare Pages', () => {
  // Cloudflare Pages reads at most 100 rules from _headers, each line at most 2,000 characters.
  it.each([
    { name: 'without comments or embeds', config: {} },
    { name: 'with giscus comments and video embeds', config: { giscus: {}, embeds: { frameHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'] } } },
  ])('stays within its limits $name', ({ config }) => {
    const rules = securityHeaderRules(sitePolicy(config));
    expect(rules.length).toBeLessThanOrEqual(100);
    for (const line of renderHeadersFile(rules).split('\n')) expect(line.length, line.slice(0, 60)).toBeLessThanOrEqual(2000);
  });
});
