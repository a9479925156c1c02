// npm run new-post -- "Title" [--tags "SEO, Internet"]
// Writes content/posts/<slug>.md as a draft; never overwrites an existing post.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readBuildEnv, readProjectPaths } from '../src/config/build-env.ts';
import { newPostFile } from '../src/content/new-post.ts';
import { siteConfig } from '../src/site.config.ts';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { tags: { type: 'string', default: '' } },
  });
  const title = positionals.join(' ');
  const { now } = readBuildEnv(process.env, siteConfig.timezone);
  const tags = values.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
  let post;
  try {
    post = newPostFile({ title, now, timeZone: siteConfig.timezone, tags });
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const postsDir = join(readProjectPaths(process.env).contentDir, 'posts');
  const target = join(postsDir, post.fileName);
  const clash = [target, join(postsDir, post.slug, 'index.md')].find((path) => existsSync(path));
  if (clash) {
    console.error(`${clash} already exists; choose another title or edit that post.`);
    return 1;
  }
  mkdirSync(postsDir, { recursive: true });
  writeFileSync(target, post.contents, { flag: 'wx' });
  console.log(`Created ${target} (a draft: preview it with npm run dev, then remove "draft: true" to publish).`);
  return 0;
}

process.exitCode = main();
