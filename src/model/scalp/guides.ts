/** Anthropometric guides for the hairline designer, and plain-language warnings (never blocks)
 * for designs outside the usual ranges. Figures: SCIENCE.md section 4 (Shapiro & Shapiro 2013;
 * Garg et al. 2017), all clinician opinion [C]. */
import type { HeadModel, Vec3 } from '../head/types';
import { midlineTheta, pointOnVertical, surfacePointAt } from './chartGeometry';
import { hairlineHandles, type HairlineHandle } from './hairlineHandles';
import type { HairlineSpec } from './hairlineSchema';

type HeadLike = Pick<HeadModel, 'chart' | 'landmarks'>;

/** Marks of the height scale above the glabella: aggressive, common, conservative (mm). */
export const HEIGHT_MARKS_MM = [70, 80, 100] as const;
/** A design asymmetric by more than this (mm, left handle vs the mirror of the right) is
 * flagged. No published tolerance [NF]: assumed a little over what the eye forgives at a
 * conversational distance. */
export const ASYMMETRY_WARN_MM = 4;
/** Frontotemporal point this far sideways off the vertical through the outer eye corner is
 * flagged (assumption; Garg et al. 2017 place it on that vertical). */
export const FT_OFF_VERTICAL_WARN_MM = 10;

export interface HairlineGuides {
  glabellaMm: Vec3;
  /** Forehead midline from the glabella up to 10 cm above it, xyz mm. */
  heightScale: Float32Array;
  heightMarks: { heightMm: number; positionMm: Vec3 }[];
  /** The vertical through each outer eye corner, over the forehead (xyz mm), and the design's
   * frontotemporal point, which should sit on it. */
  eyeVerticals: { side: 'left' | 'right'; polyline: Float32Array; frontotemporalMm: Vec3 }[];
  templePeaks: { side: 'left' | 'right'; positionMm: Vec3 }[];
}

export function hairlineGuides(head: HeadLike, hairline: HairlineSpec): HairlineGuides {
  const chart = head.chart;
  const g = head.landmarks.glabella;
  // Midline: a chord from the glabella to the chart's rim, then along the chart's front row.
  const scale: number[] = [...g];
  const top = midlineTheta(head, HEIGHT_MARKS_MM[HEIGHT_MARKS_MM.length - 1]);
  const p: Vec3 = [0, 0, 0];
  for (let t = chart.thetaMaxRad; t >= top - 1e-9; t -= chart.thetaMaxRad / chart.thetaSteps) {
    surfacePointAt(chart, t, 0, p);
    scale.push(...p);
  }
  surfacePointAt(chart, top, 0, p);
  scale.push(...p);
  const heightMarks = HEIGHT_MARKS_MM.map((heightMm) => {
    const positionMm: Vec3 = [0, 0, 0];
    surfacePointAt(chart, midlineTheta(head, heightMm), 0, positionMm);
    return { heightMm, positionMm };
  });
  const handles = byId(hairlineHandles(head, hairline));
  const mid = handles.mid.positionMm;
  const eyeVerticals = (['left', 'right'] as const).map((side) => {
    const e = side === 'left' ? head.landmarks.eyeOuterLeft : head.landmarks.eyeOuterRight;
    const pts: number[] = [];
    // From the brow up to 5 cm above the mid-frontal point; below the chart's rim it is skipped.
    for (let y = e[1] + 15; y <= mid[1] + 50; y += 2) {
      const q = pointOnVertical(chart, e[0], y, mid[2]);
      if (q) pts.push(...q);
    }
    const ft = handles[side === 'left' ? 'frontotemporalLeft' : 'frontotemporalRight'].positionMm;
    return { side, polyline: Float32Array.from(pts), frontotemporalMm: ft };
  });
  const templePeaks = (['left', 'right'] as const).map((side) => ({
    side,
    positionMm: handles[side === 'left' ? 'templeLeft' : 'templeRight'].positionMm,
  }));
  return { glabellaMm: [...g] as Vec3, heightScale: Float32Array.from(scale), heightMarks, eyeVerticals, templePeaks };
}

export type HairlineWarningCode = 'low' | 'high' | 'asymmetric-temples' | 'asymmetric-frontotemporal' | 'frontotemporal-off-eye';
export interface HairlineWarning {
  code: HairlineWarningCode;
  message: string;
}

/** Warnings for a design outside the usual ranges; an empty list when none apply. */
export function hairlineWarnings(head: HeadLike, hairline: HairlineSpec): HairlineWarning[] {
  const out: HairlineWarning[] = [];
  const src = 'Shapiro & Shapiro 2013; Garg et al. 2017';
  const h = hairline.midFrontalHeightMm;
  if (h < 70) {
    out.push({
      code: 'low',
      message: `The mid-frontal point is ${h.toFixed(0)} mm above the glabella, under 7 cm: an aggressive hairline. A low hairline looks unnatural with age, as the natural hairline recedes (${src}).`,
    });
  } else if (h > 100) {
    out.push({
      code: 'high',
      message: `The mid-frontal point is ${h.toFixed(0)} mm above the glabella, over 10 cm: higher than even a conservative hairline; it may read as receded (${src}).`,
    });
  }
  const handles = byId(hairlineHandles(head, hairline));
  const mirrorGap = (a: HairlineHandle, b: HairlineHandle) => {
    const p = a.positionMm,
      q = b.positionMm;
    return Math.hypot(p[0] + q[0], p[1] - q[1], p[2] - q[2]);
  };
  const temples = mirrorGap(handles.templeLeft, handles.templeRight);
  if (temples > ASYMMETRY_WARN_MM) {
    out.push({ code: 'asymmetric-temples', message: `The temple peaks are ${temples.toFixed(0)} mm out of mirror symmetry; more than a few mm shows from the front.` });
  }
  const fts = mirrorGap(handles.frontotemporalLeft, handles.frontotemporalRight);
  if (fts > ASYMMETRY_WARN_MM) {
    out.push({ code: 'asymmetric-frontotemporal', message: `The frontotemporal points are ${fts.toFixed(0)} mm out of mirror symmetry; more than a few mm shows from the front.` });
  }
  for (const side of ['left', 'right'] as const) {
    const e = side === 'left' ? head.landmarks.eyeOuterLeft : head.landmarks.eyeOuterRight;
    const ft = handles[side === 'left' ? 'frontotemporalLeft' : 'frontotemporalRight'].positionMm;
    const off = Math.abs(ft[0] - e[0]);
    if (off > FT_OFF_VERTICAL_WARN_MM) {
      const where = Math.abs(ft[0]) < Math.abs(e[0]) ? 'inside' : 'outside';
      out.push({
        code: 'frontotemporal-off-eye',
        message: `The ${side} frontotemporal point is ${off.toFixed(0)} mm ${where} the vertical through the outer eye corner, where it usually sits (Garg et al. 2017).`,
      });
    }
  }
  return out;
}

function byId(list: HairlineHandle[]): Record<HairlineHandle['id'], HairlineHandle> {
  return Object.fromEntries(list.map((h) => [h.id, h])) as Record<HairlineHandle['id'], HairlineHandle>;
}
