import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { LighthouseRequest } from './collect.ts';
import { settingsFor, startLighthouseThreads } from './lighthouse-runner.ts';

/** A port on which nothing listens: taken, then freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  return port;
}

const request = (port: number): LighthouseRequest => ({ url: 'http://127.0.0.1:1/', port, mode: 'deterministic', preset: 'mobile', skipAudits: [], blockedUrlPatterns: [], maxWaitForLoadMs: 5000 });

describe('what each kind of run asks of Lighthouse', () => {
  it('runs the three deterministic categories plus the given performance audits, with short settle times', () => {
    expect(settingsFor('deterministic', ['total-byte-weight'])).toEqual({
      onlyCategories: ['accessibility', 'best-practices', 'seo'],
      onlyAudits: ['total-byte-weight'],
      pauseAfterFcpMs: 0,
      pauseAfterLoadMs: 250,
      networkQuietThresholdMs: 250,
      cpuQuietThresholdMs: 250,
    });
  });

  it('times with Lighthouse’s own settle times, performance only', () => {
    expect(settingsFor('timed', ['total-byte-weight'])).toEqual({ onlyCategories: ['performance'] });
  });
});

describe('Lighthouse in worker threads', () => {
  it('reports a run that fails in its thread as an error, and runs the next one in the same thread', async () => {
    const threads = startLighthouseThreads(['total-byte-weight']);
    try {
      const port = await closedPort();
      await expect(threads.run(request(port))).rejects.toThrow(/ECONNREFUSED|connect|Failed to fetch browser webSocket URL/i);
      await expect(threads.run(request(port))).rejects.toThrow(/ECONNREFUSED|connect|Failed to fetch browser webSocket URL/i);
    } finally {
      await threads.close();
    }
  });

  it('refuses runs once closed, so no thread outlives the audit', async () => {
    const threads = startLighthouseThreads(['total-byte-weight']);
    await threads.close();
    await expect(threads.run(request(1))).rejects.toThrow('the Lighthouse threads are closed');
  });
});
