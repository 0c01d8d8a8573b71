// The checks a client's photo passes before the worker decodes it: the type from its bytes (not its
// name), the size, the dimensions from the header, a file cut short, and the EXIF orientation, on
// real files (test/fixtures/photos) and on headers built in code.
import { describe, expect, it } from 'vitest';
import {
  MAX_PHOTO_BYTES,
  PhotoRefusal,
  checkPhotoDimensions,
  checkPhotoSize,
  checkPhotoType,
  exifFocal35mm,
  exifOrientation,
  fitWithin,
  inspectPhoto,
  orientedSize,
  sniffType,
} from '../../src/storage/photoChecks';
import { exifApp1, exifSegment, fixture, ftypBytes, jpegBytes } from './helpers/photoBytes';

function refusal(f: () => unknown): PhotoRefusal {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PhotoRefusal);
    return e as PhotoRefusal;
  }
  throw new Error('accepted, expected a refusal');
}

const text = (s: string) => new TextEncoder().encode(s);

describe('photo type, from the bytes', () => {
  it('tells JPEG, PNG, WebP, HEIC, AVIF and the rest apart by their first bytes', () => {
    const cases: [string, Uint8Array, string][] = [
      ['JPEG (fixture)', fixture('orientation-6.jpg'), 'jpeg'],
      ['PNG (fixture)', fixture('grey-300x200.png'), 'png'],
      ['WebP lossy (fixture)', fixture('green-640x480.webp'), 'webp'],
      ['WebP lossless (fixture)', fixture('green-lossless-640x480.webp'), 'webp'],
      ['HEIC (fixture, made by ImageMagick)', fixture('orange-64x48.heic'), 'heic'],
      ['HEIC from an iPhone (heic, mif1 miaf)', ftypBytes('heic', ['mif1', 'heic', 'miaf']), 'heic'],
      ['HEIF with mif1 only', ftypBytes('mif1', ['mif1']), 'heic'],
      ['AVIF (mif1 major, avif compatible)', ftypBytes('mif1', ['avif', 'mif1', 'miaf']), 'avif'],
      ['MP4 video', ftypBytes('isom', ['isom', 'mp41']), 'unknown'],
      ['GIF', text('GIF89a\x01\x00\x01\x00'), 'gif'],
      ['BMP', text('BM\x36\x00\x00\x00'), 'bmp'],
      ['TIFF', new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'tiff'],
      ['PDF', text('%PDF-1.7\n'), 'pdf'],
      ['SVG', text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'), 'svg'],
      ['a text file', text('Client notes: Norwood 5, wants a soft hairline.\n'), 'text'],
      ['random bytes', new Uint8Array([0, 1, 2, 3, 250, 251, 4, 5, 6, 7, 8, 9]), 'unknown'],
      ['empty', new Uint8Array(0), 'unknown'],
    ];
    for (const [what, bytes, type] of cases) expect(sniffType(bytes.subarray(0, 64)), what).toBe(type);
  });

  it('takes JPEG, PNG and WebP whatever the name; refuses the rest naming the file and saying what to do', () => {
    expect(checkPhotoType('photo.heic', fixture('orientation-6.jpg'))).toBe('jpeg');
    expect(checkPhotoType('scan.jpg', fixture('grey-300x200.png'))).toBe('png');

    const heic = refusal(() => checkPhotoType('IMG_0420.HEIC', fixture('orange-64x48.heic')));
    console.log(`HEIC: ${heic.message}`);
    expect(heic.reason).toBe('heic');
    expect(heic.message).toMatch(/^“IMG_0420\.HEIC” is a HEIC/);
    expect(heic.message).toContain('Settings > Camera > Formats');
    expect(heic.message).toContain('Most Compatible');
    expect(heic.message).toMatch(/export it as JPEG/);
    // Named like a photo, still refused by its bytes.
    const disguised = refusal(() => checkPhotoType('holiday.jpg', fixture('orange-64x48.heic')));
    expect(disguised.reason).toBe('heic');

    const cases: [string, Uint8Array, string, RegExp][] = [
      ['notes.jpg', text('just some notes'), 'not-image', /^“notes\.jpg” is not a photo \(it is a text file\)\. Choose a JPEG, PNG or WebP photo\.$/],
      ['clip.mp4', ftypBytes('isom', ['isom']), 'not-image', /^“clip\.mp4” is not a photo \(not a JPEG, PNG or WebP image, nor any picture SMP Studio knows\)\./],
      ['report.pdf', text('%PDF-1.4'), 'not-image', /^“report\.pdf” is not a photo \(it is a PDF document\)\./],
      ['anim.gif', text('GIF89a......'), 'unsupported', /^“anim\.gif” is a GIF image; photos are taken as JPEG, PNG or WebP\. Save it as JPEG/],
      ['new.avif', ftypBytes('avif', ['avif', 'mif1']), 'unsupported', /is an AVIF image/],
      ['C:\\Users\\ana\\Pictures\\logo.svg', text('<svg width="10">'), 'unsupported', /^“logo\.svg” is an SVG drawing/],
    ];
    for (const [name, bytes, reason, message] of cases) {
      const e = refusal(() => checkPhotoType(name, bytes));
      console.log(`${name.padEnd(34)} -> ${e.message}`);
      expect(e.reason, name).toBe(reason);
      expect(e.message, name).toMatch(message);
    }
  });
});

describe('photo size and dimensions', () => {
  it('refuses an empty file and one over 50 MB, before reading it', () => {
    expect(() => checkPhotoSize('a.jpg', MAX_PHOTO_BYTES)).not.toThrow();
    expect(refusal(() => checkPhotoSize('big.jpg', MAX_PHOTO_BYTES + 1)).message).toMatch(/^“big\.jpg” is over 50 MB; a photo can be at most 50 MB\. Save a smaller copy/);
    const big = refusal(() => checkPhotoSize('DSC_0001.JPG', Math.round(61.4 * 1024 * 1024)));
    expect(big.reason).toBe('too-large');
    expect(big.message).toMatch(/^“DSC_0001\.JPG” is 61\.4 MB; a photo can be at most 50 MB\./);
    expect(refusal(() => checkPhotoSize('zero.png', 0)).reason).toBe('empty');
  });

  it('refuses under 480 px on the short side, either way round, and over 100 megapixels', () => {
    expect(() => checkPhotoDimensions('a', 480, 640)).not.toThrow();
    expect(() => checkPhotoDimensions('a', 4032, 3024)).not.toThrow();
    const small = refusal(() => checkPhotoDimensions('thumb.png', 300, 200));
    expect(small.reason).toBe('too-small');
    expect(small.message).toBe(
      '“thumb.png” is 300 × 200 pixels; a photo needs at least 480 pixels on its short side to show the scalp. Use the original photo, not a thumbnail or a screenshot of it.',
    );
    expect(refusal(() => checkPhotoDimensions('tall.jpg', 479, 4000)).reason).toBe('too-small');
    expect(refusal(() => checkPhotoDimensions('huge.jpg', 12_000, 9_000)).message).toMatch(/is 12000 × 9000 pixels \(108 megapixels\); a photo can have at most 100 megapixels/);
  });

  it('scales to the long side asked, never up', () => {
    expect(fitWithin(4032, 3024, 2048)).toEqual({ widthPx: 2048, heightPx: 1536 });
    expect(fitWithin(3024, 4032, 320)).toEqual({ widthPx: 240, heightPx: 320 });
    expect(fitWithin(640, 480, 2048)).toEqual({ widthPx: 640, heightPx: 480 });
  });
});

describe('inspectPhoto: header, orientation, whole', () => {
  it('reads the size and orientation of the real fixtures', () => {
    const jpeg = inspectPhoto('orientation-6.jpg', fixture('orientation-6.jpg'));
    expect(jpeg).toEqual({ type: 'jpeg', widthPx: 640, heightPx: 480, orientation: 6, focal35mm: null });
    // Orientation 6 is a quarter turn clockwise: shown 480 wide and 640 high.
    expect(orientedSize(jpeg)).toEqual({ widthPx: 480, heightPx: 640 });
    expect(inspectPhoto('g.png', fixture('grey-300x200.png'))).toEqual({ type: 'png', widthPx: 300, heightPx: 200, orientation: 1, focal35mm: null });
    expect(inspectPhoto('g.webp', fixture('green-640x480.webp'))).toEqual({ type: 'webp', widthPx: 640, heightPx: 480, orientation: 1, focal35mm: null });
    expect(inspectPhoto('g.webp', fixture('green-lossless-640x480.webp'))).toEqual({ type: 'webp', widthPx: 640, heightPx: 480, orientation: 1, focal35mm: null });
  });

  it('reads EXIF orientation in either byte order; none, or one out of range, is 1', () => {
    for (const o of [1, 3, 6, 8]) {
      expect(inspectPhoto('a.jpg', jpegBytes(4032, 3024, { app: exifSegment(o, 'MM') })).orientation).toBe(o);
      expect(inspectPhoto('a.jpg', jpegBytes(4032, 3024, { app: exifSegment(o, 'II') })).orientation).toBe(o);
    }
    expect(inspectPhoto('a.jpg', jpegBytes(800, 600)).orientation).toBe(1);
    expect(inspectPhoto('a.jpg', jpegBytes(800, 600, { app: exifSegment(9) })).orientation).toBe(1);
    expect(exifOrientation(new Uint8Array([1, 2, 3]))).toBe(1);
    expect(inspectPhoto('a.jpg', jpegBytes(12_000, 9_000))).toMatchObject({ widthPx: 12_000, heightPx: 9_000 });
  });

  it("reads the camera's 35 mm equivalent focal length from the Exif IFD; none, 0 or absurd is null", () => {
    for (const order of ['MM', 'II'] as const) {
      expect(inspectPhoto('a.jpg', jpegBytes(4032, 3024, { app: exifApp1({ orientation: 6, focal35mm: 26 }, order) }))).toMatchObject({ orientation: 6, focal35mm: 26 });
      expect(inspectPhoto('a.jpg', jpegBytes(4032, 3024, { app: exifApp1({ focal35mm: 77 }, order) }))).toMatchObject({ orientation: 1, focal35mm: 77 });
    }
    expect(inspectPhoto('a.jpg', jpegBytes(800, 600, { app: exifSegment(3) })).focal35mm).toBeNull();
    expect(inspectPhoto('a.jpg', jpegBytes(800, 600)).focal35mm).toBeNull();
    for (const focal35mm of [0, 3, 5000]) expect(exifFocal35mm(new Uint8Array(exifApp1({ focal35mm }).slice(10)))).toBeNull();
    expect(exifFocal35mm(new Uint8Array([1, 2, 3]))).toBeNull();
    expect(inspectPhoto('g.png', fixture('grey-300x200.png')).focal35mm).toBeNull();
  });

  it('refuses a photo cut short, or broken, of each type, naming the file', () => {
    const jpeg = fixture('orientation-6.jpg');
    const png = fixture('grey-300x200.png');
    const webp = fixture('green-640x480.webp');
    // An embedded thumbnail ends with its own end marker: the photo is still cut short.
    const thumbnail = [0xff, 0xe1, 0, 10, ...Buffer.from('Th'), 0xff, 0xd8, 0xff, 0xd9, 0, 0];
    const cases: [string, Uint8Array, RegExp][] = [
      ['JPEG cut in half', jpeg.subarray(0, jpeg.length >> 1), /^“cut\.jpg” is damaged \(a JPEG whose end is missing\)/],
      ['JPEG without its last 2 bytes', jpeg.subarray(0, jpeg.length - 2), /a JPEG whose end is missing/],
      ['JPEG cut in its header', jpeg.subarray(0, 30), /a JPEG whose end is missing/],
      ['JPEG with a thumbnail, cut short', jpegBytes(800, 600, { app: thumbnail, end: false }), /a JPEG whose end is missing/],
      ['JPEG with no size', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 1, 2, 0xff, 0xd9]), /a JPEG with no picture size/],
      ['JPEG of two markers', new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), /a JPEG with no picture data/],
      ['PNG cut in half', png.subarray(0, png.length >> 1), /a PNG whose end is missing/],
      ['PNG without IEND', png.subarray(0, png.length - 12), /a PNG whose end is missing/],
      ['PNG signature only', png.subarray(0, 8), /a PNG with no header/],
      ['WebP cut short', webp.subarray(0, webp.length - 40), /a WebP whose end is missing/],
    ];
    for (const [what, bytes, message] of cases) {
      const e = refusal(() => inspectPhoto('cut.jpg', bytes));
      console.log(`${what.padEnd(36)} -> ${e.message}`);
      expect(e.reason, what).toBe('broken');
      expect(e.message, what).toMatch(message);
      expect(e.message, what).toMatch(/Copy it again/);
    }
    // Whole files still pass, with bytes after the end marker (some cameras append data).
    expect(() => inspectPhoto('a.jpg', new Uint8Array([...jpeg, 0, 0, 0, 0]))).not.toThrow();
  });
});
