import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { HeadClient } from '../../src/state/headClient';
import type { HeadInput, HeadModel } from '../../src/model';

/** A stand-in for the head worker on a message channel in this thread: it answers with a head
 * that records what it was asked for. */
class FakeHeadWorker extends EventTarget {
  readonly port: MessagePort;
  constructor() {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    Comlink.expose({ createHead: (input: HeadInput) => ({ ok: true, head: { measures: input, sex: input.sex ?? 'male' } as unknown as HeadModel }) }, port2);
  }
  postMessage(message: unknown, transfer?: Transferable[]) {
    this.port.postMessage(message, transfer ?? []);
  }
  addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
    if (type === 'message') this.port.addEventListener('message', listener as EventListener);
    else super.addEventListener(type, listener);
    this.port.start();
  }
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject) {
    if (type === 'message') this.port.removeEventListener('message', listener as EventListener);
    else super.removeEventListener(type, listener);
  }
  terminate() {
    this.port.close();
  }
}

describe('HeadClient', () => {
  it('carries the sex with the measures to the head worker', async () => {
    const client = new HeadClient(() => new FakeHeadWorker() as unknown as Worker);
    const female = await client.request({ circumferenceMm: 550, sex: 'female' });
    expect(female.kind === 'ok' && female.head.sex).toBe('female');
    const unspecified = await client.request({ circumferenceMm: 550 });
    expect(unspecified.kind === 'ok' && unspecified.head.sex).toBe('male');
    client.dispose();
  });
});
