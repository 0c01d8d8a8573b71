/** Client records on this device: clients, their saved designs, the client's own favourites (Try at
 * home) and the autosave, in IndexedDB through Dexie. Nothing leaves the browser.
 *
 * Every write checks its input first (names, dates, designs through parseDesign) and throws
 * StorageError('invalid') naming the field before the database is touched; writes that change more
 * than one row run in one transaction, so a failure leaves nothing half-written. Every stored design
 * is parsed again when read: older versions migrate, a damaged row is reported, never fatal. */
import Dexie, { type Table } from 'dexie';
import { z } from '../model';
import { DesignError, defaultDesign, type Design } from '../model';
import type { ParsedClientFile } from './clientFile';
import {
  MAX_DESIGNS_PER_CLIENT,
  calendarDateSchema,
  clientSchema,
  copyName,
  firstIssue,
  idSchema,
  nameSchema,
  notesSchema,
  parseDesignObject,
  profileOf,
  profileSchema,
  refusal,
  sessionInputSchema,
  timestampSchema,
  type AutosaveSession,
  type Client,
  type ClientProfile,
  type ClientSummary,
  type Favourite,
  type SavedDesign,
} from './clientRecord';
import { BLOCKED_MESSAGE, StorageError, toStorageError } from './storageError';

export { StorageError, toStorageError, QUOTA_MESSAGE } from './storageError';
export type { StorageErrorKind } from './storageError';
export { profileOf, MAX_DESIGNS_PER_CLIENT, MAX_NAME_CHARS, MAX_NOTES_CHARS } from './clientRecord';
export type { AutosaveSession, Client, ClientProfile, ClientSummary, Favourite, SavedDesign } from './clientRecord';

export const DEFAULT_DB_NAME = 'smp-studio';

/** Rows as stored. A design is kept as it was saved (`unknown` here) and parsed when read. */
export interface DesignRow {
  id: string;
  clientId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  design: unknown;
}
export interface FavouriteRow {
  id: string;
  name: string;
  createdAt: string;
  design: unknown;
}
interface SessionRow {
  key: 'autosave';
  design: unknown;
  clientId: string | null;
  designId: string | null;
  savedAt: string;
}

/** What a delete removed, exactly as stored; `restore(token)` puts it back with the same ids. Plain
 * data, so the UI may keep it as long as it offers "Undo". */
export type UndoToken = { kind: 'client'; client: Client; designs: DesignRow[] } | { kind: 'design'; design: DesignRow } | { kind: 'favourite'; favourite: FavouriteRow };

/** A stored design that could not be read, and why. */
export interface SkippedDesign {
  id: string;
  name: string;
  reason: string;
}

export type LoadedSession = { session: AutosaveSession } | { session: null; problem: string | null };

export interface OpenClientStoreOptions {
  /** Database name; tests use a fresh one each. */
  name?: string;
  /** IndexedDB to use instead of the browser's (fake-indexeddb in tests). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** The clock for createdAt/updatedAt and today's date; tests pin it. */
  now?: () => Date;
}

export class ClientDb extends Dexie {
  // `declare`, not fields: a class field would overwrite the tables Dexie sets up in version().stores().
  declare clients: Table<Client, string>;
  declare designs: Table<DesignRow, string>;
  declare favourites: Table<FavouriteRow, string>;
  declare session: Table<SessionRow, string>;

  constructor(name: string, indexedDB: IDBFactory, keyRange: typeof IDBKeyRange) {
    super(name, { indexedDB, IDBKeyRange: keyRange });
    // Schema version 1. A change of indexes adds version(2) below, with an upgrade() for changed rows.
    this.version(1).stores({
      clients: 'id, updatedAt',
      designs: 'id, clientId',
      favourites: 'id, createdAt',
      session: 'key',
    });
  }
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

/** `crypto.randomUUID` exists only in secure contexts; the app may be opened over plain http on a LAN. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Labels for refusals of top-level fields; deeper paths are named as paths. */
const FIELD_LABELS: Record<string, string> = {
  name: 'The name',
  consultationDate: 'The consultation date',
  notes: 'The notes',
  id: 'The id',
  clientId: 'The client id',
  designId: 'The design id',
  savedAt: 'The autosave time',
  createdAt: 'The creation time',
};

/** `value` through `schema`, or StorageError('invalid') naming `field`. */
function check<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [field, ...issue.path.map(String)].join('.');
  throw new StorageError('invalid', `${refusal(FIELD_LABELS[path] ?? path, issue.message)}.`, { field: path });
}

/** A design through parseDesign, or StorageError('invalid') naming the design's field. */
function checkDesign(design: unknown, field = 'design'): Design {
  try {
    return parseDesignObject(design);
  } catch (e) {
    if (!(e instanceof DesignError)) throw e;
    throw new StorageError('invalid', `The design is not valid: ${e.message}`, { field: e.path ? `${field}.${e.path}` : field });
  }
}

const designRowSchema = z.object({ id: idSchema, clientId: idSchema, name: nameSchema, createdAt: timestampSchema, updatedAt: timestampSchema, design: z.unknown() });
const favouriteRowSchema = z.object({ id: idSchema, name: nameSchema, createdAt: timestampSchema, design: z.unknown() });
const undoTokenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client'), client: z.object({ id: idSchema }).loose(), designs: z.array(z.object({ id: idSchema, clientId: idSchema }).loose()) }),
  z.object({ kind: z.literal('design'), design: z.object({ id: idSchema, clientId: idSchema }).loose() }),
  z.object({ kind: z.literal('favourite'), favourite: z.object({ id: idSchema }).loose() }),
]);

/** A stored design row read back: the design parsed (and migrated), or the reason it cannot be. */
function readDesignRow(row: DesignRow): { ok: SavedDesign } | { skipped: SkippedDesign } {
  const name = typeof row.name === 'string' ? row.name : '(no name)';
  const meta = designRowSchema.safeParse(row);
  if (!meta.success) return { skipped: { id: String(row.id), name, reason: `The saved record is damaged: ${firstIssue(meta.error)[1]}` } };
  try {
    const { id, clientId, createdAt, updatedAt } = meta.data;
    return { ok: { id, clientId, name: meta.data.name, createdAt, updatedAt, design: parseDesignObject(row.design) } };
  } catch (e) {
    return { skipped: { id: row.id, name, reason: e instanceof Error ? e.message : String(e) } };
  }
}

const byNewest = <T extends { updatedAt: string }>(a: T, b: T) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);

/** Case- and accent-insensitive text for search: "Müller" is found by "muller". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export class ClientStore {
  constructor(
    /** The Dexie database underneath, for tests and diagnostics; the app goes through the methods. */
    readonly db: ClientDb,
    private readonly now: () => Date,
  ) {}

  close(): void {
    this.db.close();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Today on the device's calendar, 'YYYY-MM-DD'. */
  private today(): string {
    const d = this.now();
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }

  /** Runs `fn`, turning whatever it throws into a StorageError about `what`. (The public methods are
   * async, so a refused input is a rejected promise, like every other failure.) */
  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw toStorageError(e, what);
    }
  }

  private async clientRow(id: string): Promise<Client> {
    const row = await this.db.clients.get(id);
    if (!row) throw new StorageError('not-found', 'This client is no longer on this device (it may have been deleted in another tab).');
    return row;
  }

  private async designRow(id: string): Promise<DesignRow> {
    const row = await this.db.designs.get(id);
    if (!row) throw new StorageError('not-found', 'This design is no longer on this device (it may have been deleted in another tab).');
    return row;
  }

  private async roomForDesign(clientId: string): Promise<void> {
    const count = await this.db.designs.where('clientId').equals(clientId).count();
    if (count >= MAX_DESIGNS_PER_CLIENT) {
      throw new StorageError('invalid', `A client has at most ${MAX_DESIGNS_PER_CLIENT} saved designs; delete some before saving another.`, { field: 'designs' });
    }
  }

  // ---- clients ----

  /** Clients whose name or notes contain every word of `query` (any case, any accents), most
   * recently changed first, each with its number of saved designs. A client row that cannot be read
   * is left out (and reported on the console), so one damaged record never hides the others. */
  async listClients(query = ''): Promise<ClientSummary[]> {
    return this.run('list the clients', () =>
      this.db.transaction('r', this.db.clients, this.db.designs, async () => {
        const rows = await this.db.clients.toArray();
        const counts = new Map<string, number>();
        for (const clientId of await this.db.designs.orderBy('clientId').keys()) counts.set(String(clientId), (counts.get(String(clientId)) ?? 0) + 1);
        const terms = fold(String(query)).split(/\s+/).filter(Boolean);
        const out: ClientSummary[] = [];
        for (const row of rows) {
          const parsed = clientSchema.safeParse(row);
          if (!parsed.success) {
            console.warn(`Client record ${String((row as { id?: unknown }).id)} is damaged and not listed: ${firstIssue(parsed.error)[1]}`);
            continue;
          }
          const c = parsed.data;
          const text = fold(`${c.name}\n${c.notes}`);
          if (terms.every((t) => text.includes(t))) out.push({ ...c, designCount: counts.get(c.id) ?? 0 });
        }
        return out.sort(byNewest);
      }),
    );
  }

  async getClient(id: string): Promise<Client> {
    return this.run('open the client', async () => {
      const row = await this.clientRow(check(idSchema, id, 'id'));
      const parsed = clientSchema.safeParse(row);
      if (!parsed.success) throw new StorageError('failed', `The record of this client is damaged: ${firstIssue(parsed.error)[1]}`);
      return parsed.data;
    });
  }

  /** A new client; the profile comes from `design` (the design on screen) or the default design. */
  async createClient(input: { name: string; consultationDate?: string; notes?: string; design?: Design }): Promise<Client> {
    const name = check(nameSchema, input?.name, 'name');
    const consultationDate = check(calendarDateSchema, input.consultationDate ?? this.today(), 'consultationDate');
    const notes = check(notesSchema, input.notes ?? '', 'notes');
    const profile = profileOf(input.design === undefined ? defaultDesign() : checkDesign(input.design));
    const at = this.stamp();
    const client: Client = { id: newId(), name, consultationDate, notes, createdAt: at, updatedAt: at, profile };
    return this.run('save the client', async () => {
      await this.db.clients.add(client);
      return client;
    });
  }

  /** Changes the given fields; updatedAt becomes now. */
  async updateClient(id: string, patch: { name?: string; consultationDate?: string; notes?: string; profile?: ClientProfile }): Promise<Client> {
    check(idSchema, id, 'id');
    const changes: Partial<Client> = {};
    if (patch.name !== undefined) changes.name = check(nameSchema, patch.name, 'name');
    if (patch.consultationDate !== undefined) changes.consultationDate = check(calendarDateSchema, patch.consultationDate, 'consultationDate');
    if (patch.notes !== undefined) changes.notes = check(notesSchema, patch.notes, 'notes');
    if (patch.profile !== undefined) changes.profile = check(profileSchema, patch.profile, 'profile');
    return this.run('save the client', () =>
      this.db.transaction('rw', this.db.clients, async () => {
        const client = { ...(await this.clientRow(id)), ...changes, updatedAt: this.stamp() };
        await this.db.clients.put(client);
        return client;
      }),
    );
  }

  /** A copy of the client, named "… (copy)", with copies of all their designs; all new ids. */
  async duplicateClient(id: string): Promise<Client> {
    check(idSchema, id, 'id');
    return this.run('copy the client', () =>
      this.db.transaction('rw', this.db.clients, this.db.designs, async () => {
        const source = await this.clientRow(id);
        const at = this.stamp();
        const copy: Client = { ...source, id: newId(), name: copyName(source.name), createdAt: at, updatedAt: at };
        const designs = await this.db.designs.where('clientId').equals(id).toArray();
        await this.db.clients.add(copy);
        await this.db.designs.bulkAdd(designs.map((d) => ({ ...d, id: newId(), clientId: copy.id })));
        return copy;
      }),
    );
  }

  /** Deletes the client and all their designs; the token puts them back (restore). */
  async deleteClient(id: string): Promise<UndoToken> {
    check(idSchema, id, 'id');
    return this.run('delete the client', () =>
      this.db.transaction('rw', this.db.clients, this.db.designs, async () => {
        const client = await this.clientRow(id);
        const designs = await this.db.designs.where('clientId').equals(id).toArray();
        await this.db.designs.bulkDelete(designs.map((d) => d.id));
        await this.db.clients.delete(id);
        return { kind: 'client' as const, client, designs };
      }),
    );
  }

  // ---- designs ----

  /** The client's saved designs, most recently changed first. Each is parsed again: older versions
   * migrate; one that cannot be read is listed in `skipped` with the reason. */
  async listDesigns(clientId: string): Promise<{ designs: SavedDesign[]; skipped: SkippedDesign[] }> {
    check(idSchema, clientId, 'clientId');
    return this.run('list the designs', () =>
      this.db.transaction('r', this.db.clients, this.db.designs, async () => {
        await this.clientRow(clientId);
        const designs: SavedDesign[] = [];
        const skipped: SkippedDesign[] = [];
        for (const row of await this.db.designs.where('clientId').equals(clientId).toArray()) {
          const read = readDesignRow(row);
          if ('ok' in read) designs.push(read.ok);
          else skipped.push(read.skipped);
        }
        return { designs: designs.sort(byNewest), skipped };
      }),
    );
  }

  /** One saved design; StorageError 'failed' when the stored row cannot be read. */
  async getDesign(id: string): Promise<SavedDesign> {
    check(idSchema, id, 'id');
    return this.run('open the design', async () => {
      const read = readDesignRow(await this.designRow(id));
      if ('skipped' in read) throw new StorageError('failed', `The saved design "${read.skipped.name}" cannot be opened: ${read.skipped.reason}`);
      return read.ok;
    });
  }

  /** Saves `design` as a new design of the client; the client's profile is taken from it and the
   * client counts as changed now. */
  async saveDesign(clientId: string, name: string, design: Design): Promise<SavedDesign> {
    check(idSchema, clientId, 'clientId');
    const checkedName = check(nameSchema, name, 'name');
    const checked = checkDesign(design);
    return this.run('save the design', () =>
      this.db.transaction('rw', this.db.clients, this.db.designs, async () => {
        const client = await this.clientRow(clientId);
        await this.roomForDesign(clientId);
        const at = this.stamp();
        const saved: SavedDesign = { id: newId(), clientId, name: checkedName, createdAt: at, updatedAt: at, design: checked };
        await this.db.designs.add(saved);
        await this.db.clients.put({ ...client, profile: profileOf(checked), updatedAt: at });
        return saved;
      }),
    );
  }

  /** Overwrites a saved design (its name stays); refreshes the client's profile, as saveDesign does. */
  async updateDesign(id: string, design: Design): Promise<SavedDesign> {
    check(idSchema, id, 'id');
    const checked = checkDesign(design);
    return this.run('save the design', () =>
      this.db.transaction('rw', this.db.clients, this.db.designs, async () => {
        const row = await this.designRow(id);
        const client = await this.clientRow(row.clientId);
        const at = this.stamp();
        const saved: SavedDesign = { ...row, design: checked, updatedAt: at };
        await this.db.designs.put(saved);
        await this.db.clients.put({ ...client, profile: profileOf(checked), updatedAt: at });
        return saved;
      }),
    );
  }

  async renameDesign(id: string, name: string): Promise<void> {
    check(idSchema, id, 'id');
    const checkedName = check(nameSchema, name, 'name');
    return this.run('rename the design', () =>
      this.db.transaction('rw', this.db.clients, this.db.designs, async () => {
        const row = await this.designRow(id);
        const at = this.stamp();
        await this.db.designs.put({ ...row, name: checkedName, updatedAt: at });
        await this.db.clients.update(row.clientId, { updatedAt: at });
      }),
    );
  }

  /** A copy of a saved design for the same client, named `name` or "… (copy)". */
  async duplicateDesign(id: string, name?: string): Promise<SavedDesign> {
    check(idSchema, id, 'id');
    const checkedName = name === undefined ? undefined : check(nameSchema, name, 'name');
    return this.run('copy the design', () =>
      this.db.transaction('rw', this.db.clients, this.db.designs, async () => {
        const read = readDesignRow(await this.designRow(id));
        if ('skipped' in read) throw new StorageError('failed', `The saved design "${read.skipped.name}" cannot be copied: ${read.skipped.reason}`);
        const source = read.ok;
        await this.roomForDesign(source.clientId);
        const at = this.stamp();
        const copy: SavedDesign = { ...source, id: newId(), name: checkedName ?? copyName(source.name), createdAt: at, updatedAt: at };
        await this.db.designs.add(copy);
        await this.db.clients.update(source.clientId, { updatedAt: at });
        return copy;
      }),
    );
  }

  async deleteDesign(id: string): Promise<UndoToken> {
    check(idSchema, id, 'id');
    return this.run('delete the design', () =>
      this.db.transaction('rw', this.db.designs, async () => {
        const design = await this.designRow(id);
        await this.db.designs.delete(id);
        return { kind: 'design' as const, design };
      }),
    );
  }

  // ---- favourites ----

  /** Newest first. A favourite that cannot be read is left out (and reported on the console). */
  async listFavourites(): Promise<Favourite[]> {
    return this.run('list the favourites', async () => {
      const out: Favourite[] = [];
      for (const row of await this.db.favourites.orderBy('createdAt').reverse().toArray()) {
        const meta = favouriteRowSchema.safeParse(row);
        try {
          if (!meta.success) throw new Error(firstIssue(meta.error)[1]);
          out.push({ ...meta.data, design: parseDesignObject(row.design) });
        } catch (e) {
          console.warn(`Favourite ${String(row.id)} is damaged and not listed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      return out;
    });
  }

  async addFavourite(name: string, design: Design): Promise<Favourite> {
    const favourite: Favourite = { id: newId(), name: check(nameSchema, name, 'name'), createdAt: this.stamp(), design: checkDesign(design) };
    return this.run('save the favourite', async () => {
      await this.db.favourites.add(favourite);
      return favourite;
    });
  }

  async deleteFavourite(id: string): Promise<UndoToken> {
    check(idSchema, id, 'id');
    return this.run('delete the favourite', () =>
      this.db.transaction('rw', this.db.favourites, async () => {
        const favourite = await this.db.favourites.get(id);
        if (!favourite) throw new StorageError('not-found', 'This favourite is no longer on this device.');
        await this.db.favourites.delete(id);
        return { kind: 'favourite' as const, favourite };
      }),
    );
  }

  // ---- undo ----

  /** Puts back what a delete removed, exactly as it was (same ids), in one transaction. Refused when
   * it is already back, or (for a design) when its client has since been deleted. */
  async restore(token: UndoToken): Promise<void> {
    const t = check(undoTokenSchema, token, 'token');
    const already = () => new StorageError('invalid', 'This was already put back.', { field: 'token' });
    return this.run('put it back', async () => {
      if (t.kind === 'client') {
        const { client, designs } = token as Extract<UndoToken, { kind: 'client' }>;
        await this.db.transaction('rw', this.db.clients, this.db.designs, async () => {
          if (await this.db.clients.get(client.id)) throw already();
          await this.db.clients.add(client);
          await this.db.designs.bulkAdd(designs);
        });
      } else if (t.kind === 'design') {
        const { design } = token as Extract<UndoToken, { kind: 'design' }>;
        await this.db.transaction('rw', this.db.clients, this.db.designs, async () => {
          if (!(await this.db.clients.get(design.clientId))) {
            throw new StorageError('not-found', "This design's client has been deleted, so the design cannot be put back.");
          }
          if (await this.db.designs.get(design.id)) throw already();
          await this.db.designs.add(design);
        });
      } else {
        const { favourite } = token as Extract<UndoToken, { kind: 'favourite' }>;
        await this.db.transaction('rw', this.db.favourites, async () => {
          if (await this.db.favourites.get(favourite.id)) throw already();
          await this.db.favourites.add(favourite);
        });
      }
    });
  }

  // ---- autosave ----

  /** Keeps the design on screen (one row, replaced each time); `savedAt` defaults to now. */
  async saveSession(session: { design: Design; clientId?: string | null; designId?: string | null; savedAt?: string }): Promise<AutosaveSession> {
    const meta = check(sessionInputSchema, { clientId: session?.clientId, designId: session?.designId, savedAt: session?.savedAt }, 'session');
    const saved: AutosaveSession = { design: checkDesign(session?.design), clientId: meta.clientId, designId: meta.designId, savedAt: meta.savedAt ?? this.stamp() };
    return this.run('autosave the design', async () => {
      await this.db.session.put({ key: 'autosave', ...saved });
      return saved;
    });
  }

  /** The autosaved session; `problem` says why one that was saved cannot be used (never a throw for
   * that: the app starts with the default design instead). */
  async loadSession(): Promise<LoadedSession> {
    return this.run('read the autosaved design', async () => {
      const row = await this.db.session.get('autosave');
      if (!row) return { session: null, problem: null };
      const meta = sessionInputSchema.required({ savedAt: true }).safeParse(row);
      if (!meta.success) return { session: null, problem: `The autosave is damaged: ${firstIssue(meta.error)[1]}` };
      try {
        return { session: { design: parseDesignObject(row.design), clientId: meta.data.clientId, designId: meta.data.designId, savedAt: meta.data.savedAt } };
      } catch (e) {
        return { session: null, problem: `The autosaved design is damaged: ${e instanceof Error ? e.message : String(e)}` };
      }
    });
  }

  async clearSession(): Promise<void> {
    return this.run('clear the autosave', () => this.db.session.delete('autosave'));
  }

  // ---- files ----

  /** Adds the client of a parsed client file as a new client (new ids for the client and every
   * design), all in one transaction: a failure writes nothing. createdAt is kept from the file. */
  async importClient(parsed: ParsedClientFile): Promise<Client> {
    const c = parsed?.client;
    const name = check(nameSchema, c?.name, 'client.name');
    const consultationDate = check(calendarDateSchema, c.consultationDate, 'client.consultationDate');
    const notes = check(notesSchema, c.notes, 'client.notes');
    const profile = check(profileSchema, c.profile, 'client.profile');
    const createdAt = check(timestampSchema, c.createdAt, 'client.createdAt');
    const list = check(z.array(z.unknown()).max(MAX_DESIGNS_PER_CLIENT, { error: `must hold at most ${MAX_DESIGNS_PER_CLIENT} designs` }), parsed.designs, 'designs');
    const client: Client = { id: newId(), name, consultationDate, notes, createdAt, updatedAt: this.stamp(), profile };
    const designs: DesignRow[] = list.map((d, i) => {
      const row = d as ParsedClientFile['designs'][number];
      return {
        id: newId(),
        clientId: client.id,
        name: check(nameSchema, row?.name, `designs.${i}.name`),
        createdAt: check(timestampSchema, row.createdAt, `designs.${i}.createdAt`),
        updatedAt: check(timestampSchema, row.updatedAt, `designs.${i}.updatedAt`),
        design: checkDesign(row.design, `designs.${i}.design`),
      };
    });
    return this.run('import the client', () =>
      this.db.transaction('rw', this.db.clients, this.db.designs, async () => {
        await this.db.clients.add(client);
        await this.db.designs.bulkAdd(designs);
        return client;
      }),
    );
  }
}
