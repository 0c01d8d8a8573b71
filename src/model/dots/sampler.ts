import type { ScalpSurface } from '../scalp/surface';
import { CROSS, FREE, GHOST, SELF, PointGrid } from './pointGrid';
import type { Rng } from '../rng';

/** How one layer is sampled. */
export interface LayerPass {
  layer: number;
  /** Poisson-disk radius between dots of this layer where coverage is full (mm). */
  radiusMm: number;
  /** Smallest spacing irregularity may shrink the radius to (dots must not merge). */
  minRadiusMm: number;
  /** 0: pure blue noise; 1: spacing varies down to minRadiusMm. */
  irregularity: number;
  /** Minimum distance to an earlier layer k's dots (mm), indexed by k. */
  crossMm: Float64Array;
  /** Share of full density wanted at the point last projected (0..1). */
  coverage: (s: ScalpSurface) => number;
}

export interface SampleBounds {
  /** Only accept points within this distance of (x, y, z); used by pilot runs. */
  center?: [number, number, number];
  radiusMm?: number;
}

/** Candidates tried around an active point before it is retired. Seven, evenly spread from a
 * random start, packs densely without the hexagonal order that six would lock into. */
const TRIES = 7;
const COS_STEP = Math.cos((2 * Math.PI) / TRIES);
const SIN_STEP = Math.sin((2 * Math.PI) / TRIES);
/** Two unit tangents (t, b) orthogonal to the unit normal n, into out[0..5]. */
function tangentFrame(nx: number, ny: number, nz: number, out: Float64Array): void {
  let tx = 0,
    ty = nz,
    tz = -ny;
  if (Math.abs(nx) >= 0.9) {
    tx = -nz;
    ty = 0;
    tz = nx;
  }
  const tl = 1 / Math.sqrt(tx * tx + ty * ty + tz * tz);
  tx *= tl;
  ty *= tl;
  tz *= tl;
  out[0] = tx;
  out[1] = ty;
  out[2] = tz;
  out[3] = ny * tz - nz * ty;
  out[4] = nz * tx - nx * tz;
  out[5] = nx * ty - ny * tx;
}
const frame = new Float64Array(6);

/** Tries, and how far (in disk radii), to move a candidate into a gap between earlier dots. */
const RELOCATE_TRIES = 16;
const RELOCATE_REACH = 0.5;
/** Safety margin for checking candidates before they are projected onto the surface (mm). */
const PAD_MM = 0.002;

/**
 * Blue noise on the scalp, measured in 3D: Bridson's active-list sampler run on the surface.
 * Candidates are thrown in the tangent plane of an active dot at just over the disk radius
 * (Roberts' variant, which packs tighter and needs fewer tries), pulled onto the surface through
 * the chart grid and kept when no dot is nearer than the radius (3D distance). Coverage below 1
 * (hairline feathering) thins the accepted points at random, and points too near an earlier
 * session's dots are dropped: both stay as ghosts that keep their space, so the front moves on
 * and feathered zones stay free of clumps. Returns the number of points added.
 */
export function sampleLayer(surface: ScalpSurface, grid: PointGrid, pass: LayerPass, seeds: Float32Array, rng: Rng, bounds: SampleBounds = {}, onProgress?: (added: number) => void): number {
  const { layer, irregularity } = pass;
  const r0 = pass.radiusMm;
  const rMin = Math.min(pass.minRadiusMm, r0);
  let reach = r0;
  for (let k = 0; k < pass.crossMm.length; k++) reach = Math.max(reach, pass.crossMm[k]);
  const padded = pass.crossMm.map((c) => c + PAD_MM);
  const padReach = reach + PAD_MM;
  const bc = bounds.center;
  const br2 = bounds.radiusMm !== undefined ? bounds.radiusMm * bounds.radiusMm : Infinity;
  const start = grid.count;
  let active = new Int32Array(65536);
  let nActive = 0;
  /** Per point added here (index - start): the active point it was placed from, or -1. */
  let parentOf = new Int32Array(65536);
  let currentParent = -1;

  /** Adds a candidate whose pre-check (against radii padded by PAD_MM, before projection)
   * gave `pre`: candidates start within micrometres of the surface, so most are rejected
   * before the dearer projection; the projection then moves them less than the padding, or
   * they are checked again. Returns the new point's index, or -1. */
  const tryAdd = (x: number, y: number, z: number, r: number, pre: number): number => {
    let block = pre;
    if (!surface.project(x, y, z)) return -1;
    const px = surface.x,
      py = surface.y,
      pz = surface.z;
    const mx = px - x,
      my = py - y,
      mz = pz - z;
    if (mx * mx + my * my + mz * mz > PAD_MM * PAD_MM || block === CROSS) {
      block = grid.blocked(px, py, pz, layer, r, pass.crossMm, reach);
      if (block === SELF) return -1;
    }
    if (bc) {
      const dx = px - bc[0],
        dy = py - bc[1],
        dz = pz - bc[2];
      if (dx * dx + dy * dy + dz * dz > br2) return -1;
    }
    let cov = pass.coverage(surface);
    if (cov <= 0) return -1;
    if (block === CROSS && relocate(r)) {
      block = FREE;
      cov = pass.coverage(surface);
    }
    // Still too close to an earlier session's dot, or thinned out by coverage: a ghost keeps
    // the space (and the front moving) without becoming a dot.
    const tag = block === FREE && (cov >= 1 || rng.next() < cov) ? layer : layer | GHOST;
    const i = grid.add(surface.x, surface.y, surface.z, surface.nx, surface.ny, surface.nz, surface.theta, surface.phi, tag);
    if (nActive === active.length) {
      const bigger = new Int32Array(active.length * 2);
      bigger.set(active);
      active = bigger;
    }
    active[nActive++] = i;
    if (i - start >= parentOf.length) {
      const bigger = new Int32Array(parentOf.length * 2);
      bigger.set(parentOf);
      parentOf = bigger;
    }
    parentOf[i - start] = currentParent;
    return i;
  };

  /** Looks for a free spot in the gaps near the last projected point, for a candidate that an
   * earlier session's dot blocks: so later sessions keep their own density wherever earlier
   * ones are (denser or sparser), instead of losing dots to them. Leaves the surface at the
   * spot found, or anywhere when it returns false. */
  const relocate = (r: number): boolean => {
    const cx = surface.x,
      cy = surface.y,
      cz = surface.z;
    tangentFrame(surface.nx, surface.ny, surface.nz, frame);
    const [tx, ty, tz, bx, by, bz] = frame;
    for (let m = 0; m < RELOCATE_TRIES; m++) {
      const a = rng.next() * 2 * Math.PI,
        d = RELOCATE_REACH * r * Math.sqrt(rng.next());
      const c = Math.cos(a) * d,
        sn = Math.sin(a) * d;
      if (!surface.project(cx + tx * c + bx * sn, cy + ty * c + by * sn, cz + tz * c + bz * sn)) continue;
      if (pass.coverage(surface) <= 0) continue;
      if (grid.blocked(surface.x, surface.y, surface.z, layer, r, pass.crossMm, reach) === FREE) return true;
    }
    surface.project(cx, cy, cz);
    return false;
  };

  for (let s = 0; s < seeds.length; s += 3) {
    const pre = grid.blocked(seeds[s], seeds[s + 1], seeds[s + 2], layer, r0 + PAD_MM, padded, padReach);
    if (pre !== SELF) tryAdd(seeds[s], seeds[s + 1], seeds[s + 2], r0, pre);
  }

  let sinceReport = 0;
  // Each active dot sweeps its circle once, keeping every candidate that fits, then retires:
  // TRIES candidates per dot in all, and the front grows breadth-first.
  for (let head = 0; head < nActive; head++) {
    const i = active[head];
    const px = grid.pos[4 * i],
      py = grid.pos[4 * i + 1],
      pz = grid.pos[4 * i + 2];
    tangentFrame(grid.normals[3 * i], grid.normals[3 * i + 1], grid.normals[3 * i + 2], frame);
    const tx = frame[0],
      ty = frame[1],
      tz = frame[2],
      bx = frame[3],
      by = frame[4],
      bz = frame[5];
    // The dot this one was placed from blocks the candidates on its side: checking it first
    // spares those the grid query.
    const q = parentOf[i - start];
    const qx = q >= 0 ? grid.pos[4 * q] : 0,
      qy = q >= 0 ? grid.pos[4 * q + 1] : 0,
      qz = q >= 0 ? grid.pos[4 * q + 2] : 0;
    currentParent = i;
    const angle0 = rng.next() * 2 * Math.PI;
    let ux = Math.cos(angle0),
      uy = Math.sin(angle0);
    let skip = false;
    for (let t = 0; t < TRIES; t++) {
      if (t > 0) {
        const rx = ux * COS_STEP - uy * SIN_STEP;
        uy = uy * COS_STEP + ux * SIN_STEP;
        ux = rx;
      }
      // Two neighbouring candidates are 0.88 r apart: once one is taken, the next cannot be.
      if (skip) {
        skip = false;
        continue;
      }
      const r = irregularity > 0 ? r0 - (r0 - rMin) * irregularity * rng.next() : r0;
      // Just over r (and clear of the pre-check's padding): the candidate is pulled slightly
      // inward when projected onto the curved surface.
      const dist = r * 1.01 + 2 * PAD_MM;
      const c = ux * dist,
        s = uy * dist;
      const x = px + tx * c + bx * s,
        y = py + ty * c + by * s,
        z = pz + tz * c + bz * s;
      const rp = r + PAD_MM;
      if (q >= 0) {
        const dx = x - qx,
          dy = y - qy,
          dz = z - qz;
        if (dx * dx + dy * dy + dz * dz < rp * rp) continue;
      }
      const pre = grid.blocked(x, y, z, layer, rp, padded, padReach);
      if (pre !== SELF && tryAdd(x, y, z, r, pre) >= 0) skip = irregularity === 0;
    }
    if (onProgress && ++sinceReport === 65536) {
      sinceReport = 0;
      onProgress(grid.count - start);
    }
  }
  return grid.count - start;
}
