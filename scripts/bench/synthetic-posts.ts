// Realistic synthetic posts for benchmarks: about 800 words each, with headings, lists, a
// code block, internal and external links and tags. Deterministic for a given seed.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../lib/astro-build.ts';

const WORDS = (
  'network browser router firewall packet server cache image photo lens shutter aperture exposure sensor ' +
  'search ranking index crawler sitemap canonical snippet title description schema markup latency bandwidth ' +
  'the a of to and in that is for it with as on be at by this from or have an they which you one all were ' +
  'practical simple careful quick reliable modern secure private public local remote default custom useful'
).split(' ');
const TAGS = ['Internet', 'IT', 'Security', 'Windows', 'SEO', 'Digital photography', 'Web performance', 'Networking', 'Linux', 'Privacy', 'Email', 'Backups'];

/** A small seeded PRNG (mulberry32), so every run benchmarks the same content. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticPost(index: number, total: number, seed = 1): { fileName: string; contents: string } {
  const next = random(seed * 1_000_003 + index);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 4 }, () => sentence(12 + Math.floor(next() * 8))).join(' ');
  const other = (index + 1 + Math.floor(next() * (total - 1))) % total;
  const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000 * 0.5);
  const tags = [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)])];
  const title = `${sentence(5).replace(/\.$/, '')} ${index + 1}`;
  const body = [
    paragraph(),
    `## ${sentence(4).replace(/\.$/, '')}`,
    paragraph(),
    paragraph(),
    `- ${sentence(6)}\n- ${sentence(7)}\n- ${sentence(5)}`,
    `## ${sentence(3).replace(/\.$/, '')}`,
    `${paragraph()} See [the related synthetic post ${other + 1}](/posts/synthetic-${other + 1}/) and [the Astro documentation](https://docs.astro.build/).`,
    '```ts\nconst answer: number = 42;\nconsole.log(`The answer is ${answer}`);\n```',
    `### ${sentence(4).replace(/\.$/, '')}`,
    paragraph(),
    paragraph(),
    paragraph(),
    `### ${sentence(3).replace(/\.$/, '')}`,
    paragraph(),
    paragraph(),
    `## ${sentence(5).replace(/\.$/, '')}`,
    paragraph(),
    paragraph(),
    paragraph(),
  ].join('\n\n');
  const frontmatter = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(`${sentence(14)} ${sentence(6)}`.slice(0, 150))}`,
    `pubDate: ${day.toISOString().slice(0, 10)}`,
    `tags: ${JSON.stringify(tags)}`,
    '---',
  ].join('\n');
  return { fileName: `synthetic-${index + 1}.md`, contents: `${frontmatter}\n\n${body}\n` };
}

/** Writes `count` posts into `<contentDir>/posts/`, beside a copy of the project's own pages (About, promo note). */
export function writeSyntheticPosts(contentDir: string, count: number, seed = 1): void {
  cpSync(join(PROJECT_ROOT, 'content/pages'), join(contentDir, 'pages'), { recursive: true });
  const postsDir = join(contentDir, 'posts');
  mkdirSync(postsDir, { recursive: true });
  for (let index = 0; index < count; index++) {
    const post = syntheticPost(index, count, seed);
    writeFileSync(join(postsDir, post.fileName), post.contents);
  }
}
