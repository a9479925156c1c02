import { describe, expect, it } from 'vitest';
import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import remarkReadingTime, { countWords } from './remark-reading-time.ts';

describeMarkdownFixtures('remark-reading-time', (options) => ({ remarkPlugins: [[remarkReadingTime, options]] }));

describe('countWords', () => {
  it.each([
    { text: '', words: 0 },
    { text: 'don’t stop', words: 2 },
    { text: 'Wi-Fi 6E routers', words: 3 },
    { text: 'netsession_win.exe', words: 2 },
    { text: '日本語', words: 3 },
  ])('counts $words words in "$text"', ({ text, words }) => {
    expect(countWords(text)).toBe(words);
  });
});
