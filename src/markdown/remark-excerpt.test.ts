import { describe, expect, it } from 'vitest';
import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import remarkExcerpt, { truncateAtWord } from './remark-excerpt.ts';

describeMarkdownFixtures('remark-excerpt', (options) => ({ remarkPlugins: [[remarkExcerpt, options]] }));

describe('truncateAtWord', () => {
  it.each([
    { text: 'Short enough.', max: 20, result: 'Short enough.' },
    { text: 'Cut this sentence at a word boundary please', max: 20, result: 'Cut this sentence…' },
    { text: 'Averyveryverylongwordwithoutspaces', max: 10, result: 'Averyvery…' },
    { text: '🎉🎉🎉🎉🎉🎉🎉🎉', max: 5, result: '🎉🎉🎉🎉…' },
  ])('shortens "$text" to at most $max characters', ({ text, max, result }) => {
    expect(truncateAtWord(text, max)).toBe(result);
    expect([...truncateAtWord(text, max)].length).toBeLessThanOrEqual(max);
  });
});
