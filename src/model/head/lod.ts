/** A coarser head for views from afar, by vertex clustering (Rossignac & Borrel 1993).
 *
 * Under software WebGL the head's ~150k triangles cost about half of a frame at the preset
 * views, where the whole head spans a few hundred pixels and most triangles are smaller than a
 * pixel. Vertices are merged per cell of a grid (their mean position, normal, chart coordinates
 * and occlusion); triangles whose corners fall in three different cells remain. Vertices are
 * also split by the main direction of their normal, so the two sides of a thin ear do not merge
 * into one. The dots do not care: they are in the chart texture, sampled through `scalpUv`.
 * Below a given height (the bust, large, smooth and meshed coarsely already) the cells are
 * larger, so the bust does not cost the coarse head more triangles than the head itself. */

export interface LodMesh {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  scalpUv: Float32Array;
  ao: Float32Array;
  /** Per vertex [lip, brow] weights (see HeadModel.features). */
  features: Float32Array;
}

/** Larger cells below a height. */
export interface LodBelow {
  yMm: number;
  cellMm: number;
}

export function clusterMesh(mesh: LodMesh, cellMm: number, below?: LodBelow): LodMesh {
  const { positions, normals, indices, scalpUv, ao, features } = mesh;
  const nv = positions.length / 3;
  const invHead = 1 / cellMm;
  const invBelow = below ? 1 / below.cellMm : invHead;
  const belowY = below ? below.yMm : -Infinity;
  const clusterOf = new Int32Array(nv);
  const ids = new Map<number, number>();
  for (let i = 0; i < nv; i++) {
    const nx = normals[3 * i],
      ny = normals[3 * i + 1],
      nz = normals[3 * i + 2];
    const ax = Math.abs(nx),
      ay = Math.abs(ny),
      az = Math.abs(nz);
    // One of six directions: +-x, +-y, +-z.
    const dir = ax >= ay && ax >= az ? (nx > 0 ? 0 : 1) : ay >= az ? (ny > 0 ? 2 : 3) : nz > 0 ? 4 : 5;
    // Cell indices stay within +-512 for a head in millimetres (cells >= 1 mm); the band (head
    // or below) is part of the key.
    const band = positions[3 * i + 1] < belowY ? 1 : 0;
    const inv = band ? invBelow : invHead;
    const cx = Math.floor(positions[3 * i] * inv) + 512;
    const cy = Math.floor(positions[3 * i + 1] * inv) + 512;
    const cz = Math.floor(positions[3 * i + 2] * inv) + 512;
    const key = (((cx * 1024 + cy) * 1024 + cz) * 6 + dir) * 2 + band;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    clusterOf[i] = id;
  }

  const n = ids.size;
  const sum = new Float64Array(n * 3);
  const nsum = new Float64Array(n * 3);
  const uvSum = new Float64Array(n * 2);
  const offChart = new Uint8Array(n);
  const aoSum = new Float64Array(n);
  const featureSum = new Float64Array(n * 2);
  const count = new Uint32Array(n);
  for (let i = 0; i < nv; i++) {
    const c = clusterOf[i];
    for (let k = 0; k < 3; k++) {
      sum[3 * c + k] += positions[3 * i + k];
      nsum[3 * c + k] += normals[3 * i + k];
    }
    // Off the chart (u = -1) anywhere in the cluster: the merged vertex is off it too.
    if (scalpUv[2 * i] < 0) offChart[c] = 1;
    uvSum[2 * c] += scalpUv[2 * i];
    uvSum[2 * c + 1] += scalpUv[2 * i + 1];
    aoSum[c] += ao[i];
    featureSum[2 * c] += features[2 * i];
    featureSum[2 * c + 1] += features[2 * i + 1];
    count[c]++;
  }
  const out: LodMesh = {
    positions: new Float32Array(n * 3),
    normals: new Float32Array(n * 3),
    indices: new Uint32Array(0),
    scalpUv: new Float32Array(n * 2),
    ao: new Float32Array(n),
    features: new Float32Array(n * 2),
  };
  for (let c = 0; c < n; c++) {
    const m = count[c];
    const len = Math.hypot(nsum[3 * c], nsum[3 * c + 1], nsum[3 * c + 2]) || 1;
    for (let k = 0; k < 3; k++) {
      out.positions[3 * c + k] = sum[3 * c + k] / m;
      out.normals[3 * c + k] = nsum[3 * c + k] / len;
    }
    out.scalpUv[2 * c] = offChart[c] ? -1 : uvSum[2 * c] / m;
    out.scalpUv[2 * c + 1] = offChart[c] ? -1 : uvSum[2 * c + 1] / m;
    out.ao[c] = aoSum[c] / m;
    out.features[2 * c] = featureSum[2 * c] / m;
    out.features[2 * c + 1] = featureSum[2 * c + 1] / m;
  }

  const kept = new Uint32Array(indices.length);
  let t = 0;
  for (let f = 0; f < indices.length; f += 3) {
    const a = clusterOf[indices[f]],
      b = clusterOf[indices[f + 1]],
      c = clusterOf[indices[f + 2]];
    if (a === b || b === c || c === a) continue;
    kept[t++] = a;
    kept[t++] = b;
    kept[t++] = c;
  }
  out.indices = kept.slice(0, t);
  return out;
}
