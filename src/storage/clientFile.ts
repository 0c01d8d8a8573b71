/** Studio files: a design file (the raw Design JSON, as the app has always saved it) and a client file
 * (a client with all their designs, to move a client to another device or keep a copy). Pure: text
 * in, text out, nothing touches IndexedDB. Anything wrong with a file is refused with a
 * StudioFileError that says what is wrong and where; nothing is silently repaired. */
import { z } from '../model';
import { DesignError, type Design } from '../model';
import { stripBidiControls } from '../model';
import {
  MAX_DESIGNS_PER_CLIENT,
  calendarDateSchema,
  firstIssue,
  kindOf,
  nameSchema,
  notesSchema,
  parseDesignObject,
  profileSchema,
  refusal,
  timestampSchema,
  type ClientProfile,
} from './clientRecord';
import { photosToFile, readFilePhotos, type ClientFilePhoto } from './clientFilePhotos';

export const CLIENT_FILE_FORMAT = 'smp-studio-client';
export const CLIENT_FILE_VERSION = 1;
/** Largest file opened. A design is a few kB (up to ~60 kB with 500 hair-loss brush strokes), so 200
 * such designs take 12 MB; a client's photos, when the file carries them, up to 20 × 2.7 MB as
 * base64, and their keep masks 20 × 0.34 MB at most (photoRecord.ts). Anything larger is not one of ours and would only stall the page. */
export const MAX_STUDIO_FILE_BYTES = 80 * 1024 * 1024;
/** Designs in one client file: the same cap as a client on the device, so every client exports. */
export const MAX_CLIENT_FILE_DESIGNS = MAX_DESIGNS_PER_CLIENT;

export class StudioFileError extends Error {
  constructor(
    message: string,
    /** Where in the file, e.g. 'designs[1].design.layers.0.densityPerCm2'; '' for the file as a whole. */
    readonly path = '',
  ) {
    super(message);
    this.name = 'StudioFileError';
  }
}

/** The client as a client file carries them: no id (an import makes new ones), no updatedAt. */
export interface ClientFileClient {
  name: string;
  consultationDate: string;
  notes: string;
  profile: ClientProfile;
  createdAt: string;
}

export interface ClientFileDesign {
  name: string;
  createdAt: string;
  updatedAt: string;
  design: Design;
}

export interface ParsedDesignFile {
  kind: 'design';
  design: Design;
}

export interface ParsedClientFile {
  kind: 'client';
  /** When the file was written; exporting the parsed file again with it gives the same bytes. */
  exportedAt: string;
  client: ClientFileClient;
  designs: ClientFileDesign[];
  /** Only when the file carries the client's photos (the user chose so at export). */
  photos?: ClientFilePhoto[];
}

export type ParsedStudioFile = ParsedDesignFile | ParsedClientFile;

const wrapperSchema = z.object({
  exportedAt: timestampSchema,
  client: z.object(
    {
      name: nameSchema,
      consultationDate: calendarDateSchema,
      notes: notesSchema,
      profile: profileSchema,
      createdAt: timestampSchema,
    },
    { error: (iss) => (iss.input === undefined ? 'is missing' : `must be an object (it is ${kindOf(iss.input)})`) },
  ),
  designs: z.array(
    z.object(
      { name: nameSchema, createdAt: timestampSchema, updatedAt: timestampSchema, design: z.unknown() },
      { error: (iss) => (iss.input === undefined ? 'is missing' : `must be an object with name, createdAt, updatedAt and design (it is ${kindOf(iss.input)})`) },
    ),
    { error: (iss) => (iss.input === undefined ? 'is missing' : `must be a list of designs (it is ${kindOf(iss.input)})`) },
  ),
});

/** A design checked by parseDesign, with the refusal placed at `where` in the file ('' for a design
 * file, whose refusals read as parseDesign words them). */
function designAt(input: unknown, where: string): Design {
  try {
    return parseDesignObject(input);
  } catch (e) {
    if (!(e instanceof DesignError)) throw e;
    if (!where) throw new StudioFileError(e.message, e.path);
    const path = e.path ? `${where}.${e.path}` : where;
    // parseDesign's schema messages begin with the path; the others are sentences of their own.
    const message = e.path && e.message.startsWith(`${e.path}: `) ? `${where}.${e.message}` : refusal(where, e.message);
    throw new StudioFileError(message, path);
  }
}

/** Checks the client-file body (format and version already known) and every design in it. */
function parseClientBody(data: Record<string, unknown>): ParsedClientFile {
  if (Array.isArray(data.designs) && data.designs.length > MAX_CLIENT_FILE_DESIGNS) {
    throw new StudioFileError(`designs must be a list of at most ${MAX_CLIENT_FILE_DESIGNS} designs (it has ${data.designs.length})`, 'designs');
  }
  const result = wrapperSchema.safeParse(data);
  if (!result.success) {
    const [path, message] = firstIssue(result.error);
    throw new StudioFileError(message, path);
  }
  const { exportedAt, client, designs } = result.data;
  const parsed: ParsedClientFile = {
    kind: 'client',
    exportedAt,
    client: { name: client.name, consultationDate: client.consultationDate, notes: client.notes, profile: client.profile, createdAt: client.createdAt },
    designs: designs.map((d, i) => ({ name: d.name, createdAt: d.createdAt, updatedAt: d.updatedAt, design: designAt(d.design, `designs[${i}].design`) })),
  };
  if (data.photos !== undefined) {
    const read = readFilePhotos(data.photos);
    if ('path' in read) throw new StudioFileError(read.message, read.path);
    if (read.photos.length > 0) parsed.photos = read.photos;
  }
  return parsed;
}

/** The UTF-8 size of `text`, counted without encoding it. */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Refuses a file larger than MAX_STUDIO_FILE_BYTES; call it with File.size before reading a file. */
export function checkStudioFileSize(bytes: number): void {
  if (bytes > MAX_STUDIO_FILE_BYTES) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
    const shown = mb(bytes) === mb(MAX_STUDIO_FILE_BYTES) ? `over ${mb(bytes)}` : mb(bytes);
    throw new StudioFileError(`The file is ${shown} MB; a studio file is at most ${mb(MAX_STUDIO_FILE_BYTES)} MB.`);
  }
}

/** A design file or a client file, told apart by their content: a client file has `format`, a design
 * has `version` (and `layers`). Older design versions are migrated. */
export function parseStudioFile(text: string): ParsedStudioFile {
  if (typeof text !== 'string') throw new StudioFileError('A studio file must be text.');
  // UTF-8 takes at least one byte per UTF-16 unit, at most three: count exactly only near the limit.
  if (text.length * 3 > MAX_STUDIO_FILE_BYTES) checkStudioFileSize(utf8Bytes(text));
  // Some editors put a byte-order mark in front of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new StudioFileError('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new StudioFileError('The file is not valid JSON (it may be cut short).');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new StudioFileError(`The file holds ${kindOf(data)}, not a design or a client record.`);
  }
  const obj = data as Record<string, unknown>;
  if ('format' in obj) {
    if (obj.format !== CLIENT_FILE_FORMAT) {
      const shown = typeof obj.format === 'string' ? `'${obj.format.slice(0, 40)}'` : kindOf(obj.format);
      throw new StudioFileError(`Unknown file format ${shown}; this app opens design files and '${CLIENT_FILE_FORMAT}' files.`, 'format');
    }
    const v = obj.formatVersion;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new StudioFileError('The client file has no formatVersion number.', 'formatVersion');
    if (v > CLIENT_FILE_VERSION) {
      throw new StudioFileError(`Client file version ${v} is newer than this app understands (${CLIENT_FILE_VERSION}). Update the app to open it.`, 'formatVersion');
    }
    if (v < 1) throw new StudioFileError(`Client file version ${v} is not supported.`, 'formatVersion');
    return parseClientBody(obj);
  }
  if ('version' in obj || 'layers' in obj) return { kind: 'design', design: designAt(obj, '') };
  throw new StudioFileError("The file is neither a design nor a client record: it has no 'version' (a design file) and no 'format' (a client file).");
}

/** A design file: the design as JSON, 2-space indented. The design is checked first, so a file this
 * writes always opens, and written in the schema's key order, so saving what was opened gives the
 * same bytes. */
export function exportDesignFile(design: Design): string {
  try {
    return JSON.stringify(designAt(design, ''), null, 2);
  } catch (e) {
    if (e instanceof StudioFileError) throw new StudioFileError(`This design cannot be saved to a file: ${e.message}`, e.path);
    throw e;
  }
}

/** A client file for `client` and their `designs` (2-space JSON), and their `photos` when given (a
 * file without them is the same as before photos existed). Everything is checked as an import would
 * check it, so a file this writes always opens; `exportedAt` defaults to now. */
export function exportClientFile(client: ClientFileClient, designs: readonly ClientFileDesign[], options: { exportedAt?: string | Date; photos?: readonly ClientFilePhoto[] } = {}): string {
  const exportedAt = options.exportedAt === undefined ? new Date().toISOString() : options.exportedAt instanceof Date ? options.exportedAt.toISOString() : options.exportedAt;
  const body = {
    exportedAt,
    client: { name: client.name, consultationDate: client.consultationDate, notes: client.notes, profile: client.profile, createdAt: client.createdAt },
    designs: designs.map((d) => ({ name: d.name, createdAt: d.createdAt, updatedAt: d.updatedAt, design: d.design })),
    ...(options.photos?.length ? { photos: photosToFile(options.photos) } : {}),
  };
  let checked: ParsedClientFile;
  try {
    checked = parseClientBody(body);
  } catch (e) {
    if (e instanceof StudioFileError) throw new StudioFileError(`This client cannot be saved to a file: ${e.message}`, e.path);
    throw e;
  }
  // Key order fixed here, so export → parse → export gives the same bytes.
  const file = {
    format: CLIENT_FILE_FORMAT,
    formatVersion: CLIENT_FILE_VERSION,
    exportedAt: checked.exportedAt,
    client: checked.client,
    designs: checked.designs,
    ...(checked.photos ? { photos: body.photos } : {}),
  };
  return JSON.stringify(file, null, 2);
}

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_FILE_NAME_CHARS = 80;

/** A file name for `name`: letters (any script), digits, spaces and - _ . , ( ) ' kept; bidi
 * controls taken out (the name reads in the order it was typed); markup and path characters
 * dropped; never empty, never hidden, never a Windows device name. */
export function fileNameFor(name: string, suffix: '.smp.json' | '.smp-client.json' | '.pdf' | '.png'): string {
  const fallback = suffix === '.smp-client.json' ? 'client' : 'design';
  let base = stripBidiControls(String(name ?? ''))
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N} _\-.,()']+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = [...base];
  if (chars.length > MAX_FILE_NAME_CHARS)
    base = chars
      .slice(0, MAX_FILE_NAME_CHARS)
      .join('')
      .replace(/[\s.]+$/, '');
  if (!base) base = fallback;
  if (RESERVED_WINDOWS.test(base)) base = `${base}_`;
  return base + suffix;
}
