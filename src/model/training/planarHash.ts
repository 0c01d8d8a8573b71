/**
 * Neighbour queries for scoring: points are bucketed by their planar (u, v) in the region's
 * tangent frame (a counting sort into one flat array, no per-point allocation) and distances are
 * measured in 3D. The 3D distance is never less than the planar one, so a ring of cells at
 * planar distance d holds nothing nearer than d, which bounds every search.
 */
export class PlanarHash {
  private readonly u0: number;
  private readonly v0: number;
  private readonly inv: number;
  private readonly nu: number;
  private readonly nv: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  /** Index of the point the last nearest() found, or -1. */
  lastIndex = -1;

  constructor(
    u: Float32Array,
    v: Float32Array,
    private readonly xyz: Float32Array,
    count: number,
    uMin: number,
    vMin: number,
    uMax: number,
    vMax: number,
    readonly cellMm: number,
  ) {
    this.u0 = uMin;
    this.v0 = vMin;
    this.inv = 1 / cellMm;
    this.nu = Math.max(1, Math.ceil((uMax - uMin) * this.inv));
    this.nv = Math.max(1, Math.ceil((vMax - vMin) * this.inv));
    const cells = this.nu * this.nv;
    this.start = new Int32Array(cells + 1);
    this.items = new Int32Array(count);
    const cellOf = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const c = this.cell(u[i], v[i]);
      cellOf[i] = c;
      this.start[c + 1]++;
    }
    for (let c = 0; c < cells; c++) this.start[c + 1] += this.start[c];
    const fill = this.start.slice(0, cells);
    for (let i = 0; i < count; i++) this.items[fill[cellOf[i]]++] = i;
  }

  private cell(u: number, v: number): number {
    let a = Math.floor((u - this.u0) * this.inv),
      b = Math.floor((v - this.v0) * this.inv);
    if (a < 0) a = 0;
    else if (a >= this.nu) a = this.nu - 1;
    if (b < 0) b = 0;
    else if (b >= this.nv) b = this.nv - 1;
    return b * this.nu + a;
  }

  /**
   * Up to k nearest points to (x, y, z) (planar su, sv) within maxMm, excluding `self`, into
   * outIdx/outDist in increasing distance. Returns how many were found.
   */
  kNearest(su: number, sv: number, x: number, y: number, z: number, self: number, k: number, maxMm: number, outIdx: Int32Array, outDist: Float64Array): number {
    const ca = Math.min(this.nu - 1, Math.max(0, Math.floor((su - this.u0) * this.inv)));
    const cb = Math.min(this.nv - 1, Math.max(0, Math.floor((sv - this.v0) * this.inv)));
    // Distance from the query to its own cell's walls, so the ring bound is exact.
    const inU = Math.min(su - (this.u0 + ca * this.cellMm), this.u0 + (ca + 1) * this.cellMm - su);
    const inV = Math.min(sv - (this.v0 + cb * this.cellMm), this.v0 + (cb + 1) * this.cellMm - sv);
    const wall = Math.max(0, Math.min(inU, inV));
    const maxRing = Math.ceil(maxMm * this.inv) + 1;
    const max2 = maxMm * maxMm;
    let found = 0;
    const xyz = this.xyz,
      items = this.items,
      start = this.start;
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let b = cb - ring; b <= cb + ring; b++) {
        if (b < 0 || b >= this.nv) continue;
        const edgeRow = b === cb - ring || b === cb + ring;
        for (let a = ca - ring; a <= ca + ring; a += edgeRow ? 1 : 2 * ring || 1) {
          if (a < 0 || a >= this.nu) continue;
          const c = b * this.nu + a;
          for (let t = start[c]; t < start[c + 1]; t++) {
            const j = items[t];
            if (j === self) continue;
            const dx = xyz[3 * j] - x,
              dy = xyz[3 * j + 1] - y,
              dz = xyz[3 * j + 2] - z;
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > max2) continue;
            const d = Math.sqrt(d2);
            if (found === k && d >= outDist[k - 1]) continue;
            let p = found < k ? found++ : k - 1;
            while (p > 0 && outDist[p - 1] > d) {
              outDist[p] = outDist[p - 1];
              outIdx[p] = outIdx[p - 1];
              p--;
            }
            outDist[p] = d;
            outIdx[p] = j;
          }
        }
      }
      // Everything in the next ring is at least this far away in the plane, so in 3D.
      if (found === k && outDist[k - 1] <= wall + ring * this.cellMm) break;
    }
    return found;
  }

  private readonly one = new Int32Array(1);
  private readonly oneD = new Float64Array(1);
  /** Distance to the nearest point within maxMm (Infinity when none); index in lastIndex. */
  nearest(su: number, sv: number, x: number, y: number, z: number, self: number, maxMm: number): number {
    const n = this.kNearest(su, sv, x, y, z, self, 1, maxMm, this.one, this.oneD);
    this.lastIndex = n ? this.one[0] : -1;
    return n ? this.oneD[0] : Infinity;
  }
}
