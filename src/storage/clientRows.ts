/** The client records as stored in IndexedDB (rows, undo tokens), the schemas that read them back,
 * and the checks every write makes on its input before the database is touched. */
import { z } from '../model';
import { DesignError, type Design } from '../model';
import { firstIssue, idSchema, nameSchema, parseDesignObject, refusal, timestampSchema, type Client, type SavedDesign } from './clientRecord';
import type { PhotoRow } from './photoRecord';
import { StorageError } from './storageError';

/** Rows as stored. A design is kept as it was saved (`unknown` here) and parsed when read. */
export interface DesignRow {
  id: string;
  clientId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  design: unknown;
}
export interface FavouriteRow {
  id: string;
  name: string;
  createdAt: string;
  design: unknown;
}
export interface SessionRow {
  key: 'autosave';
  design: unknown;
  clientId: string | null;
  designId: string | null;
  savedAt: string;
}

/** What a delete removed, exactly as stored; `restore(token)` puts it back with the same ids. Plain
 * data, so the UI may keep it as long as it offers "Undo". */
export type UndoToken =
  | { kind: 'client'; client: Client; designs: DesignRow[]; photos?: PhotoRow[] }
  | { kind: 'design'; design: DesignRow }
  | { kind: 'favourite'; favourite: FavouriteRow }
  | { kind: 'photo'; photo: PhotoRow };

/** A stored design that could not be read, and why. */
export interface SkippedDesign {
  id: string;
  name: string;
  reason: string;
}

/** `crypto.randomUUID` exists only in secure contexts; the app may be opened over plain http on a LAN. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Now, as stored in createdAt/updatedAt/savedAt, from the store's clock. */
export function stamp(now: () => Date): string {
  return now().toISOString();
}

/** Labels for refusals of top-level fields; deeper paths are named as paths. */
const FIELD_LABELS: Record<string, string> = {
  name: 'The name',
  consultationDate: 'The consultation date',
  notes: 'The notes',
  id: 'The id',
  clientId: 'The client id',
  designId: 'The design id',
  savedAt: 'The autosave time',
  createdAt: 'The creation time',
  keepMask: 'The hair marked to keep',
};

/** `value` through `schema`, or StorageError('invalid') naming `field`. */
export function check<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [field, ...issue.path.map(String)].join('.');
  throw new StorageError('invalid', `${refusal(FIELD_LABELS[path] ?? path, issue.message)}.`, { field: path });
}

/** A design through parseDesign, or StorageError('invalid') naming the design's field. */
export function checkDesign(design: unknown, field = 'design'): Design {
  try {
    return parseDesignObject(design);
  } catch (e) {
    if (!(e instanceof DesignError)) throw e;
    throw new StorageError('invalid', `The design is not valid: ${e.message}`, { field: e.path ? `${field}.${e.path}` : field });
  }
}

const designRowSchema = z.object({ id: idSchema, clientId: idSchema, name: nameSchema, createdAt: timestampSchema, updatedAt: timestampSchema, design: z.unknown() });
export const favouriteRowSchema = z.object({ id: idSchema, name: nameSchema, createdAt: timestampSchema, design: z.unknown() });
export const undoTokenSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('client'),
    client: z.object({ id: idSchema }).loose(),
    designs: z.array(z.object({ id: idSchema, clientId: idSchema }).loose()),
    photos: z.array(z.object({ id: idSchema, clientId: idSchema }).loose()).optional(),
  }),
  z.object({ kind: z.literal('design'), design: z.object({ id: idSchema, clientId: idSchema }).loose() }),
  z.object({ kind: z.literal('favourite'), favourite: z.object({ id: idSchema }).loose() }),
  z.object({ kind: z.literal('photo'), photo: z.object({ id: idSchema, clientId: idSchema }).loose() }),
]);

/** A stored design row read back: the design parsed (and migrated), or the reason it cannot be. */
export function readDesignRow(row: DesignRow): { ok: SavedDesign } | { skipped: SkippedDesign } {
  const name = typeof row.name === 'string' ? row.name : '(no name)';
  const meta = designRowSchema.safeParse(row);
  if (!meta.success) return { skipped: { id: String(row.id), name, reason: `The saved record is damaged: ${firstIssue(meta.error)[1]}` } };
  try {
    const { id, clientId, createdAt, updatedAt } = meta.data;
    return { ok: { id, clientId, name: meta.data.name, createdAt, updatedAt, design: parseDesignObject(row.design) } };
  } catch (e) {
    return { skipped: { id: row.id, name, reason: e instanceof Error ? e.message : String(e) } };
  }
}

export const byNewest = <T extends { updatedAt: string }>(a: T, b: T) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);
