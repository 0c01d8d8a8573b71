import { beforeAll, describe, expect, it } from 'vitest';
import { createHead, defaultDesign, generateDots, type Design, type DotSet, type HeadModel, type Vec3 } from '../../src/model';
import {
  HAIRLINE_STYLES,
  HAIRLINE_STYLE_PRESETS,
  defaultHairline,
  hairlineHandles,
  hairlinePolyline,
  hairlineSchema,
  moveHandle,
  withStyle,
  type Hairline,
  type HairlineHandle,
} from '../../src/model/scalp/hairline';
import { hairlineGuides, hairlineWarnings } from '../../src/model/scalp/guides';
import { scalpFields } from '../../src/model/scalp/fields';
import { ScalpSurface } from '../../src/model/scalp/surface';
import { FEATHER_FLOOR, STRAY_REACH_MM, featherCoverage, strayReachMm } from '../../src/model/dots/feather';
import { defaultHead } from './helpers/defaultHead';

let head: HeadModel, small: HeadModel, large: HeadModel;
beforeAll(() => {
  head = defaultHead();
  small = createHead({ circumferenceMm: 540.4, lengthMm: 181.2, breadthMm: 142.1 });
  large = createHead({ circumferenceMm: 599.6, lengthMm: 210.8, breadthMm: 161.9 });
}, 30_000);

const byId = (hs: HairlineHandle[]) => Object.fromEntries(hs.map((h) => [h.id, h])) as Record<HairlineHandle['id'], HairlineHandle>;
const deg = (r: number) => +((r * 180) / Math.PI).toFixed(2);
const r1 = (v: Vec3) => v.map((x) => +x.toFixed(1));

/** Surface distance from the glabella to a midline point, measured on the head MESH (not the
 * chart the model uses): crossings of the mesh's edges with the plane x = 0 in front of the
 * head, ordered by angle about the head's centre, summed between the two points. */
function meshMidlineArc(h: HeadModel, to: Vec3): number {
  const p = h.positions,
    idx = h.indices;
  const pts: [number, number, number][] = [];
  const c = h.chart.centerMm;
  for (let t = 0; t < idx.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const a = idx[t + e],
        b = idx[t + ((e + 1) % 3)];
      if (a > b) continue; // each edge once per triangle direction is enough: duplicates are merged by the sort
      const xa = p[3 * a],
        xb = p[3 * b];
      if (xa >= 0 === xb >= 0) continue;
      const s = xa / (xa - xb);
      const y = p[3 * a + 1] + (p[3 * b + 1] - p[3 * a + 1]) * s,
        z = p[3 * a + 2] + (p[3 * b + 2] - p[3 * a + 2]) * s;
      if (z < 20) continue;
      pts.push([Math.atan2(y - c[1], z - c[2]), y, z]);
    }
  }
  pts.sort((u, v) => u[0] - v[0]);
  const g = h.landmarks.glabella;
  const a0 = Math.atan2(g[1] - c[1], g[2] - c[2]),
    a1 = Math.atan2(to[1] - c[1], to[2] - c[2]);
  let arc = 0;
  let prev: [number, number] | null = null;
  for (const [a, y, z] of pts) {
    if (a < a0 || a > a1) continue;
    // Average out the mesh's zig-zag: step only between points at least 1 mm apart.
    if (prev && Math.hypot(y - prev[0], z - prev[1]) < 1) continue;
    if (prev) arc += Math.hypot(y - prev[0], z - prev[1]);
    else arc += Math.hypot(y - g[1], z - g[2]);
    prev = [y, z];
  }
  if (prev) arc += Math.hypot(to[1] - prev[0], to[2] - prev[1]);
  return arc;
}

describe('hairline schema', () => {
  it('accepts the default and refuses out-of-range values with the field and range in the message', () => {
    expect(hairlineSchema.parse(defaultHairline())).toEqual(defaultHairline());
    const bad = hairlineSchema.safeParse({ ...defaultHairline(), irregularityMm: 7 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe('Hairline irregularity must be at most 5 mm');
    const style = hairlineSchema.safeParse({ ...defaultHairline(), style: 'wavy' });
    expect(style.error?.issues[0].message).toMatch(/Hairline style must be/);
  });
});

describe('hairline handles', () => {
  it('puts the default mid-frontal point 80 +/- 5 mm above the glabella along the surface, on every head size', () => {
    const rows: Record<string, unknown> = {};
    for (const [name, h] of [
      ['p5', small],
      ['p50', head],
      ['p95', large],
    ] as const) {
      const hs = byId(hairlineHandles(h, defaultHairline()));
      const arc = meshMidlineArc(h, hs.mid.positionMm);
      const e = h.landmarks.eyeOuterLeft;
      rows[name] = {
        midArcMm: +arc.toFixed(1),
        mid: r1(hs.mid.positionMm),
        ftLeft: r1(hs.frontotemporalLeft.positionMm),
        eyeX: +e[0].toFixed(1),
        angles: Object.fromEntries(Object.values(hs).map((x) => [x.id, [deg(x.phi), deg(x.theta)]])),
      };
      expect(Math.abs(arc - 80), name).toBeLessThan(5);
      // Frontotemporal points on the vertical through the outer eye corners (Garg et al. 2017).
      expect(Math.abs(hs.frontotemporalLeft.positionMm[0] - e[0]), name).toBeLessThan(1);
      expect(Math.abs(hs.frontotemporalRight.positionMm[0] + e[0]), name).toBeLessThan(1);
    }
    console.log('default hairline on 5th/50th/95th percentile heads', JSON.stringify(rows));
  });

  it('carries a dragged design to other head sizes at the same offsets from the landmark defaults', () => {
    const base = byId(hairlineHandles(head, defaultHairline()));
    const p = base.frontotemporalLeft.positionMm;
    const moved = moveHandle(head, defaultHairline(), 'frontotemporalLeft', [p[0] + 6, p[1] + 8, p[2] - 6]);
    expect(moved.warning).toBeNull();
    const rows: Record<string, unknown> = {};
    for (const [name, h] of [
      ['p5', small],
      ['p50', head],
      ['p95', large],
    ] as const) {
      const d = byId(hairlineHandles(h, defaultHairline()));
      const m = byId(hairlineHandles(h, moved.hairline));
      const dPhi = deg(m.frontotemporalLeft.phi - d.frontotemporalLeft.phi),
        dTheta = deg(m.frontotemporalLeft.theta - d.frontotemporalLeft.theta);
      const shiftMm = Math.hypot(...([0, 1, 2].map((c) => m.frontotemporalLeft.positionMm[c] - d.frontotemporalLeft.positionMm[c]) as [number, number, number]));
      rows[name] = { dPhiDeg: dPhi, dThetaDeg: dTheta, shiftMm: +shiftMm.toFixed(2), midArcMm: +meshMidlineArc(h, m.mid.positionMm).toFixed(1) };
      expect(dPhi).toBeCloseTo(moved.hairline.handles!.frontotemporalLeft.dPhiDeg, 1);
      expect(dTheta).toBeCloseTo(moved.hairline.handles!.frontotemporalLeft.dThetaDeg, 1);
      expect(Math.abs(meshMidlineArc(h, m.mid.positionMm) - 80)).toBeLessThan(5);
    }
    // The same angles are a shift in proportion to the head: larger on the larger head.
    const s = rows as Record<string, { shiftMm: number }>;
    expect(s.p5.shiftMm).toBeLessThan(s.p50.shiftMm);
    expect(s.p50.shiftMm).toBeLessThan(s.p95.shiftMm);
    console.log('dragged left frontotemporal point, offset from the default per head', JSON.stringify(rows));
  });

  it('moves a handle to where it is dragged, and keeps mirrored handles mirrored (x -> -x within 0.5 mm)', () => {
    let h: Hairline = defaultHairline();
    const hs = byId(hairlineHandles(head, h));
    const drags: [HairlineHandle['id'], Vec3][] = [
      ['frontotemporalLeft', [hs.frontotemporalLeft.positionMm[0] + 4, hs.frontotemporalLeft.positionMm[1] + 10, hs.frontotemporalLeft.positionMm[2] - 8]],
      ['templeRight', [hs.templeRight.positionMm[0] - 3, hs.templeRight.positionMm[1] + 6, hs.templeRight.positionMm[2] - 5]],
      ['mid', [0, hs.mid.positionMm[1] + 6, hs.mid.positionMm[2] - 4]],
    ];
    let worst = 0,
      worstReach = 0;
    for (const [id, target] of drags) {
      const r = moveHandle(head, h, id as never, target);
      expect(r.warning, id).toBeNull();
      h = r.hairline;
      const now = byId(hairlineHandles(head, h));
      // The handle lands on the scalp where the target projects (radially from the chart centre).
      const s = new ScalpSurface(head.chart);
      s.project(...target);
      const reach = id === 'mid' ? Math.abs(now.mid.positionMm[1] - s.y) : Math.hypot(now[id].positionMm[0] - s.x, now[id].positionMm[1] - s.y, now[id].positionMm[2] - s.z);
      worstReach = Math.max(worstReach, reach);
      for (const [a, b] of [
        ['frontotemporalLeft', 'frontotemporalRight'],
        ['templeLeft', 'templeRight'],
        ['templeEndLeft', 'templeEndRight'],
      ] as const) {
        const p = now[a].positionMm,
          q = now[b].positionMm;
        worst = Math.max(worst, Math.hypot(p[0] + q[0], p[1] - q[1], p[2] - q[2]));
      }
      worst = Math.max(worst, Math.abs(now.mid.positionMm[0]));
    }
    console.log('after 3 drags: worst mirror error (mm)', worst.toFixed(4), 'worst distance handle-target (mm)', worstReach.toFixed(3), JSON.stringify(h.handles));
    expect(worst).toBeLessThan(0.5);
    expect(worstReach).toBeLessThan(0.5);
    // Off symmetry, a drag moves only that handle.
    const free = moveHandle(head, { ...h, symmetric: false }, 'templeLeft', [
      hairlineHandles(head, h)[5].positionMm[0],
      hairlineHandles(head, h)[5].positionMm[1] + 8,
      hairlineHandles(head, h)[5].positionMm[2],
    ]);
    const f = byId(hairlineHandles(head, free.hairline));
    const gap = Math.hypot(
      f.templeLeft.positionMm[0] + f.templeRight.positionMm[0],
      f.templeLeft.positionMm[1] - f.templeRight.positionMm[1],
      f.templeLeft.positionMm[2] - f.templeRight.positionMm[2],
    );
    console.log('asymmetric drag: temples out of mirror by', gap.toFixed(2), 'mm; warnings', JSON.stringify(hairlineWarnings(head, free.hairline)));
    expect(gap).toBeGreaterThan(4);
    expect(hairlineWarnings(head, free.hairline).map((w) => w.code)).toContain('asymmetric-temples');
  });

  it('holds a handle dragged off the scalp, across its neighbour, or below the brows, saying why', () => {
    const h = defaultHairline();
    const hs = byId(hairlineHandles(head, h));
    const g = head.landmarks.glabella;
    const cases: [string, HairlineHandle['id'], Vec3, RegExp][] = [
      ['below the brows', 'mid', [0, g[1] + 5, g[2] + 2], /eyebrows/],
      ['below the brows, side', 'frontotemporalLeft', [head.landmarks.eyeOuterLeft[0], g[1] + 10, head.landmarks.eyeOuterLeft[2] + 5], /eyebrows/],
      ['off the scalp (the ear)', 'templeLeft', [head.landmarks.tragusLeft[0] + 5, head.landmarks.tragusLeft[1] - 10, head.landmarks.tragusLeft[2]], /off the hair-bearing scalp/],
      ['crossing the midline', 'frontotemporalLeft', [-30, hs.frontotemporalLeft.positionMm[1], hs.frontotemporalLeft.positionMm[2]], /cross itself/],
      ['past the temple peak', 'frontotemporalLeft', [hs.templeEndLeft.positionMm[0], hs.templeEndLeft.positionMm[1] + 15, hs.templeEndLeft.positionMm[2] - 5], /cross itself/],
      ['fixed temple end', 'templeEndLeft', [60, 80, 20], /do not move/],
    ];
    for (const [name, id, p, re] of cases) {
      const r = moveHandle(head, h, id, p);
      console.log(name, '->', r.warning);
      expect(r.warning, name).toMatch(re);
      expect(hairlineSchema.safeParse(r.hairline).success, name).toBe(true);
      const now = byId(hairlineHandles(head, r.hairline));
      // Held: still in order left to right and on the hair-bearing scalp.
      const order = hairlineHandles(head, r.hairline).map((x) => x.phi);
      for (let k = 1; k < order.length; k++) expect(order[k], name).toBeGreaterThan(order[k - 1]);
      if (id === 'mid') expect(r.hairline.midFrontalHeightMm).toBe(60);
      expect(now.mid.positionMm[1]).toBeGreaterThan(g[1] + 40);
    }
  });
});

describe('hairline curve and guides', () => {
  it('gives each style a different polyline, and the same one for the same seed', () => {
    const lines = HAIRLINE_STYLES.map((s) => hairlinePolyline(head, withStyle(defaultHairline(), s), 7));
    const diffs: Record<string, number> = {};
    for (let a = 0; a < lines.length; a++) {
      for (let b = a + 1; b < lines.length; b++) {
        let m = 0;
        for (let k = 0; k < lines[a].length; k += 3) m = Math.max(m, Math.hypot(lines[a][k] - lines[b][k], lines[a][k + 1] - lines[b][k + 1], lines[a][k + 2] - lines[b][k + 2]));
        diffs[`${HAIRLINE_STYLES[a]}-${HAIRLINE_STYLES[b]}`] = +m.toFixed(1);
        expect(m, `${HAIRLINE_STYLES[a]} vs ${HAIRLINE_STYLES[b]}`).toBeGreaterThan(1);
      }
    }
    console.log('largest distance between style polylines (mm)', JSON.stringify(diffs));
    const natural = withStyle(defaultHairline(), 'natural');
    expect(Buffer.from(hairlinePolyline(head, natural, 7).buffer).equals(Buffer.from(hairlinePolyline(head, natural, 7).buffer))).toBe(true);
    expect(Buffer.from(hairlinePolyline(head, natural, 8).buffer).equals(Buffer.from(hairlinePolyline(head, natural, 7).buffer))).toBe(false);
    // The wobble's amplitude is the configured irregularity (sharp has none).
    const plain = hairlinePolyline(head, { ...natural, irregularityMm: 0 }, 7);
    const wobbly = hairlinePolyline(head, natural, 7);
    let amp = 0;
    for (let k = 0; k < plain.length; k += 3) amp = Math.max(amp, Math.hypot(plain[k] - wobbly[k], plain[k + 1] - wobbly[k + 1], plain[k + 2] - wobbly[k + 2]));
    console.log('natural wobble peak (mm)', amp.toFixed(2), 'configured', natural.irregularityMm);
    expect(Math.abs(amp - natural.irregularityMm)).toBeLessThan(0.5);
    const sharp = withStyle(defaultHairline(), 'sharp');
    expect(hairlinePolyline(head, { ...sharp, irregularityMm: 5 }, 7)).toEqual(hairlinePolyline(head, sharp, 7));
    // Mature recedes the temples: its frontotemporal points sit higher.
    const ft = (s: Hairline) => byId(hairlineHandles(head, s)).frontotemporalLeft.positionMm;
    const mature = ft(withStyle(defaultHairline(), 'mature')),
      classic = ft(withStyle(defaultHairline(), 'classic'));
    console.log('left frontotemporal point: classic', r1(classic), 'mature', r1(mature));
    expect(mature[1]).toBeGreaterThan(classic[1]);
    expect(mature[2]).toBeLessThan(classic[2] - 10);
  });

  it('draws the height scale at 70, 80 and 100 mm and warns about a low hairline', () => {
    const gd = hairlineGuides(head, defaultHairline());
    const marks = gd.heightMarks.map((m) => ({ mm: m.heightMm, meshArcMm: +meshMidlineArc(head, m.positionMm).toFixed(1) }));
    console.log(
      'height marks',
      JSON.stringify(marks),
      'eye verticals',
      gd.eyeVerticals.map((v) => v.polyline.length / 3),
    );
    for (const m of marks) expect(Math.abs(m.meshArcMm - m.mm)).toBeLessThan(5);
    for (const v of gd.eyeVerticals) {
      const e = v.side === 'left' ? head.landmarks.eyeOuterLeft : head.landmarks.eyeOuterRight;
      expect(v.polyline.length).toBeGreaterThan(30);
      for (let k = 0; k < v.polyline.length; k += 3) expect(Math.abs(v.polyline[k] - e[0])).toBeLessThan(0.5);
    }
    expect(hairlineWarnings(head, defaultHairline())).toEqual([]);
    const low = hairlineWarnings(head, { ...defaultHairline(), midFrontalHeightMm: 65 });
    console.log('warnings at 65 mm', JSON.stringify(low));
    expect(low.map((w) => w.code)).toEqual(['low']);
    expect(low[0].message).toMatch(/aggressive.*unnatural with age/);
    expect(hairlineWarnings(head, { ...defaultHairline(), midFrontalHeightMm: 110 }).map((w) => w.code)).toEqual(['high']);
  });
});

/** Dots (per layer) and scalp area (mm²) in bands of hairline distance over the front, within
 * `spanRad` of the midline: a dot is binned by the hairline field at its surface point, a chart
 * cell by the field at its middle (dA = rho drho dphi). `weight` (of the distance) is also
 * integrated over each band's area, for the density a coverage profile predicts. */
function bandProfile(dots: DotSet, hairlineMm: Float32Array, edgesMm: number[], spanRad: number, weight: (hMm: number) => number = () => 0) {
  const chart = head.chart;
  const cols = chart.thetaSteps + 1;
  const dPhi = (2 * Math.PI) / chart.phiSteps;
  const bands = edgesMm.length - 1;
  const band = (d: number) => {
    for (let b = 0; b < bands; b++) if (d >= edgesMm[b] && d < edgesMm[b + 1]) return b;
    return -1;
  };
  const areaMm2 = new Float64Array(bands),
    weighted = new Float64Array(bands);
  const counts = Array.from({ length: bands }, () => new Array<number>(dots.layerCounts.length).fill(0));
  for (let j = 0; j < chart.phiSteps; j++) {
    let phi = (j / chart.phiSteps) * 2 * Math.PI;
    if (phi > Math.PI) phi -= 2 * Math.PI;
    if (Math.abs(phi) > spanRad) continue;
    for (let i = 0; i < chart.thetaSteps; i++) {
      const k = j * cols + i;
      const d = 0.5 * (hairlineMm[k] + hairlineMm[k + 1]);
      const b = band(d);
      if (b < 0) continue;
      const r0 = chart.rhoMm[k],
        r1 = chart.rhoMm[k + 1];
      const a = 0.5 * (r1 * r1 - r0 * r0) * dPhi;
      areaMm2[b] += a;
      weighted[b] += a * weight(d);
    }
  }
  const s = new ScalpSurface(chart);
  for (let n = 0; n < dots.count; n++) {
    s.project(dots.positions[3 * n], dots.positions[3 * n + 1], dots.positions[3 * n + 2]);
    const phi = s.phi > Math.PI ? s.phi - 2 * Math.PI : s.phi;
    if (Math.abs(phi) > spanRad) continue;
    const b = band(s.sampleGrid(hairlineMm));
    if (b >= 0) counts[b][dots.layer[n]]++;
  }
  const total = counts.map((c) => c.reduce((x, y) => x + y, 0));
  return {
    areaMm2,
    counts,
    total,
    /** Dots per cm² in each band. */
    perCm2: total.map((n, b) => (n / areaMm2[b]) * 100),
    /** Mean of `weight` over each band's area. */
    meanWeight: Array.from(weighted, (w, b) => w / areaMm2[b]),
  };
}

/** The default design on a client with no hair left, so only the sessions' dots count. */
function baldDefault(hairline: Hairline = defaultDesign().hairline): Design {
  const d = defaultDesign();
  return { ...d, hairline, hairLoss: { ...d.hairLoss, pattern: 'diffuse', diffuseRemaining: 0 } };
}

const FRONT_RAD = (40 * Math.PI) / 180; // the front of the head: within 40° of the midline

describe('transition zone', () => {
  it('feathers one session: a sparse band right at its edge, a few strays in front, full over the configured width (2 mm bands)', () => {
    const transitionMm = 12;
    const design = {
      ...defaultDesign(),
      hairline: { ...defaultHairline(), transitionMm },
      layers: [{ id: 'a', name: 'A', visible: true, densityPerCm2: 120, diameterMm: 0.2, shade: 0.6, irregularity: 0, hairlineOffsetMm: 0 }],
    };
    const dots = generateDots(head, design);
    const fields = scalpFields(head, design.hairline, design.seed);
    // Over the forehead between the frontotemporal points, clear of the outline's own edge.
    const hs = byId(hairlineHandles(head, design.hairline));
    const lo = -4;
    const edges = Array.from({ length: 12 }, (_, b) => lo + 2 * b); // bands [-4,-2), [-2,0), ... [16,18)
    const p = bandProfile(dots, fields.hairlineMm, edges, 0.9 * hs.frontotemporalLeft.phi, (d) => featherCoverage(d, transitionMm));
    const bands = edges.length - 1;
    const density = p.perCm2.map((v) => +v.toFixed(1));
    // What the coverage profile predicts, averaged over each band's area.
    const expected = p.meanWeight.map((w) => +(120 * w).toFixed(1));
    console.log('density per cm² in 2 mm bands from -4 mm (in front of the edge) to 18 mm behind it', JSON.stringify({ density, expected, areaMm2: Array.from(p.areaMm2, Math.round) }));
    // In front of the edge: strays only, well under the band behind it.
    expect(density[0] + density[1]).toBeGreaterThan(0);
    expect(density[0] + density[1]).toBeLessThan(0.15 * 120);
    // Right behind the edge a visible band of at least a third of full density, not a fade from nothing.
    expect(density[2]).toBeGreaterThan(0.33 * 120);
    expect(density[2]).toBeLessThan(0.75 * 120);
    // Strictly rising across the ramp (where the profile rises by 15+ dots/cm² a band)...
    for (let b = 1; b < bands; b++) if (expected[b] - expected[b - 1] > 15) expect(density[b], `band ${b}`).toBeGreaterThan(density[b - 1]);
    // ...and full past the configured width: every band within 10 % of 120 / cm² (a band holds
    // ~250 dots, so its count alone varies by several per cent).
    for (let b = 0; b < bands; b++) if (lo + 2 * b >= transitionMm) expect(Math.abs(density[b] - 120) / 120, `band ${b}`).toBeLessThan(0.1);
    for (let b = 0; b < bands; b++) expect(Math.abs(density[b] - expected[b]), `band ${b}`).toBeLessThan(14);
  }, 120_000);

  it('feathers the default design: a sparse band of mostly the lightest session at the line, a few strays in front, full by the end of the transition', () => {
    const design = baldDefault();
    const t = design.hairline.transitionMm;
    const dots = generateDots(head, design);
    const fields = scalpFields(head, design.hairline, design.seed);
    // Bands of distance behind the designed line (negative: in front); full density is measured
    // well behind the transition and every session's offset.
    const edges = [-40, -6, -4, 0, 3, 6, t - 2, t, t + 5, t + 15];
    const p = bandProfile(dots, fields.hairlineMm, edges, FRONT_RAD);
    const full = p.perCm2[8];
    const share = (b: number) => p.perCm2[b] / full;
    const lightest = design.layers.reduce((m, l, k) => (l.shade < design.layers[m].shade ? k : m), 0);
    const lightestShare = p.counts[3][lightest] / p.total[3];
    const profile = {
      fullPerCm2: +full.toFixed(1),
      'beyond 6 mm in front (dots)': p.total[0],
      '4-6 mm in front': +share(1).toFixed(3),
      '0-4 mm in front': +share(2).toFixed(3),
      '0-4 mm in front (dots)': p.total[2],
      '0-3 mm behind': +share(3).toFixed(3),
      '3-6 mm behind': +share(4).toFixed(3),
      [`${t - 2}-${t} mm behind`]: +share(6).toFixed(3),
      [`${t}-${t + 5} mm behind`]: +share(7).toFixed(3),
      'lightest session share 0-3 mm behind': +lightestShare.toFixed(3),
      'sessions 0-3 mm behind (dots)': p.counts[3],
    };
    console.log('default design, front ±40°, density as a share of full:', JSON.stringify(profile));
    // Full is the design's total.
    const target = design.layers.reduce((n, l) => n + l.densityPerCm2, 0);
    expect(Math.abs(full - target) / target).toBeLessThan(0.05);
    // (a) Right behind the line a visible but sparse band.
    expect(share(3)).toBeGreaterThan(0.25);
    expect(share(3)).toBeLessThan(0.7);
    // (b) A few strays in front, sparse, and none far in front.
    expect(p.total[2]).toBeGreaterThan(0);
    expect(share(2)).toBeLessThan(0.15);
    expect(p.total[0]).toBe(0);
    // (c) Full by the end of the transition.
    expect(share(6)).toBeGreaterThanOrEqual(0.9);
    expect(share(7)).toBeGreaterThanOrEqual(0.9);
    // Rising from the band at the line to full.
    expect(share(4)).toBeGreaterThan(share(3));
    // (d) The lightest session leads: most of the dots at the line are its.
    expect(lightestShare).toBeGreaterThan(0.5);
  }, 120_000);

  it("keeps the 'sharp' style an edged-up line: no strays in front, full within a few mm behind it", () => {
    const design = baldDefault(withStyle(defaultHairline(), 'sharp'));
    const dots = generateDots(head, design);
    const fields = scalpFields(head, design.hairline, design.seed);
    // Half a millimetre of slack for the dots' float32 positions right on the line.
    const p = bandProfile(dots, fields.hairlineMm, [-40, -0.5, 0, 3, 6, 20, 30], FRONT_RAD);
    const full = p.perCm2[5];
    const share = (b: number) => +(p.perCm2[b] / full).toFixed(3);
    console.log('sharp style, front ±40°, share of full:', JSON.stringify({ 'in front (dots)': p.total[0], '0-3 mm behind': share(2), '3-6 mm behind': share(3), '6-20 mm behind': share(4) }));
    expect(p.total[0]).toBe(0);
    expect(share(2)).toBeGreaterThan(0.25);
    // 3 mm of transition behind the last session's 3 mm offset.
    expect(share(4)).toBeGreaterThan(0.95);
  }, 120_000);

  it('scales the strays with the transition and meets full density smoothly', () => {
    // No strays at or under the sharp style's 3 mm; full reach from the classic 10 mm.
    expect(strayReachMm(HAIRLINE_STYLE_PRESETS.sharp.transitionMm)).toBe(0);
    expect(featherCoverage(-0.1, 3)).toBe(0);
    expect(strayReachMm(10)).toBe(STRAY_REACH_MM);
    expect(strayReachMm(6.5)).toBeCloseTo(STRAY_REACH_MM / 2, 6);
    expect(featherCoverage(-STRAY_REACH_MM - 0.01, 30)).toBe(0);
    // A visible floor at the edge, rising, and no seam where it reaches full.
    expect(featherCoverage(0, 10)).toBe(FEATHER_FLOOR);
    expect(FEATHER_FLOOR).toBeGreaterThanOrEqual(1 / 3);
    expect(FEATHER_FLOOR).toBeLessThanOrEqual(1 / 2);
    for (let h = 0; h < 10; h += 0.5) expect(featherCoverage(h + 0.5, 10)).toBeGreaterThan(featherCoverage(h, 10));
    expect(1 - featherCoverage(9.9, 10)).toBeLessThan(1e-3);
  });
});
