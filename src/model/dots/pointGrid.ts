/** A sparse 3D bucket grid of points for neighbour queries during sampling. Cells are hashed
 * (open addressing), so memory follows the surface, not the bounding box. Points are kept in
 * insertion order with one linked list per cell; the newest points can be removed again
 * (used by the pilot runs that calibrate density). */
export const GHOST = 0x80;
export const FREE = 0;
export const SELF = 1;
export const CROSS = 2;

/** Bounding box of the chart's surface grid, the only place dots can be. */
export function surfaceBounds(surfaceMm: Float32Array): { min: number[]; max: number[] } {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let k = 0; k < surfaceMm.length; k += 3) {
    for (let a = 0; a < 3; a++) {
      const v = surfaceMm[k + a];
      if (v < min[a]) min[a] = v;
      if (v > max[a]) max[a] = v;
    }
  }
  return { min, max };
}

export class PointGrid {
  readonly cellMm: number;
  private readonly inv: number;
  private readonly ox: number;
  private readonly oy: number;
  private readonly oz: number;
  private mask: number;
  private shift: number;
  private keys: Int32Array;
  private heads: Int32Array;
  private used = 0;
  /** Per point, 4 words in one cache line: x, y, z (floats, mm) and, as an int in `words`,
   * (next point in its cell + 1) << 8 | tag. Tag: layer index in the low 7 bits, GHOST for
   * points that take space but are not output. Queries walk cells point by point, so keeping
   * all a query reads together matters more than anything else here. */
  pos: Float32Array;
  words: Int32Array;
  /** Normals, xyz per point: read only when a point is swept or output. */
  normals: Float32Array;
  /** Chart polar angles (theta, phi) per point, as the sampler projected it: the output needs
   * them and need not project every dot again. */
  polar: Float32Array;
  private cellOf: Int32Array;
  count = 0;

  /** Points must lie in the box [minMm, maxMm] (a margin of one cell is added). */
  constructor(cellMm: number, expectedPoints: number, minMm: ArrayLike<number>, maxMm: ArrayLike<number>) {
    // Cell coordinates are packed into 11 + 11 + 10 bits; a huge box gets coarser cells.
    const span = Math.max(maxMm[0] - minMm[0], maxMm[1] - minMm[1], 2 * (maxMm[2] - minMm[2])) + 4 * cellMm;
    this.cellMm = Math.max(cellMm, span / 2040);
    this.inv = 1 / this.cellMm;
    this.ox = minMm[0] - 2 * this.cellMm;
    this.oy = minMm[1] - 2 * this.cellMm;
    this.oz = minMm[2] - 2 * this.cellMm;
    let size = 1024;
    let bits = 10;
    while (size < expectedPoints * 2) {
      size *= 2;
      bits++;
    }
    this.mask = size - 1;
    this.shift = 32 - bits;
    this.keys = new Int32Array(size).fill(-1);
    this.heads = new Int32Array(size).fill(-1);
    const cap = Math.max(1024, Math.ceil(expectedPoints));
    const buffer = new ArrayBuffer(cap * 16);
    this.pos = new Float32Array(buffer);
    this.words = new Int32Array(buffer);
    this.normals = new Float32Array(cap * 3);
    this.polar = new Float32Array(cap * 2);
    this.cellOf = new Int32Array(cap);
  }

  tag(i: number): number {
    return this.words[4 * i + 3] & 0xff;
  }

  add(x: number, y: number, z: number, nx: number, ny: number, nz: number, theta: number, phi: number, tag: number): number {
    if (this.count * 4 === this.pos.length) this.grow();
    const inv = this.inv;
    const slot = this.slotFor(((x - this.ox) * inv) | 0, ((y - this.oy) * inv) | 0, ((z - this.oz) * inv) | 0, true);
    const i = this.count++;
    this.pos[4 * i] = x;
    this.pos[4 * i + 1] = y;
    this.pos[4 * i + 2] = z;
    this.words[4 * i + 3] = ((this.heads[slot] + 1) << 8) | tag;
    this.normals[3 * i] = nx;
    this.normals[3 * i + 1] = ny;
    this.normals[3 * i + 2] = nz;
    this.polar[2 * i] = theta;
    this.polar[2 * i + 1] = phi;
    this.cellOf[i] = slot;
    this.heads[slot] = i;
    return i;
  }

  /** Removes the newest points down to `count` (they must be removed newest first). */
  truncate(count: number): void {
    for (let i = this.count - 1; i >= count; i--) this.heads[this.cellOf[i]] = (this.words[4 * i + 3] >> 8) - 1;
    this.count = count;
  }

  /** FREE, or SELF when a point of layer `layer` (ghost or not) lies within `selfMm`, or else
   * CROSS when a non-ghost point of another layer k lies within `crossMm[k]`. */
  blocked(x: number, y: number, z: number, layer: number, selfMm: number, crossMm: Float64Array, reachMm: number): number {
    const inv = this.inv;
    x -= this.ox;
    y -= this.oy;
    z -= this.oz;
    const x0 = ((x - reachMm) * inv) | 0,
      x1 = ((x + reachMm) * inv) | 0;
    const y0 = ((y - reachMm) * inv) | 0,
      y1 = ((y + reachMm) * inv) | 0;
    const z0 = ((z - reachMm) * inv) | 0,
      z1 = ((z + reachMm) * inv) | 0;
    const self2 = selfMm * selfMm;
    const reach2 = reachMm * reachMm;
    // The point's own cell first: a blocking neighbour is most likely there, and one is enough.
    const ocx = (x * inv) | 0,
      ocy = (y * inv) | 0,
      ocz = (z * inv) | 0;
    let result = this.scan(this.find(ocx, ocy, ocz), x, y, z, layer, self2, crossMm, reach2);
    if (result === SELF) return SELF;
    for (let cz = z0; cz <= z1; cz++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (let cx = x0; cx <= x1; cx++) {
          if (cx === ocx && cy === ocy && cz === ocz) continue;
          const r = this.scan(this.find(cx, cy, cz), x, y, z, layer, self2, crossMm, reach2);
          if (r === SELF) return SELF;
          if (r === CROSS) result = CROSS;
        }
      }
    }
    return result;
  }

  /** Slot of a cell, or -1 when it holds nothing. */
  private find(cx: number, cy: number, cz: number): number {
    const key = cx | (cy << 11) | (cz << 22);
    const keys = this.keys,
      mask = this.mask;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    let k = keys[h];
    while (k !== key) {
      if (k === -1) return -1;
      h = (h + 1) & mask;
      k = keys[h];
    }
    return h;
  }

  /** blocked() for the points of one cell; x, y, z relative to the grid origin. */
  private scan(slot: number, x: number, y: number, z: number, layer: number, self2: number, crossMm: Float64Array, reach2: number): number {
    if (slot < 0) return FREE;
    const pos = this.pos,
      words = this.words;
    x += this.ox;
    y += this.oy;
    z += this.oz;
    let result = FREE;
    for (let i = this.heads[slot]; i >= 0;) {
      const k = 4 * i;
      const w = words[k + 3];
      i = (w >> 8) - 1;
      const dx = pos[k] - x,
        dy = pos[k + 1] - y,
        dz = pos[k + 2] - z;
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 >= reach2) continue;
      const l = w & 0x7f;
      if (l === layer) {
        if (d2 < self2) return SELF;
      } else if ((w & GHOST) === 0) {
        const r = crossMm[l];
        if (d2 < r * r) result = CROSS;
      }
    }
    return result;
  }

  private slotFor(cx: number, cy: number, cz: number, create: boolean): number {
    const key = cx | (cy << 11) | (cz << 22);
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    const keys = this.keys;
    for (;;) {
      const k = keys[h];
      if (k === key) return h;
      if (k === -1) {
        if (!create) return -1;
        keys[h] = key;
        if (++this.used * 2 > this.mask) {
          this.rehash();
          return this.slotFor(cx, cy, cz, false);
        }
        return h;
      }
      h = (h + 1) & this.mask;
    }
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.shift--;
    this.keys = new Int32Array(size).fill(-1);
    this.heads = new Int32Array(size).fill(-1);
    const moved = new Int32Array(oldKeys.length).fill(-1);
    for (let s = 0; s < oldKeys.length; s++) {
      const key = oldKeys[s];
      if (key === -1) continue;
      let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.keys[h] !== -1) h = (h + 1) & this.mask;
      this.keys[h] = key;
      this.heads[h] = oldHeads[s];
      moved[s] = h;
    }
    for (let i = 0; i < this.count; i++) this.cellOf[i] = moved[this.cellOf[i]];
  }

  private grow(): void {
    const cap = (this.pos.length / 4) * 2;
    const buffer = new ArrayBuffer(cap * 16);
    new Int32Array(buffer).set(this.words);
    this.pos = new Float32Array(buffer);
    this.words = new Int32Array(buffer);
    const normals = new Float32Array(cap * 3);
    normals.set(this.normals);
    this.normals = normals;
    const polar = new Float32Array(cap * 2);
    polar.set(this.polar);
    this.polar = polar;
    const cellOf = new Int32Array(cap);
    cellOf.set(this.cellOf);
    this.cellOf = cellOf;
  }
}
