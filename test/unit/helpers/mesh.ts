/** Measurements on triangle meshes for the tests: slicing, closedness, volume, distances. */

export type V3 = [number, number, number];

/** Perimeters (mm) of the closed loops where the plane through `point` with normal `normal`
 * cuts the mesh, longest first. Each crossing point is named by the mesh edge it lies on, so
 * the segments of neighbouring triangles chain into loops exactly. */
export function slicePerimeters(positions: Float32Array, indices: Uint32Array, point: V3, normal: V3): number[] {
  const nv = positions.length / 3;
  const side = new Float64Array(nv);
  for (let v = 0; v < nv; v++) {
    side[v] = (positions[3 * v] - point[0]) * normal[0] + (positions[3 * v + 1] - point[1]) * normal[1] + (positions[3 * v + 2] - point[2]) * normal[2];
  }
  const key = (a: number, b: number) => (a < b ? a * nv + b : b * nv + a);
  const crossing = new Map<number, V3>();
  const cross = (a: number, b: number): number => {
    const k = key(a, b);
    if (!crossing.has(k)) {
      const t = side[a] / (side[a] - side[b]);
      crossing.set(k, [
        positions[3 * a] + (positions[3 * b] - positions[3 * a]) * t,
        positions[3 * a + 1] + (positions[3 * b + 1] - positions[3 * a + 1]) * t,
        positions[3 * a + 2] + (positions[3 * b + 2] - positions[3 * a + 2]) * t,
      ]);
    }
    return k;
  };
  const links = new Map<number, number[]>();
  const link = (p: number, q: number) => {
    if (!links.has(p)) links.set(p, []);
    if (!links.has(q)) links.set(q, []);
    links.get(p)!.push(q);
    links.get(q)!.push(p);
  };
  for (let t = 0; t < indices.length; t += 3) {
    const tri = [indices[t], indices[t + 1], indices[t + 2]];
    const ends: number[] = [];
    for (let e = 0; e < 3; e++) {
      const a = tri[e];
      const b = tri[(e + 1) % 3];
      if (side[a] >= 0 !== side[b] >= 0) ends.push(cross(a, b));
    }
    if (ends.length === 2) link(ends[0], ends[1]);
  }
  const seen = new Set<number>();
  const perimeters: number[] = [];
  for (const start of links.keys()) {
    if (seen.has(start)) continue;
    let prev = -1;
    let cur = start;
    let length = 0;
    for (;;) {
      seen.add(cur);
      const next = links.get(cur)!.find((n) => n !== prev && (!seen.has(n) || n === start)) ?? -1;
      if (next < 0) break;
      const a = crossing.get(cur)!;
      const b = crossing.get(next)!;
      length += Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
      if (next === start) break;
      prev = cur;
      cur = next;
    }
    perimeters.push(length);
  }
  return perimeters.sort((a, b) => b - a);
}

/** How many edges are used by 1, 2, 3... triangles. */
export function edgeUseHistogram(indices: Uint32Array, vertexCount: number): Map<number, number> {
  const uses = new Map<number, number>();
  for (let t = 0; t < indices.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const a = indices[t + e];
      const b = indices[t + ((e + 1) % 3)];
      const k = a < b ? a * vertexCount + b : b * vertexCount + a;
      uses.set(k, (uses.get(k) ?? 0) + 1);
    }
  }
  const histogram = new Map<number, number>();
  for (const n of uses.values()) histogram.set(n, (histogram.get(n) ?? 0) + 1);
  return histogram;
}

/** Signed volume (mm^3) by the divergence theorem: positive when faces wind outward. */
export function signedVolume(positions: Float32Array, indices: Uint32Array): number {
  let sum = 0;
  const p = positions;
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * indices[t],
      b = 3 * indices[t + 1],
      c = 3 * indices[t + 2];
    sum += p[a] * (p[b + 1] * p[c + 2] - p[b + 2] * p[c + 1]) - p[a + 1] * (p[b] * p[c + 2] - p[b + 2] * p[c]) + p[a + 2] * (p[b] * p[c + 1] - p[b + 1] * p[c]);
  }
  return sum / 6;
}

/** Share of faces whose winding normal agrees with the mean of their vertex normals. */
export function windingAgreement(positions: Float32Array, normals: Float32Array, indices: Uint32Array): number {
  const p = positions,
    n = normals;
  let agree = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * indices[t],
      b = 3 * indices[t + 1],
      c = 3 * indices[t + 2];
    const ux = p[b] - p[a],
      uy = p[b + 1] - p[a + 1],
      uz = p[b + 2] - p[a + 2];
    const vx = p[c] - p[a],
      vy = p[c + 1] - p[a + 1],
      vz = p[c + 2] - p[a + 2];
    const fx = uy * vz - uz * vy,
      fy = uz * vx - ux * vz,
      fz = ux * vy - uy * vx;
    const mx = n[a] + n[b] + n[c],
      my = n[a + 1] + n[b + 1] + n[c + 1],
      mz = n[a + 2] + n[b + 2] + n[c + 2];
    if (fx * mx + fy * my + fz * mz > 0) agree++;
  }
  return agree / (indices.length / 3);
}

/** Distance (mm) from a point to the nearest triangle of the mesh (brute force, with a box cut). */
export function distanceToMesh(positions: Float32Array, indices: Uint32Array, q: V3, cutoffMm = 5): number {
  let best = Infinity;
  const p = positions;
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * indices[t],
      b = 3 * indices[t + 1],
      c = 3 * indices[t + 2];
    let skip = false;
    for (let k = 0; k < 3 && !skip; k++) {
      const lo = Math.min(p[a + k], p[b + k], p[c + k]);
      const hi = Math.max(p[a + k], p[b + k], p[c + k]);
      if (q[k] < lo - cutoffMm || q[k] > hi + cutoffMm) skip = true;
    }
    if (skip) continue;
    best = Math.min(best, pointTriangle(q, [p[a], p[a + 1], p[a + 2]], [p[b], p[b + 1], p[b + 2]], [p[c], p[c + 1], p[c + 2]]));
  }
  return best;
}

const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Euclidean distance from p to triangle abc (Ericson, Real-Time Collision Detection 5.1.5). */
export function pointTriangle(p: V3, a: V3, b: V3, c: V3): number {
  const ab = sub(b, a),
    ac = sub(c, a),
    ap = sub(p, a);
  const d1 = dot(ab, ap),
    d2 = dot(ac, ap);
  const at = (q: V3) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  if (d1 <= 0 && d2 <= 0) return at(a);
  const bp = sub(p, b);
  const d3 = dot(ab, bp),
    d4 = dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return at(b);
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const v = d1 / (d1 - d3);
    return at([a[0] + ab[0] * v, a[1] + ab[1] * v, a[2] + ab[2] * v]);
  }
  const cp = sub(p, c);
  const d5 = dot(ab, cp),
    d6 = dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return at(c);
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const w = d2 / (d2 - d6);
    return at([a[0] + ac[0] * w, a[1] + ac[1] * w, a[2] + ac[2] * w]);
  }
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
    return at([b[0] + (c[0] - b[0]) * w, b[1] + (c[1] - b[1]) * w, b[2] + (c[2] - b[2]) * w]);
  }
  const denom = 1 / (va + vb + vc);
  const v = vb * denom,
    w = vc * denom;
  return at([a[0] + ab[0] * v + ac[0] * w, a[1] + ab[1] * v + ac[1] * w, a[2] + ab[2] * v + ac[2] * w]);
}

/** Area (mm^2) of triangle (a, b, c), given by vertex indices into xyz positions. */
export function triangleArea(positions: Float32Array, a: number, b: number, c: number): number {
  const p = positions;
  const ux = p[3 * b] - p[3 * a],
    uy = p[3 * b + 1] - p[3 * a + 1],
    uz = p[3 * b + 2] - p[3 * a + 2];
  const vx = p[3 * c] - p[3 * a],
    vy = p[3 * c + 1] - p[3 * a + 1],
    vz = p[3 * c + 2] - p[3 * a + 2];
  return 0.5 * Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx);
}

/** The q-quantile (0..1) of the values, interpolated linearly between ranks. */
export function quantile(values: ArrayLike<number>, q: number): number {
  let sorted = Array.from(values);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] < sorted[i - 1]) {
      sorted = sorted.sort((x, y) => x - y);
      break;
    }
  }
  if (sorted.length === 0) return NaN;
  const r = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const i = Math.floor(r);
  const j = Math.min(sorted.length - 1, i + 1);
  return sorted[i] + (sorted[j] - sorted[i]) * (r - i);
}
