/** Pictures compared in CIELAB: what the sessions change in a view (the same view drawn with the
 * sessions shown and hidden), how much they darken it, and how grainy the change is. */
import type { Rgba } from './png';

export interface LabImage {
  width: number;
  height: number;
  L: Float32Array;
  a: Float32Array;
  b: Float32Array;
}

const lin = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);

/** CIELAB (D65) of every pixel of an sRGB picture. */
export function toLab(img: Rgba): LabImage {
  const n = img.width * img.height;
  const out = { width: img.width, height: img.height, L: new Float32Array(n), a: new Float32Array(n), b: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    const R = lin(img.data[4 * i]),
      G = lin(img.data[4 * i + 1]),
      B = lin(img.data[4 * i + 2]);
    const x = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047);
    const y = f(0.2126 * R + 0.7152 * G + 0.0722 * B);
    const z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
    out.L[i] = 116 * y - 16;
    out.a[i] = 500 * (x - y);
    out.b[i] = 200 * (y - z);
  }
  return out;
}

/** Box mean over (2r+1)² pixels: what the eye makes of detail it cannot resolve. */
export function blur(img: LabImage, r: number): LabImage {
  const { width: w, height: h } = img;
  const one = (src: Float32Array) => {
    const tmp = new Float32Array(src.length),
      out = new Float32Array(src.length);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let s = 0,
          n = 0;
        for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++, n++) s += src[y * w + k];
        tmp[y * w + x] = s / n;
      }
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let s = 0,
          n = 0;
        for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++, n++) s += tmp[k * w + x];
        out[y * w + x] = s / n;
      }
    return out;
  };
  return { width: w, height: h, L: one(img.L), a: one(img.a), b: one(img.b) };
}

export interface Change {
  /** Pixels whose local mean colour changed by more than 1.5 (CIE76), as a share of the picture. */
  share: number;
  /** Mean lightness lost there (L*). */
  darkenL: number;
  /** Mean |L*| difference between neighbouring pixels there, with the change and without it. */
  grainWith: number;
  grainWithout: number;
  mask: Uint8Array;
}

/** Where and how `withIt` differs from `without`, judged on local means (a 5x5 box) so that
 * the grain of the dots does not decide where the zone is, then the grain measured inside it. */
export function change(withIt: Rgba, without: Rgba, minDeltaE = 1.5): Change {
  const a = toLab(withIt),
    b = toLab(without);
  const ma = blur(a, 2),
    mb = blur(b, 2);
  const n = a.L.length;
  const mask = new Uint8Array(n);
  let count = 0,
    dl = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.hypot(ma.L[i] - mb.L[i], ma.a[i] - mb.a[i], ma.b[i] - mb.b[i]);
    if (d > minDeltaE) {
      mask[i] = 1;
      count++;
      dl += mb.L[i] - ma.L[i];
    }
  }
  const { width: w } = a;
  let gw = 0,
    go = 0,
    gn = 0;
  for (let i = 0; i < n - 1; i++) {
    if ((i + 1) % w === 0 || !mask[i] || !mask[i + 1]) continue;
    gw += Math.abs(a.L[i] - a.L[i + 1]);
    go += Math.abs(b.L[i] - b.L[i + 1]);
    gn++;
  }
  return { share: count / n, darkenL: count ? dl / count : 0, grainWith: gn ? gw / gn : 0, grainWithout: gn ? go / gn : 0, mask };
}

/** Mean |L*| difference between neighbouring pixels (left-right) inside a mask: the grain. */
export function grainIn(img: Rgba, mask: Uint8Array): number {
  const lab = toLab(img),
    w = img.width;
  let s = 0,
    n = 0;
  for (let i = 0; i < mask.length - 1; i++) {
    if ((i + 1) % w === 0 || !mask[i] || !mask[i + 1]) continue;
    s += Math.abs(lab.L[i] - lab.L[i + 1]);
    n++;
  }
  return n ? s / n : 0;
}

/** Mean lightness lost (L*) from `without` to `withIt` over a mask, on local means. */
export function darkeningIn(withIt: Rgba, without: Rgba, mask: Uint8Array): number {
  const a = blur(toLab(withIt), 2),
    b = blur(toLab(without), 2);
  let s = 0,
    n = 0;
  for (let i = 0; i < mask.length; i++)
    if (mask[i]) {
      s += b.L[i] - a.L[i];
      n++;
    }
  return n ? s / n : 0;
}

export const describe = (c: Change) =>
  `${(100 * c.share).toFixed(2)} % of pixels, ${c.darkenL.toFixed(1)} L* darker, grain ${c.grainWith.toFixed(2)} vs ${c.grainWithout.toFixed(2)} L* (x${(c.grainWith / Math.max(c.grainWithout, 1e-6)).toFixed(1)})`;

/** Share of the light (CIE Y) lost from `without` to `withIt` over a mask. */
export function luminanceLoss(withIt: Rgba, without: Rgba, mask: Uint8Array): number {
  const a = toLab(withIt),
    b = toLab(without);
  const y = (L: number) => ((L + 16) / 116) ** 3;
  let ya = 0,
    yb = 0;
  for (let i = 0; i < mask.length; i++)
    if (mask[i]) {
      ya += y(a.L[i]);
      yb += y(b.L[i]);
    }
  return yb > 0 ? 1 - ya / yb : 0;
}
