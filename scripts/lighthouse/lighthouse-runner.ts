// The real Lighthouse, driven from code against an already running Chrome. Loaded lazily: it is large,
// and runs that stop early (no Chrome, bad input) should not pay for it.
import { createRequire } from 'node:module';
import type { LighthouseRequest, LighthouseRun, LighthouseRunner } from './collect.ts';
import type { LighthouseResultLike } from './lighthouse-result.ts';

export function lighthouseVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('lighthouse/package.json') as { version: string }).version;
}

export async function loadLighthouseRunner(): Promise<LighthouseRunner> {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  return async (request: LighthouseRequest): Promise<LighthouseRun> => {
    const result = await lighthouse(
      request.url,
      {
        port: request.port,
        output: ['json', 'html'],
        logLevel: 'silent',
        onlyCategories: [...request.categories],
        skipAudits: [...request.skipAudits],
        blockedUrlPatterns: [...request.blockedUrlPatterns],
        maxWaitForLoad: request.maxWaitForLoadMs,
        // The full-page screenshot only feeds the report's pictures and costs time on every run.
        disableFullPageScreenshot: true,
      },
      request.preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const [json, html] = result.report as [string, string];
    return { lhr: result.lhr as LighthouseResultLike, json, html };
  };
}
