import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOAD_LIMITS,
  formatBenchmarkIndex,
  judgeLoad,
  parsePidStat,
  parseProcStat,
  startLoadSample,
  type LoadJudgement,
  type LoadLimits,
  type LoadSample,
} from './machine-load.ts';

const sample = (fields: Partial<LoadSample> = {}): LoadSample => ({
  seconds: 10,
  cores: 2,
  otherCores: 0.1,
  ownCores: 1,
  machineBusyCores: 1.1,
  loadAverage1: 0.8,
  method: 'proc',
  ...fields,
});

const loadavgOnly = (loadAverage1: number | null): LoadSample =>
  sample({ otherCores: null, ownCores: null, machineBusyCores: null, loadAverage1, method: 'loadavg' });

describe('judging machine load', () => {
  const rows: {
    name: string;
    samples: LoadSample[];
    benchmarks?: number[];
    limits?: LoadLimits;
    expected: Omit<LoadJudgement, 'reason'>;
  }[] = [
    {
      name: 'a quiet run is not throttled, and the benchmark index is quoted',
      samples: [sample()],
      benchmarks: [1150],
      expected: { throttled: false, summary: 'other processes used 0.1 of 2 cores (load average 0.8); Lighthouse CPU benchmark index 1,150' },
    },
    {
      name: 'other processes using a quarter of the cores throttle the run',
      samples: [sample({ otherCores: 0.5 })],
      expected: { throttled: true, summary: 'other processes used 0.5 of 2 cores (load average 0.8)' },
    },
    {
      name: 'other processes using just under a quarter do not',
      samples: [sample({ otherCores: 0.49 })],
      expected: { throttled: false, summary: 'other processes used 0.5 of 2 cores (load average 0.8)' },
    },
    {
      name: 'a load average of cores + 1 does not throttle (the audit itself keeps a core busy)',
      samples: [sample({ loadAverage1: 3 })],
      expected: { throttled: false, summary: 'other processes used 0.1 of 2 cores (load average 3.0)' },
    },
    {
      name: 'a load average above cores + 1 does not throttle where /proc measured the other processes (it lags, and counts our own Chrome)',
      samples: [sample({ loadAverage1: 3.4 })],
      expected: { throttled: false, summary: 'other processes used 0.1 of 2 cores (load average 3.4)' },
    },
    {
      name: 'one throttled run among several throttles, and the summary quotes the worst',
      samples: [sample(), sample({ otherCores: 1.9, loadAverage1: 3.4 }), sample({ otherCores: 0.2 })],
      benchmarks: [1000, 1400, 1300],
      expected: {
        throttled: true,
        summary: 'other processes used up to 1.9 of 2 cores in 3 timed runs (load average up to 3.4); Lighthouse CPU benchmark index 1,300',
      },
    },
    {
      name: 'the benchmark index is the median of the runs',
      samples: [sample()],
      benchmarks: [1000, 1300],
      expected: { throttled: false, summary: 'other processes used 0.1 of 2 cores (load average 0.8); Lighthouse CPU benchmark index 1,150' },
    },
    {
      name: 'without /proc the load average alone judges, and the summary says so',
      samples: [loadavgOnly(3.4)],
      expected: { throttled: true, summary: 'load average 3.4 on 2 cores (CPU of other processes not measured: no /proc)' },
    },
    {
      name: 'without /proc or a load average (Windows) nothing throttles',
      samples: [loadavgOnly(null)],
      expected: { throttled: false, summary: 'machine load not measured (no /proc and no load average on this system)' },
    },
    {
      name: 'no samples, nothing throttles',
      samples: [],
      benchmarks: [900],
      expected: { throttled: false, summary: 'machine load not measured; Lighthouse CPU benchmark index 900' },
    },
    {
      name: 'the limits are data',
      samples: [sample({ otherCores: 0.3, loadAverage1: 2.5 })],
      limits: { otherCoresShare: 0.1, loadAverageSlack: 1 },
      expected: { throttled: true, summary: 'other processes used 0.3 of 2 cores (load average 2.5)' },
    },
  ];

  it.each(rows)('$name', ({ samples, benchmarks = [], limits = DEFAULT_LOAD_LIMITS, expected }) => {
    const judgement = judgeLoad(samples, benchmarks, limits);
    expect({ throttled: judgement.throttled, summary: judgement.summary }).toEqual(expected);
    expect(judgement.reason !== undefined).toBe(expected.throttled);
  });

  it('explains a throttle in words an owner understands, naming the run and what to do', () => {
    const judgement = judgeLoad([sample(), sample({ otherCores: 1.9, loadAverage1: 3.4 })], []);
    expect(judgement.reason).toBe(
      'The machine was busy with other work while Lighthouse timed the page: in timed run 2 of 2, other processes used 1.9 of its 2 cores. ' +
        'Timings (FCP, LCP, TBT, Speed Index, TTI and the performance score) come out slower than the page really is, so they are not held against it. ' +
        'Rerun the audit when the machine is quiet to judge its speed.',
    );
  });
});

describe('formatting and parsing', () => {
  it.each([
    { value: 1150, expected: '1,150' },
    { value: 987.6, expected: '988' },
    { value: 12345, expected: '12,345' },
  ])('writes benchmark index $value as "$expected"', ({ value, expected }) => {
    expect(formatBenchmarkIndex(value)).toBe(expected);
  });

  it('reads busy and total jiffies from /proc/stat (idle and iowait are not busy, steal is)', () => {
    const text = 'cpu  100 5 40 800 10 0 3 2 0 0\ncpu0 50 2 20 400 5 0 1 1 0 0\ncpu1 50 3 20 400 5 0 2 1 0 0\nintr 1\n';
    expect(parseProcStat(text)).toEqual({ busy: 150, total: 960, cpus: 2 });
  });

  it('reads a process whose command name holds spaces and parentheses', () => {
    const text = '4242 (Web Content (x) y) S 17 4242 17 0 -1 4194304 0 0 0 0 120 30 7 3 20 0 1 0 5555 0 0';
    expect(parsePidStat(text)).toEqual({ pid: 4242, ppid: 17, cpu: 150, reaped: 10, startTime: 5555 });
  });
});

// ---- on a real machine ----

const hasProc = existsSync('/proc/stat');
const BURN_MS = 6000;
const burnScript = `const end = Date.now() + ${BURN_MS}; while (Date.now() < end) {}`;

/** A process's own CPU so far, in seconds (/proc counts in USER_HZ, 100 per second on Linux). */
function cpuSecondsOf(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (parsePidStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.cpu ?? 0) / 100, 0);
}

/** CPU of the children a process has reaped so far, in seconds. */
function reapedSecondsOf(pid: number): number {
  return (parsePidStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.reaped ?? 0) / 100;
}

function parentOf(pid: number): number | undefined {
  try {
    return parsePidStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.ppid;
  } catch {
    return undefined;
  }
}

/** Burners that are not our descendants: a shell starts them in the background and exits, so they are reparented away from us. */
function startForeignBurners(count: number): number[] {
  const output = execFileSync(
    'sh',
    ['-c', 'i=0; while [ "$i" -lt "$2" ]; do "$0" -e "$1" </dev/null >/dev/null 2>&1 & echo $!; i=$((i + 1)); done', process.execPath, burnScript, String(count)],
    { encoding: 'utf8' },
  );
  return output.trim().split('\n').map(Number);
}

function kill(pid: number, signal: NodeJS.Signals | number = 'SIGKILL') {
  try {
    process.kill(pid, signal);
  } catch {
    // Already ended.
  }
}

describe.runIf(hasProc)('sampling a real machine', () => {
  it('counts burners that are not our descendants as other processes', async () => {
    const burners = startForeignBurners(2);
    try {
      for (const pid of burners) expect(parentOf(pid)).not.toBe(process.pid);
      await sleep(500); // let them start
      const burnedBefore = cpuSecondsOf(burners);
      const plain = startLoadSample();
      const naming = startLoadSample(() => burners);
      await sleep(3000);
      const seen = plain.stop();
      const seenNaming = naming.stop();
      // What the burners got of the machine (less than two cores when it is shared with other work).
      const burnerCores = (cpuSecondsOf(burners) - burnedBefore) / seen.seconds;

      expect(seen.method).toBe('proc');
      expect(seen.otherCores).toBeGreaterThanOrEqual(1);
      expect(seen.ownCores).toBeLessThan(0.5); // this process only sleeps
      // Named by the caller, the same burners move from the others to ours.
      expect(burnerCores).toBeGreaterThan(0.1);
      expect(seenNaming.ownCores! - seen.ownCores!).toBeGreaterThan(burnerCores - 0.15);
      expect(seen.otherCores! - seenNaming.otherCores!).toBeGreaterThan(burnerCores - 0.15);
    } finally {
      for (const pid of burners) kill(pid);
    }
  });

  it('counts processes that start and end within the run, through the CPU their parent reaped', async () => {
    // A shell that is not our descendant runs short burners one after another.
    const shortBurn = 'const end = Date.now() + 250; while (Date.now() < end) {}';
    const output = execFileSync(
      'sh',
      ['-c', '( i=0; while [ "$i" -lt 16 ]; do "$0" -e "$1"; i=$((i + 1)); done ) </dev/null >/dev/null 2>&1 & echo $!', process.execPath, shortBurn],
      { encoding: 'utf8' },
    );
    const shell = Number(output.trim());
    try {
      expect(parentOf(shell)).not.toBe(process.pid);
      await sleep(300);
      const reapedBefore = reapedSecondsOf(shell);
      const plain = startLoadSample();
      const naming = startLoadSample(() => [shell]);
      await sleep(3000);
      const seen = plain.stop();
      const seenNaming = naming.stop();
      const reapedCores = (reapedSecondsOf(shell) - reapedBefore) / seen.seconds;

      expect(reapedCores).toBeGreaterThan(0.1);
      // Whichever side the shell is on, the burners that ended under it are counted there.
      expect(seenNaming.ownCores! - seen.ownCores!).toBeGreaterThan(reapedCores - 0.15);
      expect(seen.otherCores! - seenNaming.otherCores!).toBeGreaterThan(reapedCores - 0.15);
    } finally {
      kill(shell); // its last burner ends within 250 ms
    }
  });

  it('counts a burner that is our grandchild as ours, not as another process', async () => {
    // The shell waits for its burner, so the burner is the child of our child.
    const shell = spawn('sh', ['-c', '"$0" -e "$1" & echo $!; wait', process.execPath, burnScript], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const [line] = await once(shell.stdout, 'data');
      const burner = Number(String(line).trim());
      expect(parentOf(burner)).toBe(shell.pid);
      await sleep(500); // let it start
      const burnedBefore = cpuSecondsOf([burner]);
      const sampling = startLoadSample();
      await sleep(3000);
      const seen = sampling.stop();
      const burnerCores = (cpuSecondsOf([burner]) - burnedBefore) / seen.seconds;

      expect(burnerCores).toBeGreaterThan(0.1);
      expect(seen.ownCores).toBeGreaterThan(burnerCores - 0.15);
      // Not counted twice: the others' share is what the machine did besides the burner.
      expect(seen.otherCores!).toBeLessThan(seen.machineBusyCores! - burnerCores + 0.15);
    } finally {
      if (shell.pid !== undefined) kill(-shell.pid); // the whole process group: shell and burner
    }
  });
});
