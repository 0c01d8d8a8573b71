/** What is kept about a client, and the checks every record passes before it is written to the
 * device or read back from a file. Pure: no IndexedDB, no DOM; clientDb.ts and clientFile.ts share it
 * so that a record the app saves is always one its files can carry, and the other way round. */
import { z } from '../model';
import { DesignError, designSchema, parseDesign, type Design } from '../model';

export const MAX_NAME_CHARS = 120;
export const MAX_NOTES_CHARS = 5000;
/** Saved designs per client: a consultation makes a handful; the cap keeps every client small enough
 * to export as one file (clientFile.ts refuses more). */
export const MAX_DESIGNS_PER_CLIENT = 200;

/** What a value is, in words: "a list", "a number", "null". */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** "is missing" when the field is absent, otherwise `message` and what the value is instead. */
const missingOr = (message: string) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is missing' : `${message} (it is ${kindOf(iss.input)})`),
});

const NAME_RULE = `must be text of 1 to ${MAX_NAME_CHARS} characters`;
/** Trimmed, 1-120 characters, otherwise kept verbatim: markup in a name is text (the UI renders it as text). */
export const nameSchema = z
  .string(missingOr(NAME_RULE))
  .trim()
  .min(1, { error: `${NAME_RULE} (it is empty)` })
  .max(MAX_NAME_CHARS, { error: (iss) => `${NAME_RULE} (it has ${String(iss.input).length})` });

export const notesSchema = z
  .string(missingOr(`must be text of at most ${MAX_NOTES_CHARS} characters`))
  .max(MAX_NOTES_CHARS, { error: (iss) => `must be text of at most ${MAX_NOTES_CHARS} characters (it has ${String(iss.input).length})` });

/** A calendar date 'YYYY-MM-DD' that exists (no 30 February), 1900-2199. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const DATE_RULE = 'must be a date written like 2026-03-14';
export const calendarDateSchema = z.string(missingOr(DATE_RULE)).refine(isCalendarDate, { error: (iss) => `${DATE_RULE} (it is '${String(iss.input).slice(0, 40)}')` });

const TIME_RULE = 'must be a date and time like 2026-03-14T09:30:00.000Z';
/** When a record was made or changed, as `Date.toISOString()` writes it (an offset is accepted too). */
export const timestampSchema = z.string(missingOr(TIME_RULE)).refine((s) => z.iso.datetime({ offset: true }).safeParse(s).success && Number.isFinite(Date.parse(s)), {
  error: (iss) => `${TIME_RULE} (it is '${String(iss.input).slice(0, 40)}')`,
});

export const idSchema = z.string(missingOr('must be an id (text)')).min(1, { error: 'must be an id (it is empty)' }).max(100, { error: 'must be an id of at most 100 characters' });

const ds = designSchema.shape;
/** What the client list shows of a client without opening a design: taken from the design by profileOf. */
export const profileSchema = z.object(
  {
    fitzpatrick: ds.skin.shape.fitzpatrick,
    skinLab: ds.skin.shape.customLab,
    hairPreset: ds.hair.shape.preset,
    hairLab: ds.hair.shape.customLab,
    head: ds.head,
    hairLossPattern: ds.hairLoss.shape.pattern,
  },
  missingOr('must be an object'),
);

export const clientSchema = z.object(
  {
    id: idSchema,
    name: nameSchema,
    consultationDate: calendarDateSchema,
    notes: notesSchema,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    profile: profileSchema,
  },
  missingOr('must be an object'),
);

export type ClientProfile = z.output<typeof profileSchema>;
/** A client as kept on the device. `name` is trimmed text, never markup to render. */
export type Client = z.output<typeof clientSchema>;
/** A client in the list, with how many designs are saved for it. */
export type ClientSummary = Client & { designCount: number };

/** A design saved for a client; `design` has passed parseDesign (older versions migrated). */
export interface SavedDesign {
  id: string;
  clientId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  design: Design;
}

/** A design the client kept in Try at home (no client record on a client's own phone). */
export interface Favourite {
  id: string;
  name: string;
  createdAt: string;
  design: Design;
}

/** Where an autosaved design came from, and when it was saved (now, when not given). */
export const sessionInputSchema = z.object({
  clientId: idSchema.nullable().default(null),
  designId: idSchema.nullable().default(null),
  savedAt: timestampSchema.optional(),
});

/** The design on screen when the app last saved it by itself, and where it came from. */
export interface AutosaveSession {
  design: Design;
  clientId: string | null;
  designId: string | null;
  savedAt: string;
}

/** parseDesign for a design held inside a record or a file: there it is an object, never JSON text
 * (parseDesign alone would read a string as JSON). */
export function parseDesignObject(input: unknown): Design {
  if (typeof input === 'string') throw new DesignError('A design must be an object.', '');
  return parseDesign(input);
}

/** The profile of a client as a design describes them. */
export function profileOf(design: Design): ClientProfile {
  return {
    fitzpatrick: design.skin.fitzpatrick,
    skinLab: design.skin.customLab ? { ...design.skin.customLab } : null,
    hairPreset: design.hair.preset,
    hairLab: design.hair.customLab ? { ...design.hair.customLab } : null,
    head: { circumferenceMm: design.head.circumferenceMm, lengthMm: design.head.lengthMm, breadthMm: design.head.breadthMm, sex: design.head.sex },
    hairLossPattern: design.hairLoss.pattern,
  };
}

/** "designs[1].design.head": array indices in brackets, as a person reads a file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + String(key);
  }
  return out;
}

/** Joins what was refused and why: "client.name must be …", or "profile.fitzpatrick: Fitzpatrick type
 * must be 1 to 6" when the reason is a sentence of its own (the design schema's messages are). */
export function refusal(subject: string, message: string): string {
  if (!subject) return message;
  return /^(must|is) /.test(message) ? `${subject} ${message}` : `${subject}: ${message}`;
}

/** The first issue of a failed zod parse, as [path, message], with `prefix` in front of the path. */
export function firstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): [string, string] {
  const issue = error.issues[0];
  const path = formatPath([...prefix, ...issue.path]);
  return [path, refusal(path, issue.message)];
}

/** A copy's name: "Name (copy)", shortened so it stays within the limit. */
export function copyName(name: string): string {
  const suffix = ' (copy)';
  // Whole characters only: an emoji is two UTF-16 units, and the limit counts units.
  const chars = [...name.trim()];
  while (chars.join('').length > MAX_NAME_CHARS - suffix.length) chars.pop();
  return chars.join('').trimEnd() + suffix;
}
