// For tests: a verdict of a post that met every budget, with the fields a test cares about changed.
import type { PageVerdict } from './assert.ts';

export function passingVerdict(path: string, fields: Partial<PageVerdict> = {}): PageVerdict {
  return {
    path,
    url: `http://127.0.0.1${path}`,
    template: 'post',
    reason: 'new',
    indexable: true,
    scores: { performance: null, accessibility: 100, 'best-practices': 100, seo: 100 },
    facts: {},
    findings: [],
    skippedAudits: [],
    failed: false,
    ...fields,
  };
}
