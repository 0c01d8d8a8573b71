/** Ambient occlusion per vertex of the head, computed once per head on the CPU.
 *
 * It stands in for the real-time shadow map the studio no longer has (a second pass over
 * ~150k triangles plus wide PCF filtering every frame): creases under the chin, around the ears,
 * the nostrils and the eye sockets darken, as they would under soft studio light.
 *
 * How (volumetric obscurance, Loos & Sloan 2010): the head is voxelised, each cell holding the
 * share of it that is inside the head (cells the surface crosses get the share below the local
 * triangle's plane; the outside is found by a flood fill from a corner). Around each vertex the
 * share of solid in boxes of a few sizes is read from a summed-volume table and compared with
 * what a flat surface through the vertex would give: more means a crease, less a bump. Comparing
 * with the flat reference, rather than with one half, cancels the offset between the vertex and
 * the centre of the voxel-aligned box, which would otherwise show as contour bands. */

/** Voxel edge (mm). Finer than the creases that matter (nostril, ear), coarse enough to be fast. */
const VOXEL_MM = 2;
/** Voxel edge (mm) over the whole bust, whose creases are broad: the fine grid covers the head
 * only, so the voxels stay about as many as for a bare head. */
const BUST_VOXEL_MM = 4;
/** Fine and coarse occlusion are blended over this band above the fine grid's bottom (mm). */
const BLEND_MM = 20;
/** Half-sizes of the boxes (mm) and their weights: small ones find folds, large ones the chin over the neck. */
const SCALES_MM = [4, 8, 16, 28];
const WEIGHTS = [0.15, 0.3, 0.3, 0.25];
/** How strongly extra solid darkens: a right-angled crease (1/4 more solid than flat) ends near 0.35. */
const GAIN = 2.6;
/** Neighbour-averaging passes over the mesh: what voxel steps remain is finer than a few edges. */
const SMOOTHING_PASSES = 4;

const OUTSIDE = 2;
const SURFACE = 1;

/** 0 (fully occluded) .. 1 (open) per vertex. With `fineAboveYMm`, the 2 mm voxels cover only
 * what lies above that height (the head) and 4 mm voxels the whole mesh (the bust). */
export function headAmbientOcclusion(positions: Float32Array, normals: Float32Array, indices: Uint32Array, fineAboveYMm = -Infinity): Float32Array {
  const fine = voxelOcclusion(positions, normals, indices, VOXEL_MM, fineAboveYMm);
  if (fineAboveYMm === -Infinity) return smoothOverMesh(fine, indices, SMOOTHING_PASSES);
  const coarse = voxelOcclusion(positions, normals, indices, BUST_VOXEL_MM, -Infinity);
  const ao = new Float32Array(fine.length);
  for (let i = 0; i < ao.length; i++) {
    const t = Math.min(1, Math.max(0, (positions[3 * i + 1] - fineAboveYMm) / BLEND_MM));
    ao[i] = t > 0 ? coarse[i] + (fine[i] - coarse[i]) * t : coarse[i];
  }
  return smoothOverMesh(ao, indices, SMOOTHING_PASSES);
}

/** Occlusion on a grid of `voxelMm` over the vertices above `cropYMm` (the others get 1): where
 * the crop cuts the body, its section is sealed as solid. */
function voxelOcclusion(positions: Float32Array, normals: Float32Array, indices: Uint32Array, voxelMm: number, cropYMm: number): Float32Array {
  const nv = positions.length / 3;
  let minX = Infinity,
    minY = Infinity,
    minZ = Infinity,
    maxX = -Infinity,
    maxY = -Infinity,
    maxZ = -Infinity;
  for (let i = 0; i < nv; i++) {
    const x = positions[3 * i],
      y = positions[3 * i + 1],
      z = positions[3 * i + 2];
    if (y < cropYMm) continue;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (z < minZ) minZ = z;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
    if (z > maxZ) maxZ = z;
  }
  const pad = 2 * voxelMm;
  const ox = minX - pad,
    oy = minY - pad,
    oz = minZ - pad;
  const nx = Math.ceil((maxX - minX + 2 * pad) / voxelMm) + 1;
  const ny = Math.ceil((maxY - minY + 2 * pad) / voxelMm) + 1;
  const nz = Math.ceil((maxZ - minZ + 2 * pad) / voxelMm) + 1;
  const sxy = nx * ny;
  const inv = 1 / voxelMm;
  // 0 unknown (ends up inside), SURFACE, OUTSIDE; `fill` is the solid share of surface cells.
  const kind = new Uint8Array(nx * ny * nz);
  const fill = new Float32Array(nx * ny * nz);

  // Surface cells: vertices, edge midpoints and centroids sit less than half a voxel apart, so the
  // marked shell is closed to a face-connected flood. Each takes the share of the cell below the
  // triangle's plane (a linear ramp across the cell's extent along the normal).
  const p = positions;
  const mark = (x: number, y: number, z: number, fx: number, fy: number, fz: number) => {
    const ix = Math.floor((x - ox) * inv),
      iy = Math.floor((y - oy) * inv),
      iz = Math.floor((z - oz) * inv);
    if (iy < 0 || ix < 0 || iz < 0 || ix >= nx || iy >= ny || iz >= nz) return;
    const i = ix + iy * nx + iz * sxy;
    const cx = ox + (ix + 0.5) * voxelMm,
      cy = oy + (iy + 0.5) * voxelMm,
      cz = oz + (iz + 0.5) * voxelMm;
    const height = (cx - x) * fx + (cy - y) * fy + (cz - z) * fz;
    const extent = voxelMm * (Math.abs(fx) + Math.abs(fy) + Math.abs(fz));
    kind[i] = SURFACE;
    fill[i] = Math.min(1, Math.max(0, 0.5 - height / extent));
  };
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
    let fx = uy * vz - uz * vy,
      fy = uz * vx - ux * vz,
      fz = ux * vy - uy * vx;
    const fl = Math.hypot(fx, fy, fz);
    if (fl === 0) continue;
    fx /= fl;
    fy /= fl;
    fz /= fl;
    // Winding may be either way: take the side the vertex normals point to as outward.
    if (fx * normals[a] + fy * normals[a + 1] + fz * normals[a + 2] < 0) ((fx = -fx), (fy = -fy), (fz = -fz));
    const longest = Math.sqrt(Math.max(ux * ux + uy * uy + uz * uz, vx * vx + vy * vy + vz * vz, (vx - ux) ** 2 + (vy - uy) ** 2 + (vz - uz) ** 2));
    if (longest <= voxelMm) {
      mark(p[a], p[a + 1], p[a + 2], fx, fy, fz);
      mark((p[a] + p[b]) / 2, (p[a + 1] + p[b + 1]) / 2, (p[a + 2] + p[b + 2]) / 2, fx, fy, fz);
      mark((p[b] + p[c]) / 2, (p[b + 1] + p[c + 1]) / 2, (p[b + 2] + p[c + 2]) / 2, fx, fy, fz);
      mark((p[c] + p[a]) / 2, (p[c + 1] + p[a + 1]) / 2, (p[c + 2] + p[a + 2]) / 2, fx, fy, fz);
      mark((p[a] + p[b] + p[c]) / 3, (p[a + 1] + p[b + 1] + p[c + 1]) / 3, (p[a + 2] + p[b + 2] + p[c + 2]) / 3, fx, fy, fz);
      continue;
    }
    // A large triangle (the coarse bust): samples under half a voxel apart, so the shell closes.
    const n = Math.ceil((2 * longest) / voxelMm);
    for (let i = 0; i <= n; i++) {
      for (let j = 0; i + j <= n; j++) {
        const wb = i / n,
          wc = j / n;
        mark(p[a] + ux * wb + vx * wc, p[a + 1] + uy * wb + vy * wc, p[a + 2] + uz * wb + vz * wc, fx, fy, fz);
      }
    }
  }
  if (cropYMm > -Infinity) sealBottom(kind, fill, nx, ny, nz);

  floodOutside(kind, nx, ny, nz);

  // Summed-volume table of the solid share.
  const sx = nx + 1,
    sy = ny + 1,
    sz = nz + 1,
    sxy1 = sx * sy;
  const sat = new Float64Array(sx * sy * sz);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      let row = 0;
      for (let x = 0; x < nx; x++) {
        const g = x + y * nx + z * sxy;
        row += kind[g] === OUTSIDE ? 0 : kind[g] === SURFACE ? fill[g] : 1;
        const i = x + 1 + (y + 1) * sx + (z + 1) * sxy1;
        sat[i] = row + sat[i - sx] + sat[i - sxy1] - sat[i - sx - sxy1];
      }
    }
  }
  const S = (x: number, y: number, z: number) => sat[x + y * sx + z * sxy1];
  const clampI = (v: number, n: number) => (v < 0 ? 0 : v > n ? n : v);

  const ao = new Float32Array(nv).fill(1);
  for (let i = 0; i < nv; i++) {
    const px = positions[3 * i],
      py = positions[3 * i + 1],
      pz = positions[3 * i + 2];
    if (py < oy) continue;
    const nX = normals[3 * i],
      nY = normals[3 * i + 1],
      nZ = normals[3 * i + 2];
    const gx = (px - ox) * inv,
      gy = (py - oy) * inv,
      gz = (pz - oz) * inv;
    let shade = 0;
    for (let k = 0; k < SCALES_MM.length; k++) {
      const h = SCALES_MM[k] * inv;
      const x0 = clampI(Math.round(gx - h), nx),
        x1 = clampI(Math.round(gx + h), nx);
      const y0 = clampI(Math.round(gy - h), ny),
        y1 = clampI(Math.round(gy + h), ny);
      const z0 = clampI(Math.round(gz - h), nz),
        z1 = clampI(Math.round(gz + h), nz);
      const sum = S(x1, y1, z1) - S(x0, y1, z1) - S(x1, y0, z1) - S(x1, y1, z0) + S(x0, y0, z1) + S(x0, y1, z0) + S(x1, y0, z0) - S(x0, y0, z0);
      const solid = sum / Math.max(1, (x1 - x0) * (y1 - y0) * (z1 - z0));
      // A flat surface through the vertex: the box centre's height above it sets the expected share.
      const height = ((x0 + x1) / 2 - gx) * nX + ((y0 + y1) / 2 - gy) * nY + ((z0 + z1) / 2 - gz) * nZ;
      const extent = (x1 - x0) * Math.abs(nX) + (y1 - y0) * Math.abs(nY) + (z1 - z0) * Math.abs(nZ);
      const flat = Math.min(1, Math.max(0, 0.5 - height / Math.max(1e-6, extent)));
      shade += WEIGHTS[k] * Math.max(0, solid - flat);
    }
    ao[i] = Math.max(0, 1 - GAIN * shade);
  }
  return ao;
}

/** The grid's bottom layer (y = 0) cuts through the neck: what its outline of surface cells
 * encloses, found by a flood from the layer's corner, is made solid, so the outside flood
 * cannot enter the body through the cut. */
function sealBottom(kind: Uint8Array, fill: Float32Array, nx: number, ny: number, nz: number): void {
  const sxy = nx * ny;
  const reached = new Uint8Array(nx * nz);
  const stack = new Int32Array(nx * nz);
  let top = 0;
  const push = (x: number, z: number) => {
    const c = x + z * nx;
    if (reached[c] || kind[x + z * sxy] === SURFACE) return;
    reached[c] = 1;
    stack[top++] = c;
  };
  push(0, 0);
  while (top > 0) {
    const c = stack[--top];
    const x = c % nx,
      z = (c / nx) | 0;
    if (x > 0) push(x - 1, z);
    if (x < nx - 1) push(x + 1, z);
    if (z > 0) push(x, z - 1);
    if (z < nz - 1) push(x, z + 1);
  }
  for (let z = 0; z < nz; z++) {
    for (let x = 0; x < nx; x++) {
      const g = x + z * sxy;
      if (!reached[x + z * nx] && kind[g] !== SURFACE) {
        kind[g] = SURFACE;
        fill[g] = 1;
      }
    }
  }
}

/** Marks OUTSIDE every cell face-connected to the corner cell without crossing SURFACE. */
function floodOutside(kind: Uint8Array, nx: number, ny: number, nz: number): void {
  const sxy = nx * ny;
  const stack = new Int32Array(kind.length);
  let top = 0;
  kind[0] = OUTSIDE;
  stack[top++] = 0;
  while (top > 0) {
    const i = stack[--top];
    const x = i % nx,
      y = ((i / nx) | 0) % ny,
      z = (i / sxy) | 0;
    if (x > 0 && kind[i - 1] === 0) ((kind[i - 1] = OUTSIDE), (stack[top++] = i - 1));
    if (x < nx - 1 && kind[i + 1] === 0) ((kind[i + 1] = OUTSIDE), (stack[top++] = i + 1));
    if (y > 0 && kind[i - nx] === 0) ((kind[i - nx] = OUTSIDE), (stack[top++] = i - nx));
    if (y < ny - 1 && kind[i + nx] === 0) ((kind[i + nx] = OUTSIDE), (stack[top++] = i + nx));
    if (z > 0 && kind[i - sxy] === 0) ((kind[i - sxy] = OUTSIDE), (stack[top++] = i - sxy));
    if (z < nz - 1 && kind[i + sxy] === 0) ((kind[i + sxy] = OUTSIDE), (stack[top++] = i + sxy));
  }
}

/** Each pass replaces a value by the mean of itself and its edge neighbours. */
function smoothOverMesh(values: Float32Array, indices: Uint32Array, passes: number): Float32Array {
  let cur = values;
  const sum = new Float32Array(values.length);
  const count = new Uint16Array(values.length);
  for (let pass = 0; pass < passes; pass++) {
    sum.set(cur);
    count.fill(1);
    for (let t = 0; t < indices.length; t += 3) {
      const a = indices[t],
        b = indices[t + 1],
        c = indices[t + 2];
      // Each edge is shared by two triangles: both directions of it get added twice, evenly.
      sum[a] += cur[b] + cur[c];
      sum[b] += cur[c] + cur[a];
      sum[c] += cur[a] + cur[b];
      count[a] += 2;
      count[b] += 2;
      count[c] += 2;
    }
    const next = new Float32Array(values.length);
    for (let i = 0; i < next.length; i++) next[i] = sum[i] / count[i];
    cur = next;
  }
  return cur;
}
