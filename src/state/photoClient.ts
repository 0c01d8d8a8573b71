/** Main-thread side of the photo worker (see JobClient: a worker that crashes or goes silent is
 * restarted and the job retried once). Photos are taken in one at a time, in the order given, so
 * no request is ever superseded; the main thread never decodes a photo. */
import * as Comlink from 'comlink';
import type { PhotoJobResult, PhotoWorkerApi, ProcessedPhoto } from '../../workers/photo.worker';
import { quoteName } from '../storage/photoChecks';
import { JobClient } from './jobClient';

export type { ProcessedPhoto } from '../../workers/photo.worker';

export type PhotoOutcome = { kind: 'ok'; photo: ProcessedPhoto } | { kind: 'refused'; reason: string; message: string } | { kind: 'failed'; message: string };

/** A phone's 12 MP JPEG (3.2 MB) and a small one were checked, decoded and re-encoded in 0.9-1.4 s
 * together on a 2-core machine (test/e2e/photos.test.ts); the largest photo taken, 100 MP, would be
 * about eight times the 12 MP one. A minute leaves room for a slow phone. */
export const PHOTO_JOB_TIMEOUT_MS = 60_000;

const spawn = () => new Worker(new URL('../../workers/photo.worker.ts', import.meta.url), { type: 'module', name: 'photo' });

export class PhotoClient {
  private readonly jobs: JobClient<PhotoWorkerApi>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(factory: () => Worker = spawn, timeoutMs = PHOTO_JOB_TIMEOUT_MS) {
    this.jobs = new JobClient<PhotoWorkerApi>(factory, 'The photo could not be processed', { timeoutMs, supersede: 'queue' });
  }

  /** Checks and downscales a photo file. */
  process(file: Blob, name: string): Promise<PhotoOutcome> {
    return this.enqueue(name, (api) => api.processPhoto(file, name));
  }

  /** A camera frame (handed over: the caller must not use it after). */
  processFrame(frame: ImageBitmap, name: string): Promise<PhotoOutcome> {
    return this.enqueue(name, (api) => api.processFrame(Comlink.transfer(frame, [frame]), name));
  }

  dispose(): void {
    this.jobs.dispose();
  }

  /** One job at a time: each is the newest while it runs, so none is dropped as stale. */
  private enqueue(name: string, call: (api: Comlink.Remote<PhotoWorkerApi>) => Promise<PhotoJobResult>): Promise<PhotoOutcome> {
    const next = this.queue.then(async (): Promise<PhotoOutcome> => {
      const outcome = await this.jobs.request(call);
      // The job's message names the photo.
      if (outcome.kind === 'failed') return { kind: 'failed', message: outcome.message.replace(/^The photo/, `The photo ${quoteName(name)}`) };
      if (outcome.kind === 'stale') return { kind: 'failed', message: `The photo ${quoteName(name)} could not be processed (it was interrupted). Add it again.` };
      const result = outcome.value;
      return result.ok ? { kind: 'ok', photo: result.photo } : { kind: 'refused', reason: result.reason, message: result.message };
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
