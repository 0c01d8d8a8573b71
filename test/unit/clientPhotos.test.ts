// A client's photos in the records (fake IndexedDB) and in client files: kept with the client, listed
// front first, their view, pose fit and hair marked to keep changed, deleted one by one or with the
// client (and put back), copied with the client, carried in a client file only when asked, refused
// when a file's photo (or its marks) is not what it claims, never in a share link; a full disk
// loses nothing.
import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { clientStoreSetup } from './helpers/clientStore';
import { describe, expect, it, vi } from 'vitest';
import { defaultDesign } from '../../src/model/design';
import { StorageError, type ClientStore, type NewPhoto } from '../../src/storage/clientDb';
import { exportClientFile, parseStudioFile, StudioFileError, type ParsedClientFile } from '../../src/storage/clientFile';
import { filePhotoOf, fromBase64, toBase64 } from '../../src/storage/clientFilePhotos';
import { MAX_PHOTOS_PER_CLIENT, type PhotoRow, type PhotoView } from '../../src/storage/photoRecord';
import { decodeShareLink, encodeShareLink } from '../../src/storage/shareLink';
import { fixture, jpegBytes, pngBytes } from './helpers/photoBytes';

const setup = () => clientStoreSetup('photos');

/** A photo as the worker makes it: an upright 640x480 JPEG and a 320x240 thumbnail. */
const PICTURE = jpegBytes(640, 480);
function newPhoto(view: PhotoView, sourceName = `${view}.jpg`): NewPhoto {
  return {
    view,
    sourceName,
    image: new Blob([PICTURE], { type: 'image/jpeg' }),
    mimeType: 'image/jpeg',
    widthPx: 640,
    heightPx: 480,
    thumb: new Blob([jpegBytes(320, 240)], { type: 'image/jpeg' }),
    thumbWidthPx: 320,
    thumbHeightPx: 240,
  };
}

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
const photoRows = (store: ClientStore) => store.db.photos.toArray();

async function rejection(p: Promise<unknown>): Promise<StorageError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StorageError);
    return e as StorageError;
  }
  throw new Error('resolved, expected a StorageError');
}

describe("a client's photos in the records", () => {
  it('keeps photos with the client across a re-open, front first, the pictures byte for byte', async () => {
    const { openStore } = setup();
    let store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const before = (await store.getClient(c.id)).updatedAt;
    await store.addPhoto(c.id, newPhoto('top'));
    await store.addPhoto(c.id, newPhoto('front'));
    await store.addPhoto(c.id, { ...newPhoto('left'), focal35mm: 26 });
    expect((await store.getClient(c.id)).updatedAt > before).toBe(true);
    store.close();
    store = await openStore();
    const list = await store.listPhotos(c.id);
    expect(list.map((p) => p.view)).toEqual(['front', 'left', 'top']);
    const front = list[0];
    expect(front).toMatchObject({ clientId: c.id, sourceName: 'front.jpg', mimeType: 'image/jpeg', widthPx: 640, heightPx: 480, thumbWidthPx: 320, thumbHeightPx: 240, fit: null });
    expect(front.image).toBeInstanceOf(Blob);
    expect(await bytesOf(front.image)).toEqual(PICTURE);
    expect(await bytesOf(front.thumb)).toEqual(jpegBytes(320, 240));
    // The lens the photo said it was taken with, where it said one.
    expect([front.focal35mm, list[1].focal35mm]).toEqual([undefined, 26]);
  });

  it('changes a view, keeps and forgets a pose fit, refuses what is not a fit', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const p = await store.addPhoto(c.id, newPhoto('front'));
    expect((await store.setPhotoView(p.id, 'back')).view).toBe('back');
    const fit = { yawDeg: -12.5, pitchDeg: 8, rollDeg: 0.4, mmPerPx: 0.1234, handles: { eyeOuterLeft: [812.5, 640], chin: [900, 1400] } };
    await store.setPhotoFit(p.id, fit);
    expect((await store.listPhotos(c.id))[0].fit).toEqual(fit);
    await store.setPhotoFit(p.id, null);
    expect((await store.listPhotos(c.id))[0].fit).toBeNull();
    const cases: [string, Promise<unknown>, string, RegExp][] = [
      ['a fit that is a list', store.setPhotoFit(p.id, [1, 2] as never), 'fit', /must be an object \(the pose fit\) or null/],
      ['a fit too large', store.setPhotoFit(p.id, { points: 'x'.repeat(70_000) }), 'fit', /at most 65536 characters as JSON/],
      ['a view that is none', store.setPhotoView(p.id, 'below' as never), 'view', /must be one of front, left, right, back, top/],
      ['no such photo', store.setPhotoView('nope', 'front'), '', /no longer on this device/],
    ];
    for (const [what, promise, field, message] of cases) {
      const e = await rejection(promise);
      expect(e.message, what).toMatch(message);
      if (field) expect(e.field, what).toBe(field);
    }
    expect((await store.listPhotos(c.id))[0]).toMatchObject({ view: 'back', fit: null });
  });

  it('refuses a photo that is not one as the worker makes it, and writes nothing', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const cases: [string, NewPhoto, string][] = [
      ['no picture', { ...newPhoto('front'), image: 'x' as never }, 'photo.image'],
      ['an empty picture', { ...newPhoto('front'), image: new Blob([]) }, 'photo.image'],
      ['a 4000 px picture', { ...newPhoto('front'), widthPx: 4000 }, 'photo'],
      ['a 1000 px thumbnail', { ...newPhoto('front'), thumbWidthPx: 1000 }, 'photo.thumb'],
      ['a GIF', { ...newPhoto('front'), mimeType: 'image/gif' }, 'photo.mimeType'],
      ['no view', { ...newPhoto('front'), view: undefined as never }, 'view'],
      ['a 2 mm lens', { ...newPhoto('front'), focal35mm: 2 }, 'focal35mm'],
    ];
    for (const [what, input, field] of cases) {
      const e = await rejection(store.addPhoto(c.id, input));
      expect([e.kind, e.field], what).toEqual(['invalid', field]);
    }
    expect((await rejection(store.addPhoto('no-client', newPhoto('front')))).kind).toBe('not-found');
    expect(await photoRows(store)).toEqual([]);
  });

  it(`caps a client at ${MAX_PHOTOS_PER_CLIENT} photos`, async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    for (let i = 0; i < MAX_PHOTOS_PER_CLIENT; i++) await store.addPhoto(c.id, newPhoto('front'));
    const e = await rejection(store.addPhoto(c.id, newPhoto('front')));
    expect([e.kind, e.message]).toEqual(['invalid', `A client has at most ${MAX_PHOTOS_PER_CLIENT} photos; delete some before adding another.`]);
  });

  it('deletes a photo, and a client with all their photos; each comes back with undo, same ids', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const other = await store.createClient({ name: 'Bo' });
    const [front, left] = [await store.addPhoto(c.id, newPhoto('front')), await store.addPhoto(c.id, newPhoto('left'))];
    const bos = await store.addPhoto(other.id, newPhoto('front'));

    const token = await store.deletePhoto(front.id);
    expect((await store.listPhotos(c.id)).map((p) => p.id)).toEqual([left.id]);
    await store.restore(token);
    expect((await store.listPhotos(c.id)).map((p) => p.id)).toEqual([front.id, left.id]);
    expect((await rejection(store.restore(token))).message).toBe('This was already put back.');

    const clientToken = await store.deleteClient(c.id);
    expect((await photoRows(store)).map((p) => p.id)).toEqual([bos.id]);
    expect((await rejection(store.listPhotos(c.id))).kind).toBe('not-found');
    await store.restore(clientToken);
    const back = await store.listPhotos(c.id);
    expect(back.map((p) => p.id)).toEqual([front.id, left.id]);
    expect(await bytesOf(back[0].image)).toEqual(PICTURE);

    // A photo cannot come back to a client that is gone.
    const orphan = await store.deletePhoto(left.id);
    await store.deleteClient(c.id);
    expect((await rejection(store.restore(orphan))).message).toBe("This photo's client has been deleted, so the photo cannot be put back.");
    expect((await photoRows(store)).map((p) => p.id)).toEqual([bos.id]);
  });

  it('copies the photos with a copied client, under new ids', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const p = await store.addPhoto(c.id, { ...newPhoto('front'), fit: { yawDeg: 3 } });
    const copy = await store.duplicateClient(c.id);
    const copied = await store.listPhotos(copy.id);
    expect(copied).toHaveLength(1);
    expect(copied[0].id).not.toBe(p.id);
    expect(copied[0]).toMatchObject({ view: 'front', fit: { yawDeg: 3 }, clientId: copy.id });
    expect(await store.listPhotos(c.id)).toHaveLength(1);
  });

  it('a full disk while adding a photo is StorageError quota naming the photo; nothing else is lost', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    await store.addPhoto(c.id, newPhoto('front'));
    const before = { client: await store.getClient(c.id), photos: await photoRows(store) };
    vi.spyOn(store.db.photos, 'add').mockImplementation(() => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never);
    const e = await rejection(store.addPhoto(c.id, newPhoto('left', 'IMG_2041.jpg')));
    console.log(`quota: ${e.message}`);
    expect(e.kind).toBe('quota');
    expect(e.message).toMatch(/^The device's storage is full, so the photo “IMG_2041\.jpg” was not kept\. Nothing else was lost\./);
    vi.restoreAllMocks();
    expect({ client: await store.getClient(c.id), photos: await photoRows(store) }).toEqual(before);
  });

  it('opens records of the version before photos, keeping every client', async () => {
    const { options, openStore } = setup();
    const old = new Dexie(options.name!, { indexedDB: options.indexedDB, IDBKeyRange });
    old.version(1).stores({ clients: 'id, updatedAt', designs: 'id, clientId', favourites: 'id, createdAt', session: 'key' });
    const fresh = await openStore();
    const c = await fresh.createClient({ name: 'Old' });
    const row = await fresh.db.clients.get(c.id);
    fresh.close();
    await fresh.db.delete();
    await old.open();
    await old.table('clients').add(row);
    old.close();
    const store = await openStore();
    expect(store.db.verno).toBe(2);
    expect((await store.listClients()).map((x) => x.name)).toEqual(['Old']);
    expect(await store.listPhotos(c.id)).toEqual([]);
  });
});

/** The hair marked to keep on a 640x480 photo: a PNG of 512x384 (model keepMaskSizePx). */
const MASK = pngBytes(512, 384);
const maskBlob = (bytes: Uint8Array<ArrayBuffer> = MASK, type = 'image/png') => new Blob([bytes], { type });

describe('the hair marked to keep on a photo', () => {
  it('is kept with the photo byte for byte, forgotten with null, copied with the client and deleted with the photo', async () => {
    const { openStore } = setup();
    let store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const p = await store.addPhoto(c.id, newPhoto('front'));
    expect(p.keepMask).toBeUndefined();
    const row = await store.setPhotoKeepMask(p.id, maskBlob());
    expect(row.keepMask?.type).toBe('image/png');
    store.close();
    store = await openStore();
    const [kept] = await store.listPhotos(c.id);
    expect(await bytesOf(kept.keepMask!)).toEqual(MASK);
    // A copy of the client carries the marks; deleting the photo takes them, undo brings them back.
    const copy = await store.duplicateClient(c.id);
    expect(await bytesOf((await store.listPhotos(copy.id))[0].keepMask!)).toEqual(MASK);
    const token = await store.deletePhoto(p.id);
    expect(await store.listPhotos(c.id)).toEqual([]);
    await store.restore(token);
    expect(await bytesOf((await store.listPhotos(c.id))[0].keepMask!)).toEqual(MASK);
    await store.setPhotoKeepMask(p.id, null);
    const [forgotten] = await store.listPhotos(c.id);
    expect('keepMask' in forgotten).toBe(false);
  });

  it('a photo row kept before marks existed (no keepMask) still opens, with no schema change', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const p = await store.addPhoto(c.id, newPhoto('front'));
    // The row exactly as version 2 wrote it: no keepMask field at all.
    const raw = await store.db.photos.get(p.id);
    expect(Object.keys(raw!)).not.toContain('keepMask');
    expect(store.db.verno).toBe(2);
    expect((await store.listPhotos(c.id)).map((x) => x.id)).toEqual([p.id]);
    // A damaged mask loses the marks, never the photo.
    await store.db.photos.put({ ...raw!, keepMask: 'not a picture' as never });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [shown] = await store.listPhotos(c.id);
    expect(shown.id).toBe(p.id);
    expect(shown.keepMask).toBeUndefined();
    expect(warn.mock.calls[0][0]).toMatch(/hair marked on photo .* is damaged/);
  });

  it('refuses what is not a mask for the photo, and keeps the marks it had', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const p = await store.addPhoto(c.id, newPhoto('front'));
    await store.setPhotoKeepMask(p.id, maskBlob());
    const cases: [string, Blob, RegExp][] = [
      ['a JPEG', maskBlob(jpegBytes(512, 384), 'image/png'), /the mask must be a PNG picture/],
      ['typed as JPEG', maskBlob(MASK, 'image/jpeg'), /^The hair marked to keep must be a PNG picture\.$/],
      ['the wrong size', maskBlob(pngBytes(512, 512)), /must be 512 × 384 pixels for a 640 × 480 photo \(it is 512 × 512\)/],
      ['cut short', maskBlob(pngBytes(512, 384, { end: false })), /is a damaged PNG/],
      ['too large', maskBlob(pngBytes(512, 384, { idatBytes: 300 * 1024 })), /^The hair marked to keep must be at most 256 kB\.$/],
      ['empty', maskBlob(new Uint8Array(0)), /is empty/],
    ];
    for (const [what, blob, message] of cases) {
      const e = await rejection(store.setPhotoKeepMask(p.id, blob));
      console.log(`mask ${what.padEnd(14)} -> ${e.message}`);
      expect(e.kind, what).toBe('invalid');
      expect(e.message, what).toMatch(message);
    }
    expect(await bytesOf((await store.listPhotos(c.id))[0].keepMask!)).toEqual(MASK);
  });
});

/** The client file of `c` with its photos, as the app writes it. */
async function fileWithPhotos(store: ClientStore, clientId: string, exportedAt = '2026-03-14T12:00:00.000Z') {
  const rows: PhotoRow[] = await store.listPhotos(clientId);
  const photos = await Promise.all(rows.map(async (r) => filePhotoOf(r, await bytesOf(r.image), await bytesOf(r.thumb), r.keepMask && (await bytesOf(r.keepMask)))));
  return exportClientFile(await store.getClient(clientId), (await store.listDesigns(clientId)).designs, { exportedAt, photos });
}

describe('photos in client files', () => {
  it('a file without photos is as before and imports with none; with photos, they come back byte for byte', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    await store.saveDesign(c.id, 'One', defaultDesign());
    await store.addPhoto(c.id, { ...newPhoto('front'), fit: { yawDeg: -4.5, mmPerPx: 0.2 }, focal35mm: 52 });
    await store.addPhoto(c.id, newPhoto('back', 'Camera photo 10:42'));

    const client = await store.getClient(c.id);
    const designs = (await store.listDesigns(c.id)).designs;
    const plain = exportClientFile(client, designs, { exportedAt: '2026-03-14T12:00:00.000Z' });
    expect(exportClientFile(client, designs, { exportedAt: '2026-03-14T12:00:00.000Z', photos: [] })).toBe(plain);
    expect(Object.keys(JSON.parse(plain))).toEqual(['format', 'formatVersion', 'exportedAt', 'client', 'designs']);
    const parsedPlain = parseStudioFile(plain) as ParsedClientFile;
    expect(parsedPlain.photos).toBeUndefined();
    expect(await store.listPhotos((await store.importClient(parsedPlain)).id)).toEqual([]);

    const text = await fileWithPhotos(store, c.id);
    const file = JSON.parse(text);
    console.log(`client file: ${plain.length} bytes without photos, ${text.length} with ${file.photos.length}`);
    expect(Object.keys(file)).toEqual(['format', 'formatVersion', 'exportedAt', 'client', 'designs', 'photos']);
    expect(file.photos[0]).toMatchObject({
      view: 'front',
      sourceName: 'front.jpg',
      fit: { yawDeg: -4.5, mmPerPx: 0.2 },
      focal35mm: 52,
      image: { mimeType: 'image/jpeg', widthPx: 640, heightPx: 480 },
    });
    expect(fromBase64(file.photos[0].image.data)).toEqual(PICTURE);
    const parsed = parseStudioFile(text) as ParsedClientFile;
    expect(parsed.photos?.map((p) => p.view)).toEqual(['front', 'back']);

    const imported = await store.importClient(parsed);
    const mine = await store.listPhotos(imported.id);
    const theirs = await store.listPhotos(c.id);
    const facts = (p: PhotoRow) => [p.view, p.sourceName, p.createdAt, p.fit, p.focal35mm, p.widthPx, p.heightPx];
    expect(mine.map(facts)).toEqual(theirs.map(facts));
    expect(mine.map((p) => p.focal35mm)).toEqual([52, undefined]);
    expect(mine.some((p) => theirs.some((t) => t.id === p.id))).toBe(false);
    for (let i = 0; i < mine.length; i++) {
      expect(await bytesOf(mine[i].image)).toEqual(await bytesOf(theirs[i].image));
      expect(await bytesOf(mine[i].thumb)).toEqual(await bytesOf(theirs[i].thumb));
    }
    // Export → import → export gives the same file.
    expect(await fileWithPhotos(store, imported.id)).toBe(text);
  });

  it('carries the hair marked to keep, and refuses marks that are not a mask for the photo', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const p = await store.addPhoto(c.id, newPhoto('front'));
    await store.addPhoto(c.id, newPhoto('left'));
    await store.setPhotoKeepMask(p.id, maskBlob());
    const text = await fileWithPhotos(store, c.id);
    const file = JSON.parse(text);
    expect(fromBase64(file.photos[0].keepMask)).toEqual(MASK);
    expect('keepMask' in file.photos[1]).toBe(false);
    const imported = await store.importClient(parseStudioFile(text) as ParsedClientFile);
    const mine = await store.listPhotos(imported.id);
    expect(await bytesOf(mine[0].keepMask!)).toEqual(MASK);
    expect(mine[1].keepMask).toBeUndefined();
    expect(await fileWithPhotos(store, imported.id)).toBe(text);

    const with_ = (keepMask: unknown) => JSON.stringify({ ...file, photos: [{ ...file.photos[0], keepMask }] });
    const cases: [string, string, RegExp][] = [
      ['not base64', with_('%%%%'), /must be base64 text/],
      ['not text', with_(42), /must be the hair marked to keep \(a PNG\) as base64 text/],
      ['a JPEG', with_(toBase64(jpegBytes(512, 384))), /must be a PNG picture/],
      ['the wrong size', with_(toBase64(pngBytes(384, 512))), /must be 512 × 384 pixels for a 640 × 480 photo/],
      ['cut short', with_(toBase64(pngBytes(512, 384, { end: false }))), /is a damaged PNG/],
      ['too large', with_(toBase64(pngBytes(512, 384, { idatBytes: 300 * 1024 }))), /must be at most 256 kB/],
    ];
    for (const [what, bad, message] of cases) {
      let error: unknown;
      try {
        parseStudioFile(bad);
      } catch (e) {
        error = e;
      }
      expect(error, what).toBeInstanceOf(StudioFileError);
      const e = error as StudioFileError;
      console.log(`file mask ${what.padEnd(14)} -> ${e.path}: ${e.message}`);
      expect(e.path, what).toBe('photos[0].keepMask');
      expect(e.message, what).toMatch(message);
    }
  });

  it('refuses a file whose photo is not what it says, naming the place; nothing is imported', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    await store.addPhoto(c.id, newPhoto('front'));
    const good = JSON.parse(await fileWithPhotos(store, c.id));
    const jpeg = PICTURE;
    const with_ = (change: (f: typeof good) => void) => {
      const f = structuredClone(good);
      change(f);
      return JSON.stringify(f);
    };
    const cases: [string, string, string, RegExp][] = [
      ['not base64', with_((f) => (f.photos[0].image.data = 'not base64!')), 'photos[0].image.data', /must be base64 text/],
      ['cut short', with_((f) => (f.photos[0].image.data = toBase64(jpeg.subarray(0, jpeg.length - 2)))), 'photos[0].image.data', /is a damaged picture/],
      ['a HEIC', with_((f) => (f.photos[0].image.data = toBase64(fixture('orange-64x48.heic')))), 'photos[0].image.data', /is not a JPEG, PNG or WebP picture/],
      ['claims PNG', with_((f) => (f.photos[0].image.mimeType = 'image/png')), 'photos[0].image.mimeType', /is image\/png but the picture is image\/jpeg/],
      ['claims another size', with_((f) => (f.photos[0].image.widthPx = 800)), 'photos[0].image', /says 800 × 480 pixels but the picture is 640 × 480$/],
      ['not upright (EXIF)', with_((f) => (f.photos[0].image.data = toBase64(fixture('orientation-6.jpg')))), 'photos[0].image', /says 640 × 480 pixels but the picture is 640 × 480 and turned/],
      ['a view that is none', with_((f) => (f.photos[0].view = 'below')), 'photos[0].view', /must be one of front/],
      ['a thumbnail too large', with_((f) => (f.photos[0].thumb.widthPx = 1000)), 'photos[0].thumb', /at most 320 pixels on the long side/],
      ['photos not a list', with_((f) => (f.photos = 'none')), 'photos', /photos must be a list/],
      ['too many', with_((f) => (f.photos = Array(MAX_PHOTOS_PER_CLIENT + 1).fill(f.photos[0]))), 'photos', /at most 20 photos \(it has 21\)/],
    ];
    for (const [what, text, path, message] of cases) {
      let error: unknown;
      try {
        parseStudioFile(text);
      } catch (e) {
        error = e;
      }
      expect(error, what).toBeInstanceOf(StudioFileError);
      const e = error as StudioFileError;
      console.log(`${what.padEnd(24)} -> ${e.path}: ${e.message}`);
      expect(e.path, what).toBe(path);
      expect(e.message, what).toMatch(message);
    }
    expect(await store.listClients()).toHaveLength(1);
  });
});

describe('share links', () => {
  it('a link made while the client has photos carries the design only, none of the photos', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const saved = await store.saveDesign(c.id, 'One', defaultDesign());
    // A real photo's bytes (2 kB), so that a run of them could be looked for.
    await store.addPhoto(c.id, { ...newPhoto('front'), image: new Blob([fixture('orientation-6.jpg')], { type: 'image/jpeg' }), fit: { yawDeg: 1, mmPerPx: 0.2 } });
    const photo = (await store.listPhotos(c.id))[0];
    const link = encodeShareLink(saved.design);
    const decoded = decodeShareLink(link);
    const json = JSON.stringify(decoded);
    console.log(`share link: ${link.length} characters with a ${photo.image.size}-byte photo on the client`);
    expect(decoded).toEqual(saved.design);
    for (const word of ['photo', 'image/jpeg', 'mmPerPx', 'front.jpg']) expect(json).not.toContain(word);
    // No run of the photo's bytes, as base64 or base64url, is in the link.
    const b64 = toBase64((await bytesOf(photo.image)).subarray(100, 160));
    expect(link).not.toContain(b64.slice(0, 24));
    expect(link).not.toContain(b64.slice(0, 24).replace(/\+/g, '-').replace(/\//g, '_'));
    expect(link.length).toBeLessThan(photo.image.size);
  });
});
