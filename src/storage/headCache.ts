/** Built heads kept on the device, so that the next visit shows its head at once instead of
 * building it again (2-4 s of a worker's time on a 2-core machine). Keyed by what the head is made
 * from (its measures and sex) and by the build of the head model's code, so a release that changes
 * the head never shows an old one. Only the heads used last are kept.
 *
 * A cache, not a record: any failure (no IndexedDB, a full disk, a private window) reads as a miss
 * and writes nothing, silently: the head is then simply built. Plain IndexedDB (a get and a put,
 * in the head worker), where the records' Dexie schema has no business. */
import type { HeadInput, HeadModel } from '../model';

const DB_NAME = 'smp-studio-head-cache';
const HEADS = 'heads';
/** When each kept head was last used, apart from the heads so that eviction reads a few numbers. */
const USES = 'uses';
/** Heads of a few measures (a clinic sees many clients): each is about 6 MB. */
export const KEPT_HEADS = 4;

/** The key of a head: its input, normalised, and the build of the model that made it. */
export function headCacheKey(input: HeadInput, modelBuild: string): string {
  const { sex = 'male', circumferenceMm, lengthMm, breadthMm } = input;
  return JSON.stringify([modelBuild, sex, circumferenceMm ?? null, lengthMm ?? null, breadthMm ?? null]);
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

export class HeadCache {
  private constructor(private readonly db: IDBDatabase) {}

  /** The cache, or null where IndexedDB cannot be used. */
  static open(): Promise<HeadCache | null> {
    return new Promise((resolve) => {
      try {
        const r = indexedDB.open(DB_NAME, 1);
        r.onupgradeneeded = () => {
          r.result.createObjectStore(HEADS);
          r.result.createObjectStore(USES);
        };
        r.onsuccess = () => resolve(new HeadCache(r.result));
        r.onerror = () => resolve(null);
        r.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
  }

  /** The kept head of this key, or null. */
  async get(key: string): Promise<HeadModel | null> {
    try {
      const tx = this.db.transaction([HEADS, USES], 'readwrite');
      const head = await request<HeadModel | undefined>(tx.objectStore(HEADS).get(key));
      if (head) tx.objectStore(USES).put(Date.now(), key);
      return head ?? null;
    } catch {
      return null;
    }
  }

  /** Keeps `head` under `key`, dropping all but the KEPT_HEADS used last. The head is copied
   * during this call (IndexedDB clones at once), so its arrays may be transferred right after. */
  put(key: string, head: HeadModel): void {
    try {
      const tx = this.db.transaction([HEADS, USES], 'readwrite');
      tx.objectStore(HEADS).put(head, key);
      const uses = tx.objectStore(USES);
      uses.put(Date.now(), key);
      const keys = uses.getAllKeys();
      const times = uses.getAll();
      times.onsuccess = () => {
        const byAge = (keys.result as string[]).map((k, i) => ({ k, usedAt: times.result[i] as number })).sort((a, b) => b.usedAt - a.usedAt);
        for (const { k } of byAge.slice(KEPT_HEADS)) {
          tx.objectStore(HEADS).delete(k);
          uses.delete(k);
        }
      };
    } catch {
      // A cache that cannot be written is a cache that misses next time.
    }
  }
}
