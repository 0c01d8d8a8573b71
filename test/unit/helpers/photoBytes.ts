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
  const tiff =
    order === 'MM'
      ? [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
      : [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0];
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
