import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { ConfigError } from '../config/config-error.ts';
import {
  HANDOFF_ENV,
  outputFolders,
  planPreparation,
  planPublish,
  planRejection,
  preparationLines,
  publishedLine,
  rejectionLine,
  signalExitCode,
  stagedLine,
  testSignalOf,
  unwritableMessage,
  type DiskState,
  type FolderRole,
  type Handoff,
  type OutputFolders,
  type Rejection,
  type Step,
} from '../lib/atomic-output.ts';
import { displayPath } from '../lib/files.ts';

const NAME = 'urban-haze:atomic-output';
/** Signals a person or a CI runner uses to stop a build; each one rejects the staged output first. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The folders as the site owner sees them: relative to the project when inside it. */
export function namesOf(folders: OutputFolders): Record<FolderRole, string> {
  const entries = Object.entries(folders).map(([role, path]) => [role, displayPath(path)]);
  return Object.fromEntries(entries) as Record<FolderRole, string>;
}

export function diskStateOf(folders: OutputFolders): DiskState {
  return { final: existsSync(folders.final), staging: existsSync(folders.staging), previous: existsSync(folders.previous), rejected: existsSync(folders.rejected) };
}

export function runSteps(folders: OutputFolders, steps: readonly Step[]): void {
  for (const step of steps) {
    if (step.op === 'rename') renameSync(folders[step.from], folders[step.to]);
    else if (step.op === 'remove') rmSync(step.path ? join(folders[step.folder], step.path) : folders[step.folder], { recursive: true, force: true });
    else writeFileSync(join(folders[step.folder], step.path), step.text);
  }
}

/** Recovers from an interrupted swap and clears dead builds' staging folders; returns what to tell the owner. */
export function prepareOutput(folders: OutputFolders): string[] {
  const steps = planPreparation(diskStateOf(folders));
  runSteps(folders, steps);
  return preparationLines(steps, namesOf(folders));
}

/** Replaces dist/ with the staged build; on a failed rename, puts the old dist/ back before rethrowing. `report` is shown in the line. */
export function publishOutput(folders: OutputFolders, report?: string): string {
  try {
    runSteps(folders, planPublish(diskStateOf(folders)));
  } catch (error) {
    runSteps(folders, planPreparation({ ...diskStateOf(folders), staging: false }));
    throw error;
  }
  return publishedLine(namesOf(folders), report);
}

/** Keeps the staged output as the rejected build (dist/ untouched); returns the line to print. */
export function rejectOutput(folders: OutputFolders, rejection: Rejection, at: Date = new Date()): string {
  const state = diskStateOf(folders);
  const names = namesOf(folders);
  runSteps(folders, planRejection(state, rejection, at, names));
  return rejectionLine(state, rejection, names);
}

/** The error code when `folder` cannot be created or written to, by actually writing a file there. */
function writeProblem(folder: string): string | undefined {
  try {
    mkdirSync(folder, { recursive: true });
    const probe = join(folder, `.write-check-${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

/** Fails at once, naming the folder and the fix, instead of Astro's raw EACCES halfway through. */
export function checkWritable(folders: OutputFolders, cacheDir: string): void {
  const final = displayPath(folders.final);
  for (const [role, folder] of [['cache', cacheDir], ['output', dirname(folders.final)]] as const) {
    const code = writeProblem(folder);
    if (code) throw new ConfigError(unwritableMessage(role, displayPath(folder), code, final));
  }
}

export function readHandoff(file: string): Handoff | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Handoff;
  } catch {
    return undefined;
  }
}

/**
 * Makes `astro build` atomic: every stage writes into dist.staging/, and only when the last
 * build:done hook has run does it replace dist/, in one rename. A failure or a signal keeps the
 * staged output as dist.rejected/ and leaves dist/ as it was. Under `npm run build` (HANDOFF_ENV
 * set) it stages only: scripts/build.ts publishes after the audit. Must be the last integration.
 *
 * The redirect is `updateConfig({ outDir })` in astro:config:setup: Astro reads `config.outDir`
 * only after that hook (emptying it, writing pages and `.prerender/` chunks into it, and passing it
 * to every build:done hook as `dir`), and the value seen here already includes the CLI's --outDir,
 * which thus stays the final destination. Only `command === 'build'` is touched: dev and preview
 * keep using dist/.
 */
export function atomicOutput(): AstroIntegration {
  let folders: OutputFolders | undefined;
  let logger: AstroIntegrationLogger | undefined;
  let stage = 'loading';
  let settled = false;
  const env = process.env;
  const handoffFile = env[HANDOFF_ENV] || undefined;
  const testSignal = testSignalOf(env);

  const writeHandoff = (staged: boolean) => {
    if (handoffFile && folders) writeFileSync(handoffFile, JSON.stringify({ final: folders.final, staged } satisfies Handoff));
  };
  const reject = (rejection: Rejection) => {
    if (settled || !folders) return;
    settled = true;
    logger?.error(rejectOutput(folders, rejection));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // A signal can fall in the middle of Astro's progress line; the message gets its own.
    process.stdout.write('\n');
    reject({ kind: 'signal', signal, stage });
    process.exit(signalExitCode(signal));
  };
  const onExit = (code: number) => {
    if (settled) return;
    reject(code === 0 ? { kind: 'incomplete', stage } : { kind: 'failed', stage });
    if (code === 0) process.exitCode = 1;
  };
  /** Marks the stage now running; a test can make the build signal itself exactly here. */
  const enter = async (id: string) => {
    stage = id;
    if (testSignal?.stage !== id) return;
    process.kill(process.pid, testSignal.signal);
    // The handler runs on the next turn of the event loop and exits; this only keeps the loop alive till then.
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  };

  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger: setupLogger }) => {
        if (command !== 'build') return;
        logger = setupLogger;
        folders = outputFolders(fileURLToPath(config.outDir));
        checkWritable(folders, fileURLToPath(config.cacheDir));
        for (const line of prepareOutput(folders)) logger.warn(line);
        writeHandoff(false);
        for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
        process.on('exit', onExit);
        // Each other integration's build:done hook first names its stage, for the message a failure ends with.
        for (const integration of config.integrations) {
          const hook = integration.hooks['astro:build:done'];
          if (integration.name === NAME || !hook) continue;
          integration.hooks['astro:build:done'] = async (params) => {
            await enter(integration.name);
            await hook(params);
          };
        }
        updateConfig({ outDir: pathToFileURL(`${folders.staging}/`) });
      },
      'astro:build:start': () => {
        stage = 'render';
      },
      // Pages written, `.prerender/` chunks still in the staging folder: the latest a kill can fall in rendering.
      'astro:build:generated': () => enter('render'),
      'astro:build:done': async () => {
        if (!folders) return;
        await enter('publish');
        if (handoffFile) {
          writeHandoff(true);
          settled = true;
          logger?.info(stagedLine(namesOf(folders)));
          return;
        }
        const line = publishOutput(folders);
        settled = true;
        logger?.info(line);
      },
    },
  };
}
