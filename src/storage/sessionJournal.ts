/** The autosave's last word before the page goes. An IndexedDB write started when the page is
 * hidden or reloaded may never complete, so the design on screen is also written to localStorage,
 * which is synchronous and done before the page goes. The next start takes it when it is newer
 * than the autosave in IndexedDB. */
import { parseDesignObject, sessionInputSchema, type AutosaveSession } from './clientRecord';

const KEY = 'smp-studio.autosave-journal';

/** Whether it was written (storage may be full or blocked; then the IndexedDB save is all there is). */
export function writeJournal(session: AutosaveSession): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(session));
    return true;
  } catch {
    return false;
  }
}

/** The journalled session, or null when there is none or it cannot be read (the autosave in
 * IndexedDB, a moment older at most, is used then). */
export function readJournal(): AutosaveSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const row = JSON.parse(raw) as { design?: unknown };
    const meta = sessionInputSchema.required({ savedAt: true }).parse(row);
    return { design: parseDesignObject(row.design), clientId: meta.clientId, designId: meta.designId, savedAt: meta.savedAt };
  } catch {
    return null;
  }
}

/** Forgets the journal once IndexedDB holds a session saved at `savedAt` or later. */
export function clearJournalUpTo(savedAt: string): void {
  try {
    const journal = readJournal();
    if (!journal || journal.savedAt <= savedAt) localStorage.removeItem(KEY);
  } catch {
    // Storage that cannot be read has nothing to forget.
  }
}
