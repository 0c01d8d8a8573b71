import * as Comlink from 'comlink';

/** A stand-in for a Web Worker: `api` exposed on a message channel in this thread, so a worker
 * client (state/*Client.ts) runs against it in Node. Records being terminated; `crash()` fires
 * the error event a dead worker would. */
export class ChannelWorker extends EventTarget {
  terminated = false;
  readonly port: MessagePort;
  constructor(api: object) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    Comlink.expose(api, port2);
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
    this.terminated = true;
    this.port.close();
  }
  crash() {
    this.dispatchEvent(new Event('error'));
  }
}

/** A worker that never answers, as one stuck in an endless job: what is posted to it is counted
 * and dropped. */
export class SilentWorker extends ChannelWorker {
  received = 0;
  constructor() {
    super({});
  }
  postMessage() {
    this.received++;
  }
}

/** A worker factory for a client that makes workers with `make` (told how many came before) and
 * keeps them, newest last, for the test to look at. */
export function workerFactory<W extends ChannelWorker>(make: (index: number) => W): { factory: () => Worker; workers: W[] } {
  const workers: W[] = [];
  const factory = () => {
    const w = make(workers.length);
    workers.push(w);
    return w as unknown as Worker;
  };
  return { factory, workers };
}
