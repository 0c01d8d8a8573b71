/** Main-thread side of the landmark worker (workers/landmarks.worker.ts): finds the face in a
 * photo without blocking the page. A worker that crashes or goes silent is restarted and the job
 * retried once (JobClient). Photos are read one after another, and every one is answered: a newer
 * photo does not make an older one stale. */
import * as Comlink from 'comlink';
import type { FaceLandmarks } from '../model';
import type { LandmarksWorkerApi } from '../../workers/landmarks.worker';
import { JobClient } from '../state/jobClient';
import { FACE_ASSETS_DIR } from './faceAssets';

/** Measured in headless Chromium on a 2-core machine (wasm backend): the models load and warm up
 * in about 2 s and a photo takes 0.1-0.3 s; the first job pays for both. Ten times that, for slow
 * phones and a cold cache. */
export const LANDMARKS_JOB_TIMEOUT_MS = 30_000;

const spawn = () => new Worker(new URL('../../workers/landmarks.worker.ts', import.meta.url), { type: 'module', name: 'landmarks' });

/** Where the worker finds the models and the .wasm: beside the page, wherever the app is served. */
export function faceAssetsUrl(): string {
  return new URL(FACE_ASSETS_DIR, document.baseURI).href;
}

export class LandmarksClient {
  private readonly jobs: JobClient<LandmarksWorkerApi>;
  /** The last job asked for: the next one starts after it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly assetsUrl: string = faceAssetsUrl(),
    factory: () => Worker = spawn,
    timeoutMs = LANDMARKS_JOB_TIMEOUT_MS,
  ) {
    this.jobs = new JobClient<LandmarksWorkerApi>(factory, 'The face could not be read from the photo', { timeoutMs, supersede: 'queue' });
  }

  /** Loads the models in the worker ahead of the first photo. */
  async warmUp(): Promise<void> {
    await this.run((api) => api.warmUp(this.assetsUrl));
  }

  /** The face in `image`, or null when there is none. The worker gets a copy of the bitmap (a
   * retry needs the original); the original is closed when the answer comes. Throws with a
   * readable message when the worker fails twice. */
  async detectFace(image: ImageBitmap): Promise<FaceLandmarks | null> {
    try {
      return await this.run(async (api) => {
        const copy = await createImageBitmap(image);
        return api.detect(Comlink.transfer(copy, [copy]), this.assetsUrl);
      });
    } finally {
      image.close();
    }
  }

  private run<T>(call: (api: Comlink.Remote<LandmarksWorkerApi>) => Promise<T>): Promise<T> {
    const job = this.queue.then(async () => {
      const outcome = await this.jobs.request(call);
      if (outcome.kind === 'failed') throw new Error(outcome.message);
      // Jobs wait for each other, so none is ever superseded; disposal stops them.
      if (outcome.kind === 'stale') throw new Error('The face reading was stopped.');
      return outcome.value;
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  dispose(): void {
    this.jobs.dispose();
  }
}

let shared: LandmarksClient | null = null;
/** The page's one landmark worker, started on first use (its code and models load only then). */
export function landmarksClient(): LandmarksClient {
  return (shared ??= new LandmarksClient());
}
