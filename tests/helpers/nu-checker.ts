// The W3C Nu HTML checker (vnu.jar from the pinned npm package vnu-jar), run on the system's Java.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

export interface NuMessage {
  /** "error", "info" (with subType "warning" for a warning) or "non-document-error" (a file it could not read). */
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  /** file: URL of the page. */
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  /** The markup around the problem. */
  extract?: string;
}

/** Checks every file in one run: the JVM takes longer to start than the checker takes per page. */
export function checkHtmlFiles(files: readonly string[]): NuMessage[] {
  const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    throw new Error(
      `The Nu HTML checker needs Java 11 or later, and \`java\` did not start (${run.error.message}). Install a Java runtime (Debian: apt-get install default-jre-headless; .ci/run does this when none is found).`,
    );
  }
  // The report goes to stderr; JVM warnings may come before it.
  const report = run.stderr.slice(run.stderr.indexOf('{'));
  try {
    return (JSON.parse(report) as { messages: NuMessage[] }).messages;
  } catch {
    throw new Error(`The Nu HTML checker gave no report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
}

/**
 * Whether a message is one of the checker's Content-Security-Policy notes, which do not apply to a
 * built site read from disk: it matches 'self' against the file: URL it reads, and it applies
 * script-src to JSON-LD, a data block that is never run. The real policy is tested in a browser
 * (tests/e2e/security-and-theme.test.ts).
 */
export const isCspNote = (message: NuMessage): boolean => message.type === 'info' && /violates Content Security Policy/.test(message.message);

/** `about/index.html:1:2034 error: Stray start tag “script”. … extract …`, relative to the site's folder. */
export function describeNuMessage(message: NuMessage, root: string): string {
  const file = message.url?.startsWith('file:') ? relative(root, fileURLToPath(message.url)) : (message.url ?? '(no file)');
  const kind = message.subType ? `${message.type} ${message.subType}` : message.type;
  const at = message.lastLine === undefined ? file : `${file}:${message.lastLine}:${message.firstColumn ?? 0}`;
  return `${at} ${kind}: ${message.message}${message.extract ? `\n    ${message.extract.replace(/\n/g, ' ')}` : ''}`;
}
