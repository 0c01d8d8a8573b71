import { describe, expect, it } from 'vitest';
import { DotsClient } from '../../src/state/dotsClient';
import { ChannelWorker } from './helpers/channelWorker';
import { defaultDesign, type DotSet, type DotsHead } from '../../src/model';

/** A stand-in for the dots worker whose `generate` answers when the test says so. */
class FakeWorker extends ChannelWorker {
  pending: ((value: unknown) => void)[] = [];
  calls = 0;
  constructor() {
    super({
      generate: (_head: unknown, design: { seed: number }) => {
        this.calls++;
        return new Promise((resolve) => this.pending.push(() => resolve({ ok: true, dots: { count: design.seed } as unknown as DotSet })));
      },
    });
  }
  answer() {
    this.pending.shift()?.(undefined);
  }
}

const head = { chart: {}, landmarks: {} } as unknown as DotsHead;
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('DotsClient', () => {
  it('cancels the running job when a newer one arrives: its worker is terminated, no stale work is left queued', async () => {
    const workers: FakeWorker[] = [];
    const client = new DotsClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const first = client.request(head, { ...defaultDesign(), seed: 1 });
    await tick();
    const second = client.request(head, { ...defaultDesign(), seed: 2 });
    await tick();
    expect(await first).toEqual({ kind: 'stale' });
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[1].answer();
    const outcome = await second;
    expect(outcome.kind).toBe('ok');
    expect(outcome.kind === 'ok' && outcome.dots.count).toBe(2);
    // The finished worker is kept for the next job instead of starting a new one.
    const third = client.request(head, { ...defaultDesign(), seed: 3 });
    await tick();
    expect(workers).toHaveLength(2);
    workers[1].answer();
    expect((await third).kind).toBe('ok');
    client.dispose();
  });

  it('replaces a crashed worker and retries the job once, then reports the failure', async () => {
    const workers: FakeWorker[] = [];
    const client = new DotsClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const job = client.request(head, { ...defaultDesign(), seed: 5 });
    await tick();
    workers[0].crash();
    await tick();
    expect(workers).toHaveLength(2);
    workers[1].answer();
    expect(await job).toMatchObject({ kind: 'ok' });

    const failing = client.request(head, defaultDesign());
    await tick();
    workers[1].crash();
    await tick();
    workers[2].crash();
    const outcome = await failing;
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/could not be generated/);
    client.dispose();
  });
});
