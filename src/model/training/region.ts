import type { HeadModel, Vec3 } from '../head/types';
import { scalpFields } from '../scalp/fields';
import { ScalpSurface } from '../scalp/surface';
import type { Exercise } from './exercises';

/** What the training model needs of the head. */
export type TrainingHead = Pick<HeadModel, 'chart' | 'landmarks'>;

/** Sample spacing of the region lattice (mm): fine against dot spacings of 1-2 mm, so gaps are
 * located to within a quarter of a millimetre and areas are exact to well under 1%. */
export const SAMPLE_MM = 0.5;

/**
 * An exercise's region on one head: a rectangle in the tangent plane at an anchor point
 * (u across, v = normal x u, w along the normal), and a lattice of surface samples over it,
 * each with its surface area and target share, which areas, density cells and gap search use.
 * The rectangles are at most 50 mm long, where the scalp departs from the plane by a few mm:
 * planar (u, v) serve for binning only; distances are always taken in 3D on the surface.
 */
export interface ExerciseRegion {
  kind: Exercise['region']['kind'];
  center: Vec3;
  normal: Vec3;
  uDir: Vec3;
  vDir: Vec3;
  uMinMm: number;
  uMaxMm: number;
  vMinMm: number;
  vMaxMm: number;
  transitionMm: number;
  /** Surface area of the rectangle (cm²) and the same weighted by the target share. */
  areaCm2: number;
  targetAreaCm2: number;
  /** Lattice samples: planar (u, v), surface point, surface area (mm²) and target share. */
  samples: { count: number; u: Float32Array; v: Float32Array; xyz: Float32Array; areaMm2: Float32Array; coverage: Float32Array };
  /** True when a point on the scalp lies in the region. */
  inside(x: number, y: number, z: number): boolean;
  /** Share of the target density wanted at planar (u, v): 0 outside, ramping over a hairline. */
  coverage(u: number, v: number): number;
  /** Planar coordinates of a point into out[0..2] (u, v, w). */
  local(x: number, y: number, z: number, out: Float64Array): void;
  surface: ScalpSurface;
}

const surfaces = new WeakMap<TrainingHead['chart'], ScalpSurface>();
/** Mid-frontal hairline points by height: the hairline field costs ~0.1 s. */
const midFrontal = new WeakMap<TrainingHead['chart'], Map<number, Vec3>>();
const regions = new WeakMap<TrainingHead['chart'], Map<Exercise, ExerciseRegion>>();

export function surfaceOf(head: TrainingHead): ScalpSurface {
  let s = surfaces.get(head.chart);
  if (!s) surfaces.set(head.chart, (s = new ScalpSurface(head.chart)));
  return s;
}

/** Hairline ramp for the exercises: a smoothstep from none to full (the design's dots are feathered instead, dots/feather.ts). */
export function smoothRamp(t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  return t * t * (3 - 2 * t);
}

/** The exercise's region on this head (cached per head and exercise object). */
export function resolveRegion(head: TrainingHead, exercise: Exercise): ExerciseRegion {
  let byExercise = regions.get(head.chart);
  if (!byExercise) regions.set(head.chart, (byExercise = new Map()));
  let r = byExercise.get(exercise);
  if (!r) byExercise.set(exercise, (r = buildRegion(head, exercise)));
  return r;
}

function anchorPoint(head: TrainingHead, surface: ScalpSurface, exercise: Exercise): void {
  const a = exercise.region.anchor;
  let p: ArrayLike<number>;
  if ('landmark' in a) {
    const l = head.landmarks[a.landmark];
    p = [l[0] + a.offsetMm[0], l[1] + a.offsetMm[1], l[2] + a.offsetMm[2]];
  } else {
    // The hairline polyline runs from temple to temple in 240 steps; its middle is the midline.
    let byHeight = midFrontal.get(head.chart);
    if (!byHeight) midFrontal.set(head.chart, (byHeight = new Map()));
    let mid = byHeight.get(a.hairlineHeightMm);
    if (!mid) {
      const line = scalpFields(head, { midFrontalHeightMm: a.hairlineHeightMm }).hairlinePolyline;
      const m = 3 * Math.floor(line.length / 6);
      byHeight.set(a.hairlineHeightMm, (mid = [line[m], line[m + 1], line[m + 2]]));
    }
    p = mid;
  }
  if (!surface.project(p[0], p[1], p[2])) throw new Error(`Exercise ${exercise.id}: its region's anchor is not on the scalp`);
}

function buildRegion(head: TrainingHead, exercise: Exercise): ExerciseRegion {
  const surface = surfaceOf(head);
  const spec = exercise.region;
  anchorPoint(head, surface, exercise);
  const c: Vec3 = [surface.x, surface.y, surface.z];
  const n: Vec3 = [surface.nx, surface.ny, surface.nz];
  const h = spec.acrossDir;
  const hn = h[0] * n[0] + h[1] * n[1] + h[2] * n[2];
  let u: Vec3 = [h[0] - hn * n[0], h[1] - hn * n[1], h[2] - hn * n[2]];
  const ul = Math.hypot(u[0], u[1], u[2]);
  if (ul < 1e-6) throw new Error(`Exercise ${exercise.id}: acrossDir is along the surface normal`);
  u = [u[0] / ul, u[1] / ul, u[2] / ul];
  const v: Vec3 = [n[1] * u[2] - n[2] * u[1], n[2] * u[0] - n[0] * u[2], n[0] * u[1] - n[1] * u[0]];
  const { uMinMm, uMaxMm, vMinMm, vMaxMm, transitionMm } = spec;
  const hairline = spec.kind === 'hairline' && transitionMm > 0;

  const coverage = (pu: number, pv: number): number => {
    if (pu < uMinMm || pu > uMaxMm || pv < vMinMm || pv > vMaxMm) return 0;
    return hairline ? smoothRamp(pv / transitionMm) : 1;
  };
  const local = (x: number, y: number, z: number, out: Float64Array): void => {
    const dx = x - c[0],
      dy = y - c[1],
      dz = z - c[2];
    out[0] = dx * u[0] + dy * u[1] + dz * u[2];
    out[1] = dx * v[0] + dy * v[1] + dz * v[2];
    out[2] = dx * n[0] + dy * n[1] + dz * n[2];
  };
  const tmp = new Float64Array(3);
  // w bounds keep out the far side of the head: within 50 mm the scalp drops at most ~20 mm
  // below the tangent plane (radius of curvature >= 70 mm).
  const inside = (x: number, y: number, z: number): boolean => {
    local(x, y, z, tmp);
    return tmp[0] >= uMinMm && tmp[0] <= uMaxMm && tmp[1] >= vMinMm && tmp[1] <= vMaxMm && tmp[2] > -25 && tmp[2] < 10;
  };

  const nu = Math.round((uMaxMm - uMinMm) / SAMPLE_MM),
    nv = Math.round((vMaxMm - vMinMm) / SAMPLE_MM);
  const du = (uMaxMm - uMinMm) / nu,
    dv = (vMaxMm - vMinMm) / nv;
  const count = nu * nv;
  const samples = {
    count,
    u: new Float32Array(count),
    v: new Float32Array(count),
    xyz: new Float32Array(count * 3),
    areaMm2: new Float32Array(count),
    coverage: new Float32Array(count),
  };
  let area = 0,
    targetArea = 0;
  for (let b = 0; b < nv; b++) {
    for (let a = 0; a < nu; a++) {
      const k = b * nu + a;
      const su = uMinMm + (a + 0.5) * du,
        sv = vMinMm + (b + 0.5) * dv;
      const px = c[0] + su * u[0] + sv * v[0],
        py = c[1] + su * u[1] + sv * v[1],
        pz = c[2] + su * u[2] + sv * v[2];
      // The surface point straight below (su, sv) along the normal: the chart projects along its
      // own rays, so step down to the depth found and project again (converges in two steps).
      let w = 0;
      for (let it = 0; it < 3; it++) {
        if (!surface.project(px + w * n[0], py + w * n[1], pz + w * n[2])) throw new Error(`Exercise ${exercise.id}: its region runs off the scalp chart`);
        w = (surface.x - c[0]) * n[0] + (surface.y - c[1]) * n[1] + (surface.z - c[2]) * n[2];
      }
      // Orthogonal projection: the surface area over a plane cell is its area over the cosine
      // between the normals.
      const cos = Math.abs(surface.nx * n[0] + surface.ny * n[1] + surface.nz * n[2]);
      const a2 = (du * dv) / Math.max(cos, 0.5);
      const cov = coverage(su, sv);
      samples.u[k] = su;
      samples.v[k] = sv;
      samples.xyz[3 * k] = surface.x;
      samples.xyz[3 * k + 1] = surface.y;
      samples.xyz[3 * k + 2] = surface.z;
      samples.areaMm2[k] = a2;
      samples.coverage[k] = cov;
      area += a2;
      targetArea += a2 * cov;
    }
  }
  return {
    kind: spec.kind,
    center: c,
    normal: n,
    uDir: u,
    vDir: v,
    uMinMm,
    uMaxMm,
    vMinMm,
    vMaxMm,
    transitionMm,
    areaCm2: area / 100,
    targetAreaCm2: targetArea / 100,
    samples,
    inside,
    coverage,
    local,
    surface,
  };
}

/** The exercise region as a test on points (mm) and its area (cm²) on a head. */
export function exerciseArea(head: TrainingHead, exercise: Exercise): { inside: (pointMm: ArrayLike<number>) => boolean; areaCm2: number; targetAreaCm2: number } {
  const r = resolveRegion(head, exercise);
  return { inside: (p) => r.inside(p[0], p[1], p[2]), areaCm2: r.areaCm2, targetAreaCm2: r.targetAreaCm2 };
}
