/** The checks a client's photo passes before it is kept: its type read from its first bytes (never
 * from its name), its size, its pixel dimensions read from its header, whether it is whole, and its
 * EXIF orientation. Pure: bytes in, facts or a PhotoRefusal out; the photo worker runs them before
 * it decodes anything, and a client file's photos pass them again when imported. */

/** Types a photo may have; what the app re-encodes to is JPEG (the report can embed it). */
export type PhotoType = 'jpeg' | 'png' | 'webp';
/** Files told apart by their first bytes, to say what a refused file is. */
export type SniffedType = PhotoType | 'heic' | 'avif' | 'gif' | 'bmp' | 'tiff' | 'pdf' | 'svg' | 'text' | 'unknown';

export const PHOTO_MIME: Record<PhotoType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
export const PHOTO_ACCEPT = Object.values(PHOTO_MIME).join(',');

/** A phone's photo is 2-12 MB; 50 MB leaves room for a camera's largest JPEG, and stops a file that
 * would take the worker's memory. */
export const MAX_PHOTO_BYTES = 50 * 1024 * 1024;
/** Below this on the short side the scalp is a few hundred pixels: too coarse to fit or draw on. */
export const MIN_PHOTO_SHORT_SIDE_PX = 480;
/** Decoding takes 4 bytes a pixel: 100 MP is 400 MB, the most a phone's browser can be asked for. */
export const MAX_PHOTO_PIXELS = 100_000_000;

/** Long side of the photo as kept: what a 1280-2560 px wide screen shows of it (the view is at most
 * half a desktop, or a phone at 3x). */
export const PHOTO_LONG_SIDE_PX = 2048;
/** Long side of the thumbnail in the strip (80 px at up to 4x). */
export const THUMB_LONG_SIDE_PX = 320;
/** A 2048 px JPEG at the worker's first quality is 0.2-1.5 MB; past this it lowers the quality
 * until the picture fits. The cap keeps a client file bounded. */
export const MAX_KEPT_PHOTO_BYTES = 2 * 1024 * 1024;

export type PhotoRefusalReason = 'empty' | 'too-large' | 'heic' | 'unsupported' | 'not-image' | 'too-small' | 'too-many-pixels' | 'broken';

export class PhotoRefusal extends Error {
  constructor(
    readonly reason: PhotoRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'PhotoRefusal';
  }
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
/** The file's name as the messages quote it: the last path part, shortened. */
export const quoteName = (name: string) => {
  const base =
    String(name || 'The photo')
      .split(/[\\/]/)
      .pop() || 'The photo';
  return `“${base.length > 80 ? `${base.slice(0, 77)}…` : base}”`;
};

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
const u32le = (b: Uint8Array, at: number) => ((b[at + 3] << 24) >>> 0) + ((b[at + 2] << 16) | (b[at + 1] << 8) | b[at]);

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2']);

/** What the first bytes say the file is (64 bytes are enough). */
export function sniffType(head: Uint8Array): SniffedType {
  const b = head;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    // The major brand, then the compatible brands, to the end of the ftyp box.
    const end = Math.min(b.length, u32be(b, 0));
    const brands = [ascii(b, 8, 4)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(b, at, 4));
    if (brands.some((x) => x === 'avif' || x === 'avis')) return 'avif';
    if (brands.some((x) => HEIF_BRANDS.has(x))) return 'heic';
    return 'unknown';
  }
  if (b.length >= 6 && /^GIF8[79]a$/.test(ascii(b, 0, 6))) return 'gif';
  if (b.length >= 2 && ascii(b, 0, 2) === 'BM') return 'bmp';
  if (b.length >= 4 && (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*')) return 'tiff';
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'pdf';
  const text = looksLikeText(b);
  if (text && /<svg[\s>]/i.test(new TextDecoder().decode(b))) return 'svg';
  return text ? 'text' : 'unknown';
}

/** Printable UTF-8 (or ASCII) all through: a text file given a picture's name. */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  for (const c of b) if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f) return false;
  return true;
}

const TYPE_WORDS: Record<Exclude<SniffedType, PhotoType | 'heic'>, string> = {
  avif: 'an AVIF image',
  gif: 'a GIF image',
  bmp: 'a BMP image',
  tiff: 'a TIFF image',
  pdf: 'a PDF document',
  svg: 'an SVG drawing',
  text: 'a text file',
  unknown: 'a file of another kind',
};

/** Refuses a file by its size alone; call it with File.size before reading anything. */
export function checkPhotoSize(name: string, bytes: number): void {
  if (bytes === 0) throw new PhotoRefusal('empty', `${quoteName(name)} is empty (0 bytes). Choose the photo again.`);
  if (bytes > MAX_PHOTO_BYTES) {
    throw new PhotoRefusal(
      'too-large',
      `${quoteName(name)} is ${mb(bytes) === mb(MAX_PHOTO_BYTES) ? 'over ' : ''}${mb(bytes)} MB; a photo can be at most ${mb(MAX_PHOTO_BYTES)} MB. Save a smaller copy (a JPEG of a few MB shows the scalp just as well) and add that.`,
    );
  }
}

/** The photo's type, or a refusal that says what the file is and what to do instead. */
export function checkPhotoType(name: string, head: Uint8Array): PhotoType {
  const type = sniffType(head);
  if (type === 'jpeg' || type === 'png' || type === 'webp') return type;
  const q = quoteName(name);
  if (type === 'heic') {
    throw new PhotoRefusal(
      'heic',
      `${q} is a HEIC (HEIF) photo, which browsers cannot read. Add it as a JPEG: export it as JPEG (on a Mac, open it in Preview, then File > Export > JPEG), ` +
        'or on an iPhone set Settings > Camera > Formats to Most Compatible so that new photos are JPEG.',
    );
  }
  if (type === 'text' || type === 'unknown' || type === 'pdf') {
    const what = type === 'unknown' ? 'not a JPEG, PNG or WebP image, nor any picture SMP Studio knows' : `it is ${TYPE_WORDS[type]}`;
    throw new PhotoRefusal('not-image', `${q} is not a photo (${what}). Choose a JPEG, PNG or WebP photo.`);
  }
  throw new PhotoRefusal('unsupported', `${q} is ${TYPE_WORDS[type]}; photos are taken as JPEG, PNG or WebP. Save it as JPEG and add it again.`);
}

/** Refuses dimensions too small to show a scalp, or too large to decode. */
export function checkPhotoDimensions(name: string, widthPx: number, heightPx: number): void {
  const short = Math.min(widthPx, heightPx);
  if (short < MIN_PHOTO_SHORT_SIDE_PX) {
    throw new PhotoRefusal(
      'too-small',
      `${quoteName(name)} is ${widthPx} × ${heightPx} pixels; a photo needs at least ${MIN_PHOTO_SHORT_SIDE_PX} pixels on its short side to show the scalp. Use the original photo, not a thumbnail or a screenshot of it.`,
    );
  }
  if (widthPx * heightPx > MAX_PHOTO_PIXELS) {
    throw new PhotoRefusal(
      'too-many-pixels',
      `${quoteName(name)} is ${widthPx} × ${heightPx} pixels (${Math.round((widthPx * heightPx) / 1e6)} megapixels); a photo can have at most ${MAX_PHOTO_PIXELS / 1e6} megapixels. Save a smaller copy and add that.`,
    );
  }
}

/** What a photo's bytes say about it. Width and height are as stored; `orientation` is the EXIF
 * tag (1-8; 1 when there is none), which turns them for 5-8. */
export interface PhotoHeader {
  type: PhotoType;
  widthPx: number;
  heightPx: number;
  orientation: number;
  /** The camera's 35 mm equivalent focal length from the EXIF (JPEG), or null. */
  focal35mm: number | null;
}

const broken = (name: string, type: PhotoType, what: string) =>
  new PhotoRefusal(
    'broken',
    `${quoteName(name)} is damaged (a ${type === 'jpeg' ? 'JPEG' : type === 'png' ? 'PNG' : 'WebP'} ${what}), so it cannot be shown. Copy it again from the camera or phone and add that copy.`,
  );

/** Reads and checks all of a photo: type, dimensions from the header, and that the file is whole
 * (a JPEG reaches its end marker, a PNG its IEND chunk, a WebP its RIFF length). A photo cut short
 * in a copy would otherwise show with its lower part grey. */
export function inspectPhoto(name: string, bytes: Uint8Array): PhotoHeader {
  checkPhotoSize(name, bytes.length);
  const type = checkPhotoType(name, bytes.subarray(0, 64));
  if (type === 'jpeg') return inspectJpeg(name, bytes);
  if (type === 'png') return inspectPng(name, bytes);
  return inspectWebp(name, bytes);
}

/** The type's size and orientation markers; a JPEG's segments are walked to the first scan, then the
 * entropy-coded data is searched for the end marker (0xFF is always followed by 0x00 or a restart
 * marker inside a scan, so 0xFF 0xD9 is the end). */
function inspectJpeg(name: string, b: Uint8Array): PhotoHeader {
  let at = 2;
  let size: { w: number; h: number } | null = null;
  let orientation = 1;
  let focal35mm: number | null = null;
  for (;;) {
    while (at < b.length && b[at] === 0xff && b[at + 1] === 0xff) at++; // fill bytes
    if (at + 2 > b.length) throw broken(name, 'jpeg', 'whose end is missing');
    if (b[at] !== 0xff) throw broken(name, 'jpeg', 'with a malformed header');
    const marker = b[at + 1];
    if (marker === 0xd9) throw broken(name, 'jpeg', 'with no picture data');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 4 > b.length) throw broken(name, 'jpeg', 'whose end is missing');
    const length = u16be(b, at + 2);
    if (length < 2 || at + 2 + length > b.length) throw broken(name, 'jpeg', 'whose end is missing');
    const body = at + 4;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof && !size && length >= 7) size = { h: u16be(b, body + 1), w: u16be(b, body + 3) };
    if (marker === 0xe1 && orientation === 1 && focal35mm === null && ascii(b, body, 6) === 'Exif\0\0') {
      const tiff = b.subarray(body + 6, at + 2 + length);
      orientation = exifOrientation(tiff);
      focal35mm = exifFocal35mm(tiff);
    }
    at += 2 + length;
    if (marker === 0xda) break;
  }
  if (!size || size.w === 0 || size.h === 0) throw broken(name, 'jpeg', 'with no picture size');
  for (let i = b.indexOf(0xff, at); i >= 0 && i + 1 < b.length; i = b.indexOf(0xff, i + 1)) {
    if (b[i + 1] === 0xd9) return { type: 'jpeg', widthPx: size.w, heightPx: size.h, orientation, focal35mm };
  }
  throw broken(name, 'jpeg', 'whose end is missing');
}

/** An EXIF block (a TIFF structure): where its IFDs are and how to read its numbers. */
function tiffReader(tiff: Uint8Array) {
  if (tiff.length < 8) return null;
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const u16 = order === 'II' ? u16le : u16be;
  const u32 = order === 'II' ? u32le : u32be;
  /** The SHORT or LONG value of `tag` in the IFD at `ifd`; null when absent or unreadable. */
  const value = (ifd: number, tag: number): number | null => {
    if (ifd + 2 > tiff.length) return null;
    const count = u16(tiff, ifd);
    for (let k = 0; k < count; k++) {
      const entry = ifd + 2 + 12 * k;
      if (entry + 12 > tiff.length) return null;
      if (u16(tiff, entry) !== tag) continue;
      const type = u16(tiff, entry + 2);
      return type === 3 ? u16(tiff, entry + 8) : type === 4 ? u32(tiff, entry + 8) : null;
    }
    return null;
  };
  return { ifd0: u32(tiff, 4), value };
}

/** The Orientation tag (0x0112) of IFD0 in an EXIF block; 1 when absent or unreadable. */
export function exifOrientation(tiff: Uint8Array): number {
  const r = tiffReader(tiff);
  const value = r?.value(r.ifd0, 0x0112) ?? 1;
  return value >= 1 && value <= 8 ? value : 1;
}

/** The 35 mm equivalent focal lengths taken as a lens's: phones' ultra-wide (13 mm) to their
 * longest zoom, with room. */
export const FOCAL_35MM_RANGE = { min: 8, max: 1000 } as const;

/** FocalLengthIn35mmFilm (0xA405, in the Exif IFD that IFD0's 0x8769 points to): the camera's
 * focal length as a 35 mm equivalent, which phones write; null when absent, 0 (unknown) or
 * unreadable. */
export function exifFocal35mm(tiff: Uint8Array): number | null {
  const r = tiffReader(tiff);
  const exif = r?.value(r.ifd0, 0x8769);
  const focal = r && exif ? r.value(exif, 0xa405) : null;
  return focal && focal >= FOCAL_35MM_RANGE.min && focal <= FOCAL_35MM_RANGE.max ? focal : null;
}

function inspectPng(name: string, b: Uint8Array): PhotoHeader {
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') throw broken(name, 'png', 'with no header');
  const w = u32be(b, 16);
  const h = u32be(b, 20);
  if (w === 0 || h === 0) throw broken(name, 'png', 'with no picture size');
  // Walk the chunks (length, type, data, CRC) to IEND; one running past the end was cut short.
  for (let at = 8; at + 12 <= b.length;) {
    const length = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    const next = at + 12 + length;
    if (next > b.length) break;
    if (type === 'IEND') return { type: 'png', widthPx: w, heightPx: h, orientation: 1, focal35mm: null };
    at = next;
  }
  throw broken(name, 'png', 'whose end is missing');
}

function inspectWebp(name: string, b: Uint8Array): PhotoHeader {
  // RIFF's length counts from byte 8; a file shorter than it says was cut short.
  if (b.length < 30 || 8 + u32le(b, 4) > b.length) throw broken(name, 'webp', 'whose end is missing');
  const chunk = ascii(b, 12, 4);
  let w = 0;
  let h = 0;
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    w = u16le(b, 26) & 0x3fff;
    h = u16le(b, 28) & 0x3fff;
  } else if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = u32le(b, 21);
    w = (bits & 0x3fff) + 1;
    h = ((bits >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8X') {
    w = (b[24] | (b[25] << 8) | (b[26] << 16)) + 1;
    h = (b[27] | (b[28] << 8) | (b[29] << 16)) + 1;
  }
  if (w === 0 || h === 0) throw broken(name, 'webp', 'with no picture size');
  return { type: 'webp', widthPx: w, heightPx: h, orientation: 1, focal35mm: null };
}

/** The size a photo is shown at: its oriented width and height. */
export function orientedSize(header: PhotoHeader): { widthPx: number; heightPx: number } {
  return header.orientation >= 5 ? { widthPx: header.heightPx, heightPx: header.widthPx } : { widthPx: header.widthPx, heightPx: header.heightPx };
}

/** Width and height scaled so that the long side is at most `longSidePx` (never enlarged). */
export function fitWithin(widthPx: number, heightPx: number, longSidePx: number): { widthPx: number; heightPx: number } {
  const scale = Math.min(1, longSidePx / Math.max(widthPx, heightPx));
  return { widthPx: Math.max(1, Math.round(widthPx * scale)), heightPx: Math.max(1, Math.round(heightPx * scale)) };
}
