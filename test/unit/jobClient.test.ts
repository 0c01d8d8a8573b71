import { describe, expect, it } from 'vitest';
import { JobClient } from '../../src/state/jobClient';
import { ChannelWorker, SilentWorker, workerFactory } from './helpers/channelWorker';

/** A worker that answers at once with what it was given. */
const echoApi = { echo: (x: number) => x };
type EchoApi = typeof echoApi;
const echoWorker = () => new ChannelWorker(echoApi);

/** Short, so that a silent worker is found out fast; long enough for an answer on a message channel. */
const TIMEOUT_MS = 40;
const FAILURE = 'The echo could not be made';
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('JobClient: timeouts', () => {
  it('times out a job whose worker never answers: terminates that worker, starts a fresh one and retries the job there once', async () => {
    const { factory, workers } = workerFactory((n) => (n === 0 ? new SilentWorker() : echoWorker()));
    const client = new JobClient<EchoApi>(factory, FAILURE, { timeoutMs: TIMEOUT_MS });
    const outcome = await client.request((api) => api.echo(7));
    expect(outcome).toMatchObject({ kind: 'ok', value: 7 });
    expect(outcome.kind === 'ok' && outcome.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 1);
    expect(workers).toHaveLength(2);
    expect((workers[0] as SilentWorker).received).toBeGreaterThanOrEqual(1);
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].terminated).toBe(false);
    client.dispose();
  });

  it('fails a job that times out twice with a message saying what could not be done; the next request ("Try again") gets a fresh worker', async () => {
    const { factory, workers } = workerFactory((n) => (n < 2 ? new SilentWorker() : echoWorker()));
    const client = new JobClient<EchoApi>(factory, FAILURE, { timeoutMs: TIMEOUT_MS });
    const t0 = performance.now();
    const outcome = await client.request((api) => api.echo(1));
    const waitedMs = performance.now() - t0;
    console.log(`timed out twice after ${waitedMs.toFixed(0)} ms: "${outcome.kind === 'failed' && outcome.message}"`);
    expect(outcome).toEqual({
      kind: 'failed',
      message: `${FAILURE}: the background worker did not answer within ${TIMEOUT_MS} ms, twice. Try again, or reload the page.`,
    });
    expect(waitedMs).toBeGreaterThanOrEqual(2 * TIMEOUT_MS - 2);
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);

    expect(await client.request((api) => api.echo(2))).toMatchObject({ kind: 'ok', value: 2 });
    expect(workers).toHaveLength(3);
    client.dispose();
  });

  it('a newer request stops a job whose worker never answers at once, not at its timeout: the older is stale, the newer answers', async () => {
    const { factory, workers } = workerFactory((n) => (n === 0 ? new SilentWorker() : echoWorker()));
    const client = new JobClient<EchoApi>(factory, FAILURE, { timeoutMs: 60_000 });
    const older = client.request((api) => api.echo(1));
    await tick();
    const t0 = performance.now();
    const newer = client.request((api) => api.echo(2));
    expect(await older).toEqual({ kind: 'stale' });
    expect(await newer).toMatchObject({ kind: 'ok', value: 2 });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(workers[0].terminated).toBe(true);
    client.dispose();
  });

  it("with supersede 'queue' (the head) a newer request waits behind the running job; when that one goes silent, its timeout restarts the worker and the newer job is retried there", async () => {
    const { factory, workers } = workerFactory((n) => (n === 0 ? new SilentWorker() : echoWorker()));
    const client = new JobClient<EchoApi>(factory, FAILURE, { timeoutMs: TIMEOUT_MS, supersede: 'queue' });
    const older = client.request((api) => api.echo(1));
    await tick();
    const newer = client.request((api) => api.echo(2));
    await tick();
    // Both went to the one worker: the newer did not stop the older.
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    expect(await older).toEqual({ kind: 'stale' });
    expect(await newer).toMatchObject({ kind: 'ok', value: 2 });
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);

    // On a worker that answers, both run on it in turn and only the newer counts.
    const a = client.request((api) => api.echo(3));
    const b = client.request((api) => api.echo(4));
    expect([await a, await b]).toMatchObject([{ kind: 'stale' }, { kind: 'ok', value: 4 }]);
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('a crash and then a silence also fail the job after one retry, saying both', async () => {
    const { factory, workers } = workerFactory(() => new SilentWorker());
    const client = new JobClient<EchoApi>(factory, FAILURE, { timeoutMs: TIMEOUT_MS });
    const job = client.request((api) => api.echo(1));
    await tick();
    workers[0].crash();
    const outcome = await job;
    expect(outcome.kind === 'failed' && outcome.message).toBe(
      'The echo could not be made: the background worker stopped (worker error), then did not answer within 40 ms. Try again, or reload the page.',
    );
    expect(workers).toHaveLength(2);
    client.dispose();
  });
});
