/** Client records, favourites and the autosave, kept on this device in IndexedDB (storage/clientDb).
 * A store of its own beside the app's: the design on screen lives in the app store; this one knows
 * which client and saved design it belongs to. Storage that is full or blocked is reported here
 * and never loses the design on screen. */
import { create } from 'zustand';
import type { Design } from '../model';
import { openClientStore, StorageError, type AutosaveSession, type Client, type ClientStore, type ClientSummary, type Favourite, type SavedDesign, type UndoToken } from '../storage/clientDb';
import type { ParsedClientFile } from '../storage/clientFile';
import { clearJournalUpTo, readJournal, writeJournal } from '../storage/sessionJournal';
import { useAppStore } from './store';

export type RecordsStatus = 'opening' | 'ready' | 'unavailable';

export interface RecordsState {
  status: RecordsStatus;
  /** Why storage cannot be used, or why the last save failed; shown in the panel. */
  problem: string | null;
  query: string;
  clients: ClientSummary[];
  /** The client open in the panel, with its designs. */
  client: Client | null;
  designs: SavedDesign[];
  /** Saved designs that could not be read, with the reason. */
  skipped: { id: string; name: string; reason: string }[];
  /** The saved design the design on screen came from (saving overwrites it). */
  designId: string | null;
  /** The design on screen came from a share link (Try at home's), not from the records since: the
   * client's photos are not used with it (ui/reportPhotos.ts). */
  sharedOnScreen: boolean;
  favourites: Favourite[];
  /** The last thing deleted, until undone or replaced. */
  removed: { label: string; token: UndoToken } | null;
  /** When the design on screen was last autosaved. */
  savedAt: string | null;
}

let db: ClientStore | null = null;
let opening: Promise<ClientStore | null> | null = null;

export const useRecords = create<RecordsState>()(() => ({
  status: 'opening',
  problem: null,
  query: '',
  clients: [],
  client: null,
  designs: [],
  skipped: [],
  designId: null,
  sharedOnScreen: false,
  favourites: [],
  removed: null,
  savedAt: null,
}));

const message = (e: unknown, what: string) => (e instanceof StorageError ? e.message : `${what}: ${e instanceof Error ? e.message : String(e)}`);

/** Opens the database once; null (and the reason in `problem`) when this device cannot keep records. */
export function openRecords(options?: Parameters<typeof openClientStore>[0]): Promise<ClientStore | null> {
  opening ??= openClientStore(options).then(
    (store) => {
      db = store;
      useRecords.setState({ status: 'ready' });
      return store;
    },
    (e) => {
      useRecords.setState({ status: 'unavailable', problem: message(e, 'Records cannot be kept on this device') });
      return null;
    },
  );
  return opening;
}

/** Runs a storage step; a failure is reported in the panel (nothing on screen is lost). */
async function step<T>(what: string, run: (store: ClientStore) => Promise<T>): Promise<T | undefined> {
  const store = db ?? (await openRecords());
  if (!store) return undefined;
  try {
    const out = await run(store);
    if (useRecords.getState().problem) useRecords.setState({ problem: null });
    return out;
  } catch (e) {
    useRecords.setState({ problem: message(e, what) });
    return undefined;
  }
}

async function refreshClients() {
  await step('The clients could not be listed', async (s) => useRecords.setState({ clients: await s.listClients(useRecords.getState().query) }));
}

async function refreshClient(id: string) {
  await step('The client could not be opened', async (s) => {
    const client = await s.getClient(id);
    const { designs, skipped } = await s.listDesigns(id);
    useRecords.setState({ client, designs, skipped });
  });
}

/** The design on screen, named as it is saved. */
const onScreen = (name?: string): Design => {
  const d = useAppStore.getState().design;
  return name === undefined ? d : { ...d, name };
};

export const records = {
  /** The design on screen no longer comes from a saved design (a shared design was opened). */
  detachFromSavedDesign() {
    useRecords.setState({ designId: null, sharedOnScreen: true });
  },
  async search(query: string) {
    useRecords.setState({ query });
    await refreshClients();
  },
  async createClient(input: { name: string; consultationDate: string; notes: string }) {
    const client = await step('The client could not be saved', (s) => s.createClient({ ...input, design: onScreen() }));
    if (!client) return null;
    useRecords.setState({ client, designs: [], skipped: [], designId: null, sharedOnScreen: false });
    await refreshClients();
    return client;
  },
  async openClient(id: string) {
    await refreshClient(id);
    useRecords.setState({ designId: null });
  },
  closeClient() {
    useRecords.setState({ client: null, designs: [], skipped: [], designId: null });
    void refreshClients();
  },
  async updateClient(patch: Partial<Pick<Client, 'name' | 'consultationDate' | 'notes'>>) {
    const current = useRecords.getState().client;
    if (!current) return;
    const client = await step('The client could not be saved', (s) => s.updateClient(current.id, patch));
    if (client) useRecords.setState({ client });
    await refreshClients();
  },
  async duplicateClient(id: string) {
    await step('The client could not be copied', (s) => s.duplicateClient(id));
    await refreshClients();
  },
  async deleteClient(id: string) {
    const name = useRecords.getState().clients.find((c) => c.id === id)?.name ?? useRecords.getState().client?.name ?? 'client';
    const token = await step('The client could not be deleted', (s) => s.deleteClient(id));
    if (!token) return;
    if (useRecords.getState().client?.id === id) useRecords.setState({ client: null, designs: [], skipped: [], designId: null });
    useRecords.setState({ removed: { label: `Client “${name}” deleted.`, token } });
    await refreshClients();
  },
  /** Saves the design on screen as a new design of the open client. */
  async saveDesignAs(name: string) {
    const client = useRecords.getState().client;
    if (!client) return;
    const saved = await step('The design could not be saved', (s) => s.saveDesign(client.id, name, onScreen(name)));
    if (!saved) return;
    useAppStore.getState().actions.setDesignName(saved.design.name);
    useRecords.setState({ designId: saved.id, sharedOnScreen: false });
    await refreshClient(client.id);
  },
  /** Overwrites the saved design the screen came from. */
  async saveDesign() {
    const { client, designId, designs } = useRecords.getState();
    const saved = designs.find((d) => d.id === designId);
    if (!client || !saved) return;
    await step('The design could not be saved', (s) => s.updateDesign(saved.id, onScreen(saved.name)));
    await refreshClient(client.id);
  },
  async openDesign(id: string) {
    const saved = useRecords.getState().designs.find((d) => d.id === id);
    if (!saved) return;
    await useAppStore.getState().actions.openDesign(saved.design);
    useRecords.setState({ designId: id, sharedOnScreen: false });
  },
  async renameDesign(id: string, name: string) {
    const client = useRecords.getState().client;
    await step('The design could not be renamed', (s) => s.renameDesign(id, name));
    if (client) await refreshClient(client.id);
  },
  async duplicateDesign(id: string) {
    const client = useRecords.getState().client;
    await step('The design could not be copied', (s) => s.duplicateDesign(id));
    if (client) await refreshClient(client.id);
  },
  async deleteDesign(id: string) {
    const { client, designs, designId } = useRecords.getState();
    const name = designs.find((d) => d.id === id)?.name ?? 'design';
    const token = await step('The design could not be deleted', (s) => s.deleteDesign(id));
    if (!token) return;
    useRecords.setState({ removed: { label: `Design “${name}” deleted.`, token }, designId: designId === id ? null : designId });
    if (client) await refreshClient(client.id);
  },
  async undoRemove() {
    const removed = useRecords.getState().removed;
    if (!removed) return;
    await step('It could not be put back', (s) => s.restore(removed.token));
    useRecords.setState({ removed: null });
    const client = useRecords.getState().client;
    if (client) await refreshClient(client.id);
    await refreshClients();
    await refreshFavourites();
  },
  async importClient(parsed: ParsedClientFile) {
    const client = await step('The client could not be imported', (s) => s.importClient(parsed));
    if (!client) return null;
    await refreshClients();
    await refreshClient(client.id);
    return client;
  },
  async designsOf(id: string) {
    return (await step('The client could not be read', (s) => s.listDesigns(id)))?.designs ?? [];
  },
  async addFavourite(name: string) {
    await step('The favourite could not be saved', (s) => s.addFavourite(name, onScreen(name)));
    await refreshFavourites();
  },
  async deleteFavourite(id: string) {
    const name = useRecords.getState().favourites.find((f) => f.id === id)?.name ?? 'favourite';
    const token = await step('The favourite could not be deleted', (s) => s.deleteFavourite(id));
    if (!token) return;
    useRecords.setState({ removed: { label: `Favourite “${name}” deleted.`, token } });
    await refreshFavourites();
  },
  dismissRemoved() {
    useRecords.setState({ removed: null });
  },
};

async function refreshFavourites() {
  await step('The favourites could not be listed', async (s) => useRecords.setState({ favourites: await s.listFavourites() }));
}

/** Autosave: the design on screen a moment after each change, and when the page is hidden. */
const AUTOSAVE_MS = 800;
let autosaveTimer: ReturnType<typeof setTimeout> | null = null;
/** The design IndexedDB is known to hold. */
let savedDesign: Design | null = null;

function sessionOnScreen(): AutosaveSession {
  const { client, designId } = useRecords.getState();
  return { design: useAppStore.getState().design, clientId: client?.id ?? null, designId, savedAt: new Date().toISOString() };
}

async function autosaveNow(session = sessionOnScreen()) {
  autosaveTimer = null;
  const ok = await step('The design could not be autosaved', (s) => s.saveSession(session).then(() => true));
  if (!ok) return;
  savedDesign = session.design;
  clearJournalUpTo(session.savedAt);
  useRecords.setState({ savedAt: session.savedAt });
}

/** Starts the records: opens the database, lists clients and favourites, and returns the
 * autosaved session to restore (null when there is none), with a message if it was unreadable. */
export async function startRecords(): Promise<{ design: Design | null; problem: string | null; savedAt: string | null }> {
  const journal = readJournal();
  const store = await openRecords();
  if (!store) return { design: journal?.design ?? null, problem: null, savedAt: journal?.savedAt ?? null };
  await Promise.all([refreshClients(), refreshFavourites()]);
  const loaded = await step('The last design could not be restored', (s) => s.loadSession());
  // The page went before the autosave of its last edit was written: the journal holds it.
  const newer = journal && (!loaded?.session || journal.savedAt >= loaded.session.savedAt);
  if (newer) await autosaveNow(journal);
  else if (journal) clearJournalUpTo(journal.savedAt);
  const session = newer ? journal : loaded?.session;
  if (!session) {
    const problem = loaded && !loaded.session ? loaded.problem : null;
    return { design: null, problem: problem ? `The design you were working on could not be restored: ${problem}` : null, savedAt: null };
  }
  savedDesign = session.design;
  // The client may have been deleted since: then the design comes back on its own.
  if (
    session.clientId &&
    (await store.getClient(session.clientId).then(
      () => true,
      () => false,
    ))
  )
    await refreshClient(session.clientId);
  const known = useRecords.getState().designs.some((d) => d.id === session.designId);
  useRecords.setState({ designId: known ? session.designId : null, savedAt: session.savedAt });
  return { design: session.design, problem: null, savedAt: session.savedAt };
}

/** From now on, every change of the design on screen is autosaved. */
export function startAutosave(): () => void {
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (s.design === prev.design) return;
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(() => void autosaveNow(), AUTOSAVE_MS);
  });
  // Leaving or hiding the page: what is on screen and not yet known saved goes to the journal at
  // once, and to IndexedDB if the page lives long enough.
  const flush = () => {
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = null;
    if (useAppStore.getState().design === savedDesign) return;
    const session = sessionOnScreen();
    writeJournal(session);
    void autosaveNow(session);
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    unsubscribe();
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
