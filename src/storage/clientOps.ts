/** ClientStore's work on clients: list, open, create, change, copy, delete, and import from a
 * client file. Each takes the database (and the store's clock); ClientStore documents them. */
import { z } from '../model';
import { defaultDesign, type Design } from '../model';
import { clientRow, run, type ClientDb } from './clientDatabase';
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
  profileOf,
  profileSchema,
  timestampSchema,
  type Client,
  type ClientProfile,
  type ClientSummary,
} from './clientRecord';
import { byNewest, check, checkDesign, newId, stamp, type DesignRow, type UndoToken } from './clientRows';
import { newPhotoFromFile } from './clientFilePhotos';
import { importedPhotoRows, photosOf } from './photoOps';
import { StorageError } from './storageError';

/** Case- and accent-insensitive text for search: "Müller" is found by "muller". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** Today on the device's calendar, 'YYYY-MM-DD'. */
function today(now: () => Date): string {
  const d = now();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export async function listClients(db: ClientDb, query = ''): Promise<ClientSummary[]> {
  return run('list the clients', () =>
    db.transaction('r', db.clients, db.designs, async () => {
      const rows = await db.clients.toArray();
      const counts = new Map<string, number>();
      for (const clientId of await db.designs.orderBy('clientId').keys()) counts.set(String(clientId), (counts.get(String(clientId)) ?? 0) + 1);
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

export async function getClient(db: ClientDb, id: string): Promise<Client> {
  return run('open the client', async () => {
    const row = await clientRow(db, check(idSchema, id, 'id'));
    const parsed = clientSchema.safeParse(row);
    if (!parsed.success) throw new StorageError('failed', `The record of this client is damaged: ${firstIssue(parsed.error)[1]}`);
    return parsed.data;
  });
}

export async function createClient(db: ClientDb, now: () => Date, input: { name: string; consultationDate?: string; notes?: string; design?: Design }): Promise<Client> {
  const name = check(nameSchema, input?.name, 'name');
  const consultationDate = check(calendarDateSchema, input.consultationDate ?? today(now), 'consultationDate');
  const notes = check(notesSchema, input.notes ?? '', 'notes');
  const profile = profileOf(input.design === undefined ? defaultDesign() : checkDesign(input.design));
  const at = stamp(now);
  const client: Client = { id: newId(), name, consultationDate, notes, createdAt: at, updatedAt: at, profile };
  return run('save the client', async () => {
    await db.clients.add(client);
    return client;
  });
}

export async function updateClient(db: ClientDb, now: () => Date, id: string, patch: { name?: string; consultationDate?: string; notes?: string; profile?: ClientProfile }): Promise<Client> {
  check(idSchema, id, 'id');
  const changes: Partial<Client> = {};
  if (patch.name !== undefined) changes.name = check(nameSchema, patch.name, 'name');
  if (patch.consultationDate !== undefined) changes.consultationDate = check(calendarDateSchema, patch.consultationDate, 'consultationDate');
  if (patch.notes !== undefined) changes.notes = check(notesSchema, patch.notes, 'notes');
  if (patch.profile !== undefined) changes.profile = check(profileSchema, patch.profile, 'profile');
  return run('save the client', () =>
    db.transaction('rw', db.clients, async () => {
      const client = { ...(await clientRow(db, id)), ...changes, updatedAt: stamp(now) };
      await db.clients.put(client);
      return client;
    }),
  );
}

export async function duplicateClient(db: ClientDb, now: () => Date, id: string): Promise<Client> {
  check(idSchema, id, 'id');
  return run('copy the client', () =>
    db.transaction('rw', db.clients, db.designs, db.photos, async () => {
      const source = await clientRow(db, id);
      const at = stamp(now);
      const copy: Client = { ...source, id: newId(), name: copyName(source.name), createdAt: at, updatedAt: at };
      const designs = await db.designs.where('clientId').equals(id).toArray();
      await db.clients.add(copy);
      await db.designs.bulkAdd(designs.map((d) => ({ ...d, id: newId(), clientId: copy.id })));
      await db.photos.bulkAdd((await photosOf(db, id)).map((p) => ({ ...p, id: newId(), clientId: copy.id })));
      return copy;
    }),
  );
}

export async function deleteClient(db: ClientDb, id: string): Promise<UndoToken> {
  check(idSchema, id, 'id');
  return run('delete the client', () =>
    db.transaction('rw', db.clients, db.designs, db.photos, async () => {
      const client = await clientRow(db, id);
      const designs = await db.designs.where('clientId').equals(id).toArray();
      const photos = await photosOf(db, id);
      await db.designs.bulkDelete(designs.map((d) => d.id));
      await db.photos.bulkDelete(photos.map((p) => p.id));
      await db.clients.delete(id);
      return { kind: 'client' as const, client, designs, photos };
    }),
  );
}

export async function importClient(db: ClientDb, now: () => Date, parsed: ParsedClientFile): Promise<Client> {
  const c = parsed?.client;
  const name = check(nameSchema, c?.name, 'client.name');
  const consultationDate = check(calendarDateSchema, c.consultationDate, 'client.consultationDate');
  const notes = check(notesSchema, c.notes, 'client.notes');
  const profile = check(profileSchema, c.profile, 'client.profile');
  const createdAt = check(timestampSchema, c.createdAt, 'client.createdAt');
  const list = check(z.array(z.unknown()).max(MAX_DESIGNS_PER_CLIENT, { error: `must hold at most ${MAX_DESIGNS_PER_CLIENT} designs` }), parsed.designs, 'designs');
  const client: Client = { id: newId(), name, consultationDate, notes, createdAt, updatedAt: stamp(now), profile };
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
  const photos = importedPhotoRows(client.id, (parsed.photos ?? []).map(newPhotoFromFile), client.updatedAt);
  return run('import the client', () =>
    db.transaction('rw', db.clients, db.designs, db.photos, async () => {
      await db.clients.add(client);
      await db.designs.bulkAdd(designs);
      await db.photos.bulkAdd(photos);
      return client;
    }),
  );
}
