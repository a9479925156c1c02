import { describe, expect, it } from 'vitest';
import { excerptSegments } from './excerpt.ts';

describe('excerptSegments', () => {
  it.each([
    { excerpt: 'plain text', segments: [{ text: 'plain text', marked: false }] },
    {
      excerpt: 'a <mark>netsession</mark> alert',
      segments: [
        { text: 'a ', marked: false },
        { text: 'netsession', marked: true },
        { text: ' alert', marked: false },
      ],
    },
    {
      excerpt: '<mark>two</mark> <mark>words</mark>',
      segments: [
        { text: 'two', marked: true },
        { text: ' ', marked: false },
        { text: 'words', marked: true },
      ],
    },
    { excerpt: '', segments: [] },
  ])('splits "$excerpt" into text and highlighted words', ({ excerpt, segments }) => {
    expect(excerptSegments(excerpt)).toEqual(segments);
  });

  it('turns page text that looked like markup back into plain text, never into elements', () => {
    expect(excerptSegments('use &lt;script&gt; & AT&T <mark>&lt;b&gt;</mark>')).toEqual([
      { text: 'use <script> & AT&T ', marked: false },
      { text: '<b>', marked: true },
    ]);
  });
});
