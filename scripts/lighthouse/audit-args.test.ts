import { describe, expect, it } from 'vitest';
import { auditIsRequired, isCi, parseAuditArgs } from './audit-args.ts';

describe('the audit’s command line', () => {
  it('defaults to the changed-only audit of dist/', () => {
    expect(parseAuditArgs([])).toEqual({ afterBuild: false, requireAudit: false, all: false, help: false });
  });

  it('reads every option', () => {
    expect(
      parseAuditArgs(['--all', '--max-pages', '5', '--shard', '2/4', '--preset', 'desktop', '--runs', '1', '--page-timeout', '20', '--port', '4321', '--dist', 'out', '--report-as', 'dist', '--reports-dir', 'r', '--cache-dir', 'c', '--after-build', '--require-audit']),
    ).toEqual({
      afterBuild: true,
      requireAudit: true,
      all: true,
      help: false,
      maxPages: 5,
      shard: { index: 2, count: 4 },
      preset: 'desktop',
      runs: 1,
      pageTimeoutSeconds: 20,
      port: 4321,
      dist: 'out',
      reportAs: 'dist',
      reportsDir: 'r',
      cacheDir: 'c',
    });
  });

  it('reads which pages to time, how many Chromes to use and the commit to compare with', () => {
    expect(parseAuditArgs(['--since', 'main', '--timed', 'none', '--workers', '3'])).toMatchObject({ since: 'main', timed: 'none', workers: 3 });
  });

  it('normalises a deployed site’s URL to end in "/"', () => {
    expect(parseAuditArgs(['--url', 'https://example.com/blog']).url).toBe('https://example.com/blog/');
  });

  it.each([
    { argv: ['--shard', '0/3'], message: '--shard expects i/n with 1 ≤ i ≤ n, e.g. --shard 2/4, not "0/3"' },
    { argv: ['--shard', '4/3'], message: '--shard expects i/n with 1 ≤ i ≤ n' },
    { argv: ['--shard', 'two'], message: '--shard expects i/n' },
    { argv: ['--max-pages', '0'], message: '--max-pages expects a whole number from 1, not "0"' },
    { argv: ['--runs', '12'], message: '--runs expects a whole number from 1 to 9, not "12"' },
    { argv: ['--preset', 'tablet'], message: '--preset is mobile or desktop, not "tablet"' },
    { argv: ['--url', 'example.com'], message: '--url expects the site\'s address, e.g. https://example.com/, not "example.com"' },
    { argv: ['--url', 'https://example.com/', '--dist', 'x'], message: '--url audits a deployed site; --dist and --port are for auditing a local build' },
    { argv: ['--timed', 'some'], message: '--timed is per-template, all or none, not "some"' },
    { argv: ['--workers', '0'], message: '--workers expects a whole number from 1 to 16, not "0"' },
    { argv: ['--since', ' '], message: '--since expects a git commit, branch or tag, e.g. --since main, not " "' },
    { argv: ['--all', '--since', 'main'], message: '--all audits every page and --since the pages changed since a commit. Use one or the other.' },
    { argv: ['--url', 'https://example.com/', '--since', 'main'], message: '--since maps source files to the pages of a local build; it cannot be used with --url.' },
    { argv: ['--everything'], message: "Unknown option '--everything'. Run npm run audit -- --help for the options." },
  ])('rejects $argv with a message saying what to write', ({ argv, message }) => {
    expect(() => parseAuditArgs(argv)).toThrow(message);
  });
});

describe('when a missing Chrome fails the run', () => {
  it.each([
    { args: { afterBuild: false, requireAudit: false }, env: {}, required: true, why: 'npm run audit always needs Chrome' },
    { args: { afterBuild: true, requireAudit: false }, env: {}, required: false, why: 'after a build, the audit is skipped with a warning' },
    { args: { afterBuild: true, requireAudit: true }, env: {}, required: true, why: '--require-audit makes it required' },
    { args: { afterBuild: true, requireAudit: false }, env: { CI: 'true' }, required: true, why: 'CI makes it required' },
    { args: { afterBuild: true, requireAudit: false }, env: { CI: 'false' }, required: false, why: 'CI=false is not CI' },
  ])('$why', ({ args, env, required }) => {
    expect(auditIsRequired(args, env)).toBe(required);
  });

  it.each([
    { value: undefined, ci: false },
    { value: '', ci: false },
    { value: '0', ci: false },
    { value: 'FALSE', ci: false },
    { value: '1', ci: true },
    { value: 'true', ci: true },
    { value: 'woodpecker', ci: true },
  ])('CI=$value means CI: $ci', ({ value, ci }) => expect(isCi({ CI: value })).toBe(ci));
});

describe('the audit’s --merge', () => {
  it('takes every folder after --merge, with where the merged report and cache go', () => {
    expect(parseAuditArgs(['--merge', 'shards/1', 'shards/2', 'shards/3', '--reports-dir', 'r', '--cache-dir', 'c'])).toMatchObject({
      merge: ['shards/1', 'shards/2', 'shards/3'],
      reportsDir: 'r',
      cacheDir: 'c',
    });
  });

  it('refuses the options of an audit, which the shards already chose', () => {
    expect(() => parseAuditArgs(['--merge', 'a', '--all', '--shard', '1/2'])).toThrow('--merge combines results the shards already made; it takes only --reports-dir and --cache-dir, not --all, --shard.');
  });

  it('refuses a stray argument without --merge', () => {
    expect(() => parseAuditArgs(['shards/1'])).toThrow('Unexpected argument "shards/1"');
  });
});
