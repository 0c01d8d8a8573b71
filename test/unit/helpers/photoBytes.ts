/** Tiny images built in code for the photo checks: headers as real files have them, with as little
 * picture data as the checks need, and the committed fixtures of test/fixtures/photos. */
import { readFileSync } from 'node:fs';

export const fixture = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(new URL(`../../fixtures/photos/${name}`, import.meta.url)));

const seg = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];

/** A baseline JPEG's structure at `width` × `height`: SOI, an APP segment, SOF0, SOS, a few bytes of
 * scan data (with a stuffed 0xFF 0x00 and a restart marker), EOI. Not decodable; enough for the
 * structure checks. `app` puts extra segments after the SOI (an EXIF block, a thumbnail). */
export function jpegBytes(width: number, height: number, options: { app?: number[]; end?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const sof = seg(0xc0, [8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0]);
  const sos = seg(0xda, [1, 1, 0, 0, 63, 0]);
  const scan = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56];
  return new Uint8Array([
    0xff,
    0xd8,
    ...(options.app ?? []),
    ...seg(0xe0, [...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...sof,
    ...sos,
    ...scan,
    ...(options.end === false ? [] : [0xff, 0xd9]),
  ]);
}

/** An EXIF APP1 segment holding only Orientation, in either byte order. */
export function exifSegment(orientation: number, order: 'MM' | 'II' = 'MM'): number[] {
  return exifApp1({ orientation }, order);
}

/** An EXIF APP1 segment: IFD0 with Orientation (0x0112) and, for a focal length, a pointer (0x8769)
 * to an Exif IFD holding FocalLengthIn35mmFilm (0xA405); SHORT values, in either byte order. */
export function exifApp1(tags: { orientation?: number; focal35mm?: number }, order: 'MM' | 'II' = 'MM'): number[] {
  const u16 = (v: number) => (order === 'MM' ? [(v >> 8) & 255, v & 255] : [v & 255, (v >> 8) & 255]);
  const u32 = (v: number) => (order === 'MM' ? [...u16(v >>> 16), ...u16(v & 0xffff)] : [...u16(v & 0xffff), ...u16(v >>> 16)]);
  const entry = (tag: number, type: number, value: number) => [...u16(tag), ...u16(type), ...u32(1), ...(type === 3 ? [...u16(value), 0, 0] : u32(value))];
  const ifd0: number[][] = [];
  if (tags.orientation !== undefined) ifd0.push(entry(0x0112, 3, tags.orientation));
  const exifAt = 8 + 2 + 12 * (ifd0.length + (tags.focal35mm !== undefined ? 1 : 0)) + 4;
  if (tags.focal35mm !== undefined) ifd0.push(entry(0x8769, 4, exifAt));
  const tiff = [...(order === 'MM' ? [0x4d, 0x4d] : [0x49, 0x49]), ...u16(0x2a), ...u32(8), ...u16(ifd0.length), ...ifd0.flat(), ...u32(0)];
  if (tags.focal35mm !== undefined) tiff.push(...u16(1), ...entry(0xa405, 3, tags.focal35mm), ...u32(0));
  return seg(0xe1, [...Buffer.from('Exif\0\0', 'latin1'), ...tiff]);
}

/** An ISO-BMFF 'ftyp' box with these brands (HEIC, AVIF), and a little after it. */
export function ftypBytes(major: string, compatible: string[]): Uint8Array<ArrayBuffer> {
  const body = [...Buffer.from(major), 0, 0, 0, 0, ...compatible.flatMap((b) => [...Buffer.from(b)])];
  const size = 8 + body.length;
  return new Uint8Array([0, 0, 0, size, ...Buffer.from('ftyp'), ...body, 0, 0, 0, 8, ...Buffer.from('meta')]);
}

/** A PNG's structure at `width` × `height` (grey, 8 bits): signature, IHDR, an IDAT of a few
 * bytes, IEND (CRCs left zero). Not decodable; enough for the structure checks. */
export function pngBytes(width: number, height: number, options: { end?: boolean; idatBytes?: number } = {}): Uint8Array<ArrayBuffer> {
  const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  const chunk = (type: string, body: number[]) => [...u32(body.length), ...Buffer.from(type, 'latin1'), ...body, 0, 0, 0, 0];
  const idat = Array.from({ length: options.idatBytes ?? 6 }, (_, k) => (k * 37) & 255);
  return new Uint8Array([
    0x89,
    ...Buffer.from('PNG\r\n\x1a\n', 'latin1'),
    ...chunk('IHDR', [...u32(width), ...u32(height), 8, 0, 0, 0, 0]),
    ...chunk('IDAT', idat),
    ...(options.end === false ? [] : chunk('IEND', [])),
  ]);
}
