import { z } from '../zod';
import { range } from '../schema';
import { scalpFields } from '../scalp/fields';
import { ScalpSurface } from '../scalp/surface';
import { crownPoint, depthInsideOutline, frontAzimuths, headScale, soft, type HairHead } from './anchors';
import { HAIR_LOSS_PATTERN_IDS, PATTERN_PARAMS, type Fringe, type PatternParams } from './patterns';

export { HAIR_LOSS_PATTERNS, HAIR_LOSS_PATTERN_IDS } from './patterns';
export type { HairLossPattern, HairLossPatternId } from './patterns';

export const MAX_HAIR_CORRECTIONS = 500;

/** One brush stroke: 'add' makes hair grow inside the circle, 'remove' makes it bald. */
export const hairCorrectionSchema = z.object({
  centerMm: z.tuple([range('Brush centre x', ' mm', -300, 300), range('Brush centre y', ' mm', -300, 300), range('Brush centre z', ' mm', -300, 300)], {
    error: 'Brush centre must be three coordinates in mm',
  }),
  radiusMm: range('Brush radius', ' mm', 2, 40),
  mode: z.enum(['add', 'remove'], { error: "Brush mode must be 'add' or 'remove'" }),
});

export const hairLossSchema = z.object({
  pattern: z.enum(HAIR_LOSS_PATTERN_IDS, { error: `Hair-loss pattern must be one of ${HAIR_LOSS_PATTERN_IDS.join(', ')}` }),
  /** For 'diffuse': the share of natural density left everywhere (1 = none lost). */
  diffuseRemaining: range('Remaining hair share', '', 0, 1),
  /** Brush corrections, applied in order over the pattern. */
  corrections: z.array(hairCorrectionSchema).max(MAX_HAIR_CORRECTIONS, { error: `At most ${MAX_HAIR_CORRECTIONS} hair-loss corrections` }),
});

export type HairLoss = z.infer<typeof hairLossSchema>;
export type HairCorrection = z.infer<typeof hairCorrectionSchema>;

/** Norwood I, no corrections. Diffuse thinning defaults to half the natural density when chosen. */
export function defaultHairLoss(): HairLoss {
  return { pattern: 'none', diffuseRemaining: 0.5, corrections: [] };
}

/** Width of every pattern edge: hair thins over a few mm rather than stopping (assumed 6 mm). */
export const EDGE_MM = 6;
/** Ludwig's thinning fades in over a wider band (assumed 14 mm): it is diffuse by nature. */
const LUDWIG_EDGE_MM = 14;
/** Brush edge: a quarter of the radius, 1-4 mm (assumed). */
const brushEdge = (r: number) => Math.min(4, Math.max(1, 0.25 * r));
/** Natural (Norwood I) hairline when none is given: the common 8 cm above the glabella
 * (SCIENCE.md section 4), scaled with the head. */
export const NATURAL_HAIRLINE_MM = 80;
/** scalpFields marks nodes outside the front (behind the temples) with 1e4 mm. */
const OFF_FRONT_MM = 5e3;

/**
 * The share of natural hair density (0 bald .. 1 full) left at each chart node, in the chart
 * grid layout. `hairlineFieldMm` is the signed distance behind the client's natural front
 * hairline (as scalpFields().hairlineMm gives it); without it the hairline is taken 8 cm above
 * the glabella. Frontal recession is measured back from that hairline, the crown patch from
 * the crown behind the vertex, the fringe of Norwood VI-VII up from the hair-bearing outline
 * along the chart meridians; all lengths scale with the head's circumference.
 */
export function hairField(head: HairHead, hairLoss: HairLoss, hairlineFieldMm?: Float32Array): Float32Array {
  const chart = head.chart;
  const k = headScale(head);
  const surface = new ScalpSurface(chart);
  const front = hairlineFieldMm ?? scalpFields(head, { midFrontalHeightMm: NATURAL_HAIRLINE_MM * k }).hairlineMm;
  const { depthMm, fromPoleMm } = depthInsideOutline(head);
  const crown = crownPoint(head, surface);
  const az = frontAzimuths(head, surface);
  const p: PatternParams = PATTERN_PARAMS[hairLoss.pattern];
  const cols = chart.thetaSteps + 1;
  const rows = chart.phiSteps + 1;
  const s = chart.surfaceMm;
  const out = new Float32Array(rows * cols);
  for (let j = 0; j < rows; j++) {
    const phi = (j / chart.phiSteps) * 2 * Math.PI;
    const a = phi > Math.PI ? 2 * Math.PI - phi : phi; // azimuth from the front, either side
    const recessMm = p.recession ? recession(p.recession.midMm, p.recession.ftMm, a, az.ftRad, az.templeRad) * k : 0;
    const thinAbove = p.thin ? fringeHeight(p.thin.fringe, a) * k : 0;
    const baldAbove = p.bald ? fringeHeight(p.bald, a) * k : 0;
    const ludwigMm = p.ludwig ? ludwigReach(p.ludwig.sideMm, p.ludwig.backMm, phi) * k : 0;
    for (let i = 0; i < cols; i++) {
      const n = j * cols + i;
      const f = front[n];
      const onFront = f < OFF_FRONT_MM;
      let h = onFront ? soft(f, EDGE_MM) : 1;
      if (p.recession && onFront) h *= soft(f - recessMm, EDGE_MM);
      if (p.crownMm) {
        const d = Math.hypot(s[3 * n] - crown[0], s[3 * n + 1] - crown[1], s[3 * n + 2] - crown[2]);
        h *= soft(d - p.crownMm * k, EDGE_MM);
      }
      if (p.thin) h *= 1 - (1 - p.thin.share) * soft(depthMm[n] - thinAbove, EDGE_MM);
      if (p.bald) h *= soft(baldAbove - depthMm[n], EDGE_MM);
      if (p.ludwig) {
        const keep = onFront ? soft(f - p.ludwig.frontKeepMm * k, LUDWIG_EDGE_MM) : 1;
        h *= 1 - p.ludwig.loss * keep * soft(ludwigMm - fromPoleMm[n], LUDWIG_EDGE_MM);
      }
      if (p.diffuse) h *= hairLoss.diffuseRemaining;
      out[n] = h;
    }
  }
  applyCorrections(chart.surfaceMm, hairLoss.corrections, out);
  // Hair grows only inside the hair-bearing outline, whatever the brush did.
  for (let n = 0; n < out.length; n++) out[n] *= soft(depthMm[n], EDGE_MM);
  return out;
}

/** Frontal recession depth at azimuth `a` (radians from the front midline): from `mid` on the
 * midline to its deepest, `ft`, at the frontotemporal point, back to none at the temple where
 * the hairline meets the outline (the M shape of Norwood II-V). */
function recession(mid: number, ft: number, a: number, ftRad: number, templeRad: number): number {
  if (a <= ftRad) return mid + (ft - mid) * step(a / ftRad);
  return ft * (1 - step((a - ftRad) / (templeRad - ftRad)));
}

/** Height of a kept fringe above the outline at azimuth `a` (radians from the front). */
function fringeHeight(f: Fringe, a: number): number {
  const deg = (a * 180) / Math.PI;
  if (deg <= f.fullDeg) return f.sideMm * step((deg - f.startDeg) / (f.fullDeg - f.startDeg));
  return f.sideMm + (f.backMm - f.sideMm) * step((deg - f.fullDeg) / (180 - f.fullDeg));
}

/** How far Ludwig's oval reaches from the crown (chart pole) along the meridian at azimuth
 * `phi`: an ellipse `side` wide and `back` deep behind, open toward the front (where the kept
 * frontal band limits it). */
function ludwigReach(side: number, back: number, phi: number): number {
  const c = Math.cos(phi),
    sn = Math.sin(phi);
  const along = c >= 0 ? c / 400 : c / back;
  return 1 / Math.sqrt(along * along + (sn / side) * (sn / side));
}

function step(t: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  return t * t * (3 - 2 * t);
}

/** Brush corrections in order, each a soft disc (3D distance to its centre): 'add' moves the
 * share toward 1, 'remove' toward 0, by the disc's weight. */
export function applyCorrections(surfaceMm: Float32Array, corrections: readonly HairCorrection[], field: Float32Array): void {
  for (const c of corrections) {
    const [cx, cy, cz] = c.centerMm;
    const e = brushEdge(c.radiusMm);
    const reach = c.radiusMm + e / 2,
      reach2 = reach * reach;
    const target = c.mode === 'add' ? 1 : 0;
    for (let n = 0; n < field.length; n++) {
      const dx = surfaceMm[3 * n] - cx;
      if (dx > reach || dx < -reach) continue;
      const dy = surfaceMm[3 * n + 1] - cy,
        dz = surfaceMm[3 * n + 2] - cz;
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 >= reach2) continue;
      const w = soft(c.radiusMm - Math.sqrt(d2), e);
      field[n] += (target - field[n]) * w;
    }
  }
}

/** Share of the hair-bearing region (area-weighted with the chart's area element, which equals
 * surface area) where less than half the natural density is left. */
export function baldAreaShare(head: Pick<HairHead, 'chart'>, field: Float32Array): number {
  const chart = head.chart;
  const cols = chart.thetaSteps + 1;
  const dPhi = (2 * Math.PI) / chart.phiSteps;
  let bald = 0,
    total = 0;
  for (let j = 0; j < chart.phiSteps; j++) {
    const edge = 0.5 * (chart.boundaryThetaRad[j] + chart.boundaryThetaRad[j + 1]);
    for (let i = 0; i < chart.thetaSteps; i++) {
      if (((i + 0.5) / chart.thetaSteps) * chart.thetaMaxRad > edge) break;
      const n = j * cols + i;
      // Cell between nodes (j, i), (j, i + 1): dA = rho drho dphi.
      const r0 = chart.rhoMm[n],
        r1 = chart.rhoMm[n + 1];
      const area = 0.5 * (r1 * r1 - r0 * r0) * dPhi;
      const h = 0.25 * (field[n] + field[n + 1] + field[n + cols] + field[n + cols + 1]);
      total += area;
      if (h < 0.5) bald += area;
    }
  }
  return total > 0 ? bald / total : 0;
}
