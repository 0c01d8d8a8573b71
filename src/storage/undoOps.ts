/** ClientStore's undo: putting back what a delete removed, from its UndoToken. */
import { run, type ClientDb } from './clientDatabase';
import { check, undoTokenSchema, type UndoToken } from './clientRows';
import { StorageError } from './storageError';

export async function restore(db: ClientDb, token: UndoToken): Promise<void> {
  const t = check(undoTokenSchema, token, 'token');
  const already = () => new StorageError('invalid', 'This was already put back.', { field: 'token' });
  return run('put it back', async () => {
    if (t.kind === 'client') {
      const { client, designs, photos = [] } = token as Extract<UndoToken, { kind: 'client' }>;
      await db.transaction('rw', db.clients, db.designs, db.photos, async () => {
        if (await db.clients.get(client.id)) throw already();
        await db.clients.add(client);
        await db.designs.bulkAdd(designs);
        await db.photos.bulkAdd(photos);
      });
    } else if (t.kind === 'design') {
      const { design } = token as Extract<UndoToken, { kind: 'design' }>;
      await db.transaction('rw', db.clients, db.designs, async () => {
        if (!(await db.clients.get(design.clientId))) {
          throw new StorageError('not-found', "This design's client has been deleted, so the design cannot be put back.");
        }
        if (await db.designs.get(design.id)) throw already();
        await db.designs.add(design);
      });
    } else if (t.kind === 'photo') {
      const { photo } = token as Extract<UndoToken, { kind: 'photo' }>;
      await db.transaction('rw', db.clients, db.photos, async () => {
        if (!(await db.clients.get(photo.clientId))) throw new StorageError('not-found', "This photo's client has been deleted, so the photo cannot be put back.");
        if (await db.photos.get(photo.id)) throw already();
        await db.photos.add(photo);
      });
    } else {
      const { favourite } = token as Extract<UndoToken, { kind: 'favourite' }>;
      await db.transaction('rw', db.favourites, async () => {
        if (await db.favourites.get(favourite.id)) throw already();
        await db.favourites.add(favourite);
      });
    }
  });
}
