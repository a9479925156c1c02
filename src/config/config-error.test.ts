import { describe, expect, it } from 'vitest';
import { ConfigError, settingPosition, showsStackTraces, UserError } from './config-error.ts';

describe('showsStackTraces', () => {
  it.each([
    { env: {}, argv: ['astro', 'build'], shows: false },
    { env: { DEBUG: 'urban-haze' }, argv: [], shows: true },
    { env: { DEBUG: 'vite:*,urban-haze' }, argv: [], shows: true },
    { env: { DEBUG: 'urban-haze:*' }, argv: [], shows: true },
    { env: { DEBUG: '*' }, argv: [], shows: true },
    { env: { DEBUG: 'vite:*' }, argv: [], shows: false },
    { env: { DEBUG: 'urban-hazer' }, argv: [], shows: false },
    { env: {}, argv: ['astro', 'build', '--verbose'], shows: true },
  ])('is $shows for DEBUG=$env.DEBUG and $argv', ({ env, argv, shows }) => {
    expect(showsStackTraces(env, argv)).toBe(shows);
  });
});

describe('UserError', () => {
  it('has no stack trace for Astro to print, and keeps its location and fix', () => {
    const error = new ConfigError('url is wrong', { loc: { file: '/site/src/site.config.ts', line: 7, column: 3 }, hint: 'Set url.' });
    expect(error).toBeInstanceOf(UserError);
    expect(error.stack).toBe('');
    expect(error.loc).toEqual({ file: '/site/src/site.config.ts', line: 7, column: 3 });
    expect(error.hint).toBe('Set url.');
  });

  it('keeps its hint when Astro replaces hints that mention "window"', () => {
    const error = new UserError('content/posts/windows-firewall/index.md:2:1: a problem', { hint: 'The fix.' });
    (error as { hint: string | undefined }).hint = 'Browser APIs are not available on the server.';
    expect(error.hint).toBe('The fix.');
  });
});

describe('settingPosition', () => {
  const source = [
    'const settings = {',
    "  url: 'https://urban-haze.example',",
    "  author: { name: 'A', url: 'https://urban-haze.example/about/' },",
    "  social: [{ label: 'GitHub', url: 'https://github.com/a' }],",
    "  'postsPerPage': 5,",
    '};',
  ].join('\n');

  it.each([
    { path: ['url'], position: { line: 2, column: 3 } },
    { path: ['author', 'url'], position: { line: 3, column: 24 } },
    { path: ['social', 0, 'url'], position: { line: 4, column: 31 } },
    { path: ['postsPerPage'], position: { line: 5, column: 3 } },
    { path: ['title'], position: undefined },
    { path: [], position: undefined },
  ])('finds $path at $position', ({ path, position }) => {
    expect(settingPosition(source, path)).toEqual(position);
  });
});
