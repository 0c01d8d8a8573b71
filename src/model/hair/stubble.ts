import { z } from '../zod';
import { range } from '../schema';
import type { DotSet } from '../dots/types';
import { PointGrid, GHOST, surfaceBounds } from '../dots/pointGrid';
import { createRng, type Rng } from '../rng';
import { sampleLayer, type LayerPass } from '../dots/sampler';
import { rhoAt } from '../scalp/chart';
import { ScalpSurface } from '../scalp/surface';
import { crownPoint, headScale, type HairHead } from './anchors';
import { growthDirection, SWIRL_MM } from './growth';
import { cutEndLengthMm, HAIR_WIDTH_MM, HAIRS_PER_UNIT_SHARE, SHAFT_UNDER_SKIN_MM } from './hairFigures';

/** The client's own hair as it will be worn with SMP: shaved short. */
export const stubbleSchema = z.object({
  /** Follicular units per cm² where hair is full: 80-100 (hair clinics; Guo et al. 2017 measured
   * 74 +/- 13 in a Chinese cohort). */
  densityFuPerCm2: range('Follicular unit density', ' FU/cm²', 20, 130),
  /** 0 = shaved to the skin; the app offers 0, 0.5, 1 and 3 mm. */
  shaveLengthMm: range('Shave length', ' mm', 0, 3),
  whorl: z.object({
    /** Signed, + toward the client's right: 71 % of whorls are right of the midline (Schmidt et al. 2008). */
    offsetMm: range('Whorl offset', ' mm', -30, 30),
    /** Seen from above; 84 % turn clockwise (Schmidt et al. 2008). */
    clockwise: z.boolean({ error: 'Whorl direction must be true (clockwise) or false (anticlockwise)' }),
  }),
});
export type Stubble = z.infer<typeof stubbleSchema>;

export const SHAVE_LENGTHS_MM = [0, 0.5, 1, 3] as const;

/** 90 FU/cm², the middle of the clinics' 80-100, at 2.48 hairs a unit (hairFigures.ts): about 223
 * hairs/cm², BioNumbers' mean. Shaved to the skin: clients with SMP keep what hair they have
 * shaved close (a foil shaver or razor every day or two) so that it reads like the dots; the
 * consultation sets a longer shave for a client who keeps stubble. Whorl 5 mm right of the
 * midline (assumed: Schmidt et al. give the side, not the distance). */
export function defaultStubble(): Stubble {
  return { densityFuPerCm2: 90, shaveLengthMm: 0, whorl: { offsetMm: 5, clockwise: true } };
}

export interface StubbleSpec extends Stubble {
  seed: number;
  /** Share of natural density per chart node (hairField). */
  hairField: Float32Array;
}

/** Stubble as splats the dot renderer bakes unchanged, plus its units. Two layers (the renderer
 * bakes layer k into colour channel k): layer 0, one splat per hair for its shaft under the skin;
 * layer 1, one per hair for its cut end above the skin (none when shaved to the skin). Splat
 * `hairCount + i` is the cut end of the hair whose shaft is splat i. */
export interface StubbleSet extends DotSet {
  /** Hairs: the splats of layer 0 (layerCounts[0]). */
  hairCount: number;
  unitCount: number;
  /** Follicular unit centres on the surface, xyz mm. */
  unitPositions: Float32Array;
  /** Hairs in each unit, 1-4. */
  hairsPerUnit: Uint8Array;
  /** Per splat, the unit its hair belongs to. */
  unitOf: Uint32Array;
  /** Per splat, its hair's growth direction (a surface tangent, the unit's turned by the splay), xyz. */
  directions: Float32Array;
  whorlMm: [number, number, number];
}

/** Neighbouring hairs of one unit sit 0.2-0.4 mm apart (assumed; a unit's hairs share one
 * opening, so the whole unit is within about 0.5 mm). */
const UNIT_SPACING_MM = [0.2, 0.4] as const;
/** Hairs of a unit splay a little: each is turned by up to this much (assumed). */
const SPLAY_RAD = (8 * Math.PI) / 180;
const STREAM = 0x5700;
/** Units per mm^2 of this sampler at disk radius r, without irregularity: 0.75 / r^2 (measured
 * over the whole head, 1 cm^2 patches; the dots' PACKING of 0.8 holds with irregularity). */
const FU_PACKING = 0.75;

/** A splat is an ellipse; each axis is widened by this so its area is its strip's, width x length
 * (pi/4 x sqrt(4/pi)^2 = 1): the renderer then covers as much skin as the hairs do (stubbleOptics). */
export const SPLAT_SCALE = Math.sqrt(4 / Math.PI);

/**
 * The client's stubble: follicular units as blue noise (the dot sampler, with the hair field as
 * its coverage, so density = densityFuPerCm2 x hair share), 1-4 hairs each, every hair two thin
 * ellipses laid along the growth direction (see growth.ts): its shaft under the skin, running
 * SHAFT_UNDER_SKIN_MM back from where it leaves the skin, and its cut end, cutEndLengthMm long in
 * front of that point.
 */
export function generateStubble(head: HairHead, spec: StubbleSpec): StubbleSet {
  const chart = head.chart;
  const surface = new ScalpSurface(chart);
  const density = spec.densityFuPerCm2 / 100; // per mm^2
  const field = spec.hairField;
  const areaMm2 = hairAreaMm2(head, field);
  const radiusMm = Math.sqrt(FU_PACKING / density);
  const bounds = surfaceBounds(chart.surfaceMm);
  const grid = new PointGrid(3 * radiusMm, density * areaMm2 * 1.3 + 1024, bounds.min, bounds.max);
  const pass: LayerPass = {
    layer: 0,
    radiusMm,
    minRadiusMm: radiusMm,
    irregularity: 0,
    crossMm: new Float64Array(1),
    coverage: (s) => Math.min(1, Math.max(0, s.sampleGrid(field))),
  };
  const rng = createRng(spec.seed, STREAM);
  const seeds = seedPoints(head, field);
  sampleLayer(surface, grid, pass, seeds.first, rng);
  sampleLayer(surface, grid, pass, seeds.rest, rng);
  // Whorl: the crown centre moved to the client's right (-x) by the offset.
  const whorl = crownPoint(head, surface, -spec.whorl.offsetMm);
  return collect(head, surface, grid, spec, whorl, areaMm2, createRng(spec.seed, STREAM + 1));
}

/** Start points: the node with full hair nearest the chart pole, then a coarse lattice of nodes
 * with hair for islands the first front does not reach. */
function seedPoints(head: HairHead, field: Float32Array): { first: Float32Array; rest: Float32Array } {
  const chart = head.chart,
    s = chart.surfaceMm,
    cols = chart.thetaSteps + 1;
  let first: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < cols && first.length === 0; i += 2) {
    for (let j = 0; j < chart.phiSteps; j += 8) {
      const k = j * cols + i;
      if (field[k] >= 0.99) {
        first = [s[3 * k], s[3 * k + 1], s[3 * k + 2]];
        break;
      }
    }
  }
  for (let j = 0; j < chart.phiSteps; j += 6) {
    for (let i = 0; i < cols; i += 6) {
      const k = j * cols + i;
      if (field[k] > 0.05) rest.push(s[3 * k], s[3 * k + 1], s[3 * k + 2]);
    }
  }
  return { first: Float32Array.from(first), rest: Float32Array.from(rest) };
}

/** Hair-bearing area (mm^2), each part weighted by its hair share: FU count / this = density. */
export function hairAreaMm2(head: Pick<HairHead, 'chart'>, field: Float32Array): number {
  const chart = head.chart,
    cols = chart.thetaSteps + 1;
  const dPhi = (2 * Math.PI) / chart.phiSteps;
  let area = 0;
  for (let j = 0; j < chart.phiSteps; j++) {
    for (let i = 0; i < chart.thetaSteps; i++) {
      const n = j * cols + i;
      const h = 0.25 * (field[n] + field[n + 1] + field[n + cols] + field[n + cols + 1]);
      if (h <= 0) continue;
      const r0 = chart.rhoMm[n],
        r1 = chart.rhoMm[n + 1];
      area += Math.min(1, h) * 0.5 * (r1 * r1 - r0 * r0) * dPhi;
    }
  }
  return area;
}

/** Chart-plane position (mm) of a point, projected onto the scalp first; false off the chart. */
function chartXY(surface: ScalpSurface, x: number, y: number, z: number, out: Float64Array, at: number): boolean {
  if (!surface.project(x, y, z)) return false;
  const rho = rhoAt(surface.chart, surface.theta, surface.phi);
  out[at] = rho * Math.cos(surface.phi);
  out[at + 1] = rho * Math.sin(surface.phi);
  return true;
}

const EPS_MM = 0.5;
const xy = new Float64Array(6);

/** Chart image (chart mm per surface mm) of the tangent (vx, vy, vz) at p, by central
 * differences through the surface projection, into img[0..1]. */
function chartImage(surface: ScalpSurface, px: number, py: number, pz: number, vx: number, vy: number, vz: number, img: Float64Array): void {
  const okP = chartXY(surface, px + vx * EPS_MM, py + vy * EPS_MM, pz + vz * EPS_MM, xy, 0);
  const okM = chartXY(surface, px - vx * EPS_MM, py - vy * EPS_MM, pz - vz * EPS_MM, xy, 2);
  chartXY(surface, px, py, pz, xy, 4);
  // At the chart's rim one side may fall off it: a one-sided difference then.
  const ax = okP ? xy[0] : xy[4],
    ay = okP ? xy[1] : xy[5];
  const bx = okM ? xy[2] : xy[4],
    by = okM ? xy[3] : xy[5];
  const span = ((okP ? 1 : 0) + (okM ? 1 : 0)) * EPS_MM || 1;
  img[0] = (ax - bx) / span;
  img[1] = (ay - by) / span;
}

const SHARE_SUM = HAIRS_PER_UNIT_SHARE.reduce((x, y) => x + y, 0);

function pickHairs(rng: Rng): number {
  const u = rng.next() * SHARE_SUM;
  let acc = 0;
  for (let m = 0; m < 3; m++) {
    acc += HAIRS_PER_UNIT_SHARE[m];
    if (u < acc) return m + 1;
  }
  return 4;
}

/** Splat arrays for `count` splats. */
function splatArrays(count: number) {
  return {
    positions: new Float32Array(count * 3),
    normals: new Float32Array(count * 3),
    uv: new Float32Array(count * 2),
    uvAxes: new Float32Array(count * 4),
    directions: new Float32Array(count * 3),
    unitOf: new Uint32Array(count),
  };
}

function collect(head: HairHead, surface: ScalpSurface, grid: PointGrid, spec: StubbleSpec, whorl: [number, number, number], areaMm2: number, rng: Rng): StubbleSet {
  const chart = head.chart;
  const uvPerMm = 1 / (2 * chart.extentMm);
  const swirl = SWIRL_MM * headScale(head);
  let units = 0;
  for (let i = 0; i < grid.count; i++) if ((grid.tag(i) & GHOST) === 0) units++;
  const unitPositions = new Float32Array(units * 3);
  const hairsPerUnit = new Uint8Array(units);
  const unitSrc = new Uint32Array(units);
  let hairs = 0;
  for (let i = 0, u = 0; i < grid.count; i++) {
    if (grid.tag(i) & GHOST) continue;
    unitSrc[u] = i;
    for (let c = 0; c < 3; c++) unitPositions[3 * u + c] = grid.pos[4 * i + c];
    hairsPerUnit[u] = pickHairs(rng);
    hairs += hairsPerUnit[u++];
  }
  const cutMm = cutEndLengthMm(spec.shaveLengthMm);
  const cuts = cutMm > 0 ? hairs : 0;
  const count = hairs + cuts;
  const out = splatArrays(count);
  // Each part's length along the growth direction, and its centre's offset from the exit point;
  // its footprint is a strip that long and a hair wide.
  const elongation = Float32Array.of(SHAFT_UNDER_SKIN_MM / HAIR_WIDTH_MM, cutMm / HAIR_WIDTH_MM);
  const parts = [
    { layer: 0, shiftMm: -0.5 * SHAFT_UNDER_SKIN_MM, first: 0 },
    { layer: 1, shiftMm: 0.5 * cutMm, first: hairs },
  ].slice(0, cuts > 0 ? 2 : 1);
  const g = new Float64Array(3),
    imgG = new Float64Array(2),
    imgQ = new Float64Array(2);
  let h = 0;
  for (let u = 0; u < units; u++) {
    const i = unitSrc[u];
    const px = grid.pos[4 * i],
      py = grid.pos[4 * i + 1],
      pz = grid.pos[4 * i + 2];
    const nx = grid.normals[3 * i],
      ny = grid.normals[3 * i + 1],
      nz = grid.normals[3 * i + 2];
    growthDirection(px, py, pz, nx, ny, nz, whorl, spec.whorl.clockwise, swirl, g, 0);
    // q: across the growth direction, in the tangent plane.
    const qx = ny * g[2] - nz * g[1],
      qy = nz * g[0] - nx * g[2],
      qz = nx * g[1] - ny * g[0];
    chartImage(surface, px, py, pz, g[0], g[1], g[2], imgG);
    chartImage(surface, px, py, pz, qx, qy, qz, imgQ);
    const n = hairsPerUnit[u];
    const spacing = UNIT_SPACING_MM[0] + (UNIT_SPACING_MM[1] - UNIT_SPACING_MM[0]) * rng.next();
    const ring = n > 1 ? spacing / (2 * Math.sin(Math.PI / n)) : 0;
    const turn0 = rng.next() * 2 * Math.PI;
    for (let m = 0; m < n; m++, h++) {
      const a = turn0 + (2 * Math.PI * m) / n;
      const splay = (rng.next() * 2 - 1) * SPLAY_RAD;
      const cs = Math.cos(splay),
        sn = Math.sin(splay);
      // This hair's direction, in the (g, q) frame; where it leaves the skin, off the unit centre.
      const dx = cs * g[0] + sn * qx,
        dy = cs * g[1] + sn * qy,
        dz = cs * g[2] + sn * qz;
      const exitG = ring * Math.cos(a),
        exitQ = ring * Math.sin(a);
      for (const part of parts) {
        const k = part.first + h;
        const og = exitG + part.shiftMm * cs,
          oq = exitQ + part.shiftMm * sn;
        surface.project(px + og * g[0] + oq * qx, py + og * g[1] + oq * qy, pz + og * g[2] + oq * qz);
        out.positions[3 * k] = surface.x;
        out.positions[3 * k + 1] = surface.y;
        out.positions[3 * k + 2] = surface.z;
        out.normals[3 * k] = surface.nx;
        out.normals[3 * k + 1] = surface.ny;
        out.normals[3 * k + 2] = surface.nz;
        surface.chartUv(out.uv, 2 * k);
        // The along axis is stretched by length / width: the ellipse is the part's strip scaled
        // by SPLAT_SCALE on both axes.
        const along = elongation[part.layer] * uvPerMm;
        out.uvAxes[4 * k] = (cs * imgG[0] + sn * imgQ[0]) * along;
        out.uvAxes[4 * k + 1] = (cs * imgG[1] + sn * imgQ[1]) * along;
        out.uvAxes[4 * k + 2] = (cs * imgQ[0] - sn * imgG[0]) * uvPerMm;
        out.uvAxes[4 * k + 3] = (cs * imgQ[1] - sn * imgG[1]) * uvPerMm;
        out.directions[3 * k] = dx;
        out.directions[3 * k + 1] = dy;
        out.directions[3 * k + 2] = dz;
        out.unitOf[k] = u;
      }
    }
  }
  const layer = new Uint8Array(count);
  layer.fill(1, hairs);
  return {
    count,
    ...out,
    layer,
    diameterMm: new Float32Array(count).fill(HAIR_WIDTH_MM * SPLAT_SCALE),
    shade: new Float32Array(count).fill(1),
    layerCounts: Uint32Array.of(hairs, cuts),
    layerAreaCm2: Float32Array.of(areaMm2 / 100, areaMm2 / 100),
    elongation,
    hairCount: hairs,
    unitCount: units,
    unitPositions,
    hairsPerUnit,
    whorlMm: whorl,
  };
}
