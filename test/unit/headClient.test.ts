import { describe, expect, it } from 'vitest';
import { ChannelWorker } from './helpers/channelWorker';
import { HeadClient } from '../../src/state/headClient';
import type { HeadInput, HeadModel } from '../../src/model';

/** A stand-in for the head worker: it answers with a head that records what it was asked for. */
const fakeHeadWorker = () =>
  new ChannelWorker({ createHead: (input: HeadInput) => ({ ok: true, head: { measures: input, sex: input.sex ?? 'male' } as unknown as HeadModel }) });

describe('HeadClient', () => {
  it('carries the sex with the measures to the head worker', async () => {
    const client = new HeadClient(() => fakeHeadWorker() as unknown as Worker);
    const female = await client.request({ circumferenceMm: 550, sex: 'female' });
    expect(female.kind === 'ok' && female.head.sex).toBe('female');
    const unspecified = await client.request({ circumferenceMm: 550 });
    expect(unspecified.kind === 'ok' && unspecified.head.sex).toBe('male');
    client.dispose();
  });
});
