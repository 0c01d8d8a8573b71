/** Client records on this device: clients, their saved designs, the client's own favourites (Try at
 * home) and the autosave, in IndexedDB through Dexie. Nothing leaves the browser.
 *
 * Every write checks its input first (names, dates, designs through parseDesign) and throws
 * StorageError('invalid') naming the field before the database is touched; writes that change more
 * than one row run in one transaction, so a failure leaves nothing half-written. Every stored design
 * is parsed again when read: older versions migrate, a damaged row is reported, never fatal.
 *
 * ClientStore is the way in; the work is done in clientOps, designOps, favouriteOps, undoOps and
 * autosaveOps, on the database of clientDatabase, with the rows and checks of clientRows. */
import type { Design } from '../model';
import { ClientDb } from './clientDatabase';
import type { ParsedClientFile } from './clientFile';
import { createClient, deleteClient, duplicateClient, getClient, importClient, listClients, updateClient } from './clientOps';
import type { AutosaveSession, Client, ClientProfile, ClientSummary, Favourite, SavedDesign } from './clientRecord';
import type { SkippedDesign, UndoToken } from './clientRows';
import { deleteDesign, duplicateDesign, getDesign, listDesigns, renameDesign, saveDesign, updateDesign } from './designOps';
import { addFavourite, deleteFavourite, listFavourites } from './favouriteOps';
import { clearSession, loadSession, saveSession, type LoadedSession } from './autosaveOps';
import { addPhoto, deletePhoto, listPhotos, setPhotoFit, setPhotoKeepMask, setPhotoView } from './photoOps';
import type { NewPhoto, PhotoFit, PhotoRow, PhotoView } from './photoRecord';
import { restore } from './undoOps';
import { BLOCKED_MESSAGE, StorageError, toStorageError } from './storageError';

export { StorageError, toStorageError, QUOTA_MESSAGE } from './storageError';
export type { StorageErrorKind } from './storageError';
export { profileOf, MAX_DESIGNS_PER_CLIENT, MAX_NAME_CHARS, MAX_NOTES_CHARS } from './clientRecord';
export type { AutosaveSession, Client, ClientProfile, ClientSummary, Favourite, SavedDesign } from './clientRecord';
export { ClientDb } from './clientDatabase';
export type { DesignRow, FavouriteRow, SkippedDesign, UndoToken } from './clientRows';
export type { LoadedSession } from './autosaveOps';
export type { NewPhoto, PhotoFit, PhotoRow, PhotoView } from './photoRecord';

export const DEFAULT_DB_NAME = 'smp-studio';

export interface OpenClientStoreOptions {
  /** Database name; tests use a fresh one each. */
  name?: string;
  /** IndexedDB to use instead of the browser's (fake-indexeddb in tests). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** The clock for createdAt/updatedAt and today's date; tests pin it. */
  now?: () => Date;
}

/** Opens (creating or upgrading) the records database. Throws StorageError 'unavailable' when this
 * browser keeps no IndexedDB or refuses it (private mode, storage turned off), 'blocked' when a tab
 * with an older version of the app holds the database open during an upgrade. */
export async function openClientStore(options: OpenClientStoreOptions = {}): Promise<ClientStore> {
  const what = 'open the client records';
  let factory: IDBFactory | undefined;
  let keyRange: typeof IDBKeyRange | undefined;
  try {
    // Reading `indexedDB` itself throws SecurityError in some sandboxed pages.
    const g = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };
    factory = options.indexedDB ?? g.indexedDB;
    keyRange = options.IDBKeyRange ?? g.IDBKeyRange;
  } catch (e) {
    throw toStorageError(e, what);
  }
  if (!factory || !keyRange) throw toStorageError(Object.assign(new Error('IndexedDB is missing'), { name: 'MissingAPIError' }), what);

  const db = new ClientDb(options.name ?? DEFAULT_DB_NAME, factory, keyRange);
  // An upgrade waits, without end, while an older tab keeps the database open: say so instead.
  let onBlocked = () => {};
  const blocked = new Promise<never>((_, reject) => {
    onBlocked = () => reject(new StorageError('blocked', BLOCKED_MESSAGE));
  });
  db.on('blocked', onBlocked);
  try {
    await Promise.race([db.open(), blocked]);
  } catch (e) {
    db.close();
    throw toStorageError(e, what);
  } finally {
    db.on('blocked').unsubscribe(onBlocked);
  }
  return new ClientStore(db, options.now ?? (() => new Date()));
}

export class ClientStore {
  constructor(
    /** The Dexie database underneath, for tests and diagnostics; the app goes through the methods. */
    readonly db: ClientDb,
    private readonly now: () => Date,
  ) {}

  close(): void {
    this.db.close();
  }

  // ---- clients ----

  /** Clients whose name or notes contain every word of `query` (any case, any accents), most
   * recently changed first, each with its number of saved designs. A client row that cannot be read
   * is left out (and reported on the console), so one damaged record never hides the others. */
  async listClients(query = ''): Promise<ClientSummary[]> {
    return listClients(this.db, query);
  }

  async getClient(id: string): Promise<Client> {
    return getClient(this.db, id);
  }

  /** A new client; the profile comes from `design` (the design on screen) or the default design. */
  async createClient(input: { name: string; consultationDate?: string; notes?: string; design?: Design }): Promise<Client> {
    return createClient(this.db, this.now, input);
  }

  /** Changes the given fields; updatedAt becomes now. */
  async updateClient(id: string, patch: { name?: string; consultationDate?: string; notes?: string; profile?: ClientProfile }): Promise<Client> {
    return updateClient(this.db, this.now, id, patch);
  }

  /** A copy of the client, named "… (copy)", with copies of all their designs and photos; all new ids. */
  async duplicateClient(id: string): Promise<Client> {
    return duplicateClient(this.db, this.now, id);
  }

  /** Deletes the client and all their designs and photos; the token puts them back (restore). */
  async deleteClient(id: string): Promise<UndoToken> {
    return deleteClient(this.db, id);
  }

  // ---- designs ----

  /** The client's saved designs, most recently changed first. Each is parsed again: older versions
   * migrate; one that cannot be read is listed in `skipped` with the reason. */
  async listDesigns(clientId: string): Promise<{ designs: SavedDesign[]; skipped: SkippedDesign[] }> {
    return listDesigns(this.db, clientId);
  }

  /** One saved design; StorageError 'failed' when the stored row cannot be read. */
  async getDesign(id: string): Promise<SavedDesign> {
    return getDesign(this.db, id);
  }

  /** Saves `design` as a new design of the client; the client's profile is taken from it and the
   * client counts as changed now. */
  async saveDesign(clientId: string, name: string, design: Design): Promise<SavedDesign> {
    return saveDesign(this.db, this.now, clientId, name, design);
  }

  /** Overwrites a saved design (its name stays); refreshes the client's profile, as saveDesign does. */
  async updateDesign(id: string, design: Design): Promise<SavedDesign> {
    return updateDesign(this.db, this.now, id, design);
  }

  async renameDesign(id: string, name: string): Promise<void> {
    return renameDesign(this.db, this.now, id, name);
  }

  /** A copy of a saved design for the same client, named `name` or "… (copy)". */
  async duplicateDesign(id: string, name?: string): Promise<SavedDesign> {
    return duplicateDesign(this.db, this.now, id, name);
  }

  async deleteDesign(id: string): Promise<UndoToken> {
    return deleteDesign(this.db, id);
  }

  // ---- favourites ----

  /** Newest first. A favourite that cannot be read is left out (and reported on the console). */
  async listFavourites(): Promise<Favourite[]> {
    return listFavourites(this.db);
  }

  async addFavourite(name: string, design: Design): Promise<Favourite> {
    return addFavourite(this.db, this.now, name, design);
  }

  async deleteFavourite(id: string): Promise<UndoToken> {
    return deleteFavourite(this.db, id);
  }

  // ---- photos ----

  /** Keeps a processed photo (photo worker) with the client; the client counts as changed now.
   * Refused past MAX_PHOTOS_PER_CLIENT; a full disk is StorageError 'quota' naming the photo, and
   * nothing is written. */
  async addPhoto(clientId: string, photo: NewPhoto): Promise<PhotoRow> {
    return addPhoto(this.db, this.now, clientId, photo);
  }

  /** The client's photos, front first, then by view and age. A damaged row is left out (and reported on the console). */
  async listPhotos(clientId: string): Promise<PhotoRow[]> {
    return listPhotos(this.db, clientId);
  }

  async setPhotoView(id: string, view: PhotoView): Promise<PhotoRow> {
    return setPhotoView(this.db, id, view);
  }

  /** Keeps the photo's pose fit (opaque JSON; null forgets it). */
  async setPhotoFit(id: string, fit: PhotoFit | null): Promise<PhotoRow> {
    return setPhotoFit(this.db, id, fit);
  }

  /** Keeps the hair marked to keep on the photo: a PNG of keepMaskSizePx of the photo, checked
   * (signature, whole, size); null forgets it. The mask goes with the photo when it is deleted. */
  async setPhotoKeepMask(id: string, mask: Blob | null): Promise<PhotoRow> {
    return setPhotoKeepMask(this.db, id, mask);
  }

  async deletePhoto(id: string): Promise<UndoToken> {
    return deletePhoto(this.db, id);
  }

  // ---- undo ----

  /** Puts back what a delete removed, exactly as it was (same ids), in one transaction. Refused when
   * it is already back, or (for a design) when its client has since been deleted. */
  async restore(token: UndoToken): Promise<void> {
    return restore(this.db, token);
  }

  // ---- autosave ----

  /** Keeps the design on screen (one row, replaced each time); `savedAt` defaults to now. */
  async saveSession(session: { design: Design; clientId?: string | null; designId?: string | null; savedAt?: string }): Promise<AutosaveSession> {
    return saveSession(this.db, this.now, session);
  }

  /** The autosaved session; `problem` says why one that was saved cannot be used (never a throw for
   * that: the app starts with the default design instead). */
  async loadSession(): Promise<LoadedSession> {
    return loadSession(this.db);
  }

  async clearSession(): Promise<void> {
    return clearSession(this.db);
  }

  // ---- files ----

  /** Adds the client of a parsed client file as a new client (new ids for the client, every design
   * and every photo), all in one transaction: a failure writes nothing. createdAt is kept from the file. */
  async importClient(parsed: ParsedClientFile): Promise<Client> {
    return importClient(this.db, this.now, parsed);
  }
}
