import { inflateSync } from 'node:zlib';

/** A decoded image: 8-bit RGBA, row-major, top row first. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array; // width * height * 4
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Decodes the PNGs Chromium writes (8-bit greyscale, grey+alpha, RGB, RGBA or palette; not
 * interlaced) into RGBA. Filter types 0-4 (none, sub, up, average, Paeth) are supported.
 */
export function decodePng(png: Uint8Array): Rgba {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  for (let i = 0; i < SIGNATURE.length; i++) {
    if (buf[i] !== SIGNATURE[i]) throw new Error('decodePng: not a PNG (bad signature)');
  }
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colorType = -1;
  let palette: Uint8Array | null = null;
  let paletteAlpha: Uint8Array | null = null;
  const idat: Buffer[] = [];
  let pos = 8;
  while (pos + 8 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    pos += 12 + length; // length + type + body + CRC
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      bitDepth = body[8];
      colorType = body[9];
      if (body[12] !== 0) throw new Error('decodePng: interlaced PNGs are not supported');
    } else if (type === 'PLTE') {
      palette = new Uint8Array(body);
    } else if (type === 'tRNS') {
      paletteAlpha = new Uint8Array(body);
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
  }
  if (!width || !height) throw new Error('decodePng: missing IHDR');
  if (bitDepth !== 8) throw new Error(`decodePng: bit depth ${bitDepth} not supported (8 only)`);
  const channels = CHANNELS[colorType];
  if (!channels) throw new Error(`decodePng: colour type ${colorType} not supported`);
  if (colorType === 3 && !palette) throw new Error('decodePng: palette image without PLTE');

  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error('decodePng: truncated image data');
  const pixels = new Uint8Array(stride * height);
  const bpp = channels; // bytes per complete pixel at 8 bits
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    const prev = out - stride; // previous, already unfiltered row (invalid for y = 0)
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? pixels[out + x - bpp] : 0;
      const b = y > 0 ? pixels[prev + x] : 0;
      const c = y > 0 && x >= bpp ? pixels[prev + x - bpp] : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`decodePng: unknown filter type ${filter} on row ${y}`);
      }
      pixels[out + x] = (raw[src + x] + predictor) & 0xff;
    }
  }

  const data = new Uint8Array(width * height * 4);
  for (let i = 0, n = width * height; i < n; i++) {
    const s = i * channels;
    const d = i * 4;
    switch (colorType) {
      case 0:
        data[d] = data[d + 1] = data[d + 2] = pixels[s];
        data[d + 3] = 255;
        break;
      case 4:
        data[d] = data[d + 1] = data[d + 2] = pixels[s];
        data[d + 3] = pixels[s + 1];
        break;
      case 2:
        data[d] = pixels[s];
        data[d + 1] = pixels[s + 1];
        data[d + 2] = pixels[s + 2];
        data[d + 3] = 255;
        break;
      case 6:
        data.set(pixels.subarray(s, s + 4), d);
        break;
      case 3: {
        const k = pixels[s];
        data[d] = palette![k * 3];
        data[d + 1] = palette![k * 3 + 1];
        data[d + 2] = palette![k * 3 + 2];
        data[d + 3] = paletteAlpha && k < paletteAlpha.length ? paletteAlpha[k] : 255;
        break;
      }
    }
  }
  return { width, height, data };
}
