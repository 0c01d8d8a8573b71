/** ClientStore's work on the client's own favourites (Try at home): list, add, delete. Each takes
 * the database (and the store's clock); ClientStore documents them. */
import type { Design } from '../model';
import { run, type ClientDb } from './clientDatabase';
import { firstIssue, idSchema, nameSchema, parseDesignObject, type Favourite } from './clientRecord';
import { check, checkDesign, favouriteRowSchema, newId, stamp, type UndoToken } from './clientRows';
import { StorageError } from './storageError';

export async function listFavourites(db: ClientDb): Promise<Favourite[]> {
  return run('list the favourites', async () => {
    const out: Favourite[] = [];
    for (const row of await db.favourites.orderBy('createdAt').reverse().toArray()) {
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

export async function addFavourite(db: ClientDb, now: () => Date, name: string, design: Design): Promise<Favourite> {
  const favourite: Favourite = { id: newId(), name: check(nameSchema, name, 'name'), createdAt: stamp(now), design: checkDesign(design) };
  return run('save the favourite', async () => {
    await db.favourites.add(favourite);
    return favourite;
  });
}

export async function deleteFavourite(db: ClientDb, id: string): Promise<UndoToken> {
  check(idSchema, id, 'id');
  return run('delete the favourite', () =>
    db.transaction('rw', db.favourites, async () => {
      const favourite = await db.favourites.get(id);
      if (!favourite) throw new StorageError('not-found', 'This favourite is no longer on this device.');
      await db.favourites.delete(id);
      return { kind: 'favourite' as const, favourite };
    }),
  );
}
