import Dexie from 'dexie';
import { IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { clientStoreSetup } from './helpers/clientStore';
import { describe, expect, it, vi } from 'vitest';
import { DESIGN_VERSION, defaultDesign, parseDesign, type Design } from '../../src/model/design';
import { QUOTA_MESSAGE, StorageError, openClientStore, profileOf, toStorageError, type ClientStore, type StorageErrorKind } from '../../src/storage/clientDb';
import { exportClientFile, parseStudioFile, type ParsedClientFile } from '../../src/storage/clientFile';

const setup = () => clientStoreSetup('records');

/** Every row of every table, as stored: "unchanged" and "identical" are checked on this. */
async function snapshot(store: ClientStore) {
  const db = store.db;
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    clients: byId(await db.clients.toArray()),
    designs: byId(await db.designs.toArray()),
    favourites: byId(await db.favourites.toArray()),
    session: await db.session.toArray(),
  };
}

async function rejection(p: Promise<unknown>): Promise<StorageError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StorageError);
    return e as StorageError;
  }
  throw new Error('resolved, expected a StorageError');
}

function designWith(change: Partial<Design>): Design {
  return { ...defaultDesign(), ...change };
}
const darkDesign = () => designWith({ name: 'Dark', skin: { fitzpatrick: 5, customLab: { L: 41.5, a: 25.5, b: 13.3 } }, hair: { preset: 'black', customLab: null } });

describe('client records (IndexedDB)', () => {
  it('keeps a client and two designs across a re-open of the store', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const client = await store.createClient({ name: '  Jörg Müller ', consultationDate: '2026-03-14', notes: 'Norwood 6' });
    expect(client.name).toBe('Jörg Müller');
    expect(client.profile).toEqual(profileOf(defaultDesign()));
    expect(client.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const a = await store.saveDesign(client.id, 'First idea', defaultDesign());
    const b = await store.saveDesign(client.id, 'Darker', darkDesign());
    store.close();

    const again = await openStore();
    const [listed] = await again.listClients();
    expect(listed.id).toBe(client.id);
    expect(listed.designCount).toBe(2);
    // Saving a design took the client's profile from it and made the client newer.
    expect(listed.profile).toMatchObject({ fitzpatrick: 5, skinLab: { L: 41.5, a: 25.5, b: 13.3 }, hairPreset: 'black', hairLab: null, hairLossPattern: 'norwood-6' });
    expect(listed.updatedAt).toBe(b.updatedAt);
    expect(listed.updatedAt > client.updatedAt).toBe(true);
    const { designs, skipped } = await again.listDesigns(client.id);
    expect(skipped).toEqual([]);
    expect(designs.map((d) => d.name)).toEqual(['Darker', 'First idea']); // newest first
    expect(designs[0]).toEqual(b);
    expect(designs[1].design).toEqual(defaultDesign());
    expect(await again.getDesign(a.id)).toEqual(a);
    expect(await again.getClient(client.id)).toEqual({ ...client, profile: listed.profile, updatedAt: listed.updatedAt });
  });

  it('a new client takes today as the consultation date and the profile of the design given', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana', design: darkDesign() });
    expect(c.consultationDate).toBe('2026-03-14');
    expect(c.notes).toBe('');
    expect(c.profile.fitzpatrick).toBe(5);
    expect(c.profile.head).toEqual(defaultDesign().head);
  });

  it('searches names and notes, any case and accents, every word; newest first', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const muller = await store.createClient({ name: 'Jörg Müller', notes: 'Strip scar from FUT, wants a soft front' });
    const chen = await store.createClient({ name: 'Wei Chen', notes: 'Crown only. Referred by Dr Müller.' });
    const xss = await store.createClient({ name: '<img src=x onerror=alert(1)>', notes: '' });
    const names = async (q?: string) => (await store.listClients(q)).map((c) => c.name);
    expect(await names()).toEqual([xss.name, 'Wei Chen', 'Jörg Müller']);
    expect(await names('muller')).toEqual(['Wei Chen', 'Jörg Müller']);
    expect(await names('MÜLLER strip')).toEqual(['Jörg Müller']);
    expect(await names('  crown  ')).toEqual(['Wei Chen']);
    expect(await names('onerror')).toEqual(['<img src=x onerror=alert(1)>']);
    expect(await names('nobody')).toEqual([]);
    // Changing a client moves it to the top.
    await store.updateClient(muller.id, { notes: 'Strip scar; second session booked' });
    expect(await names()).toEqual(['Jörg Müller', xss.name, 'Wei Chen']);
    expect((await store.getClient(chen.id)).notes).toBe('Crown only. Referred by Dr Müller.');
  });

  it('renames a design and updates a client, refreshing updatedAt', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana', consultationDate: '2026-03-01' });
    const d = await store.saveDesign(c.id, 'First', defaultDesign());
    await store.renameDesign(d.id, '  Soft front  ');
    const renamed = await store.getDesign(d.id);
    expect(renamed.name).toBe('Soft front');
    expect(renamed.updatedAt > d.updatedAt).toBe(true);
    expect(renamed.createdAt).toBe(d.createdAt);
    expect(renamed.design).toEqual(d.design);
    const updated = await store.updateClient(c.id, { name: 'Ana Silva', consultationDate: '2026-03-20' });
    expect(updated).toMatchObject({ name: 'Ana Silva', consultationDate: '2026-03-20', notes: '' });
    expect(updated.updatedAt > renamed.updatedAt).toBe(true);
    expect(await store.getClient(c.id)).toEqual(updated);
    // Overwriting a design keeps its name and takes the profile from it.
    const over = await store.updateDesign(d.id, darkDesign());
    expect(over.name).toBe('Soft front');
    expect((await store.getClient(c.id)).profile.fitzpatrick).toBe(5);
  });

  it('duplicates a client with all designs, and a design, under new ids', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Jörg Müller', notes: 'n' });
    const d1 = await store.saveDesign(c.id, 'One', defaultDesign());
    const d2 = await store.saveDesign(c.id, 'Two', darkDesign());
    const copy = await store.duplicateClient(c.id);
    expect(copy.name).toBe('Jörg Müller (copy)');
    expect(copy.id).not.toBe(c.id);
    expect(copy.notes).toBe('n');
    const copied = (await store.listDesigns(copy.id)).designs;
    expect(copied.map((d) => d.name).sort()).toEqual(['One', 'Two']);
    expect(copied.every((d) => d.clientId === copy.id && d.id !== d1.id && d.id !== d2.id)).toBe(true);
    expect(copied.find((d) => d.name === 'Two')!.design).toEqual(d2.design);
    expect((await store.listDesigns(c.id)).designs).toHaveLength(2); // the original is untouched
    expect((await store.listClients()).map((x) => x.designCount)).toEqual([2, 2]);

    const dd = await store.duplicateDesign(d1.id);
    expect(dd).toMatchObject({ clientId: c.id, name: 'One (copy)', design: d1.design });
    expect(dd.id).not.toBe(d1.id);
    expect((await store.duplicateDesign(d1.id, 'Variant B')).name).toBe('Variant B');
    // A long name is shortened so that the copy stays within 120 characters.
    const long = await store.createClient({ name: 'L'.repeat(120) });
    const longCopy = await store.duplicateClient(long.id);
    expect(longCopy.name).toBe('L'.repeat(113) + ' (copy)');
    expect(longCopy.name.length).toBe(120);
  });

  it('delete then restore gives back identical records (same ids), for a client, a design and a favourite', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana', notes: 'keep me' });
    const other = await store.createClient({ name: 'Bo' });
    const d1 = await store.saveDesign(c.id, 'One', defaultDesign());
    await store.saveDesign(c.id, 'Two', darkDesign());
    await store.saveDesign(other.id, 'Bo 1', defaultDesign());
    const fav = await store.addFavourite('Mine', darkDesign());
    const before = await snapshot(store);
    expect(before.designs).toHaveLength(3);

    const token = await store.deleteClient(c.id);
    expect(token.kind).toBe('client');
    const gone = await snapshot(store);
    expect(gone.clients.map((x) => x.id)).toEqual([other.id]);
    expect(gone.designs.map((x) => x.name)).toEqual(['Bo 1']);
    expect((await rejection(store.getClient(c.id))).kind).toBe('not-found');
    // The token is plain data: it survives being kept as JSON by the UI.
    await store.restore(JSON.parse(JSON.stringify(token)));
    expect(await snapshot(store)).toEqual(before);
    const twice = await rejection(store.restore(token));
    expect([twice.kind, twice.message]).toEqual(['invalid', 'This was already put back.']);

    const dToken = await store.deleteDesign(d1.id);
    expect((await store.listDesigns(c.id)).designs.map((d) => d.name)).toEqual(['Two']);
    await store.restore(dToken);
    expect(await snapshot(store)).toEqual(before);

    const fToken = await store.deleteFavourite(fav.id);
    expect(await store.listFavourites()).toEqual([]);
    await store.restore(fToken);
    expect(await snapshot(store)).toEqual(before);
    expect(await store.listFavourites()).toEqual([fav]);

    // A design cannot come back to a client that is gone.
    const dToken2 = await store.deleteDesign(d1.id);
    await store.deleteClient(c.id);
    const orphan = await rejection(store.restore(dToken2));
    expect(orphan.kind).toBe('not-found');
    expect(orphan.message).toBe("This design's client has been deleted, so the design cannot be put back.");
    const junk = await rejection(store.restore({ kind: 'client' } as never));
    expect(junk.kind).toBe('invalid');
    expect(junk.field).toBe('token.client');
  });

  it('lists the readable designs and reports each damaged or unreadable row in skipped; older versions migrate', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const good = await store.saveDesign(c.id, 'Good', defaultDesign());
    const d = defaultDesign();
    const { hair: _h, pigment: _p, hairLoss: _l, stubble: _s, scars: _c, fade: _f, ...rest } = d;
    const row = { clientId: c.id, createdAt: good.createdAt, updatedAt: good.updatedAt };
    await store.db.designs.bulkPut([
      { ...row, id: 'v1', name: 'Version 1', design: { ...rest, version: 1, hairline: { midFrontalHeightMm: 74, transitionMm: 14 } } },
      { ...row, id: 'dense', name: 'Too dense', design: { ...d, layers: [{ ...d.layers[0], densityPerCm2: 5000 }] } },
      { ...row, id: 'future', name: 'From the future', design: { ...d, version: 9 } },
      { ...row, id: 'text', name: 'Not an object', design: 'garbage' },
      { ...row, id: 'noname', name: undefined as never, design: d },
    ]);
    const { designs, skipped } = await store.listDesigns(c.id);
    expect(designs.map((x) => x.id).sort()).toEqual([good.id, 'v1'].sort());
    const v1 = designs.find((x) => x.id === 'v1')!;
    expect(v1.design.version).toBe(DESIGN_VERSION);
    expect(v1.design.hairline.midFrontalHeightMm).toBe(74);
    const reasons = Object.fromEntries(skipped.map((s) => [s.id, `${s.name}: ${s.reason}`]));
    console.log(reasons);
    expect(reasons).toEqual({
      dense: 'Too dense: layers.0.densityPerCm2: Density must be at most 2500 dots/cm²',
      future: 'From the future: The design is version 9, newer than this app understands (3). Update the app to open it.',
      text: 'Not an object: A design must be an object.',
      noname: '(no name): The saved record is damaged: name is missing',
    });
    expect((await store.listClients())[0].designCount).toBe(6);
    const damaged = await rejection(store.getDesign('dense'));
    expect(damaged.kind).toBe('failed');
    expect(damaged.message).toBe('The saved design "Too dense" cannot be opened: layers.0.densityPerCm2: Density must be at most 2500 dots/cm²');
    expect((await rejection(store.duplicateDesign('text'))).message).toMatch(/^The saved design "Not an object" cannot be copied: A design must be an object\.$/);
  });

  it('imports a parsed client file under new ids, in one transaction', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Jörg Müller', consultationDate: '2026-03-02', notes: 'FUT scar' });
    await store.saveDesign(c.id, 'One', defaultDesign());
    await store.saveDesign(c.id, 'Two', darkDesign());
    const text = exportClientFile(await store.getClient(c.id), (await store.listDesigns(c.id)).designs);
    const parsed = parseStudioFile(text) as ParsedClientFile;

    const imported = await store.importClient(parsed);
    expect(imported.id).not.toBe(c.id);
    expect(imported).toMatchObject({ name: 'Jörg Müller', consultationDate: '2026-03-02', notes: 'FUT scar', createdAt: c.createdAt, profile: parsed.client.profile });
    const mine = (await store.listDesigns(imported.id)).designs;
    const theirs = (await store.listDesigns(c.id)).designs;
    expect(mine.map((d) => [d.name, d.createdAt, d.updatedAt, d.design])).toEqual(theirs.map((d) => [d.name, d.createdAt, d.updatedAt, d.design]));
    expect(mine.some((d) => theirs.some((t) => t.id === d.id))).toBe(false);
    // The imported client exports to the same file (bar the export time).
    const again = exportClientFile(await store.getClient(imported.id), mine, { exportedAt: parsed.exportedAt });
    expect(again).toBe(text);

    // A failure half-way (the designs' write) writes nothing, not even the client.
    const before = await snapshot(store);
    vi.spyOn(store.db.designs, 'bulkAdd').mockImplementation(() => Promise.reject(new Error('disk error')) as never);
    const e = await rejection(store.importClient(parsed));
    expect(e.kind).toBe('failed');
    expect(e.message).toBe('Could not import the client: disk error');
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses every invalid write with the field named, and leaves the database unchanged', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const d = await store.saveDesign(c.id, 'One', defaultDesign());
    const fav = await store.addFavourite('Fav', defaultDesign());
    await store.saveSession({ design: defaultDesign(), clientId: c.id, designId: d.id });
    const before = await snapshot(store);
    const bad = defaultDesign();
    const parsed = parseStudioFile(exportClientFile(c, [d])) as ParsedClientFile;
    const cases: [string, () => Promise<unknown>, StorageErrorKind, string, RegExp][] = [
      ['empty name', () => store.createClient({ name: '   ' }), 'invalid', 'name', /^The name must be text of 1 to 120 characters \(it is empty\)\.$/],
      ['long name', () => store.createClient({ name: 'x'.repeat(121) }), 'invalid', 'name', /\(it has 121\)\.$/],
      ['name not text', () => store.createClient({ name: 42 as never }), 'invalid', 'name', /must be text of 1 to 120 characters \(it is a number\)/],
      [
        '30 February',
        () => store.createClient({ name: 'B', consultationDate: '2026-02-30' }),
        'invalid',
        'consultationDate',
        /^The consultation date must be a date written like 2026-03-14 \(it is '2026-02-30'\)\.$/,
      ],
      ['long notes', () => store.createClient({ name: 'B', notes: 'n'.repeat(5001) }), 'invalid', 'notes', /^The notes must be text of at most 5000 characters \(it has 5001\)\.$/],
      ['bad design for a client', () => store.createClient({ name: 'B', design: { ...bad, seed: -1 } }), 'invalid', 'design.seed', /^The design is not valid: seed: /],
      ['rename to empty', () => store.renameDesign(d.id, ''), 'invalid', 'name', /^The name must be/],
      ['update: date', () => store.updateClient(c.id, { consultationDate: '2026-3-1' }), 'invalid', 'consultationDate', /it is '2026-3-1'/],
      ['update: profile', () => store.updateClient(c.id, { profile: { ...c.profile, fitzpatrick: 0 } }), 'invalid', 'profile.fitzpatrick', /^profile\.fitzpatrick: Fitzpatrick type must be 1 to 6\.$/],
      [
        'save: density',
        () => store.saveDesign(c.id, 'Two', { ...bad, layers: [{ ...bad.layers[0], densityPerCm2: 5000 }] }),
        'invalid',
        'design.layers.0.densityPerCm2',
        /^The design is not valid: layers\.0\.densityPerCm2: Density must be at most 2500 dots\/cm²$/,
      ],
      ['save: future version', () => store.saveDesign(c.id, 'Two', { ...bad, version: 9 } as never), 'invalid', 'design.version', /version 9, newer than this app/],
      ['save: no name', () => store.saveDesign(c.id, '', bad), 'invalid', 'name', /^The name must be/],
      ['save: unknown client', () => store.saveDesign('nobody', 'Two', bad), 'not-found', '', /^This client is no longer on this device/],
      ['update design: not a design', () => store.updateDesign(d.id, null as never), 'invalid', 'design', /^The design is not valid: A design must be an object\.$/],
      ['update: unknown design', () => store.updateDesign('nothing', bad), 'not-found', '', /^This design is no longer on this device/],
      ['favourite: no name', () => store.addFavourite('', bad), 'invalid', 'name', /^The name must be/],
      ['favourite: bad design', () => store.addFavourite('F', { ...bad, skin: { fitzpatrick: 9, customLab: null } }), 'invalid', 'design.skin.fitzpatrick', /Fitzpatrick type must be 1 to 6/],
      ['session: bad design', () => store.saveSession({ design: { ...bad, layers: 'x' } as never }), 'invalid', 'design.layers', /^The design is not valid: layers: /],
      ['session: bad time', () => store.saveSession({ design: bad, savedAt: 'now' }), 'invalid', 'session.savedAt', /^session\.savedAt must be a date and time/],
      ['import: empty name', () => store.importClient({ ...parsed, client: { ...parsed.client, name: '' } }), 'invalid', 'client.name', /^client\.name must be text/],
      [
        'import: bad design',
        () => store.importClient({ ...parsed, designs: [{ ...parsed.designs[0], design: { ...bad, seed: 1.5 } }] }),
        'invalid',
        'designs.0.design.seed',
        /^The design is not valid: seed: /,
      ],
      ['delete: unknown client', () => store.deleteClient('nobody'), 'not-found', '', /no longer on this device/],
      ['delete: empty id', () => store.deleteDesign(''), 'invalid', 'id', /^The id must be an id \(it is empty\)\.$/],
    ];
    for (const [what, run, kind, field, re] of cases) {
      const e = await rejection(run());
      console.log(`${what.padEnd(28)} -> ${e.kind} ${e.field ?? ''}: ${e.message.slice(0, 110)}`);
      expect(e.kind, what).toBe(kind);
      expect(e.field ?? '', what).toBe(field);
      expect(e.message, what).toMatch(re);
    }
    expect(await snapshot(store)).toEqual(before);
    expect(await store.listFavourites()).toEqual([fav]);
  });

  it('a full device becomes StorageError quota with the message, and the transaction writes nothing', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Ana' });
    const before = await snapshot(store);
    // As a stubbed table would fail...
    vi.spyOn(store.db.designs, 'add').mockImplementation(() => Promise.reject(new DOMException('full', 'QuotaExceededError')) as never);
    const e = await rejection(store.saveDesign(c.id, 'One', defaultDesign()));
    expect(e.kind).toBe('quota');
    expect(e.message).toBe("The device's storage is full, so this was not saved. The design is still on screen: save it to a file instead.");
    vi.restoreAllMocks();
    // ... and as IndexedDB itself fails (Dexie wraps the DOMException in its own QuotaExceededError).
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const e2 = await rejection(store.saveSession({ design: defaultDesign() }));
    expect(put).toHaveBeenCalled();
    expect([e2.kind, e2.message]).toEqual(['quota', QUOTA_MESSAGE]);
    const e3 = await rejection(store.updateClient(c.id, { notes: 'more' }));
    expect(e3.kind).toBe('quota');
    vi.restoreAllMocks();
    expect(await snapshot(store)).toEqual(before);
  });

  it('no IndexedDB, or one that refuses to open, gives StorageError unavailable', async () => {
    expect((globalThis as { indexedDB?: unknown }).indexedDB).toBeUndefined();
    const missing = await rejection(openClientStore({ name: 'x' }));
    expect(missing.kind).toBe('unavailable');
    expect(missing.message).toBe(
      'Could not open the client records: this browser does not let SMP Studio keep records on this device (private browsing, or site data turned off). Designs can still be saved to files.',
    );
    // Firefox's private mode used to refuse open() with InvalidStateError.
    const refusing = {
      open: () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const refused = await rejection(openClientStore({ name: 'x', indexedDB: refusing, IDBKeyRange }));
    expect(refused.kind).toBe('unavailable');
    expect(refused.message).toMatch(/^Could not open the client records: this browser does not let SMP Studio keep records/);
  });

  it('an older tab holding the database during an upgrade gives StorageError blocked', async () => {
    const { options, openStore } = setup();
    // An older app version: the database at native version 1, open, ignoring requests to close.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = options.indexedDB!.open(options.name!, 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const e = await rejection(openClientStore(options));
    expect(e.kind).toBe('blocked');
    expect(e.message).toBe('The client records cannot be opened: SMP Studio is open in another tab with an older version, which keeps them locked. Close the other tab, then reload this one.');
    old.close();
    // Once the old tab is gone, the same records open.
    const store = await openStore();
    expect(await store.listClients()).toEqual([]);
  });

  it('autosave: saves and loads the session; none gives no problem; a damaged one gives a message, not a throw', async () => {
    const { openStore } = setup();
    const store = await openStore();
    expect(await store.loadSession()).toEqual({ session: null, problem: null });
    const saved = await store.saveSession({ design: darkDesign(), clientId: 'c1', designId: null });
    expect(saved.savedAt).toBe('2026-03-14T09:01:00.000Z');
    const again = await openStore();
    expect(await again.loadSession()).toEqual({ session: saved });
    await again.saveSession({ design: defaultDesign(), clientId: null, designId: null, savedAt: '2026-03-14T12:00:00.000Z' });
    expect(await again.loadSession()).toEqual({ session: { design: defaultDesign(), clientId: null, designId: null, savedAt: '2026-03-14T12:00:00.000Z' } });
    expect(await again.db.session.count()).toBe(1);

    const d = defaultDesign();
    await again.db.session.put({ key: 'autosave', design: { ...d, layers: [{ ...d.layers[0], shade: 7 }] }, clientId: null, designId: null, savedAt: '2026-03-14T12:00:00.000Z' });
    expect(await again.loadSession()).toEqual({ session: null, problem: 'The autosaved design is damaged: layers.0.shade: Shade must be at most 1' });
    await again.db.session.put({ key: 'autosave', design: d, clientId: 5 as never, designId: null, savedAt: '2026-03-14T12:00:00.000Z' });
    expect(await again.loadSession()).toEqual({ session: null, problem: 'The autosave is damaged: clientId must be an id (text) (it is a number)' });
    // An older design version in the autosave migrates.
    const { hair: _h, pigment: _p, hairLoss: _l, stubble: _s, scars: _c, fade: _f, ...rest } = d;
    await again.db.session.put({
      key: 'autosave',
      design: { ...rest, version: 1, hairline: { midFrontalHeightMm: 74, transitionMm: 14 } },
      clientId: null,
      designId: null,
      savedAt: '2026-03-14T12:00:00.000Z',
    });
    const migrated = await again.loadSession();
    expect(migrated.session?.design.version).toBe(DESIGN_VERSION);
    await again.clearSession();
    expect(await again.loadSession()).toEqual({ session: null, problem: null });
  });

  it('favourites are listed newest first; a damaged one is left out', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const a = await store.addFavourite('Light', defaultDesign());
    const b = await store.addFavourite('Dark', darkDesign());
    await store.db.favourites.put({ id: 'bad', name: 'Broken', createdAt: '2026-03-15T00:00:00.000Z', design: { version: 3 } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await store.listFavourites()).toEqual([b, a]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Favourite bad is damaged and not listed: name: /));
    expect(parseDesign(b.design)).toEqual(darkDesign());
  });

  it('caps a client at 200 saved designs', async () => {
    const { openStore } = setup();
    const store = await openStore();
    const c = await store.createClient({ name: 'Many' });
    const d = await store.saveDesign(c.id, 'First', defaultDesign());
    await store.db.designs.bulkAdd(Array.from({ length: 199 }, (_, i) => ({ ...d, id: `d${i}`, design: d.design })));
    const e = await rejection(store.saveDesign(c.id, 'One too many', defaultDesign()));
    expect([e.kind, e.message]).toEqual(['invalid', 'A client has at most 200 saved designs; delete some before saving another.']);
    expect((await rejection(store.duplicateDesign(d.id))).kind).toBe('invalid');
    expect(await store.db.designs.count()).toBe(200);
  });
});

describe('toStorageError', () => {
  const cases: [string, unknown, StorageErrorKind, RegExp][] = [
    ['DOMException QuotaExceededError', new DOMException('full', 'QuotaExceededError'), 'quota', /^The device's storage is full/],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('full'), 'quota', /^The device's storage is full/],
    ['quota inside an AbortError', new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')), 'quota', /^The device's storage is full/],
    ['quota inside a BulkError', new Dexie.BulkError('1 of 3 failed', { 1: new Dexie.QuotaExceededError('full') }), 'quota', /^The device's storage is full/],
    ['quota as a cause', new Error('write failed', { cause: new DOMException('x', 'QuotaExceededError') }), 'quota', /^The device's storage is full/],
    ['old Firefox quota', Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }), 'quota', /^The device's storage is full/],
    ['MissingAPIError', new Dexie.MissingAPIError('no IndexedDB'), 'unavailable', /^Could not save the design: this browser does not let SMP Studio keep records/],
    ['OpenFailedError', new Dexie.OpenFailedError('open failed', new DOMException('x', 'UnknownError')), 'unavailable', /keep records on this device/],
    ['InvalidStateError', new DOMException('x', 'InvalidStateError'), 'unavailable', /keep records on this device/],
    ['SecurityError', new DOMException('x', 'SecurityError'), 'unavailable', /keep records on this device/],
    ['DatabaseClosedError', new Dexie.DatabaseClosedError('closed'), 'unavailable', /^Could not save the design: the client records were closed \(SMP Studio may have been updated in another tab\)/],
    ['VersionError in an OpenFailedError', new Dexie.OpenFailedError(new DOMException('x', 'VersionError')), 'unavailable', /saved by a newer version of SMP Studio/],
    ['a StorageError passes through', new StorageError('not-found', 'gone'), 'not-found', /^gone$/],
    ['anything else', new Dexie.ConstraintError('Key already exists in the object store.'), 'failed', /^Could not save the design: Key already exists in the object store\.$/],
    ['a string', 'boom', 'failed', /^Could not save the design: boom$/],
    ['undefined', undefined, 'failed', /^Could not save the design: an unknown error$/],
  ];
  it('maps each error to its kind and message', () => {
    for (const [what, e, kind, re] of cases) {
      const s = toStorageError(e, 'save the design');
      expect(s, what).toBeInstanceOf(StorageError);
      expect(s.kind, what).toBe(kind);
      expect(s.message, what).toMatch(re);
      if (!(e instanceof StorageError)) expect(s.cause, what).toBe(e);
    }
  });
});
