// The device's cache of built heads (storage/headCache.ts) on fake-indexeddb: a head comes back
// as it was kept, under its measures, sex and model build only; the last KEPT_HEADS used are kept.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeadModel } from '../../src/model';
import { HeadCache, headCacheKey, KEPT_HEADS } from '../../src/storage/headCache';

const D = { circumferenceMm: 570, lengthMm: 195, breadthMm: 155, sex: 'male' as const };
/** A small stand-in with the kinds of value a head holds (typed arrays, nested objects). */
const head = (n: number) =>
  ({ measures: { ...D, circumferenceMm: 500 + n }, positions: new Float32Array([n, n + 1, n + 2]), indices: new Uint32Array([0, 1, 2]), sex: 'male' }) as unknown as HeadModel;
const tick = () => new Promise((r) => setTimeout(r, 5));

const realIndexedDb = globalThis.indexedDB;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  globalThis.indexedDB = realIndexedDb;
});

describe('the head cache', () => {
  it('gives back a kept head with its arrays, under the same measures, sex and model build only', async () => {
    const cache = (await HeadCache.open())!;
    const key = headCacheKey(D, 'build-a');
    const kept = head(1);
    cache.put(key, kept);
    // Cloned when put: the arrays may be transferred (detached) at once.
    structuredClone(kept.positions, { transfer: [kept.positions.buffer] });
    await tick();
    const back = await cache.get(key);
    expect(back?.positions).toEqual(new Float32Array([1, 2, 3]));
    expect(back?.indices).toBeInstanceOf(Uint32Array);
    expect(await cache.get(headCacheKey(D, 'build-b'))).toBeNull();
    expect(await cache.get(headCacheKey({ ...D, sex: 'female' }, 'build-a'))).toBeNull();
    expect(await cache.get(headCacheKey({ ...D, breadthMm: 156 }, 'build-a'))).toBeNull();
    expect(headCacheKey({ sex: 'male' }, 'x')).toBe(headCacheKey({}, 'x'));
  });

  it(`keeps the ${KEPT_HEADS} heads used last`, async () => {
    const cache = (await HeadCache.open())!;
    const keys = Array.from({ length: KEPT_HEADS + 2 }, (_, n) => headCacheKey({ ...D, circumferenceMm: 500 + n }, 'b'));
    for (const [n, key] of keys.entries()) {
      cache.put(key, head(n));
      await tick();
      // The first head is used again after each put: it stays.
      if (n > 0) expect(await cache.get(keys[0])).not.toBeNull();
      await tick();
    }
    const found = await Promise.all(keys.map((k) => cache.get(k)));
    expect(found.map((h) => h !== null)).toEqual([true, false, false, true, true, true]);
  });

  it('reads as a miss, and writes nothing, where IndexedDB cannot be used', async () => {
    globalThis.indexedDB = undefined as unknown as IDBFactory;
    expect(await HeadCache.open()).toBeNull();
  });
});
