// Atomic output, as data: the folders a build uses beside dist/, what to do given which of them
// exist, and what to tell the site owner. The integration (src/integrations/atomic-output.ts) and
// `npm run build` (scripts/build.ts) only read the disk, run these steps and print these lines.
import { constants } from 'node:os';

/** The four folders of one output: the published site and the three beside it. */
export interface OutputFolders {
  /** The published site (dist/): only ever replaced whole, by a rename. */
  final: string;
  /** Where Astro and every later stage write this build. */
  staging: string;
  /** The old dist/ for the instant between the two renames that replace it. */
  previous: string;
  /** The last build that failed a stage or was stopped, kept for inspection. */
  rejected: string;
}

export type FolderRole = keyof OutputFolders;

/** Which of the four folders exist. */
export type DiskState = Readonly<Record<FolderRole, boolean>>;

/** One filesystem step. `path` narrows a removal to a folder inside the role's folder. */
export type Step =
  | { op: 'rename'; from: FolderRole; to: FolderRole }
  | { op: 'remove'; folder: FolderRole; path?: string }
  | { op: 'write'; folder: FolderRole; path: string; text: string };

/** Astro's server chunks for prerendering: build scaffolding, never part of a site. */
export const PRERENDER_CHUNKS = '.prerender';
/** The note in a rejected build saying why and when. */
export const REJECTION_NOTE = 'REJECTED.txt';

/** Set by `npm run build`: a JSON file where the build says what it staged, and a sign not to publish it yet. */
export const HANDOFF_ENV = 'ATOMIC_BUILD_HANDOFF';
/** Tests only: the stage at which the build sends itself a signal (a stage id, see STAGES). */
export const TEST_SIGNAL_AT_ENV = 'ATOMIC_BUILD_TEST_SIGNAL_AT';
/** Tests only: which signal (default SIGTERM). */
export const TEST_SIGNAL_ENV = 'ATOMIC_BUILD_TEST_SIGNAL';

/** What a deferred build tells `npm run build` through the handoff file. */
export interface Handoff {
  /** The published folder (the resolved outDir, CLI `--outDir` included). */
  final: string;
  /** True once every stage of `astro build` passed and the staging folder holds the whole site. */
  staged: boolean;
}

/** The folders beside an output folder: `dist` → `dist.staging`, `dist.previous`, `dist.rejected`. */
export function outputFolders(outDir: string): OutputFolders {
  const final = outDir.replace(/[\\/]+$/, '');
  return { final, staging: `${final}.staging`, previous: `${final}.previous`, rejected: `${final}.rejected` };
}

export interface Stage {
  /** "the SEO lint failed" */
  failed: string;
  /** "while the SEO lint ran" */
  during: string;
}

/** The build's stages by id: Astro's own phases, then each integration's build:done hook by its name. */
export const STAGES: Readonly<Record<string, Stage>> = {
  loading: { failed: 'loading the config and content failed', during: 'while the config and content were loaded' },
  render: { failed: 'rendering the pages failed', during: 'while the pages were rendered' },
  'urban-haze:search-index': { failed: 'starting the search index failed', during: 'while the search index started' },
  'urban-haze:og-images': { failed: 'drawing the OG cards failed', during: 'while the OG cards were drawn' },
  'urban-haze:sitemap-out-dir': { failed: 'writing the sitemap failed', during: 'while the sitemap was written' },
  '@astrojs/sitemap': { failed: 'writing the sitemap failed', during: 'while the sitemap was written' },
  'urban-haze:security-headers': { failed: 'writing _headers failed', during: 'while _headers was written' },
  'urban-haze:search-index-finish': { failed: 'building the search index failed', during: 'while the search index was built' },
  'urban-haze:seo-lint': { failed: 'the SEO lint failed', during: 'while the SEO lint ran' },
  publish: { failed: 'publishing the build failed', during: 'while the build was published' },
  audit: { failed: 'the Lighthouse audit failed', during: 'during the Lighthouse audit' },
};

export function stageOf(id: string): Stage {
  return STAGES[id] ?? { failed: `the ${id} integration failed`, during: `while the ${id} integration ran` };
}

/** Why a build was not published. */
export type Rejection =
  /** A stage threw, or an audit or lint judged the site. */
  | { kind: 'failed'; stage: string }
  /** The build caught a signal and stopped. */
  | { kind: 'signal'; signal: string; stage: string }
  /** The `astro build` process died of a signal it could not catch (seen from `npm run build`). */
  | { kind: 'killed'; signal: string }
  /** The `astro build` process ended with an error before it could reject its own output. */
  | { kind: 'exited'; code: number }
  /** The process ended without error but before the last stage ran. */
  | { kind: 'incomplete'; stage: string };

export function reasonOf(rejection: Rejection): string {
  switch (rejection.kind) {
    case 'failed':
      return stageOf(rejection.stage).failed;
    case 'signal':
      return `stopped by ${rejection.signal} ${stageOf(rejection.stage).during}`;
    case 'killed':
      return `astro build was killed by ${rejection.signal}`;
    case 'exited':
      return `astro build exited with code ${rejection.code} before it finished`;
    case 'incomplete':
      return `the build ended ${stageOf(rejection.stage).during}, before its last stage`;
  }
}

/** The exit code of a process stopped by `signal`, as shells report it: 128 + the signal's number. */
export function signalExitCode(signal: string): number {
  const number = (constants.signals as Record<string, number | undefined>)[signal];
  return number === undefined ? 1 : 128 + number;
}

/** Before a build: put back a dist/ an interrupted swap left aside, and clear what dead builds left. */
export function planPreparation(state: DiskState): Step[] {
  const steps: Step[] = [];
  // The crash fell between the two renames of a swap: the old site is whole in previous.
  if (!state.final && state.previous) steps.push({ op: 'rename', from: 'previous', to: 'final' });
  // The swap finished (final is the new site); only removing the old one did not.
  else if (state.previous) steps.push({ op: 'remove', folder: 'previous' });
  if (state.staging) steps.push({ op: 'remove', folder: 'staging' });
  return steps;
}

/**
 * Publishing: the staged site replaces dist/ by two renames. A crash between them leaves dist/
 * missing and the old site whole in `previous`, which planPreparation puts back.
 */
export function planPublish(state: DiskState): Step[] {
  const steps: Step[] = [{ op: 'remove', folder: 'staging', path: PRERENDER_CHUNKS }];
  if (state.previous) steps.push({ op: 'remove', folder: 'previous' });
  if (state.final) steps.push({ op: 'rename', from: 'final', to: 'previous' });
  steps.push({ op: 'rename', from: 'staging', to: 'final' });
  if (state.final) steps.push({ op: 'remove', folder: 'previous' });
  // A rejected build describes a failure this build has fixed.
  if (state.rejected) steps.push({ op: 'remove', folder: 'rejected' });
  return steps;
}

/** Rejecting: the staged output becomes the rejected build, with a note; dist/ is never touched. */
export function planRejection(state: DiskState, rejection: Rejection, at: Date, names: Readonly<Record<FolderRole, string>>): Step[] {
  if (!state.staging) return [];
  return [
    ...(state.rejected ? [{ op: 'remove', folder: 'rejected' } as const] : []),
    { op: 'rename', from: 'staging', to: 'rejected' },
    { op: 'remove', folder: 'rejected', path: PRERENDER_CHUNKS },
    { op: 'write', folder: 'rejected', path: REJECTION_NOTE, text: rejectionNote(rejection, at, names) },
  ];
}

/** REJECTED.txt: why and when, and what happens to the folder next. */
export function rejectionNote(rejection: Rejection, at: Date, names: Readonly<Record<FolderRole, string>>): string {
  return [
    `This build was not published: ${reasonOf(rejection)}.`,
    `When: ${at.toISOString()}`,
    `The published site, ${names.final}/, was left as it was. The build's output (terminal or CI log) says what went wrong.`,
    'The next failed build replaces this folder; the next successful one deletes it.',
    '',
  ].join('\n');
}

/** The one line a failed or stopped build ends with. `state` is the disk before the rejection. */
export function rejectionLine(state: DiskState, rejection: Rejection, names: Readonly<Record<FolderRole, string>>): string {
  const site = state.final ? `${names.final}/ unchanged` : `nothing published to ${names.final}/`;
  return state.staging
    ? `${site}; the rejected build is in ${names.rejected}/ (${reasonOf(rejection)})`
    : `${site} (${reasonOf(rejection)}, before any output was written)`;
}

/** The last line of a published build; `report` is where its SEO report is, when the build wrote one. */
export function publishedLine(names: Readonly<Record<FolderRole, string>>, report?: string): string {
  const published = `Published: ${names.final}/ now holds this build (every stage passed; it replaced the previous site in one rename).`;
  return report === undefined ? published : `${published} SEO report: ${report}`;
}

export function stagedLine(names: Readonly<Record<FolderRole, string>>): string {
  return `Build staged in ${names.staging}/; it replaces ${names.final}/ only if the Lighthouse audit passes.`;
}

/** What planPreparation's steps mean to the site owner (nothing to say when there were none). */
export function preparationLines(steps: readonly Step[], names: Readonly<Record<FolderRole, string>>): string[] {
  return steps.flatMap((step) => {
    if (step.op === 'rename' && step.from === 'previous') {
      return [`Restored ${names.final}/ from ${names.previous}/: an earlier build was stopped in the middle of replacing it.`];
    }
    if (step.op === 'remove' && step.folder === 'staging' && step.path === undefined) {
      return [`Removed ${names.staging}/, left by a build that was killed before it finished (${names.final}/ was not touched).`];
    }
    return [];
  });
}

export type WritableRole = 'cache' | 'output';

/** A folder the build must write to but cannot: where, why, and the fix. */
export function unwritableMessage(role: WritableRole, folder: string, code: string, final: string): string {
  if (role === 'cache') {
    return (
      `Cannot write to Astro's cache folder ${folder} (${code}). The build keeps its content store, optimised images, ` +
      `OG cards and search index there. Fix: make it writable by this user (e.g. chown -R "$(id -un)" ${folder}), ` +
      'delete it (it is rebuilt), or set ASTRO_CACHE_DIR to a writable folder.'
    );
  }
  return (
    `Cannot write to ${folder} (${code}), where the build stages its output beside ${final}/ before replacing it. ` +
    `Fix: make ${folder} writable by this user, or build into another folder with --outDir.`
  );
}

/** `ATOMIC_BUILD_TEST_SIGNAL_AT` and `ATOMIC_BUILD_TEST_SIGNAL`, read once. */
export function testSignalOf(env: Readonly<Record<string, string | undefined>>): { stage: string; signal: NodeJS.Signals } | undefined {
  const stage = env[TEST_SIGNAL_AT_ENV];
  if (!stage) return undefined;
  const signal = env[TEST_SIGNAL_ENV] || 'SIGTERM';
  if (!(signal in constants.signals)) throw new Error(`${TEST_SIGNAL_ENV}=${signal} is not a signal name (e.g. SIGTERM)`);
  return { stage, signal: signal as NodeJS.Signals };
}

export class BuildUsageError extends Error {
  override name = 'BuildUsageError';
}

/**
 * `npm run build` options: `--outDir DIR` goes to astro build, every other option to the audit (as
 * `npm run build -- --require-audit` always did). `--dist` is the staged build's, so it is refused.
 */
export function splitBuildArgs(argv: readonly string[]): { astro: string[]; audit: string[] } {
  const astro: string[] = [];
  const audit: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--outDir' || arg === '--out-dir') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) throw new BuildUsageError(`${arg} expects a folder, e.g. --outDir public-site`);
      astro.push('--outDir', value);
    } else if (/^--out-?[dD]ir=/.test(arg)) {
      astro.push('--outDir', arg.slice(arg.indexOf('=') + 1));
    } else if (arg === '--dist' || arg.startsWith('--dist=')) {
      throw new BuildUsageError('npm run build audits the build it has just staged; choose where it publishes with --outDir instead of --dist.');
    } else {
      audit.push(arg);
    }
  }
  return { astro, audit };
}
