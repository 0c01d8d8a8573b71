// The pure parts of the dot renderer and the head's baked occlusion, in Node.
import { describe, expect, it } from 'vitest';
import { meshSdf } from '../../src/model/head/surfaceNets';
import { headAmbientOcclusion } from '../../src/model/head/occlusion';
import { findFocus, selectNear } from '../../src/render/dots/select';

/** Dots spread evenly over a sphere of radius r (mm) about the origin, with outward normals. */
function sphereDots(n: number, r: number) {
  const positions = new Float32Array(3 * n);
  const normals = new Float32Array(3 * n);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < n; i++) {
    const y = 1 - (2 * (i + 0.5)) / n;
    const s = Math.sqrt(1 - y * y);
    const v = [Math.cos(golden * i) * s, y, Math.sin(golden * i) * s];
    normals.set(v, 3 * i);
    positions.set(
      v.map((c) => c * r),
      3 * i,
    );
  }
  return { positions, normals };
}

describe('close-up selection', () => {
  const { positions, normals } = sphereDots(200_000, 90);

  it('finds the dot the view centre falls on, on the near side of the head', () => {
    // Eye 180 mm above the top of a 90 mm sphere, looking straight down.
    const focus = findFocus(positions, normals, 200_000, [0, 270, 0], [0, -1, 0], 5);
    expect(focus).not.toBeNull();
    const i = focus!.index;
    expect(positions[3 * i + 1]).toBeGreaterThan(89.5);
    expect(focus!.distanceMm).toBeCloseTo(180, 0);
    // Looking away from the head: nothing is looked at.
    expect(findFocus(positions, normals, 200_000, [0, 270, 0], [0, 1, 0])).toBeNull();
  });

  it('takes every dot within the radius when they fit, and only the nearest when they do not', () => {
    const centre: [number, number, number] = [0, 90, 0];
    const within = (r: number) => {
      let n = 0;
      for (let i = 0; i < 200_000; i++) {
        const d = Math.hypot(positions[3 * i] - centre[0], positions[3 * i + 1] - centre[1], positions[3 * i + 2] - centre[2]);
        if (d < r) n++;
      }
      return n;
    };
    const roomy = new Uint32Array(10_000);
    const small = selectNear(positions, 200_000, centre, 10, roomy);
    expect(small.count).toBe(within(10));
    expect(small.radiusMm).toBeCloseTo(10, 5);

    const tight = new Uint32Array(1_000);
    const capped = selectNear(positions, 200_000, centre, 30, tight);
    expect(capped.count).toBeLessThanOrEqual(1_000);
    // The cap is used well (bins are thin), and every dot taken lies within the radius reported.
    expect(capped.count).toBeGreaterThan(900);
    expect(capped.count).toBe(within(capped.radiusMm));
    for (let k = 0; k < capped.count; k++) {
      const i = tight[k];
      expect(Math.hypot(positions[3 * i], positions[3 * i + 1] - 90, positions[3 * i + 2])).toBeLessThan(capped.radiusMm);
    }
  });
});

describe('baked ambient occlusion', () => {
  // Two spheres of 30 mm, centres 45 mm apart, joined by a smooth crease (a peanut).
  const sdf = (x: number, y: number, z: number) => {
    const a = Math.hypot(x + 22.5, y, z) - 30;
    const b = Math.hypot(x - 22.5, y, z) - 30;
    const k = 6;
    const h = Math.max(k - Math.abs(a - b), 0) / k;
    return Math.min(a, b) - h * h * k * 0.25;
  };
  const mesh = meshSdf(sdf, { minMm: [-60, -35, -35], maxMm: [60, 35, 35] }, 1.5);
  const ao = headAmbientOcclusion(mesh.positions, mesh.normals, mesh.indices);
  const mean = (pick: (x: number, y: number, z: number) => boolean) => {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < ao.length; i++) {
      if (pick(mesh.positions[3 * i], mesh.positions[3 * i + 1], mesh.positions[3 * i + 2])) {
        sum += ao[i];
        n++;
      }
    }
    expect(n).toBeGreaterThan(10);
    return sum / n;
  };

  it('leaves open, convex skin lit and darkens the crease', () => {
    const ends = mean((x) => Math.abs(x) > 45);
    const crease = mean((x) => Math.abs(x) < 3);
    expect(ends).toBeGreaterThan(0.97);
    expect(crease).toBeLessThan(ends - 0.08);
    for (const v of ao) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});
