import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../lib/files.ts';
import { readHeadFacts, type HeadFacts } from '../seo/page-head.ts';

const scans = new Map<string, ReadonlyMap<string, HeadFacts>>();

/**
 * The head facts of every built page, keyed by its path in dist/ (`posts/a/index.html`). Read
 * once per build and shared by the integrations that need them (OG cards, sitemap).
 */
export function builtPageHeads(distDir: string): ReadonlyMap<string, HeadFacts> {
  let heads = scans.get(distDir);
  if (!heads) {
    heads = new Map(
      listFiles(distDir)
        .filter((file) => file.endsWith('.html'))
        .map((file) => [file, readHeadFacts(readFileSync(join(distDir, file), 'utf8'))] as const),
    );
    scans.set(distDir, heads);
  }
  return heads;
}
