/** ClientStore's work on a client's photos: add, list, change the view or the pose fit, delete. Each
 * takes the database (and the store's clock); ClientStore documents them. A photo is written in one
 * transaction with its client, so a full disk leaves the records as they were. */
import { z } from '../model';
import { clientRow, run, type ClientDb } from './clientDatabase';
import { idSchema, timestampSchema } from './clientRecord';
import { check, newId, stamp, type UndoToken } from './clientRows';
import { quoteName } from './photoChecks';
import {
  MAX_KEEP_MASK_BYTES,
  MAX_KEPT_PHOTO_BYTES,
  MAX_PHOTOS_PER_CLIENT,
  PHOTO_LONG_SIDE_PX,
  THUMB_LONG_SIDE_PX,
  byViewThenAge,
  fitSchema,
  focal35mmSchema,
  keepMaskProblem,
  keptSizeSchema,
  photoMimeSchema,
  photoViewSchema,
  sidePxSchema,
  sourceNameSchema,
  type NewPhoto,
  type PhotoFit,
  type PhotoRow,
  type PhotoView,
} from './photoRecord';
import { StorageError, toStorageError } from './storageError';

/** The full-disk message for a photo: which one was not kept, and that nothing else was lost. */
export const photoQuotaMessage = (name: string) =>
  `The device's storage is full, so the photo ${quoteName(name)} was not kept. Nothing else was lost. ` +
  'Free some space (save clients with many photos to a file, then delete their photos here) and add it again.';

const blobSchema = (maxBytes: number) =>
  z
    .instanceof(Blob, { error: 'must be a picture (a Blob)' })
    .refine((b) => b.size > 0, { error: 'is empty' })
    .refine((b) => b.size <= maxBytes, { error: `must be at most ${maxBytes / (1024 * 1024)} MB` });

const pictureSchema = z.object({
  image: blobSchema(MAX_KEPT_PHOTO_BYTES),
  mimeType: photoMimeSchema,
  widthPx: sidePxSchema,
  heightPx: sidePxSchema,
  thumb: blobSchema(MAX_KEPT_PHOTO_BYTES),
  thumbWidthPx: sidePxSchema,
  thumbHeightPx: sidePxSchema,
});

/** A keep mask as a row holds it; its bytes are checked when it is kept (setPhotoKeepMask) or read
 * from a file (clientFilePhotos.ts). */
const keepMaskBlobSchema = z
  .instanceof(Blob, { error: 'must be a picture (a Blob)' })
  .refine((b) => b.size > 0, { error: 'is empty' })
  .refine((b) => b.size <= MAX_KEEP_MASK_BYTES, { error: `must be at most ${MAX_KEEP_MASK_BYTES / 1024} kB` })
  .refine((b) => b.type === 'image/png', { error: 'must be a PNG picture' });

/** The full-disk message for a keep mask: the marks stay on screen. */
const MASK_QUOTA_MESSAGE = "The device's storage is full, so the hair marked on this photo was not kept. The marks are still on screen; free some space, then mark again.";

/** A stored row read back; a damaged one is reported and left out, never fatal. */
const photoRowSchema = pictureSchema.extend({
  id: idSchema,
  clientId: idSchema,
  view: photoViewSchema,
  sourceName: sourceNameSchema,
  createdAt: timestampSchema,
  fit: fitSchema,
  focal35mm: focal35mmSchema.optional(),
});

function checkNewPhoto(input: NewPhoto): Omit<PhotoRow, 'id' | 'clientId' | 'createdAt'> & { createdAt?: string } {
  const picture = check(pictureSchema, input, 'photo');
  check(keptSizeSchema(PHOTO_LONG_SIDE_PX), { widthPx: input.widthPx, heightPx: input.heightPx }, 'photo');
  check(keptSizeSchema(THUMB_LONG_SIDE_PX), { widthPx: input.thumbWidthPx, heightPx: input.thumbHeightPx }, 'photo.thumb');
  return {
    ...picture,
    view: check(photoViewSchema, input.view, 'view'),
    sourceName: check(sourceNameSchema, input.sourceName ?? '', 'sourceName'),
    fit: check(fitSchema, input.fit ?? null, 'fit'),
    ...(input.focal35mm === undefined ? {} : { focal35mm: check(focal35mmSchema, input.focal35mm, 'focal35mm') }),
    ...(input.keepMask === undefined ? {} : { keepMask: check(keepMaskBlobSchema, input.keepMask, 'keepMask') }),
    createdAt: input.createdAt === undefined ? undefined : check(timestampSchema, input.createdAt, 'createdAt'),
  };
}

async function roomForPhotos(db: ClientDb, clientId: string, adding: number): Promise<void> {
  const count = await db.photos.where('clientId').equals(clientId).count();
  if (count + adding > MAX_PHOTOS_PER_CLIENT) {
    throw new StorageError('invalid', `A client has at most ${MAX_PHOTOS_PER_CLIENT} photos; delete some before adding another.`, { field: 'photos' });
  }
}

/** Runs a photo write; a full disk is said about the photo. */
async function write<T>(what: string, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await run(what, fn);
  } catch (e) {
    const err = toStorageError(e, what);
    throw err.kind === 'quota' ? new StorageError('quota', photoQuotaMessage(name), { cause: e }) : err;
  }
}

async function photoRow(db: ClientDb, id: string): Promise<PhotoRow> {
  const row = await db.photos.get(id);
  if (!row) throw new StorageError('not-found', 'This photo is no longer on this device (it may have been deleted in another tab).');
  return row;
}

export async function addPhoto(db: ClientDb, now: () => Date, clientId: string, input: NewPhoto): Promise<PhotoRow> {
  check(idSchema, clientId, 'clientId');
  const checked = checkNewPhoto(input);
  return write('keep the photo', checked.sourceName || 'photo', () =>
    db.transaction('rw', db.clients, db.photos, async () => {
      const client = await clientRow(db, clientId);
      await roomForPhotos(db, clientId, 1);
      const at = stamp(now);
      const row: PhotoRow = { ...checked, id: newId(), clientId, createdAt: checked.createdAt ?? at };
      await db.photos.add(row);
      await db.clients.put({ ...client, updatedAt: at });
      return row;
    }),
  );
}

/** The client's photos, front first (PHOTO_VIEWS order), then oldest first within a view. */
export async function listPhotos(db: ClientDb, clientId: string): Promise<PhotoRow[]> {
  check(idSchema, clientId, 'clientId');
  return run('list the photos', () =>
    db.transaction('r', db.clients, db.photos, async () => {
      await clientRow(db, clientId);
      const out: PhotoRow[] = [];
      for (const row of await db.photos.where('clientId').equals(clientId).toArray()) {
        const parsed = photoRowSchema.safeParse(row);
        const mask = row.keepMask === undefined ? null : keepMaskBlobSchema.safeParse(row.keepMask);
        if (parsed.success && mask && !mask.success) {
          // A damaged mask loses the marks, not the photo.
          console.warn(`The hair marked on photo ${row.id} is damaged and not shown: ${mask.error.issues[0].message}`);
          const { keepMask: _damaged, ...rest } = row;
          out.push(rest);
        } else if (parsed.success) out.push(row);
        else console.warn(`Photo ${String(row.id)} is damaged and not shown: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
      }
      return out.sort(byViewThenAge);
    }),
  );
}

export async function setPhotoView(db: ClientDb, id: string, view: PhotoView): Promise<PhotoRow> {
  check(idSchema, id, 'id');
  const checked = check(photoViewSchema, view, 'view');
  return write('change the photo', '', () =>
    db.transaction('rw', db.photos, async () => {
      const row = { ...(await photoRow(db, id)), view: checked };
      await db.photos.put(row);
      return row;
    }),
  );
}

/** Keeps the pose fit of a photo (null forgets it), so the photo opens aligned next time. */
export async function setPhotoFit(db: ClientDb, id: string, fit: PhotoFit | null): Promise<PhotoRow> {
  check(idSchema, id, 'id');
  const checked = check(fitSchema, fit, 'fit');
  return write('keep the fit of the photo', '', () =>
    db.transaction('rw', db.photos, async () => {
      const row = { ...(await photoRow(db, id)), fit: checked };
      await db.photos.put(row);
      return row;
    }),
  );
}

/** Keeps the hair marked to keep on a photo (a PNG of keepMaskSizePx of the photo; null forgets it). */
export async function setPhotoKeepMask(db: ClientDb, id: string, mask: Blob | null): Promise<PhotoRow> {
  check(idSchema, id, 'id');
  const checked = mask === null ? null : check(keepMaskBlobSchema, mask, 'keepMask');
  const bytes = checked ? new Uint8Array(await checked.arrayBuffer()) : null;
  try {
    return await run('keep the hair marked on the photo', () =>
      db.transaction('rw', db.photos, async () => {
        const { keepMask: _old, ...row } = await photoRow(db, id);
        const problem = bytes && keepMaskProblem(bytes, row);
        if (problem) throw new StorageError('invalid', `The hair marked on the photo was not kept: the mask ${problem}.`, { field: 'keepMask' });
        const next: PhotoRow = checked ? { ...row, keepMask: checked } : row;
        await db.photos.put(next);
        return next;
      }),
    );
  } catch (e) {
    const err = toStorageError(e, 'keep the hair marked on the photo');
    throw err.kind === 'quota' ? new StorageError('quota', MASK_QUOTA_MESSAGE, { cause: e }) : err;
  }
}

export async function deletePhoto(db: ClientDb, id: string): Promise<UndoToken> {
  check(idSchema, id, 'id');
  return run('delete the photo', () =>
    db.transaction('rw', db.photos, async () => {
      const photo = await photoRow(db, id);
      await db.photos.delete(id);
      return { kind: 'photo' as const, photo };
    }),
  );
}

/** A client's photos, for a copy or a delete of the client (in the caller's transaction). */
export const photosOf = (db: ClientDb, clientId: string) => db.photos.where('clientId').equals(clientId).toArray();

/** Adds rows made for a client being imported, checked as an intake's are; in the caller's transaction. */
export function importedPhotoRows(clientId: string, photos: readonly NewPhoto[], at: string): PhotoRow[] {
  if (photos.length > MAX_PHOTOS_PER_CLIENT) throw new StorageError('invalid', `A client has at most ${MAX_PHOTOS_PER_CLIENT} photos (the file has ${photos.length}).`, { field: 'photos' });
  return photos.map((p) => {
    const checked = checkNewPhoto(p);
    return { ...checked, id: newId(), clientId, createdAt: checked.createdAt ?? at };
  });
}
