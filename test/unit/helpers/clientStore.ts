// A fresh fake IndexedDB per test, and a clock that moves one minute per reading, so that
// "newest first" is decided by the code, not by two writes landing in the same millisecond.
// Every store opened is closed after the test.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, vi } from 'vitest';
import { openClientStore, type ClientStore, type OpenClientStoreOptions } from '../../../src/storage/clientDb';

let open: ClientStore[] = [];

/** `prefix` names the databases of one test file. */
export function clientStoreSetup(prefix: string) {
  const indexedDB = new IDBFactory();
  let t = Date.UTC(2026, 2, 14, 9, 0, 0);
  const options: OpenClientStoreOptions = { name: `${prefix}-${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, now: () => new Date((t += 60_000)) };
  const openStore = async () => {
    const store = await openClientStore(options);
    open.push(store);
    return store;
  };
  return { options, openStore };
}

afterEach(() => {
  for (const s of open) s.close();
  open = [];
  vi.restoreAllMocks();
});
