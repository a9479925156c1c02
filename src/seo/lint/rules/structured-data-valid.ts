import type { PageRule, RuleFinding } from '../types.ts';
import { jsonLdBlocks } from './helpers.ts';

const SCHEMA_ORG = /^https?:\/\/schema\.org\/?$/;

export const structuredDataValid: PageRule = {
  id: 'structured-data-valid',
  scope: 'page',
  description: 'Every JSON-LD block parses as JSON, uses the schema.org vocabulary and declares what it describes.',
  defaultLevel: 'error',
  check(page) {
    const findings: RuleFinding[] = [];
    jsonLdBlocks(page).forEach((block, index) => {
      const which = page.jsonLd.length > 1 ? `JSON-LD block ${index + 1}` : 'The JSON-LD';
      if (block.error !== undefined) {
        findings.push({ message: `${which} is not valid JSON: ${block.error}.`, fix: 'Build it as an object and print JSON.stringify of it, escaping <, > and & as \\u003c, \\u003e and \\u0026.' });
        return;
      }
      if (typeof block.context !== 'string' || !SCHEMA_ORG.test(block.context)) {
        findings.push({ message: `${which} has no "@context": "https://schema.org".`, fix: 'Start it with "@context": "https://schema.org".' });
      }
      if (block.nodes.length === 0) {
        findings.push({ message: `${which} declares no "@type".`, fix: 'Give each described thing an "@type" (WebSite, BlogPosting, …), or list them in "@graph".' });
      }
    });
    return findings;
  },
};
