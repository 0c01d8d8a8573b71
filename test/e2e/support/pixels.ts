import type { Rgba } from './png';

export type Rgb = [number, number, number];

/** A rectangle in image pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A rectangle given in fractions (0..1) of the image's width and height. */
export function frac(img: Rgba, x0: number, y0: number, x1: number, y1: number): Rect {
  const x = Math.round(x0 * img.width);
  const y = Math.round(y0 * img.height);
  return {
    x,
    y,
    w: Math.max(1, Math.round(x1 * img.width) - x),
    h: Math.max(1, Math.round(y1 * img.height) - y),
  };
}

/** A square-ish box of `size` (fraction of the smaller side) centred on the image. */
export function centreRect(img: Rgba, size = 0.06): Rect {
  const side = Math.max(2, Math.round(Math.min(img.width, img.height) * size));
  return {
    x: Math.round(img.width / 2 - side / 2),
    y: Math.round(img.height / 2 - side / 2),
    w: side,
    h: side,
  };
}

/** The four corner boxes, `size` of the smaller side each: top-left, top-right, bottom-left, bottom-right. */
export function cornerRects(img: Rgba, size = 0.05): Record<'topLeft' | 'topRight' | 'bottomLeft' | 'bottomRight', Rect> {
  const s = Math.max(2, Math.round(Math.min(img.width, img.height) * size));
  return {
    topLeft: { x: 0, y: 0, w: s, h: s },
    topRight: { x: img.width - s, y: 0, w: s, h: s },
    bottomLeft: { x: 0, y: img.height - s, w: s, h: s },
    bottomRight: { x: img.width - s, y: img.height - s, w: s, h: s },
  };
}

function clip(img: Rgba, r: Rect): Rect {
  const x0 = Math.max(0, Math.floor(r.x));
  const y0 = Math.max(0, Math.floor(r.y));
  const x1 = Math.min(img.width, Math.floor(r.x + r.w));
  const y1 = Math.min(img.height, Math.floor(r.y + r.h));
  if (x1 <= x0 || y1 <= y0) throw new Error(`rectangle ${JSON.stringify(r)} lies outside the ${img.width}x${img.height} image`);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Mean RGB (0-255) of a rectangle of the image. */
export function sample(img: Rgba, region: Rect): Rgb {
  const r = clip(img, region);
  let sr = 0;
  let sg = 0;
  let sb = 0;
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      const i = (y * img.width + x) * 4;
      sr += img.data[i];
      sg += img.data[i + 1];
      sb += img.data[i + 2];
    }
  }
  const n = r.w * r.h;
  return [sr / n, sg / n, sb / n];
}

/** Standard deviation of the grey level over a rectangle (or the whole image): 0 means flat. */
export function greyStdDev(img: Rgba, region: Rect = { x: 0, y: 0, w: img.width, h: img.height }): number {
  const r = clip(img, region);
  let s = 0;
  let s2 = 0;
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      const i = (y * img.width + x) * 4;
      const v = (img.data[i] + img.data[i + 1] + img.data[i + 2]) / 3;
      s += v;
      s2 += v * v;
    }
  }
  const n = r.w * r.h;
  return Math.sqrt(Math.max(0, s2 / n - (s / n) ** 2));
}

export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${JSON.stringify(hex)}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Euclidean distance in 0-255 RGB. */
export function rgbDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Relative luminance (0-1) of an sRGB colour given in 0-255, per WCAG / sRGB. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Mean absolute difference per channel (0-255) between two images of the same size, over the
 * whole image or over a rectangle of it.
 */
export function meanAbsDiff(a: Rgba, b: Rgba, region: Rect = { x: 0, y: 0, w: a.width, h: a.height }): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`images differ in size: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  }
  const r = clip(a, region);
  let s = 0;
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      const i = (y * a.width + x) * 4;
      s += Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
    }
  }
  return s / (r.w * r.h * 3);
}

/**
 * The pixels that differ from a background colour by more than `threshold` (RGB distance):
 * their share of the image, and their centroid and bounding box in pixels.
 */
export function foreground(img: Rgba, background: Rgb, threshold = 40) {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      const d = Math.hypot(img.data[i] - background[0], img.data[i + 1] - background[1], img.data[i + 2] - background[2]);
      if (d > threshold) {
        n++;
        sx += x;
        sy += y;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return {
    share: n / (img.width * img.height),
    centroid: n ? { x: sx / n, y: sy / n } : null,
    box: n ? { x: minX, y: minY, w: maxX - minX + 1, h: maxY - minY + 1 } : null,
  };
}

export const fmt = (c: Rgb) => `rgb(${c.map((v) => v.toFixed(0)).join(', ')})`;

export interface Lch {
  L: number;
  C: number;
  /** Hue angle in degrees, 0-360. */
  h: number;
}

/** CIE L*C*h° (D65) of an sRGB colour given in 0-255. */
export function rgbToLch([r, g, b]: Rgb): Lch {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const R = lin(r);
  const G = lin(g);
  const B = lin(b);
  const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
  const y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const L = 116 * f(y) - 16;
  const A = 500 * (f(x) - f(y));
  const Bb = 200 * (f(y) - f(z));
  return { L, C: Math.hypot(A, Bb), h: ((Math.atan2(Bb, A) * 180) / Math.PI + 360) % 360 };
}

/** Smallest difference between two hue angles, in degrees (0-180). */
export function hueDifference(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}
