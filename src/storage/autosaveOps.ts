/** ClientStore's autosave: the design on screen kept in one row, replaced each time, read back at
 * the next start. Each takes the database (and the store's clock); ClientStore documents them. */
import type { Design } from '../model';
import { run, type ClientDb } from './clientDatabase';
import { firstIssue, parseDesignObject, sessionInputSchema, type AutosaveSession } from './clientRecord';
import { check, checkDesign, stamp } from './clientRows';

export type LoadedSession = { session: AutosaveSession } | { session: null; problem: string | null };

export async function saveSession(db: ClientDb, now: () => Date, session: { design: Design; clientId?: string | null; designId?: string | null; savedAt?: string }): Promise<AutosaveSession> {
  const meta = check(sessionInputSchema, { clientId: session?.clientId, designId: session?.designId, savedAt: session?.savedAt }, 'session');
  const saved: AutosaveSession = { design: checkDesign(session?.design), clientId: meta.clientId, designId: meta.designId, savedAt: meta.savedAt ?? stamp(now) };
  return run('autosave the design', async () => {
    await db.session.put({ key: 'autosave', ...saved });
    return saved;
  });
}

export async function loadSession(db: ClientDb): Promise<LoadedSession> {
  return run('read the autosaved design', async () => {
    const row = await db.session.get('autosave');
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

export async function clearSession(db: ClientDb): Promise<void> {
  return run('clear the autosave', () => db.session.delete('autosave'));
}
