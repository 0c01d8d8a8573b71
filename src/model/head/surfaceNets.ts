/** Surface nets on a sparse narrow band: one vertex per grid cell that the surface crosses, one
 * quad per crossed grid edge. Only blocks of 4x4x4 cells near the surface are visited (found
 * coarse to fine, then grown along the surface so no crossing is missed), which keeps the cost
 * proportional to the surface area, not the volume. Vertices are then projected onto the zero
 * set by Newton steps and given normals from the SDF gradient. The grid may be graded (cells
 * growing below a height, see grading.ts): one grid under a smooth map, so still watertight. */
import { GridMap, type Grading } from './grading';

export type Sdf = (x: number, y: number, z: number) => number;

export interface MeshBox {
  minMm: [number, number, number];
  maxMm: [number, number, number];
}

export interface SdfMesh {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
}

const B = 4; // cells per block side
const B3 = B * B * B;

class GrowF64 {
  a = new Float64Array(1 << 16);
  n = 0;
  push3(x: number, y: number, z: number): void {
    if (this.n + 3 > this.a.length) this.grow();
    this.a[this.n++] = x;
    this.a[this.n++] = y;
    this.a[this.n++] = z;
  }
  private grow(): void {
    const b = new Float64Array(this.a.length * 2);
    b.set(this.a);
    this.a = b;
  }
}

class GrowU32 {
  a = new Uint32Array(1 << 16);
  n = 0;
  push4(p: number, q: number, r: number, s: number): void {
    if (this.n + 4 > this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = p;
    this.a[this.n++] = q;
    this.a[this.n++] = r;
    this.a[this.n++] = s;
  }
}

export function meshSdf(f: Sdf, box: MeshBox, cellMm: number, grading: Grading | null = null): SdfMesh {
  const h = cellMm;
  const map = new GridMap(grading);
  const zc = grading ? grading.centerZMm : 0;
  // Grid coordinates (mm before the map); the map only widens cells, so x and z are covered.
  const [x0, , z0] = box.minMm;
  const y0 = map.etaAt(box.minMm[1]);
  const nx = Math.ceil((box.maxMm[0] - x0) / h);
  const ny = Math.ceil((box.maxMm[1] - y0) / h);
  const nz = Math.ceil((box.maxMm[2] - z0) / h);
  // Height and cell scale of each grid row.
  const rowY = new Float64Array(ny + 2);
  const rowS = new Float64Array(ny + 2);
  for (let j = 0; j < ny + 2; j++) {
    rowY[j] = map.yAt(y0 + j * h);
    rowS[j] = map.scaleAt(y0 + j * h);
  }
  /** The point of grid coordinates (i, j, k), in cells (fractional allowed), into `out`. */
  const point = (i: number, j: number, k: number, out: Float64Array): void => {
    const eta = y0 + j * h;
    const sc = map.scaleAt(eta);
    out[0] = (x0 + i * h) * sc;
    out[1] = map.yAt(eta);
    out[2] = zc + (z0 + k * h - zc) * sc;
  };
  const nbx = (nx >> 2) + 1;
  const nby = (ny >> 2) + 1;
  const nbz = (nz >> 2) + 1;
  const blockSlot = new Int32Array(nbx * nby * nbz).fill(-1);
  const blockState = new Uint8Array(nbx * nby * nbz); // 0 new, 1 queued/processed
  let values = new Float32Array(B3 * 1024).fill(NaN);
  let cellVertex = new Int32Array(B3 * 1024).fill(-1);
  let slots = 0;

  const slotOf = (bi: number, bj: number, bk: number): number => {
    const b = (bk * nby + bj) * nbx + bi;
    let s = blockSlot[b];
    if (s < 0) {
      s = slots++;
      blockSlot[b] = s;
      if (slots * B3 > values.length) {
        const v = new Float32Array(values.length * 2).fill(NaN);
        v.set(values);
        values = v;
        const c = new Int32Array(cellVertex.length * 2).fill(-1);
        c.set(cellVertex);
        cellVertex = c;
      }
    }
    return s;
  };

  const value = (i: number, j: number, k: number): number => {
    const idx = slotOf(i >> 2, j >> 2, k >> 2) * B3 + (((k & 3) * B + (j & 3)) * B + (i & 3));
    let v = values[idx];
    if (v !== v) {
      const sc = rowS[j];
      v = f((x0 + i * h) * sc, rowY[j], zc + (z0 + k * h - zc) * sc);
      values[idx] = v;
    }
    return v;
  };

  // Coarse to fine: super-blocks of 4^3 blocks, then blocks, kept where the surface may pass.
  const queue: number[] = [];
  const enqueue = (bi: number, bj: number, bk: number): void => {
    if (bi < 0 || bj < 0 || bk < 0 || bi >= nbx || bj >= nby || bk >= nbz) return;
    const b = (bk * nby + bj) * nbx + bi;
    if (blockState[b]) return;
    blockState[b] = 1;
    queue.push(b);
  };
  // The distance at a box's centre against the box's reach: its farthest corner from the centre.
  // The margin covers distance bounds that overstate a little; a crossing outside the band is
  // still found, as the band grows to any block a quad reaches.
  const centre = new Float64Array(3);
  const cornerP = new Float64Array(3);
  const nearSurface = (i: number, j: number, k: number, cells: number, margin: number, extra: number): boolean => {
    const half = 0.5 * cells;
    point(i + half, j + half, k + half, centre);
    let r2 = 0;
    for (let c = 0; c < 8; c++) {
      point(i + (c & 1) * cells, j + ((c >> 1) & 1) * cells, k + ((c >> 2) & 1) * cells, cornerP);
      const dx = cornerP[0] - centre[0],
        dy = cornerP[1] - centre[1],
        dz = cornerP[2] - centre[2];
      r2 = Math.max(r2, dx * dx + dy * dy + dz * dz);
    }
    const reach = Math.sqrt(r2) * margin + extra * h * map.scaleAt(y0 + (j + half) * h);
    return Math.abs(f(centre[0], centre[1], centre[2])) <= reach;
  };
  for (let sk = 0; sk * B < nbz; sk++) {
    for (let sj = 0; sj * B < nby; sj++) {
      for (let si = 0; si * B < nbx; si++) {
        if (!nearSurface(si * B * B, sj * B * B, sk * B * B, B * B, 1.2, 1)) continue;
        for (let bk = sk * B; bk < sk * B + B && bk < nbz; bk++) {
          for (let bj = sj * B; bj < sj * B + B && bj < nby; bj++) {
            for (let bi = si * B; bi < si * B + B && bi < nbx; bi++) {
              if (nearSurface(bi * B, bj * B, bk * B, B, 1.1, 0.5)) enqueue(bi, bj, bk);
            }
          }
        }
      }
    }
  }

  const pos = new GrowF64();
  const vp = new Float64Array(3);
  const quads = new GrowU32();

  // The vertex of cell (i, j, k): mean of the edge crossings.
  const EDGES = [0, 1, 2, 3, 4, 5, 6, 7, 0, 2, 1, 3, 4, 6, 5, 7, 0, 4, 1, 5, 2, 6, 3, 7];
  const corner = new Float64Array(8);
  const vertexOf = (i: number, j: number, k: number): number => {
    const idx = slotOf(i >> 2, j >> 2, k >> 2) * B3 + (((k & 3) * B + (j & 3)) * B + (i & 3));
    let v = cellVertex[idx];
    if (v >= 0) return v;
    // A crossing cell outside the band found so far: visit its block too.
    enqueue(i >> 2, j >> 2, k >> 2);
    for (let c = 0; c < 8; c++) corner[c] = value(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1));
    let sx = 0,
      sy = 0,
      sz = 0,
      count = 0;
    for (let e = 0; e < 24; e += 2) {
      const a = EDGES[e];
      const b = EDGES[e + 1];
      const va = corner[a];
      const vb = corner[b];
      if (va < 0 === vb < 0) continue;
      const t = va / (va - vb);
      sx += (a & 1) + ((b & 1) - (a & 1)) * t;
      sy += ((a >> 1) & 1) + (((b >> 1) & 1) - ((a >> 1) & 1)) * t;
      sz += ((a >> 2) & 1) + (((b >> 2) & 1) - ((a >> 2) & 1)) * t;
      count++;
    }
    v = pos.n / 3;
    point(i + sx / count, j + sy / count, k + sz / count, vp);
    pos.push3(vp[0], vp[1], vp[2]);
    // The slot array may have grown while evaluating corners.
    cellVertex[slotOf(i >> 2, j >> 2, k >> 2) * B3 + (((k & 3) * B + (j & 3)) * B + (i & 3))] = v;
    return v;
  };

  // Each grid edge belongs to its lower node; a crossed edge gives the quad of its four cells,
  // wound counter-clockwise seen from outside (the side where the SDF is positive).
  for (let q = 0; q < queue.length; q++) {
    const b = queue[q];
    const bi = b % nbx;
    const bj = Math.floor(b / nbx) % nby;
    const bk = Math.floor(b / (nbx * nby));
    for (let lk = 0; lk < B; lk++) {
      const k = bk * B + lk;
      if (k < 1 || k >= nz) continue;
      for (let lj = 0; lj < B; lj++) {
        const j = bj * B + lj;
        if (j < 1 || j >= ny) continue;
        for (let li = 0; li < B; li++) {
          const i = bi * B + li;
          if (i < 1 || i >= nx) continue;
          const inside = value(i, j, k) < 0;
          if (inside !== value(i + 1, j, k) < 0) {
            const a = vertexOf(i, j - 1, k - 1),
              bb = vertexOf(i, j, k - 1),
              c = vertexOf(i, j, k),
              d = vertexOf(i, j - 1, k);
            if (inside) quads.push4(a, bb, c, d);
            else quads.push4(a, d, c, bb);
          }
          if (inside !== value(i, j + 1, k) < 0) {
            const a = vertexOf(i - 1, j, k - 1),
              bb = vertexOf(i - 1, j, k),
              c = vertexOf(i, j, k),
              d = vertexOf(i, j, k - 1);
            if (inside) quads.push4(a, bb, c, d);
            else quads.push4(a, d, c, bb);
          }
          if (inside !== value(i, j, k + 1) < 0) {
            const a = vertexOf(i - 1, j - 1, k),
              bb = vertexOf(i, j - 1, k),
              c = vertexOf(i, j, k),
              d = vertexOf(i - 1, j, k);
            if (inside) quads.push4(a, bb, c, d);
            else quads.push4(a, d, c, bb);
          }
        }
      }
    }
  }

  const vertexCount = pos.n / 3;
  const p = pos.a;
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  const g = new Float64Array(4);
  for (let v = 0; v < vertexCount; v++) {
    let x = p[3 * v],
      y = p[3 * v + 1],
      z = p[3 * v + 2];
    // Newton steps onto the zero set, each no longer than a cell. The start is within a fraction
    // of a cell, so two steps reach ~1e-4 mm; the last gradient serves as the normal.
    const cell = grading && y < grading.startYMm ? h * map.scaleAt(map.etaAt(y)) : h;
    for (let it = 0; it < 2; it++) {
      gradient(f, x, y, z, g);
      const g2 = g[0] * g[0] + g[1] * g[1] + g[2] * g[2];
      if (g2 < 1e-12) break;
      let sx = (g[3] * g[0]) / g2,
        sy = (g[3] * g[1]) / g2,
        sz = (g[3] * g[2]) / g2;
      const len = Math.sqrt(sx * sx + sy * sy + sz * sz);
      if (len > cell) {
        sx *= cell / len;
        sy *= cell / len;
        sz *= cell / len;
      }
      x -= sx;
      y -= sy;
      z -= sz;
    }
    const gl = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]) || 1;
    positions[3 * v] = x;
    positions[3 * v + 1] = y;
    positions[3 * v + 2] = z;
    normals[3 * v] = g[0] / gl;
    normals[3 * v + 1] = g[1] / gl;
    normals[3 * v + 2] = g[2] / gl;
  }

  // Split each quad along its shorter diagonal.
  const quadCount = quads.n / 4;
  const indices = new Uint32Array(quadCount * 6);
  const qa = quads.a;
  for (let q = 0; q < quadCount; q++) {
    const a = qa[4 * q],
      b = qa[4 * q + 1],
      c = qa[4 * q + 2],
      d = qa[4 * q + 3];
    const o = 6 * q;
    if (dist2(positions, a, c) <= dist2(positions, b, d)) {
      indices[o] = a;
      indices[o + 1] = b;
      indices[o + 2] = c;
      indices[o + 3] = a;
      indices[o + 4] = c;
      indices[o + 5] = d;
    } else {
      indices[o] = a;
      indices[o + 1] = b;
      indices[o + 2] = d;
      indices[o + 3] = b;
      indices[o + 4] = c;
      indices[o + 5] = d;
    }
  }
  return { positions, normals, indices };
}

/** Gradient by the four-point tetrahedral stencil; out[3] is the value (mean of the taps). */
export function gradient(f: Sdf, x: number, y: number, z: number, out: Float64Array): void {
  const e = 0.02;
  const a = f(x + e, y - e, z - e);
  const b = f(x - e, y - e, z + e);
  const c = f(x - e, y + e, z - e);
  const d = f(x + e, y + e, z + e);
  const s = 1 / (4 * e);
  out[0] = (a - b - c + d) * s;
  out[1] = (-a - b + c + d) * s;
  out[2] = (-a + b - c + d) * s;
  out[3] = 0.25 * (a + b + c + d);
}

function dist2(p: Float32Array, a: number, b: number): number {
  const dx = p[3 * a] - p[3 * b],
    dy = p[3 * a + 1] - p[3 * b + 1],
    dz = p[3 * a + 2] - p[3 * b + 2];
  return dx * dx + dy * dy + dz * dz;
}
