// npm run audit [-- options]: Lighthouse on the built site (see scripts/lighthouse/audit-args.ts
// for the options). npm run build runs it with --after-build. This file only wires the process:
// flags, signals, printing and the exit code.
import { resolve } from 'node:path';
import { ConfigError } from '../src/config/config-error.ts';
import { signalExitCode } from '../src/lib/atomic-output.ts';
import { parseAuditArgs, UsageError, USAGE } from './lighthouse/audit-args.ts';
import { killAllChromeNow } from './lighthouse/chrome.ts';
import { runAudit } from './lighthouse/run-audit.ts';
import { runMerge } from './lighthouse/run-merge.ts';

async function main(): Promise<number> {
  let args;
  try {
    args = parseAuditArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const projectRoot = resolve(import.meta.dirname, '..');
  // A merge reads the shards' results only: no Chrome, no build, no site config.
  if (args.merge) {
    return runMerge({ dirs: args.merge, reportsDir: args.reportsDir, cacheDir: args.cacheDir, projectRoot, env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) });
  }

  let site;
  let preview;
  try {
    ({ siteConfig: site, buildEnv: { preview } } = await import('../src/site.config.ts'));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  // Ctrl-C, SIGTERM and SIGHUP (a closed terminal; npm run build passes it on) stop the audit cleanly: Chrome killed, server closed, lock released.
  // A second signal, or cleanup that hangs, ends the process at once (still killing Chrome).
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signalExitCode(signal);
    if (stoppedBy) {
      killAllChromeNow();
      process.exit(code);
    }
    stoppedBy = signal;
    console.error(`\n${signal}: stopping the Lighthouse audit…`);
    controller.abort(signal);
    setTimeout(() => {
      killAllChromeNow();
      process.exit(code);
    }, 15_000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  const exitCode = await runAudit({
    args,
    env: process.env,
    projectRoot,
    site,
    preview,
    signal: controller.signal,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
  return stoppedBy ? signalExitCode(stoppedBy) : exitCode;
}

// Whatever happens (an exception included), no Chrome outlives this process.
process.on('exit', killAllChromeNow);
// When Chrome is killed under a running Lighthouse (a timeout, a crash, Ctrl-C), Lighthouse's own
// connection code rejects promises nobody awaits. The audit has already handled that page, so these
// must not crash the run; anything else is reported.
process.on('unhandledRejection', (reason: unknown) => {
  const message = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  if (/Target closed|Session closed|Connection closed|WebSocket is not open|ECONNRESET|ECONNREFUSED|TargetCloseError|ProtocolError/i.test(message)) return;
  console.error(`Lighthouse audit: unexpected error in the background (the audit goes on): ${message}`);
});
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Lighthouse audit crashed:', error);
    killAllChromeNow();
    process.exit(1);
  },
);
