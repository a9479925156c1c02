import type { z } from 'astro/zod';

/** A mistake the site owner can fix: says what is wrong, where, and what to do. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
}

/** The one place where zod issues become sentences a site owner can act on. */
export function formatIssues(source: string, issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => `  - ${issuePath(issue)}: ${issue.message}`);
  return [`Invalid ${source}:`, ...lines].join('\n');
}

/** Edit distance, used to suggest the key a typo meant. */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

export function closestKey(unknown: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(unknown.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(unknown.length / 3)) ? best : undefined;
}

/** Message for a key a strict object does not know, with a suggestion when one is close. */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = closestKey(key, known);
  return suggestion
    ? `unknown key "${key}": did you mean "${suggestion}"?`
    : `unknown key "${key}": remove it (allowed keys: ${known.join(', ')})`;
}
