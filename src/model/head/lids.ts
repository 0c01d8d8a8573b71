/** Where the lids cover each eyeball, seen from its centre: a small map per eye of the signed
 * distance (mm, + under the lid, - in the opening) to the edge of the lids' opening, made once
 * per head from the skin mesh itself (in the head worker, with the occlusion). The renderer
 * darkens the eyeball near the edge (the lid's and the lashes' shadow: there is no shadow map)
 * and draws the lash line along it.
 *
 * A direction d from the eye's centre maps to texel coordinates (d . right, d . up) in [-1, 1]
 * (an orthographic view of the front hemisphere along the gaze). A direction is covered if a skin
 * triangle lies across it, in front of the ball, within COVER_MM of its surface. */
import type { EyeBall } from './types';

/** Texels across one eye's map: ~0.25 mm on a 12 mm ball. */
export const LID_MAP_TEXELS = 96;
/** Distances are stored clamped to +-this (mm), 0-255 in a byte. */
export const LID_MAP_RANGE_MM = 2;
/** Skin farther than this from the ball does not count as lid (the brow ridge, the nose). */
const COVER_MM = 12;

/** The eye's frame, column-major (as three's Matrix3.elements): right, up, forward (unit). */
export function eyeFrame(eye: EyeBall): number[] {
  const [fx, fy, fz] = eye.forwardDir;
  const fl = Math.hypot(fx, fy, fz) || 1;
  const f = [fx / fl, fy / fl, fz / fl];
  // right = up(0, 1, 0) x forward, normalised; up = forward x right.
  const rl = Math.hypot(f[2], f[0]) || 1;
  const r = [f[2] / rl, 0, -f[0] / rl];
  const u = [f[1] * r[2] - f[2] * r[1], f[2] * r[0] - f[0] * r[2], f[0] * r[1] - f[1] * r[0]];
  return [...r, ...u, ...f];
}

/** Both eyes' maps side by side (left eye first), one byte per texel, rows of 2 n. */
export function lidMap(mesh: { positions: Float32Array; indices: Uint32Array }, eyes: readonly EyeBall[]): Uint8Array {
  const n = LID_MAP_TEXELS;
  const data = new Uint8Array(2 * n * n);
  eyes.slice(0, 2).forEach((eye, k) => {
    const sd = signedDistance(opening(coverage(mesh, eye)), eye.radiusMm);
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++) {
        const v = 0.5 + (0.5 * sd[y * n + x]) / LID_MAP_RANGE_MM;
        data[y * 2 * n + k * n + x] = Math.round(255 * Math.min(1, Math.max(0, v)));
      }
  });
  return data;
}

/** 1 where a direction is covered by skin, rasterised triangle by triangle (each vertex projected
 * once: it is shared by ~6 triangles). */
function coverage({ positions: p, indices }: { positions: Float32Array; indices: Uint32Array }, eye: EyeBall): Uint8Array {
  const n = LID_MAP_TEXELS;
  const cover = new Uint8Array(n * n);
  // Column-major: right = e[0..2], up = e[3..5], forward = e[6..8].
  const e = eyeFrame(eye);
  const [cx, cy, cz] = eye.centerMm;
  const reach2 = (eye.radiusMm + COVER_MM) ** 2;
  const nv = p.length / 3;
  const px = new Float32Array(nv),
    py = new Float32Array(nv);
  const lid = new Uint8Array(nv);
  for (let v = 0; v < nv; v++) {
    const dx = p[3 * v] - cx,
      dy = p[3 * v + 1] - cy,
      dz = p[3 * v + 2] - cz;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 > reach2) continue;
    const d = Math.sqrt(d2);
    if (d < eye.radiusMm - 0.5 || dx * e[6] + dy * e[7] + dz * e[8] < 0.05 * d) continue;
    lid[v] = 1;
    px[v] = (((dx * e[0] + dy * e[1] + dz * e[2]) / d) * 0.5 + 0.5) * n;
    py[v] = (((dx * e[3] + dy * e[4] + dz * e[5]) / d) * 0.5 + 0.5) * n;
  }
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t],
      b = indices[t + 1],
      c = indices[t + 2];
    if (lid[a] && lid[b] && lid[c]) fillTriangle(cover, [px[a], px[b], px[c]], [py[a], py[b], py[c]]);
  }
  return cover;
}

/** The opening: the uncovered directions connected to the gaze; all else counts as covered (far
 * off the gaze, skin beyond COVER_MM is not an opening). 1 = covered, as `coverage`. */
function opening(cover: Uint8Array): Uint8Array {
  const n = LID_MAP_TEXELS;
  const out = new Uint8Array(n * n).fill(1);
  const start = (n >> 1) * n + (n >> 1);
  if (cover[start]) return out;
  const stack = [start];
  out[start] = 0;
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % n,
      y = (i - x) / n;
    for (const j of [x > 0 ? i - 1 : -1, x < n - 1 ? i + 1 : -1, y > 0 ? i - n : -1, y < n - 1 ? i + n : -1])
      if (j >= 0 && out[j] && !cover[j]) {
        out[j] = 0;
        stack.push(j);
      }
  }
  return out;
}

function fillTriangle(cover: Uint8Array, x: number[], y: number[]): void {
  const n = LID_MAP_TEXELS;
  const area = (x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0]);
  if (Math.abs(area) < 1e-9) return;
  const x0 = Math.max(0, Math.floor(Math.min(...x))),
    x1 = Math.min(n - 1, Math.ceil(Math.max(...x)));
  const y0 = Math.max(0, Math.floor(Math.min(...y))),
    y1 = Math.min(n - 1, Math.ceil(Math.max(...y)));
  for (let py = y0; py <= y1; py++)
    for (let px = x0; px <= x1; px++) {
      const qx = px + 0.5,
        qy = py + 0.5;
      const w0 = ((x[1] - qx) * (y[2] - qy) - (x[2] - qx) * (y[1] - qy)) / area;
      const w1 = ((x[2] - qx) * (y[0] - qy) - (x[0] - qx) * (y[2] - qy)) / area;
      if (w0 >= 0 && w1 >= 0 && w0 + w1 <= 1) cover[py * n + px] = 1;
    }
}

/** Signed distance (mm) to the nearest texel of the other kind, searched within the stored range;
 * a texel spans 2 R / n mm near the gaze. */
function signedDistance(cover: Uint8Array, radiusMm: number): Float32Array {
  const n = LID_MAP_TEXELS;
  const mmPerTexel = (2 * radiusMm) / n;
  const k = Math.ceil(LID_MAP_RANGE_MM / mmPerTexel);
  const out = new Float32Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const c = cover[y * n + x];
      let best = k * k + 1;
      for (let dy = -k; dy <= k; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= n) continue;
        for (let dx = -k; dx <= k; dx++) {
          const xx = x + dx;
          const d2 = dx * dx + dy * dy;
          if (xx >= 0 && xx < n && d2 < best && cover[yy * n + xx] !== c) best = d2;
        }
      }
      const d = Math.min(Math.sqrt(best) - 0.5, k) * mmPerTexel;
      out[y * n + x] = c ? d : -d;
    }
  return out;
}
