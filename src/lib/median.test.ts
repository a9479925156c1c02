import { describe, expect, it } from 'vitest';
import { median } from './median.ts';

describe('median', () => {
  it.each([
    { values: [], expected: undefined },
    { values: [3], expected: 3 },
    { values: [93, 100, 97], expected: 97 },
    { values: [1, 4, 2, 3], expected: 2.5 },
    { values: [5, Number.NaN, 1, Infinity, 3], expected: 3 },
  ])('of $values is $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});
