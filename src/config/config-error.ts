import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'astro/zod';

/** A place in a file, 1-based, as editors and `file:line:column` links count. */
export interface SourceLocation {
  /** Absolute path, so Astro's "Location:" line opens in an editor from any folder. */
  file: string;
  line: number;
  column: number;
}

/** The environment variable value (`DEBUG=urban-haze`) or flag (`--verbose`) that keeps stack traces on user errors. */
export const DEBUG_NAME = 'urban-haze';

/** Whether user errors keep their stack traces: `DEBUG=urban-haze` (or `*`), or Astro's `--verbose`. */
export function showsStackTraces(
  env: Readonly<Record<string, string | undefined>> = process.env,
  argv: readonly string[] = process.argv,
): boolean {
  const names = (env['DEBUG'] ?? '').split(/[\s,]+/);
  return names.some((name) => name === DEBUG_NAME || name === `${DEBUG_NAME}:*` || name === '*') || argv.includes('--verbose');
}

/**
 * A mistake the site owner fixes in a file or a setting, not a bug in the code. Astro prints an
 * error thrown from a build as its message, `hint` ("Hint:") and `loc` ("Location: file:line:column"),
 * then the stack trace, and for a user's mistake the trace is noise that hides the fix: an error
 * without a stack gets no "Stack trace:" section. DEBUG=urban-haze keeps it (see showsStackTraces).
 */
export class UserError extends Error {
  readonly loc: SourceLocation | undefined;
  readonly #hint: string | undefined;
  constructor(message: string, { loc, hint }: { loc?: SourceLocation | undefined; hint?: string | undefined } = {}) {
    super(message);
    this.loc = loc;
    this.#hint = hint;
    if (!showsStackTraces()) this.stack = '';
  }
  /**
   * The fix, printed by Astro as "Hint:". A read-only accessor because Astro overwrites the hint of
   * any error whose text mentions "window" or "document" with advice about browser APIs, and a post
   * folder such as windows-firewall-… would trigger it.
   */
  get hint(): string | undefined {
    return this.#hint;
  }
  set hint(_ignored: string | undefined) {
    // Deliberately ignored; see the getter.
  }
}

/**
 * Where a setting is written in a TypeScript settings file, found by its keys in order (`author.url`:
 * the first `url:` after `author:`); list indexes are skipped. Undefined when a key is not written.
 * Good enough to open the right line; the file is the owner's, so it is read as text, not parsed.
 */
export function settingPosition(source: string, path: readonly PropertyKey[]): { line: number; column: number } | undefined {
  let offset = -1;
  for (const key of path) {
    const name = String(key);
    if (/^\d+$/.test(name)) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?<![\\w$'"-])(['"]?)${escaped}\\1\\s*:`, 'g');
    pattern.lastIndex = offset + 1;
    const match = pattern.exec(source);
    if (!match) return undefined;
    offset = match.index;
  }
  if (offset === -1) return undefined;
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** The location of a setting in `file` (relative to the working folder), when the file can be read and holds it. */
export function settingLocation(file: string, path: readonly PropertyKey[]): SourceLocation | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const position = settingPosition(source, path);
  return position && { file: resolve(file), ...position };
}

/** A mistake in the site settings (src/site.config.ts or the environment): says what is wrong, where, and what to do. */
export class ConfigError extends UserError {
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
