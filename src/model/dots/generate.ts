import type { DotSet, DotsHead } from './types';
import type { Design } from '../design';
import { scalpFields, type ScalpFields } from '../scalp/fields';
import { clientHairField } from '../hair/look';
import { ScalpSurface } from '../scalp/surface';
import { chartStretch } from '../scalp/jacobian';
import { GHOST, PointGrid, surfaceBounds } from './pointGrid';
import { createRng, type Rng } from '../rng';
import { sampleLayer, type LayerPass } from './sampler';
import { featherCoverage } from './feather';
import { MERGE_SPACING, PACKING, checkLayers, type DotsSpec, type LayerSpec } from './limits';

export type { DotSet, DotsHead };

export interface GenerateOptions {
  onProgress?: (fraction: number) => void;
}

/** Closest a dot of one session may sit to a dot of another: any closer and they merge. */
export function minCrossSpacingMm(a: LayerSpec, b: LayerSpec): number {
  return ((a.diameterMm + b.diameterMm) / 2) * MERGE_SPACING;
}

/** Smoothstep from none at t = 0 to full at t = 1: the outline's soft edge (the front hairline
 * is feathered instead, see feather.ts). */
function ramp(t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  return t * t * (3 - 2 * t);
}

/** Edge softness where the treated region meets the hair-bearing outline (sides and nape). */
const OUTLINE_EDGE_MM = 6;

/** Dots for a design: every session's layer, hidden ones included (hiding is a view matter). */
export function generateDots(head: DotsHead, design: Design, options: GenerateOptions = {}): DotSet {
  const hair = { field: clientHairField(head, design), fuPerCm2: design.stubble.densityFuPerCm2 };
  return generateDotsFromSpec(head, { seed: design.seed, hairline: design.hairline, layers: design.layers, hair }, options);
}

/** Share of a session's density wanted where the client keeps a share `hair` of their hair. The
 * sessions and the client's follicles together should read as one even density, so the shaved
 * stubble's units count as marks: dots fill up to the design's total density and no further
 * (full hair of 90 FU/cm² under a 200 dots/cm² design leaves 55 % of the dots). An assumption of
 * this app: clinics describe blending dots into the remaining hair, not a rule for how many. */
export function hairFill(hair: number, fuPerCm2: number, designPerCm2: number): number {
  const f = 1 - (hair * fuPerCm2) / designPerCm2;
  return f <= 0 ? 0 : f >= 1 ? 1 : f;
}

export function generateDotsFromSpec(head: DotsHead, spec: DotsSpec, options: GenerateOptions = {}): DotSet {
  const layers = spec.layers;
  const fields = scalpFields(head, spec.hairline, spec.seed);
  const surface = new ScalpSurface(head.chart);
  const fill = fillField(spec);
  const areas = layers.map((l) => effectiveAreaMm2(head, fields, l, spec.hairline.transitionMm, fill));
  checkLayers(layers, areas);
  const expected = layers.reduce((n, l, k) => n + (l.densityPerCm2 / 100) * areas[k] * 1.1, 0);

  const minRadius = layers.map((l) => l.diameterMm * MERGE_SPACING);
  // Cells three times the smallest disk radius: a query touches 4.6 cells on average, which
  // measured faster than 2 (8 cells, fewer points each) or 4.
  const cell = 3 * Math.min(...layers.map((l) => Math.sqrt(PACKING / (l.densityPerCm2 / 100))));
  const bounds = surfaceBounds(head.chart.surfaceMm);
  const grid = new PointGrid(cell, Math.max(1024, expected * 1.3), bounds.min, bounds.max);
  const report = options.onProgress;
  let densitySoFar = 0;
  let doneExpected = 0;

  for (let k = 0; k < layers.length; k++) {
    const l = layers[k];
    const density = l.densityPerCm2 / 100; // per mm^2
    densitySoFar += density;
    const crossMm = new Float64Array(layers.length);
    // A later session keeps clear of earlier dots: never closer than merging allows, and
    // spread toward the spacing of all sessions together, so it fills the gaps between them.
    const unionRadius = Math.sqrt(PACKING / densitySoFar);
    for (let e = 0; e < k; e++) crossMm[e] = Math.max(minCrossSpacingMm(l, layers[e]), 0.5 * unionRadius);
    const pass: LayerPass = {
      layer: k,
      radiusMm: Math.sqrt(PACKING / density),
      minRadiusMm: minRadius[k],
      irregularity: l.irregularity,
      crossMm,
      coverage: (s) => {
        const h = featherCoverage(s.sampleGrid(fields.hairlineMm) - l.hairlineOffsetMm, spec.hairline.transitionMm);
        const o = s.sampleGrid(fields.outlineMm) / OUTLINE_EDGE_MM;
        return fill ? h * ramp(o) * s.sampleGrid(fill) : h * ramp(o);
      },
    };
    const rng = createRng(spec.seed, k);
    calibrate(surface, grid, pass, density, head, createRng(spec.seed, 1000 + k));
    const layerExpected = density * areas[k];
    const seeds = seedPoints(head, surface, pass, rng);
    sampleLayer(surface, grid, pass, seeds.first, rng, {}, (added) => report?.(Math.min(1, (doneExpected + added) / expected)));
    // Parts of the region the first front did not reach (islands) start from the other seeds.
    sampleLayer(surface, grid, pass, seeds.rest, rng);
    doneExpected += layerExpected;
    report?.(Math.min(1, doneExpected / expected));
  }
  return collect(grid, head, layers, areas);
}

/** Adjusts the layer's disk radius so its density at full coverage matches the target: the
 * sampler runs on a patch at the crown (with the earlier layers in place) and the count in
 * its inner part is compared with the target. Conditioning on earlier layers and irregularity
 * both change how tightly dots pack, so this is measured rather than assumed. */
function calibrate(surface: ScalpSurface, grid: PointGrid, pass: LayerPass, density: number, head: DotsHead, rng: Rng): void {
  const pilot = pilotCenter(head, surface, pass);
  if (!pilot) return;
  const center = pilot.at;
  // Coverage thins the layer at random: the pilot patch should reach the target times its coverage.
  density *= pilot.coverage;
  const inner = Math.max(8, 4.5 * pass.radiusMm * Math.sqrt(40 / Math.PI)); // ~>= 300 dots inside
  const outer = inner + 4 * pass.radiusMm;
  for (let iter = 0; iter < 5; iter++) {
    const start = grid.count;
    sampleLayer(surface, grid, pass, seedsAround(center, pass.radiusMm * 3, rng), rng, { center, radiusMm: outer });
    let n = 0;
    for (let i = start; i < grid.count; i++) {
      if (grid.tag(i) & GHOST) continue;
      const dx = grid.pos[4 * i] - center[0],
        dy = grid.pos[4 * i + 1] - center[1],
        dz = grid.pos[4 * i + 2] - center[2];
      if (dx * dx + dy * dy + dz * dz <= inner * inner) n++;
    }
    grid.truncate(start);
    const achieved = n / (Math.PI * inner * inner);
    if (n < 20) return;
    const ratio = achieved / density;
    pass.radiusMm = Math.max(pass.minRadiusMm, pass.radiusMm * Math.sqrt(Math.min(2, Math.max(0.1, ratio))));
    if (Math.abs(ratio - 1) < 0.01) break;
  }
}

/** The chart node nearest the crown where the layer has full coverage or, where the client's
 * hair leaves none at full coverage, the node of most coverage; with that coverage. */
function pilotCenter(head: DotsHead, surface: ScalpSurface, pass: LayerPass): { at: [number, number, number]; coverage: number } | null {
  const s = head.chart.surfaceMm;
  const cols = head.chart.thetaSteps + 1;
  let best: { at: [number, number, number]; coverage: number } | null = null;
  for (let i = 0; i < cols; i += 4) {
    for (let j = 0; j < head.chart.phiSteps; j += 16) {
      const k = j * cols + i;
      surface.project(s[3 * k], s[3 * k + 1], s[3 * k + 2]);
      const c = pass.coverage(surface);
      if (c >= 1) return { at: [surface.x, surface.y, surface.z], coverage: 1 };
      if (c > 0.05 && (!best || c > best.coverage + 1e-3)) best = { at: [surface.x, surface.y, surface.z], coverage: c };
    }
  }
  return best;
}

/** Random points within `radiusMm` of a centre: start points for a front, of which the first
 * that is not blocked by earlier layers' dots takes. */
function seedsAround(center: [number, number, number], radiusMm: number, rng: Rng): Float32Array {
  const out = new Float32Array(64 * 3);
  for (let k = 0; k < 64; k++) {
    out[3 * k] = center[0] + (rng.next() * 2 - 1) * radiusMm;
    out[3 * k + 1] = center[1] + (rng.next() * 2 - 1) * radiusMm;
    out[3 * k + 2] = center[2] + (rng.next() * 2 - 1) * radiusMm;
  }
  return out;
}

/** Start points: around the crown first (one front fills the connected region), then a
 * coarse lattice of chart nodes with coverage for parts it did not reach. */
function seedPoints(head: DotsHead, surface: ScalpSurface, pass: LayerPass, rng: Rng): { first: Float32Array; rest: Float32Array } {
  const s = head.chart.surfaceMm;
  const cols = head.chart.thetaSteps + 1;
  const out: number[] = [];
  const center = pilotCenter(head, surface, pass);
  const first = center ? seedsAround(center.at, pass.radiusMm * 3, rng) : new Float32Array(0);
  for (let j = 0; j < head.chart.phiSteps; j += 8) {
    for (let i = 0; i < cols; i += 8) {
      const k = j * cols + i;
      surface.project(s[3 * k], s[3 * k + 1], s[3 * k + 2]);
      if (pass.coverage(surface) > 0) out.push(surface.x, surface.y, surface.z);
    }
  }
  return { first, rest: new Float32Array(out) };
}

/** Per chart node, the share of the sessions' density wanted around the client's hair; null
 * without hair to fill around. */
function fillField(spec: DotsSpec): Float32Array | null {
  if (!spec.hair) return null;
  const total = spec.layers.reduce((n, l) => n + l.densityPerCm2, 0);
  const { field, fuPerCm2 } = spec.hair;
  const out = new Float32Array(field.length);
  for (let k = 0; k < field.length; k++) out[k] = hairFill(field[k], fuPerCm2, total);
  return out;
}

/** Treated area of a layer (mm^2), each part weighted by its coverage, over the chart grid. */
function effectiveAreaMm2(head: DotsHead, fields: ScalpFields, l: LayerSpec, transitionMm: number, fill: Float32Array | null): number {
  // Chart area equals surface area; in polar cells dA = rho drho dphi = d(rho^2 / 2) dphi.
  const chart = head.chart;
  const cols = chart.thetaSteps + 1;
  const dPhi = (2 * Math.PI) / chart.phiSteps;
  let area = 0;
  for (let j = 0; j < chart.phiSteps; j++) {
    for (let i = 0; i < chart.thetaSteps; i++) {
      const k = j * cols + i;
      // The same coverage the sampler thins by, so dots / area is the layer's density; taken at
      // the cell's middle, as the feathered edge steps within a cell.
      const h = featherCoverage(0.5 * (fields.hairlineMm[k] + fields.hairlineMm[k + 1]) - l.hairlineOffsetMm, transitionMm);
      const o = fields.outlineMm[k] / OUTLINE_EDGE_MM;
      const cov = h * ramp(o) * (fill ? 0.5 * (fill[k] + fill[k + 1]) : 1);
      if (cov <= 0) continue;
      const r0 = chart.rhoMm[k],
        r1 = chart.rhoMm[k + 1];
      area += cov * 0.5 * (r1 * r1 - r0 * r0) * dPhi;
    }
  }
  return area;
}

function collect(grid: PointGrid, head: DotsHead, layers: LayerSpec[], areas: number[]): DotSet {
  let count = 0;
  for (let i = 0; i < grid.count; i++) if ((grid.tag(i) & GHOST) === 0) count++;
  const positions = new Float32Array(count * 3);
  const normals = new Float32Array(count * 3);
  const uv = new Float32Array(count * 2);
  const uvAxes = new Float32Array(count * 4);
  const layer = new Uint8Array(count);
  const diameterMm = new Float32Array(count);
  const shade = new Float32Array(count);
  const layerCounts = new Uint32Array(layers.length);
  const surface = new ScalpSurface(head.chart);
  const stretch = chartStretch(head.chart);
  const uvPerMm = 1 / (2 * head.chart.extentMm);
  let n = 0;
  for (let i = 0; i < grid.count; i++) {
    const t = grid.tag(i);
    if (t & GHOST) continue;
    positions[3 * n] = grid.pos[4 * i];
    positions[3 * n + 1] = grid.pos[4 * i + 1];
    positions[3 * n + 2] = grid.pos[4 * i + 2];
    normals[3 * n] = grid.normals[3 * i];
    normals[3 * n + 1] = grid.normals[3 * i + 1];
    normals[3 * n + 2] = grid.normals[3 * i + 2];
    surface.moveTo(grid.polar[2 * i], grid.polar[2 * i + 1]);
    surface.chartUv(uv, 2 * n);
    surface.sampleGrid4(stretch, uvPerMm, uvAxes, 4 * n);
    layer[n] = t;
    diameterMm[n] = layers[t].diameterMm;
    shade[n] = layers[t].shade;
    layerCounts[t]++;
    n++;
  }
  return {
    count,
    positions,
    normals,
    uv,
    uvAxes,
    layer,
    diameterMm,
    shade,
    layerCounts,
    layerAreaCm2: Float32Array.from(areas, (a) => a / 100),
  };
}
