import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { pluginFrontmatter } from './plugin-data.ts';

export interface ReadingTimeOptions {
  /** Reading speed of prose. */
  wordsPerMinute?: number;
}

export interface ReadingStats {
  /** Words of prose (code blocks excluded). */
  wordCount: number;
  /** Whole minutes, at least 1. */
  readingMinutes: number;
}

/** Words in a text: runs of letters/digits, counting each CJK character as a word. */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const words = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
  return words + cjk;
}

export function readingStats(tree: Root, wordsPerMinute: number): ReadingStats {
  let wordCount = 0;
  visit(tree, (node) => {
    if (node.type === 'code' || node.type === 'html') return 'skip';
    if (node.type === 'text' || node.type === 'inlineCode') wordCount += countWords(node.value);
    return undefined;
  });
  return { wordCount, readingMinutes: Math.max(1, Math.round(wordCount / wordsPerMinute)) };
}

/** Adds `wordCount` and `readingMinutes` to the page's frontmatter (Astro's `remarkPluginFrontmatter`). */
export default function remarkReadingTime(options: ReadingTimeOptions = {}) {
  const wordsPerMinute = options.wordsPerMinute ?? 230;
  return (tree: Root, file: VFile) => {
    Object.assign(pluginFrontmatter(file), readingStats(tree, wordsPerMinute));
  };
}

