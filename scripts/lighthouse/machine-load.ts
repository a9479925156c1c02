// Machine load during a timed Lighthouse run. On a busy machine (other processes burning CPU) FCP, LCP,
// TBT, Speed Index and TTI inflate and a healthy page looks slow, so each timed run is sampled and the
// audit says how loaded the machine was, and does not fail a page on timing alone when it was throttled.
//
// Measuring (Linux, /proc): at start and stop, the machine's busy and total jiffies from /proc/stat and
// every process's CPU from /proc/<pid>/stat. "Ours" is this process, the pids the caller names, and all
// their descendants (Chrome is launched as a child by chrome-launcher); everything else is "other".
// Elsewhere (macOS, Windows) only os.loadavg() is available, and the sample says so (`method`).
//
// Judging (`judgeLoad`) is pure: samples in, a verdict and a one-line summary out.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { median } from '../../src/lib/median.ts';

export interface LoadSample {
  /** Wall-clock length of the sampled interval. */
  seconds: number;
  /** Cores this process may run on (os.availableParallelism()). */
  cores: number;
  /** Average cores used by processes that are not ours during the interval, e.g. 1.8; null without /proc. */
  otherCores: number | null;
  /** Average cores used by this process, the caller's pids and their descendants; null without /proc. */
  ownCores: number | null;
  /** Average cores the whole machine was busy (/proc/stat: everything but idle and iowait, steal included); null without /proc. */
  machineBusyCores: number | null;
  /** The 1-minute load average at stop; null where the OS has none (Windows reports zeros). */
  loadAverage1: number | null;
  /** 'proc': CPU counted from /proc. 'loadavg': no /proc, so only the load average was read. */
  method: 'proc' | 'loadavg';
}

export interface LoadLimits {
  /** A run is throttled when other processes used at least this share of the cores on average. */
  otherCoresShare: number;
  /** A run is throttled when the 1-minute load average exceeded cores plus this (the audit itself keeps about one core busy). */
  loadAverageSlack: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { otherCoresShare: 0.25, loadAverageSlack: 1 };

export interface LoadJudgement {
  throttled: boolean;
  /** Why the timings cannot be trusted, in words an owner understands; only when throttled. */
  reason?: string;
  /** One line for the report, e.g. "other processes used 1.9 of 2 cores (load average 3.4); Lighthouse CPU benchmark index 1,150". */
  summary: string;
}

// ---- measuring ----

interface ProcessCpu {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  cpu: number;
  /** cutime + cstime: CPU of children this process has reaped (waited for), in clock ticks. */
  reaped: number;
}

interface Snapshot {
  busy: number;
  total: number;
  /** Online CPUs counted in /proc/stat, to turn the all-CPU total into elapsed ticks per CPU. */
  cpus: number;
  /** Keyed by "pid:starttime", so a pid reused during the interval is a different process. */
  processes: Map<string, ProcessCpu>;
}

/** The first ("cpu") line of /proc/stat: busy is everything but idle and iowait. */
export function parseProcStat(text: string): { busy: number; total: number; cpus: number } | undefined {
  const lines = text.split('\n');
  const fields = lines.find((line) => line.startsWith('cpu '))?.trim().split(/\s+/).slice(1, 9).map(Number);
  if (!fields || fields.length < 4 || fields.some((field) => !Number.isFinite(field))) return undefined;
  // user nice system idle iowait irq softirq steal (guest time is already inside user and nice).
  const total = fields.reduce((sum, field) => sum + field, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const cpus = lines.filter((line) => /^cpu\d+\s/.test(line)).length;
  return { busy: total - idle, total, cpus: Math.max(1, cpus) };
}

/** One /proc/<pid>/stat line. The command name may hold spaces and parentheses, so fields start after the last ")". */
export function parsePidStat(text: string): (ProcessCpu & { startTime: number }) | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number(text.slice(0, text.indexOf(' ')));
  // After ")": state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17) … starttime(22).
  const fields = text.slice(close + 2).trim().split(/\s+/).map(Number);
  const [ppid, utime, stime, cutime, cstime, startTime] = [1, 11, 12, 13, 14, 19].map((index) => fields[index]);
  if (![pid, ppid, utime, stime, cutime, cstime, startTime].every((value) => Number.isFinite(value))) return undefined;
  return { pid, ppid: ppid!, cpu: utime! + stime!, reaped: cutime! + cstime!, startTime: startTime! };
}

function readSnapshot(): Snapshot | undefined {
  let stat;
  let entries;
  try {
    stat = parseProcStat(readFileSync('/proc/stat', 'utf8'));
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  if (!stat) return undefined;
  const processes = new Map<string, ProcessCpu>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let text;
    try {
      text = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended between the listing and the read
    }
    const parsed = parsePidStat(text);
    if (parsed) processes.set(`${parsed.pid}:${parsed.startTime}`, parsed);
  }
  return { ...stat, processes };
}

/** Keys of the processes that are ours: the roots and every process whose parent chain reaches one. */
function oursIn(processes: Map<string, ProcessCpu>, roots: Set<number>): Set<string> {
  const byPid = new Map([...processes.values()].map((known) => [known.pid, known]));
  const verdicts = new Map<number, boolean>();
  const isOurs = (pid: number): boolean => {
    const chain: number[] = [];
    let current: number | undefined = pid;
    let ours = false;
    while (current !== undefined && current > 0) {
      const known = verdicts.get(current);
      if (known !== undefined) {
        ours = known;
        break;
      }
      if (roots.has(current)) {
        ours = true;
        break;
      }
      if (chain.includes(current)) break; // a cycle: can only be a pid reused mid-read
      chain.push(current);
      current = byPid.get(current)?.ppid;
    }
    for (const link of chain) verdicts.set(link, ours);
    return ours;
  };
  return new Set([...processes].filter(([, known]) => isOurs(known.pid)).map(([key]) => key));
}

/**
 * CPU ticks of ours and of the others between two snapshots.
 *
 * - A process alive at both ends counts the difference of its utime+stime.
 * - A process that started during the interval counts all of its utime+stime.
 * - A process that ended during the interval has left no stat of its own; its CPU went into the
 *   cutime+cstime of whoever reaped it (its parent, or init once orphaned). So each side also counts the
 *   growth of its processes' reaped CPU, less what the ended processes had already used at the start
 *   (attributed to the side of their parent at the start), clamped at zero.
 * Under-estimate: a process that ended and was reaped outside our view (by a process outside this
 * PID namespace) is missed, and so is every process in another container or VM sharing the host
 * (machineBusyCores still includes them, and steal time).
 * Misplaced: a process that ended after being reparented (an orphan of ours reaped by init) lands,
 * with its CPU from before the interval, on its reaper's side; so does a caller-named pid that ends
 * while its parent is not ours. Otherwise the figures are exact to a clock tick.
 */
function cpuBetween(start: Snapshot, stop: Snapshot, ours: Set<string>): { own: number; other: number } {
  const side = { own: { cpu: 0, reaped: 0 }, other: { cpu: 0, reaped: 0 } };
  for (const [key, now] of stop.processes) {
    const before = start.processes.get(key);
    const totals = ours.has(key) ? side.own : side.other;
    totals.cpu += Math.max(0, now.cpu - (before?.cpu ?? 0));
    totals.reaped += Math.max(0, now.reaped - (before?.reaped ?? 0));
  }
  const startKeyOfPid = new Map([...start.processes].map(([key, known]) => [known.pid, key]));
  for (const [key, before] of start.processes) {
    if (stop.processes.has(key)) continue;
    const parentKey = startKeyOfPid.get(before.ppid);
    const totals = parentKey !== undefined && ours.has(parentKey) ? side.own : side.other;
    totals.reaped -= before.cpu + before.reaped;
  }
  return {
    own: side.own.cpu + Math.max(0, side.own.reaped),
    other: side.other.cpu + Math.max(0, side.other.reaped),
  };
}

function loadAverageNow(): number | null {
  // Windows has no load average; Node reports [0, 0, 0] there.
  return process.platform === 'win32' ? null : (loadavg()[0] ?? null);
}

/**
 * Starts sampling the machine's load; `stop()` ends the interval and returns what was measured.
 * `ownPids` names processes that count as ours besides this one and its descendants (with theirs);
 * it is called at start and at stop, so it may name a process launched in between.
 */
export function startLoadSample(ownPids: () => number[] = () => []): { stop(): LoadSample } {
  const roots = () => new Set([process.pid, ...ownPids()]);
  const startedAt = performance.now();
  const start = readSnapshot();
  const oursAtStart = start ? oursIn(start.processes, roots()) : new Set<string>();
  return {
    stop(): LoadSample {
      const stop = start ? readSnapshot() : undefined;
      const seconds = (performance.now() - startedAt) / 1000;
      const base = { seconds, cores: availableParallelism(), loadAverage1: loadAverageNow() };
      if (!start || !stop) return { ...base, otherCores: null, ownCores: null, machineBusyCores: null, method: 'loadavg' };
      // Ours at either end: a child of Chrome started mid-run, or one orphaned mid-run, is still ours.
      const ours = new Set([...oursAtStart, ...oursIn(stop.processes, roots())]);
      const { own, other } = cpuBetween(start, stop, ours);
      // Ticks elapsed per CPU; every per-process figure is in the same clock ticks as /proc/stat.
      const ticks = (stop.total - start.total) / stop.cpus;
      const cores = (value: number) => (ticks > 0 ? Math.max(0, value) / ticks : 0);
      const machineBusyCores = cores(stop.busy - start.busy);
      // Per-process CPU is measured finer than the machine's tick counts, so it can come out a few per
      // cent above them; no share can exceed what the whole machine did.
      return {
        ...base,
        otherCores: Math.min(cores(other), machineBusyCores),
        ownCores: Math.min(cores(own), machineBusyCores),
        machineBusyCores,
        method: 'proc',
      };
    },
  };
}

// ---- judging ----

const oneDecimal = (value: number) => value.toFixed(1);

/** "1,150": a benchmark index reads as a whole number with a thousands separator. */
export function formatBenchmarkIndex(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function maxOf(values: (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : Math.max(...present);
}

/** What a run's throttle was, in words; undefined when the run was not throttled. */
function throttleOf(sample: LoadSample, limits: LoadLimits): string | undefined {
  const causes: string[] = [];
  if (sample.otherCores !== null && sample.otherCores >= limits.otherCoresShare * sample.cores) {
    causes.push(`other processes used ${oneDecimal(sample.otherCores)} of its ${sample.cores} cores`);
  }
  // The 1-minute load average lags and counts the audit's own Chrome: trusted only where /proc is missing.
  if (sample.method === 'loadavg' && sample.loadAverage1 !== null && sample.loadAverage1 > sample.cores + limits.loadAverageSlack) {
    causes.push(`the load average was ${oneDecimal(sample.loadAverage1)} on ${sample.cores} cores`);
  }
  return causes.length === 0 ? undefined : causes.join(' and ');
}

/**
 * Whether the timed runs were throttled by machine load, and one line saying how loaded the machine was.
 * A run is throttled when other processes used at least `limits.otherCoresShare` of the cores, or, where
 * /proc is missing, the 1-minute load average exceeded cores + `limits.loadAverageSlack`. `benchmarkIndexes` are the runs'
 * lhr.environment.benchmarkIndex; their median is quoted when given.
 */
export function judgeLoad(samples: LoadSample[], benchmarkIndexes: number[], limits: LoadLimits = DEFAULT_LOAD_LIMITS): LoadJudgement {
  const parts: string[] = [];
  const several = samples.length > 1;
  const upTo = several ? 'up to ' : '';
  const cores = maxOf(samples.map((sample) => sample.cores));
  const other = maxOf(samples.map((sample) => sample.otherCores));
  const load = maxOf(samples.map((sample) => sample.loadAverage1));
  const loadText = load === null ? undefined : `load average ${upTo}${oneDecimal(load)}`;
  if (samples.length === 0) {
    parts.push('machine load not measured');
  } else if (other !== null) {
    const runs = several ? ` in ${samples.length} timed runs` : '';
    parts.push(`other processes used ${upTo}${oneDecimal(other)} of ${cores} cores${runs}${loadText ? ` (${loadText})` : ''}`);
  } else if (loadText) {
    parts.push(`${loadText} on ${cores} cores (CPU of other processes not measured: no /proc)`);
  } else {
    parts.push('machine load not measured (no /proc and no load average on this system)');
  }
  const benchmark = median(benchmarkIndexes);
  if (benchmark !== undefined) parts.push(`Lighthouse CPU benchmark index ${formatBenchmarkIndex(benchmark)}`);
  const summary = parts.join('; ');

  const throttles = samples.flatMap((sample, index) => {
    const throttle = throttleOf(sample, limits);
    return throttle === undefined ? [] : [several ? `in timed run ${index + 1} of ${samples.length}, ${throttle}` : throttle];
  });
  if (throttles.length === 0) return { throttled: false, summary };
  const reason =
    `The machine was busy with other work while Lighthouse timed the page: ${throttles.join('; ')}. ` +
    'Timings (FCP, LCP, TBT, Speed Index, TTI and the performance score) come out slower than the page really is, ' +
    'so they are not held against it. Rerun the audit when the machine is quiet to judge its speed.';
  return { throttled: true, reason, summary };
}
