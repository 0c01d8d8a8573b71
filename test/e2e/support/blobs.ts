// Dark specks on a picture: each pixel compared with the mean of its neighbourhood, the darker
// ones grouped into 8-connected components, and each component's shape measured. Also a tiny
// PNG writer, to save what was found for a person to look at.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import type { Rgba } from './png';

export interface Blob {
  area: number;
  /** Bounding box. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Mean darkening below the local background, in grey levels (0-255). */
  contrast: number;
  /** area / (pi (max(w, h) / 2)^2): 0.785 for a filled square, ~1 for a filled disc. */
  fill: number;
  /** w / h. */
  aspect: number;
}

export interface BlobOptions {
  /** Side of the square window (px) whose mean is the local background. */
  window: number;
  /** A pixel is dark when it is this many grey levels below the local background. */
  threshold: number;
  /** Only pixels whose window is mostly this bright (grey level) count, to skip the background and dark edges. */
  minBackground?: number;
}

const grey = (img: Rgba, i: number) => 0.299 * img.data[i * 4] + 0.587 * img.data[i * 4 + 1] + 0.114 * img.data[i * 4 + 2];

export function findDarkBlobs(img: Rgba, { window, threshold, minBackground = 0 }: BlobOptions): { blobs: Blob[]; labels: Int32Array } {
  const { width: W, height: H } = img;
  const g = new Float64Array(W * H);
  for (let i = 0; i < W * H; i++) g[i] = grey(img, i);
  // Integral image for box means.
  const S = new Float64Array((W + 1) * (H + 1));
  for (let y = 0; y < H; y++) {
    let row = 0;
    for (let x = 0; x < W; x++) {
      row += g[y * W + x];
      S[(y + 1) * (W + 1) + x + 1] = S[y * (W + 1) + x + 1] + row;
    }
  }
  const r = Math.floor(window / 2);
  const mean = new Float64Array(W * H);
  for (let y = 0; y < H; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(H, y + r + 1);
    for (let x = 0; x < W; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(W, x + r + 1);
      const sum = S[y1 * (W + 1) + x1] - S[y0 * (W + 1) + x1] - S[y1 * (W + 1) + x0] + S[y0 * (W + 1) + x0];
      mean[y * W + x] = sum / ((x1 - x0) * (y1 - y0));
    }
  }
  const mask = new Uint8Array(W * H);
  for (let i = 0; i < W * H; i++) if (mean[i] >= minBackground && g[i] < mean[i] - threshold) mask[i] = 1;

  const labels = new Int32Array(W * H);
  const blobs: Blob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < W * H; start++) {
    if (!mask[start] || labels[start]) continue;
    const label = blobs.length + 1;
    labels[start] = label;
    stack.push(start);
    let area = 0;
    let contrast = 0;
    let minX = W;
    let minY = H;
    let maxX = -1;
    let maxY = -1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % W;
      const y = (i - x) / W;
      area++;
      contrast += mean[i] - g[i];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if ((dx || dy) && nx >= 0 && ny >= 0 && nx < W && ny < H) {
            const j = ny * W + nx;
            if (mask[j] && !labels[j]) {
              labels[j] = label;
              stack.push(j);
            }
          }
        }
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    const extent = Math.max(w, h);
    blobs.push({ area, x: minX, y: minY, w, h, contrast: contrast / area, fill: area / (Math.PI * (extent / 2) ** 2), aspect: w / h });
  }
  return { blobs, labels };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Writes an RGBA image as a PNG file. */
export function writePng(path: string, img: Rgba): void {
  const stride = img.width * 4;
  const raw = Buffer.alloc((stride + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(img.data.buffer, img.data.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  writeFileSync(path, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

/** The picture, greyed, with each blob's pixels painted in `colour(blob)` (none if null). */
export function blobOverlay(img: Rgba, blobs: Blob[], labels: Int32Array, colour: (b: Blob) => [number, number, number] | null): Rgba {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < img.width * img.height; i++) {
    const v = grey(img, i) * 0.6 + 60;
    out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = v;
    out[i * 4 + 3] = 255;
  }
  const colours = blobs.map(colour);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] ? colours[labels[i] - 1] : null;
    if (c) out.set(c, i * 4);
  }
  return { width: img.width, height: img.height, data: out };
}
