import { describe, expect, it } from 'vitest';
import { auditSchema } from '../../config/audit-schema.ts';
import { budgetOf, seriesOf, worstOf, type MetricKey } from './score-history.ts';

const options = { target: 'dist', preset: 'mobile' };

/** One history line as the audit writes it (scripts/lighthouse/report.ts historyEntryOf). */
const run = (at: string, pages: Record<string, Record<string, number | null>>, facts?: Record<string, Record<string, number>>, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ at: `2026-06-0${at}T10:00:00.000Z`, target: 'dist', preset: 'mobile', passed: true, runDir: `runs/${at}`, pages, ...(facts ? { facts } : {}), ...fields });

const values = (points: readonly { value: number }[]) => points.map((point) => point.value);

describe('seriesOf: each page over the runs that audited it', () => {
  const history = [
    run('1', { '/': { performance: 90, seo: 100 }, '/a/': { performance: null, seo: 92 } }, { '/': { lcpMs: 1200, bytes: 7000 }, '/a/': { bytes: 9000 } }),
    run('2', { '/a/': { performance: null, seo: 100 } }, { '/a/': { bytes: 8000 } }), // "/" unchanged
    run('3', { '/': { performance: 80, seo: 100 } }, { '/': { lcpMs: 2600, bytes: 7100 } }),
  ].join('\n');
  const result = seriesOf(history, options);
  const page = (path: string, key: MetricKey) => values(result.pages.find((item) => item.path === path)!.series[key]);

  it.each([
    { path: '/', key: 'performance', expected: [90, 80], why: 'not audited in run 2: no point, not a zero' },
    { path: '/', key: 'lcpMs', expected: [1200, 2600], why: 'LCP from the timed runs' },
    { path: '/a/', key: 'performance', expected: [], why: 'never timed: null is not measured' },
    { path: '/a/', key: 'seo', expected: [92, 100], why: 'audited in runs 1 and 2' },
    { path: '/a/', key: 'bytes', expected: [9000, 8000], why: 'bytes from the deterministic run' },
    { path: '/a/', key: 'lcpMs', expected: [], why: 'no timed runs, no LCP' },
  ] as const)('$path $key: $expected ($why)', ({ path, key, expected }) => {
    expect(page(path, key)).toEqual(expected);
  });

  it('dates each point with its run', () => {
    expect(result.pages.find((item) => item.path === '/')!.series.seo.map((point) => point.at)).toEqual(['2026-06-01T10:00:00.000Z', '2026-06-03T10:00:00.000Z']);
  });

  it('lists the runs oldest first and the pages by path', () => {
    expect(result.runs.map((item) => item.runDir)).toEqual(['runs/1', 'runs/2', 'runs/3']);
    expect(result.pages.map((item) => item.path)).toEqual(['/', '/a/']);
    expect(result.problems).toEqual([]);
  });
});

describe('seriesOf: the site is its worst page at each run, unchanged pages keeping their last value', () => {
  const history = [
    run('1', { '/': { seo: 100 }, '/a/': { seo: 92 } }, { '/': { bytes: 7000, cls: 0 }, '/a/': { bytes: 9000, cls: 0.2 } }),
    run('2', { '/a/': { seo: 100 } }, { '/a/': { bytes: 8000, cls: 0 } }),
    run('3', { '/': { seo: 95 } }, { '/': { bytes: 7100, cls: 0 } }),
  ].join('\n');
  const { site } = seriesOf(history, options);

  it.each([
    { key: 'seo', expected: [92, 100, 95], why: 'the lowest score' },
    { key: 'bytes', expected: [9000, 8000, 8000], why: 'the heaviest page; "/a/" still weighs 8000 in run 3' },
    { key: 'cls', expected: [0.2, 0, 0], why: 'the largest shift' },
    { key: 'lcpMs', expected: [], why: 'no page was timed' },
  ] as const)('$key: $expected ($why)', ({ key, expected }) => {
    expect(values(site[key])).toEqual(expected);
  });

  it('names the page each site value comes from', () => {
    expect(site.seo.map((point) => point.page)).toEqual(['/a/', '/', '/']);
  });

  it('falls back to the next worst page, not audited in that run, when the worst one improves', () => {
    const result = seriesOf([run('1', { '/': { seo: 100 }, '/a/': { seo: 80 }, '/b/': { seo: 90 } }), run('2', { '/a/': { seo: 100 } }), run('3', { '/': { seo: 70 } })], options);
    expect(result.site.seo.map(({ page, value }) => [page, value])).toEqual([['/a/', 80], ['/b/', 90], ['/', 70]]);
  });

  it('leaves out pages the site no longer has, when told which it has', () => {
    expect(values(seriesOf(history, { ...options, pages: new Set(['/']) }).site.bytes)).toEqual([7000, 7000, 7100]);
  });
});

describe('seriesOf: runs it leaves out', () => {
  it.each([
    { name: 'another preset', fields: { preset: 'desktop' } },
    { name: 'another target', fields: { target: 'https://example.com/' } },
  ])('leaves out runs of $name, silently', ({ fields }) => {
    const result = seriesOf([run('1', { '/': { seo: 90 } }), run('2', { '/': { seo: 10 } }, undefined, fields)].join('\n'), options);
    expect(values(result.site.seo)).toEqual([90]);
    expect(result.problems).toEqual([]);
  });

  it('orders runs by time, whatever order the file has them in', () => {
    const result = seriesOf([run('3', { '/': { seo: 97 } }), run('1', { '/': { seo: 91 } })].join('\n'), options);
    expect(values(result.site.seo)).toEqual([91, 97]);
  });

  it('reads entries written before the history kept metrics: scores only', () => {
    const result = seriesOf([JSON.parse(run('1', { '/': { seo: 100 } }))], options); // as readHistory gives them
    expect(values(result.site.seo)).toEqual([100]);
    expect(values(result.site.bytes)).toEqual([]);
  });

  it('has no series and no problems before the first run', () => {
    const result = seriesOf('', options);
    expect(result).toEqual({ runs: [], site: expect.objectContaining({ seo: [], bytes: [] }), pages: [], problems: [] });
  });
});

describe('seriesOf: malformed lines are reported with file and line, never thrown', () => {
  it.each([
    { name: 'a line cut short', line: '{"at": "2026-06-0', problem: 'history.jsonl:2: not JSON (a run stopped while writing it?); left out of the charts. Delete the line to silence this.' },
    { name: 'JSON that is not an entry', line: '[1, 2]', problem: 'history.jsonl:2: not a history entry (needs "at", "target", "preset" and "pages"); left out of the charts. Delete the line to silence this.' },
    { name: 'a date that is not one', line: run('1', {}, undefined, { at: 'yesterday' }), problem: 'history.jsonl:2: "at" is "yesterday", not a date; left out of the charts.' },
    { name: 'a score out of range', line: run('2', { '/': { seo: 140, accessibility: 100 } }), problem: 'history.jsonl:2: page / has seo 140, expected a score from 0 to 100 or null; that value is left out.' },
    { name: 'a metric that is not a number', line: run('2', { '/': { seo: 100 } }, { '/': { bytes: '7 KiB' as unknown as number } }), problem: 'history.jsonl:2: page / has bytes "7 KiB", expected a number ≥ 0 or null; that value is left out.' },
    { name: 'a page that is not an object', line: run('2', { '/': 100 as unknown as Record<string, number> }), problem: 'history.jsonl:2: page / is 100, expected an object of values; left out.' },
  ])('$name', ({ line, problem }) => {
    const result = seriesOf([run('1', { '/': { seo: 90 } }), line, run('3', { '/': { seo: 95 } })].join('\n'), { ...options, file: 'history.jsonl' });
    expect(result.problems).toEqual([{ line: 2, message: problem }]);
    expect(values(result.site.seo)[0]).toBe(90);
    expect(values(result.site.seo).at(-1)).toBe(95);
  });

  it('keeps the good values of a run with one bad value', () => {
    const result = seriesOf([run('1', { '/': { seo: 140, accessibility: 98 } })], options);
    expect(values(result.site.accessibility)).toEqual([98]);
    expect(result.problems[0]!.message).toMatch(/^reports\/lighthouse\/history\.jsonl:1: page \/ has seo 140/);
  });
});

describe('worstOf', () => {
  it.each([
    { better: 'higher', expected: { page: '/b/', value: 80 } },
    { better: 'lower', expected: { page: '/c/', value: 95 } },
  ] as const)('the worst when $better is better', ({ better, expected }) => {
    expect(worstOf([{ page: '/a/', value: 90 }, { page: '/b/', value: 80 }, { page: '/c/', value: 95 }], better)).toEqual(expected);
  });

  it('is nothing without values', () => {
    expect(worstOf([], 'higher')).toBeUndefined();
  });
});

describe('budgetOf: the budget line each chart draws, from the audit config', () => {
  const defaults = auditSchema.parse({});
  it.each([
    { key: 'performance', config: {}, expected: { value: 90, level: 'warn', better: 'higher' } },
    { key: 'seo', config: {}, expected: { value: 100, level: 'error', better: 'higher' } },
    { key: 'accessibility', config: { categories: { accessibility: { error: 90, warn: 95 } } }, expected: { value: 90, level: 'error', better: 'higher' } },
    { key: 'performance', config: { categories: { performance: {} } }, expected: undefined },
    { key: 'lcpMs', config: {}, expected: { value: 2500, level: 'warn', better: 'lower' } },
    { key: 'tbtMs', config: {}, expected: { value: 200, level: 'warn', better: 'lower' } },
    { key: 'cls', config: {}, expected: { value: 0.1, level: 'error', better: 'lower' } },
    { key: 'bytes', config: {}, expected: { value: 512_000, level: 'error', better: 'lower' } },
    { key: 'bytes', config: { assertions: { 'total-byte-weight': 'off' } }, expected: undefined },
    { key: 'lcpMs', config: { assertions: { 'largest-contentful-paint': ['off', { maxNumericValue: 1 }] } }, expected: undefined },
    { key: 'lcpMs', config: { assertions: { 'largest-contentful-paint': ['error', { maxNumericValue: 4000 }] } }, expected: { value: 4000, level: 'error', better: 'lower' } },
  ] as const)('$key with $config: $expected', ({ key, config, expected }) => {
    expect(budgetOf(key, Object.keys(config).length === 0 ? defaults : auditSchema.parse(config))).toEqual(expected);
  });
});
