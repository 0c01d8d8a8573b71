/** The hair-loss patterns as numbers. Norwood 1975 and Ludwig 1977 (SCIENCE.md section 4) classify
 * by drawings, not measurements: every length below is an assumption read off their drawings for
 * the average head (circumference 570 mm) and is scaled with the head. Lengths in mm. */

/** Frontal recession: how far the hairline has moved back behind the natural (Norwood I)
 * hairline, on the midline and at the frontotemporal points above the outer eye corners. */
export interface Recession {
  midMm: number;
  ftMm: number;
}

/** A fringe of hair kept along the outline: its height above the outline, measured up the chart
 * meridians, grows from 0 at azimuth `startDeg` (0 = front midline) to `sideMm` at `fullDeg`
 * and to `backMm` at the back midline. */
export interface Fringe {
  startDeg: number;
  fullDeg: number;
  sideMm: number;
  backMm: number;
}

/** Ludwig's thinning of the top: an oval about the crown reaching forward to `frontKeepMm`
 * behind the hairline (1-3 cm, Ludwig 1977), `sideMm` to each side and `backMm` behind the
 * crown; `loss` is the share of hair lost at its core. */
export interface LudwigArea {
  frontKeepMm: number;
  sideMm: number;
  backMm: number;
  loss: number;
}

export interface PatternParams {
  recession?: Recession;
  /** Radius of the bald crown (vertex) patch. */
  crownMm?: number;
  /** Norwood V: the band between front and crown, and the top above `fringe`, thin to `share`. */
  thin?: { share: number; fringe: Fringe };
  /** Norwood VI, VII: all is bald above the fringe. */
  bald?: Fringe;
  ludwig?: LudwigArea;
  diffuse?: boolean;
}

export const HAIR_LOSS_PATTERN_IDS = ['none', 'norwood-2', 'norwood-3', 'norwood-3v', 'norwood-4', 'norwood-5', 'norwood-6', 'norwood-7', 'ludwig-1', 'ludwig-2', 'ludwig-3', 'diffuse'] as const;
export type HairLossPatternId = (typeof HAIR_LOSS_PATTERN_IDS)[number];

export interface HairLossPattern {
  id: HairLossPatternId;
  name: string;
  description: string;
}

export const HAIR_LOSS_PATTERNS: readonly HairLossPattern[] = Object.freeze([
  { id: 'none', name: 'Norwood I', description: 'No loss: the natural hairline, full density everywhere.' },
  { id: 'norwood-2', name: 'Norwood II', description: 'Minor, symmetric recession at the temples.' },
  { id: 'norwood-3', name: 'Norwood III', description: 'Deep recession at the temples; the front is bare or sparse there.' },
  { id: 'norwood-3v', name: 'Norwood III vertex', description: 'Temple recession of stage III plus a bald patch at the crown.' },
  { id: 'norwood-4', name: 'Norwood IV', description: 'Frontal and crown loss, separated by a solid band of hair across the top.' },
  { id: 'norwood-5', name: 'Norwood V', description: 'Larger frontal and crown areas; the band between them is narrow and thin.' },
  { id: 'norwood-6', name: 'Norwood VI', description: 'The band is gone: front and crown bald as one area, sides and back kept.' },
  { id: 'norwood-7', name: 'Norwood VII', description: 'Only a horseshoe of hair at the sides and back, from in front of the ears to the nape.' },
  { id: 'ludwig-1', name: 'Ludwig I', description: 'Thinning of the crown and top behind an intact frontal hairline.' },
  { id: 'ludwig-2', name: 'Ludwig II', description: 'Pronounced thinning over a wider area of the top.' },
  { id: 'ludwig-3', name: 'Ludwig III', description: 'Near-total thinning of the top; the frontal hairline is kept.' },
  { id: 'diffuse', name: 'Diffuse thinning', description: 'Even thinning everywhere, to the remaining share chosen.' },
]);

/** VI: the fringe still reaches forward over the temples. */
const VI: Fringe = { startDeg: 50, fullDeg: 90, sideMm: 55, backMm: 95 };
/** VII: the horseshoe "begins laterally just anterior to the ear" (Norwood 1975); the ear is at
 * an azimuth of about 95 degrees on this chart. */
const VII: Fringe = { startDeg: 72, fullDeg: 100, sideMm: 32, backMm: 72 };

export const PATTERN_PARAMS: Record<HairLossPatternId, PatternParams> = {
  none: {},
  // II: recession of no more than ~2 cm at the frontotemporal corners.
  'norwood-2': { recession: { midMm: 3, ftMm: 18 } },
  'norwood-3': { recession: { midMm: 10, ftMm: 38 } },
  'norwood-3v': { recession: { midMm: 10, ftMm: 38 }, crownMm: 28 },
  'norwood-4': { recession: { midMm: 28, ftMm: 50 }, crownMm: 36 },
  'norwood-5': {
    recession: { midMm: 40, ftMm: 60 },
    crownMm: 46,
    thin: { share: 0.55, fringe: { startDeg: 0, fullDeg: 85, sideMm: 62, backMm: 105 } },
  },
  'norwood-6': { bald: VI },
  'norwood-7': { bald: VII },
  'ludwig-1': { ludwig: { frontKeepMm: 22, sideMm: 28, backMm: 28, loss: 0.6 } },
  'ludwig-2': { ludwig: { frontKeepMm: 16, sideMm: 40, backMm: 40, loss: 0.8 } },
  'ludwig-3': { ludwig: { frontKeepMm: 10, sideMm: 55, backMm: 52, loss: 0.95 } },
  diffuse: { diffuse: true },
};
