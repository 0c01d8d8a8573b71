/** Where each kind of scar lies on the head: the strip's centre line around the back and the
 * FUE punches' centres in the donor area, in xyz mm on the scalp surface. */
import type { HeadModel, ScalpChart, Vec3 } from '../head/types';
import { boundaryAt, rhoAt } from './chart';
import { polarOf, surfaceOf } from './chartGeometry';
import type { PunctateScars, StripScar } from './scarSchema';

export type HeadLike = Pick<HeadModel, 'chart' | 'landmarks'>;

/** Donor area for FUE scars (assumption, the usual "safe donor zone"): behind the temples
 * (azimuth 75-285 degrees from the front), from 15 mm above the nape hairline to 60 mm above
 * the tragi. */
const DONOR_PHI: [number, number] = [(75 * Math.PI) / 180, (285 * Math.PI) / 180];

/** The strip's centre line, xyz mm: the surface curve at its height around the back of the
 * head, (length - width) long, so that with round ends the scar is `lengthMm` end to end.
 * It stops where it would leave the hair-bearing region (over the ears at low heights). */
export function stripCentreline(head: HeadLike, scar: StripScar): Float32Array {
  const y0 = head.landmarks.inion[1] + scar.heightAboveInionMm;
  const zc = head.chart.centerMm[2];
  const half = Math.max(0, (scar.lengthMm - scar.widthMm) / 2);
  const sides: number[][] = [[], []];
  for (const [n, sign] of [
    [0, 1],
    [1, -1],
  ] as const) {
    let arc = 0;
    let prev: Vec3 | null = null;
    for (let a = 0; a < Math.PI; a += Math.PI / 720) {
      const q = backPoint(head.chart, sign * a, y0, zc);
      if (!q) break;
      if (prev) {
        const step = Math.hypot(q[0] - prev[0], q[1] - prev[1], q[2] - prev[2]);
        if (arc + step >= half) {
          const t = (half - arc) / step;
          sides[n].push(prev[0] + (q[0] - prev[0]) * t, prev[1] + (q[1] - prev[1]) * t, prev[2] + (q[2] - prev[2]) * t);
          break;
        }
        arc += step;
      }
      sides[n].push(...q);
      prev = q;
    }
  }
  // Right side reversed, then the left side without its repeated midline point.
  const right = sides[1];
  const pts: number[] = [];
  for (let k = right.length - 3; k >= 0; k -= 3) pts.push(right[k], right[k + 1], right[k + 2]);
  pts.push(...sides[0].slice(3));
  return Float32Array.from(pts);
}

/** Surface point at height y0 in the horizontal direction `a` from the back midline (a > 0
 * toward the left ear); null off the hair-bearing region. */
function backPoint(chart: ScalpChart, a: number, y0: number, zc: number): Vec3 | null {
  const s = surfaceOf(chart);
  const dx = Math.sin(a),
    dz = -Math.cos(a);
  let r = 90,
    y = y0;
  for (let it = 0; it < 10; it++) {
    if (!s.project(dx * r, y, zc + dz * r)) return null;
    r = Math.hypot(s.x, s.z - zc);
    y += y0 - s.y;
  }
  const [theta, phi] = polarOf(chart, [s.x, s.y, s.z]);
  if (theta > boundaryAt(chart, phi)) return null;
  return [s.x, s.y, s.z];
}

/** Seeded, area-uniform FUE scar centres in the donor area, xyz mm. */
export function punctateCentres(head: HeadLike, scar: PunctateScars, rng: { next(): number }): Float32Array {
  const chart = head.chart;
  const l = head.landmarks;
  const yLo = l.nape[1] + 15,
    yHi = l.tragusLeft[1] + 60;
  const out = new Float32Array(scar.count * 3);
  const R = chart.extentMm;
  const q: Vec3 = [0, 0, 0];
  let n = 0;
  // Uniform in the chart plane is uniform on the surface (the chart preserves area).
  for (let tries = 0; n < scar.count && tries < scar.count * 200; tries++) {
    const X = (rng.next() * 2 - 1) * R,
      Y = (rng.next() * 2 - 1) * R;
    const rho = Math.hypot(X, Y);
    let phi = Math.atan2(Y, X);
    if (phi < 0) phi += 2 * Math.PI;
    if (phi < DONOR_PHI[0] || phi > DONOR_PHI[1]) continue;
    const theta = thetaOfRho(chart, rho, phi);
    if (theta < 0 || theta > boundaryAt(chart, phi)) continue;
    gridPointAt(chart, (theta / chart.thetaMaxRad) * chart.thetaSteps, (phi / (2 * Math.PI)) * chart.phiSteps, q);
    if (q[1] < yLo || q[1] > yHi) continue;
    out.set(q, 3 * n++);
  }
  return out.subarray(0, 3 * n);
}

/** Polar angle where the chart radius along azimuth phi reaches rho; -1 beyond the chart. */
function thetaOfRho(chart: ScalpChart, rho: number, phi: number): number {
  let lo = 0,
    hi = chart.thetaMaxRad;
  if (rhoAt(chart, hi, phi) < rho) return -1;
  for (let it = 0; it < 30; it++) {
    const m = 0.5 * (lo + hi);
    if (rhoAt(chart, m, phi) < rho) lo = m;
    else hi = m;
  }
  return 0.5 * (lo + hi);
}

/** Surface point at fractional grid indices (bilinear in the chart's surface grid). */
export function gridPointAt(chart: ScalpChart, fi: number, fj: number, out: Vec3): void {
  const cols = chart.thetaSteps + 1;
  fi = Math.max(0, Math.min(chart.thetaSteps, fi));
  fj = ((fj % chart.phiSteps) + chart.phiSteps) % chart.phiSteps;
  const i0 = Math.min(chart.thetaSteps - 1, Math.floor(fi)),
    j0 = Math.floor(fj);
  const ti = fi - i0,
    tj = fj - j0;
  const s = chart.surfaceMm;
  const k = (j0 * cols + i0) * 3,
    kc = k + cols * 3;
  for (let c = 0; c < 3; c++) {
    out[c] = (s[k + c] * (1 - ti) + s[k + 3 + c] * ti) * (1 - tj) + (s[kc + c] * (1 - ti) + s[kc + 3 + c] * ti) * tj;
  }
}
