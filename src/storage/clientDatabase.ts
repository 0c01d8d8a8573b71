/** The records database in IndexedDB (Dexie), and what every operation on it shares: the error
 * wrapping, and reading a row that must exist. */
import Dexie, { type Table } from 'dexie';
import type { Client } from './clientRecord';
import type { DesignRow, FavouriteRow, SessionRow } from './clientRows';
import type { PhotoRow } from './photoRecord';
import { StorageError, toStorageError } from './storageError';

export class ClientDb extends Dexie {
  // `declare`, not fields: a class field would overwrite the tables Dexie sets up in version().stores().
  declare clients: Table<Client, string>;
  declare designs: Table<DesignRow, string>;
  declare favourites: Table<FavouriteRow, string>;
  declare session: Table<SessionRow, string>;
  declare photos: Table<PhotoRow, string>;

  constructor(name: string, indexedDB: IDBFactory, keyRange: typeof IDBKeyRange) {
    super(name, { indexedDB, IDBKeyRange: keyRange });
    // A change of indexes adds a version below, with an upgrade() for changed rows.
    this.version(1).stores({
      clients: 'id, updatedAt',
      designs: 'id, clientId',
      favourites: 'id, createdAt',
      session: 'key',
    });
    // 2: the client's photos (a new table; no row of version 1 changes).
    this.version(2).stores({ photos: 'id, clientId' });
  }
}

/** Runs `fn`, turning whatever it throws into a StorageError about `what`. (The public methods are
 * async, so a refused input is a rejected promise, like every other failure.) */
export async function run<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStorageError(e, what);
  }
}

export async function clientRow(db: ClientDb, id: string): Promise<Client> {
  const row = await db.clients.get(id);
  if (!row) throw new StorageError('not-found', 'This client is no longer on this device (it may have been deleted in another tab).');
  return row;
}

export async function designRow(db: ClientDb, id: string): Promise<DesignRow> {
  const row = await db.designs.get(id);
  if (!row) throw new StorageError('not-found', 'This design is no longer on this device (it may have been deleted in another tab).');
  return row;
}
