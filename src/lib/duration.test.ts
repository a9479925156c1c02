import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.ts';

describe('durations', () => {
  it.each([
    { ms: 0, expected: '0 s' },
    { ms: 42_400, expected: '42 s' },
    { ms: 59_400, expected: '59 s' },
    { ms: 65_000, expected: '1:05' },
    { ms: 185_000, expected: '3:05' },
    { ms: 3_723_000, expected: '1:02:03' },
    { ms: -5, expected: '0 s' },
  ])('shows $ms ms as $expected', ({ ms, expected }) => expect(formatDuration(ms)).toBe(expected));
});
