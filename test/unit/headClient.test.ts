import { describe, expect, it } from 'vitest';
import { ChannelWorker, SilentWorker, workerFactory } from './helpers/channelWorker';
import { HeadClient } from '../../src/state/headClient';
import type { HeadInput, HeadModel } from '../../src/model';

/** A stand-in for the head worker: it answers with a head that records what it was asked for. */
const fakeHeadWorker = () => new ChannelWorker({ createHead: (input: HeadInput) => ({ ok: true, head: { measures: input, sex: input.sex ?? 'male' } as unknown as HeadModel }) });

describe('HeadClient', () => {
  it('carries the sex with the measures to the head worker', async () => {
    const client = new HeadClient(() => fakeHeadWorker() as unknown as Worker);
    const female = await client.request({ circumferenceMm: 550, sex: 'female' });
    expect(female.kind === 'ok' && female.head.sex).toBe('female');
    const unspecified = await client.request({ circumferenceMm: 550 });
    expect(unspecified.kind === 'ok' && unspecified.head.sex).toBe('male');
    client.dispose();
  });

  it('looks the first head up ahead on the worker that the request then uses', async () => {
    const asked: string[] = [];
    const { factory, workers } = workerFactory(
      () =>
        new ChannelWorker({
          prefetch: (input: HeadInput) => void asked.push(`prefetch ${input.circumferenceMm}`),
          createHead: (input: HeadInput) => {
            asked.push(`create ${input.circumferenceMm}`);
            return { ok: true, head: { measures: input, sex: 'male' } as unknown as HeadModel };
          },
        }),
    );
    const client = new HeadClient(factory);
    client.prefetch({ circumferenceMm: 570 });
    const head = await client.request({ circumferenceMm: 570 });
    expect(head.kind).toBe('ok');
    expect(asked).toEqual(['prefetch 570', 'create 570']);
    expect(workers.length).toBe(1);
    client.dispose();
  });

  it('restarts a head worker that never answers and builds the head on the fresh one; silent twice, the head fails with the reason', async () => {
    const once = workerFactory((n) => (n === 0 ? new SilentWorker() : fakeHeadWorker()));
    const client = new HeadClient(once.factory, 40);
    const head = await client.request({ circumferenceMm: 560 });
    expect(head.kind === 'ok' && head.head.measures.circumferenceMm).toBe(560);
    expect(once.workers.map((w) => w.terminated)).toEqual([true, false]);
    client.dispose();

    const twice = workerFactory(() => new SilentWorker());
    const failing = new HeadClient(twice.factory, 40);
    const outcome = await failing.request({ circumferenceMm: 560 });
    console.log(`head worker silent twice: "${outcome.kind === 'failed' && outcome.message}"`);
    expect(outcome).toEqual({
      kind: 'failed',
      message: 'The 3D head could not be built: the background worker did not answer within 40 ms, twice. Try again, or reload the page.',
    });
    failing.dispose();
  });

  it('keeps its message for a worker that crashes twice', async () => {
    const { factory, workers } = workerFactory(() => new SilentWorker());
    const client = new HeadClient(factory, 60_000);
    const job = client.request({ circumferenceMm: 560 });
    for (let k = 0; k < 2; k++) {
      await new Promise((r) => setTimeout(r, 5));
      workers[k].crash();
    }
    expect(await job).toEqual({
      kind: 'failed',
      message: 'The 3D head could not be built: the background worker stopped twice (worker error). Try again, or reload the page.',
    });
    client.dispose();
  });
});
