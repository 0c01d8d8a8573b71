// The photo worker's main-thread side: photos given at once are taken in one after another, each
// with its own answer (none dropped as stale, as a newer request drops an older one elsewhere);
// a worker that never answers is restarted, and a second loss fails the photo with its name.
import { afterEach, describe, expect, it } from 'vitest';
import { PhotoClient } from '../../src/state/photoClient';
import type { PhotoJobResult } from '../../workers/photo.worker';
import { ChannelWorker, SilentWorker, workerFactory } from './helpers/channelWorker';

let clients: PhotoClient[] = [];
afterEach(() => {
  for (const c of clients) c.dispose();
  clients = [];
});

describe('PhotoClient', () => {
  it('takes photos in one at a time, in order, each with its answer', async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const api = {
      async processPhoto(_file: Blob, name: string): Promise<PhotoJobResult> {
        log.push(`start ${name}`);
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, name === 'a.jpg' ? 60 : 10));
        running--;
        log.push(`end ${name}`);
        if (name === 'b.txt') return { ok: false, reason: 'not-image', message: '“b.txt” is not a photo (it is a text file).' };
        const blob = new Blob([name]);
        return {
          ok: true,
          photo: {
            image: blob,
            mimeType: 'image/jpeg',
            widthPx: 640,
            heightPx: 480,
            thumb: blob,
            thumbWidthPx: 320,
            thumbHeightPx: 240,
            sourceWidthPx: 640,
            sourceHeightPx: 480,
            orientation: 1,
            focal35mm: null,
            ms: 1,
          },
        };
      },
    };
    const { factory, workers } = workerFactory(() => new ChannelWorker(api));
    const client = new PhotoClient(factory, 5_000);
    clients.push(client);
    const outcomes = await Promise.all(['a.jpg', 'b.txt', 'c.jpg'].map((n) => client.process(new Blob(['x']), n)));
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'refused', 'ok']);
    expect(outcomes[1]).toMatchObject({ reason: 'not-image', message: '“b.txt” is not a photo (it is a text file).' });
    expect(log).toEqual(['start a.jpg', 'end a.jpg', 'start b.txt', 'end b.txt', 'start c.jpg', 'end c.jpg']);
    expect(most).toBe(1);
    expect(workers).toHaveLength(1);
  });

  it('a worker that never answers is restarted; silent twice, the photo fails naming the file, and the next one still runs', async () => {
    const { factory, workers } = workerFactory((i) => (i < 2 ? new SilentWorker() : new ChannelWorker({ processPhoto: async () => ({ ok: false, reason: 'too-small', message: 'small' }) })));
    const client = new PhotoClient(factory, 100);
    clients.push(client);
    const [first, second] = await Promise.all([client.process(new Blob(['x']), 'IMG_1.jpg'), client.process(new Blob(['x']), 'IMG_2.jpg')]);
    console.log(`silent twice: ${first.kind === 'failed' ? first.message : first.kind}`);
    expect(first.kind).toBe('failed');
    expect(first.kind === 'failed' && first.message).toMatch(/^The photo “IMG_1\.jpg” could not be processed: the background worker did not answer within 100 ms, twice\./);
    expect(workers.slice(0, 2).every((w) => w.terminated)).toBe(true);
    expect(second).toMatchObject({ kind: 'refused', reason: 'too-small' });
  });
});
