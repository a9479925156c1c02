// axe-core in real Chromium: the views every accessibility check covers, and one run that returns
// each violation as a readable line (empty when the page passes WCAG 2.2 AA).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, NodeResult, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
  }
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations'],
  // A third party's frame (giscus) is its own page; the <iframe> element itself (its title) is still checked.
  iframes: false,
};

/** A phone's and a desktop's width, each in the light and the dark scheme. */
export const AXE_VIEWS = [
  { width: 375, height: 740, theme: 'light' },
  { width: 375, height: 740, theme: 'dark' },
  { width: 1280, height: 800, theme: 'light' },
  { width: 1280, height: 800, theme: 'dark' },
] as const;

/** One line per failing element: what is wrong, where, and axe's own summary of the fix. */
function describeViolations(results: AxeResults): string[] {
  const where = (node: NodeResult) => node.target.map(String).join(' ');
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${where(node)}\n    ${node.html}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}\n    ${violation.helpUrl}`,
    ),
  );
}

/** Runs axe-core (WCAG 2.2 AA) on the page as it is now. */
export async function wcagViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return describeViolations(await page.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS));
}
