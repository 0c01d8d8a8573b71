/** ClientStore's work on a client's saved designs: list, open, save, overwrite, rename, copy,
 * delete. Each takes the database (and the store's clock); ClientStore documents them. */
import type { Design } from '../model';
import { clientRow, designRow, run, type ClientDb } from './clientDatabase';
import { MAX_DESIGNS_PER_CLIENT, copyName, idSchema, nameSchema, profileOf, type SavedDesign } from './clientRecord';
import { byNewest, check, checkDesign, newId, readDesignRow, stamp, type SkippedDesign, type UndoToken } from './clientRows';
import { StorageError } from './storageError';

async function roomForDesign(db: ClientDb, clientId: string): Promise<void> {
  const count = await db.designs.where('clientId').equals(clientId).count();
  if (count >= MAX_DESIGNS_PER_CLIENT) {
    throw new StorageError('invalid', `A client has at most ${MAX_DESIGNS_PER_CLIENT} saved designs; delete some before saving another.`, { field: 'designs' });
  }
}

export async function listDesigns(db: ClientDb, clientId: string): Promise<{ designs: SavedDesign[]; skipped: SkippedDesign[] }> {
  check(idSchema, clientId, 'clientId');
  return run('list the designs', () =>
    db.transaction('r', db.clients, db.designs, async () => {
      await clientRow(db, clientId);
      const designs: SavedDesign[] = [];
      const skipped: SkippedDesign[] = [];
      for (const row of await db.designs.where('clientId').equals(clientId).toArray()) {
        const read = readDesignRow(row);
        if ('ok' in read) designs.push(read.ok);
        else skipped.push(read.skipped);
      }
      return { designs: designs.sort(byNewest), skipped };
    }),
  );
}

export async function getDesign(db: ClientDb, id: string): Promise<SavedDesign> {
  check(idSchema, id, 'id');
  return run('open the design', async () => {
    const read = readDesignRow(await designRow(db, id));
    if ('skipped' in read) throw new StorageError('failed', `The saved design "${read.skipped.name}" cannot be opened: ${read.skipped.reason}`);
    return read.ok;
  });
}

export async function saveDesign(db: ClientDb, now: () => Date, clientId: string, name: string, design: Design): Promise<SavedDesign> {
  check(idSchema, clientId, 'clientId');
  const checkedName = check(nameSchema, name, 'name');
  const checked = checkDesign(design);
  return run('save the design', () =>
    db.transaction('rw', db.clients, db.designs, async () => {
      const client = await clientRow(db, clientId);
      await roomForDesign(db, clientId);
      const at = stamp(now);
      const saved: SavedDesign = { id: newId(), clientId, name: checkedName, createdAt: at, updatedAt: at, design: checked };
      await db.designs.add(saved);
      await db.clients.put({ ...client, profile: profileOf(checked), updatedAt: at });
      return saved;
    }),
  );
}

export async function updateDesign(db: ClientDb, now: () => Date, id: string, design: Design): Promise<SavedDesign> {
  check(idSchema, id, 'id');
  const checked = checkDesign(design);
  return run('save the design', () =>
    db.transaction('rw', db.clients, db.designs, async () => {
      const row = await designRow(db, id);
      const client = await clientRow(db, row.clientId);
      const at = stamp(now);
      const saved: SavedDesign = { ...row, design: checked, updatedAt: at };
      await db.designs.put(saved);
      await db.clients.put({ ...client, profile: profileOf(checked), updatedAt: at });
      return saved;
    }),
  );
}

export async function renameDesign(db: ClientDb, now: () => Date, id: string, name: string): Promise<void> {
  check(idSchema, id, 'id');
  const checkedName = check(nameSchema, name, 'name');
  return run('rename the design', () =>
    db.transaction('rw', db.clients, db.designs, async () => {
      const row = await designRow(db, id);
      const at = stamp(now);
      await db.designs.put({ ...row, name: checkedName, updatedAt: at });
      await db.clients.update(row.clientId, { updatedAt: at });
    }),
  );
}

export async function duplicateDesign(db: ClientDb, now: () => Date, id: string, name?: string): Promise<SavedDesign> {
  check(idSchema, id, 'id');
  const checkedName = name === undefined ? undefined : check(nameSchema, name, 'name');
  return run('copy the design', () =>
    db.transaction('rw', db.clients, db.designs, async () => {
      const read = readDesignRow(await designRow(db, id));
      if ('skipped' in read) throw new StorageError('failed', `The saved design "${read.skipped.name}" cannot be copied: ${read.skipped.reason}`);
      const source = read.ok;
      await roomForDesign(db, source.clientId);
      const at = stamp(now);
      const copy: SavedDesign = { ...source, id: newId(), name: checkedName ?? copyName(source.name), createdAt: at, updatedAt: at };
      await db.designs.add(copy);
      await db.clients.update(source.clientId, { updatedAt: at });
      return copy;
    }),
  );
}

export async function deleteDesign(db: ClientDb, id: string): Promise<UndoToken> {
  check(idSchema, id, 'id');
  return run('delete the design', () =>
    db.transaction('rw', db.designs, async () => {
      const design = await designRow(db, id);
      await db.designs.delete(id);
      return { kind: 'design' as const, design };
    }),
  );
}
